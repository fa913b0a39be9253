"""Trainings: one index per language tree, a section per organisation, trainings inside.

Bookings always belong to the training in the default language (the "booking target"): a
translation is the same course with the same seats, so every language books the same rows.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Max, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import StoryBlock
from home.models import LeadAndBodyMixin
from home.visibility import public
from workflows.models import Organisation, OrganisationSectionPage, SectionedIndexMixin

from . import ical
from .choices import TargetGroup, TrainingFormat
from .feeds import TrainingAtomFeed, TrainingRssFeed
from .forms import BookingForm
from .listing import TrainingListing


class TrainingStatus(models.TextChoices):
    OPEN = "oppen", _("Öppen för anmälan")
    FULL = "fullbokad", _("Fullbokad – väntelista")
    CLOSED = "stangd", _("Anmälan stängd")
    CANCELLED = "installd", _("Inställd")
    FINISHED = "genomford", _("Genomförd")


class TargetGroupsField(models.CharField):
    """Several target groups stored as ",skola,polis," so one group filters with contains=",skola,"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    @staticmethod
    def _as_list(value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [v for v in value if v]
        return [v for v in str(value).split(",") if v]

    def from_db_value(self, value, expression, connection):
        return self._as_list(value)

    def to_python(self, value):
        return self._as_list(value)

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            values = [v for v in value if v]
            return f",{','.join(values)}," if values else ""
        # Strings pass unchanged: lookups such as contains=",skola," use them as they are.
        return "" if value is None else str(value)

    def value_to_string(self, obj):
        return ",".join(self.value_from_object(obj) or [])

    def validate(self, value, model_instance):
        unknown = set(self._as_list(value)) - set(TargetGroup.values)
        if unknown:
            raise ValidationError(_("Okänd målgrupp."))
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"])

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=TargetGroup.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


class TrainingIndexPage(RoutablePageMixin, SectionedIndexMixin, LeadAndBodyMixin, Page):
    """ "Utbildningar": the course calendar of every organisation.

    Filters are plain GET parameters (``?malgrupp=&form=&organisation=&arkiv=1&page=<n>``, see
    ``training.listing``); the feeds live below the index, ``rss/``, ``atom/`` and the iCalendar
    file ``kalender.ics``, and take the same filters.
    """

    organisation_section_model = "training.TrainingSectionPage"
    # Set-up by home.installation: title from the catalogues, slugs, order among the indexes.
    setup_title = _("Utbildningar")
    setup_slug = "utbildningar"
    setup_translated_slug = "trainings"
    setup_order = 20
    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.TrainingSectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("utbildningskalender")

    def organisation_sections(self):
        return TrainingSectionPage.objects.child_of(self).live().select_related("organisation")

    def trainings(self, archive=False, now=None):
        """Live, public trainings below the index, upcoming soonest first or the archive latest first."""
        now = now or timezone.now()
        trainings = TrainingPage.annotate_listing(
            public(TrainingPage.objects.live()).descendant_of(self)
        ).defer_streamfields()
        if archive:
            return trainings.filter(last_end__lt=now).order_by("-last_end", "-pk")
        return trainings.filter(upcoming_q(now)).order_by("first_start", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = TrainingListing.for_request(self, request)
        language = "" if self.locale.is_default else f"?sprak={self.locale.language_code}"
        context["request_url"] = reverse("training:request") + language
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return TrainingRssFeed()(request, root=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return TrainingAtomFeed()(request, root=self)

    # Served without the trailing slash (see home.i18n_urls): calendars expect a file name.
    @path("kalender.ics/", name="ical")
    def ical_feed(self, request):
        listing = TrainingListing.for_request(self, request, paginate=False)
        sessions = Prefetch(
            "sessions", queryset=TrainingSession.objects.order_by("start"), to_attr="prefetched_sessions"
        )
        host = request.get_host().split(":")[0] or "nexus"
        body = ical.feed_calendar(listing.queryset.prefetch_related(sessions), self.title, request=request, host=host)
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class TrainingSectionPage(OrganisationSectionPage):
    """One organisation's trainings. Created by the installation (manage.py setup_site)."""

    is_creatable = False
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.TrainingPage"]

    class Meta:
        verbose_name = _("organisationens utbildningar")


def confirmed_count_subquery():
    """Confirmed bookings of a training, counted on its booking target (same translation key)."""
    counts = (
        Booking.objects.filter(training__translation_key=OuterRef("translation_key"), status=Booking.Status.CONFIRMED)
        .order_by()
        .values("training__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=models.IntegerField()), 0)


class TrainingPage(LeadAndBodyMixin, Page):
    """A training that professionals can book. Written by the organisation's communicators."""

    # Templates compare ``page.status`` with ``page.Status.OPEN`` etc., never with raw values.
    Status = TrainingStatus

    target_groups = TargetGroupsField(
        _("målgrupper"),
        blank=True,
        help_text=_("Vilka yrkesgrupper utbildningen riktar sig till. Används i filtret på utbildningssidan."),
    )
    who_may_attend = models.TextField(
        _("vem kan delta"),
        blank=True,
        max_length=600,
        help_text=_("T.ex. ”Anställda i länets kommuner som möter barn och unga”."),
    )
    format = models.CharField(
        _("form"),
        max_length=20,
        choices=TrainingFormat.choices,
        default=TrainingFormat.ON_SITE,
        help_text=_("På plats, digitalt eller båda."),
    )
    place = models.CharField(
        _("plats"),
        max_length=255,
        blank=True,
        help_text=_("Lokal och adress. Lämna tomt för en digital utbildning."),
    )
    digital_link = models.URLField(
        _("länk till digitalt möte"),
        blank=True,
        max_length=500,
        help_text=_(
            "Visas aldrig på webbplatsen. Skickas bara i e-post till bekräftade deltagare "
            "(på sidan står ”Länk skickas efter anmälan”)."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("antal platser"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(10_000)],
        help_text=_("Hur många som kan få en bekräftad plats. Fler anmälda hamnar på väntelistan."),
    )
    registration_closes = models.DateTimeField(
        _("sista anmälningsdag"),
        null=True,
        blank=True,
        help_text=_("Efter denna tidpunkt går det inte att anmäla sig. Tomt: anmälan stänger när utbildningen börjar."),
    )
    cost = models.CharField(
        _("kostnad"),
        max_length=120,
        blank=True,
        default="Kostnadsfri",
        help_text=_("T.ex. ”Kostnadsfri” eller ”500 kr inklusive lunch”."),
    )
    programme = StreamField(
        StoryBlock(), verbose_name=_("program"), blank=True, help_text=_("Dagens upplägg, tider och föreläsare.")
    )
    contact_name = models.CharField(
        _("kontaktperson"), max_length=120, blank=True, help_text=_("Vem deltagare kan fråga om utbildningen.")
    )
    contact_email = models.EmailField(
        _("kontaktpersonens e-post"), blank=True, help_text=_("Visas på sidan som kontaktuppgift.")
    )
    contact_phone = models.CharField(
        _("kontaktpersonens telefon"), max_length=40, blank=True, help_text=_("Visas på sidan som kontaktuppgift.")
    )
    accessibility = models.TextField(
        _("tillgänglighet och tolkning"),
        blank=True,
        max_length=1000,
        help_text=_("T.ex. hörselslinga, rullstolsanpassad lokal, teckenspråkstolk efter önskemål."),
    )
    cancelled = models.BooleanField(
        _("inställd"),
        default=False,
        help_text=_("Markera om utbildningen är inställd. Anmälan stängs och sidan visar att den är inställd."),
    )

    parent_page_types = ["training.TrainingSectionPage"]
    subpage_types = []

    content_panels = [
        *LeadAndBodyMixin.content_panels,
        MultiFieldPanel(
            [FieldPanel("target_groups"), FieldPanel("who_may_attend")],
            heading=_("Målgrupp"),
        ),
        InlinePanel("sessions", label=_("Tillfällen"), min_num=0, heading=_("Datum och tider")),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("place"), FieldPanel("digital_link")],
            heading=_("Plats"),
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_closes"), FieldPanel("cost"), FieldPanel("cancelled")],
            heading=_("Anmälan"),
        ),
        FieldPanel("programme"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Kontakt"),
        ),
        FieldPanel("accessibility"),
    ]

    search_fields = [*LeadAndBodyMixin.search_fields, index.SearchField("programme")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("who_may_attend"),
        TranslatableField("place"),
        TranslatableField("cost"),
        TranslatableField("programme"),
        TranslatableField("accessibility"),
        SynchronizedField("target_groups"),
        SynchronizedField("sessions"),
        SynchronizedField("format"),
        SynchronizedField("digital_link"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_closes"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("cancelled"),
    ]

    class Meta:
        verbose_name = _("utbildning")
        verbose_name_plural = _("utbildningar")

    # --- listing helpers ---------------------------------------------------------------

    @classmethod
    def annotate_listing(cls, queryset):
        """Dates and confirmed seats as annotations: a listing needs no query per item."""
        sessions = TrainingSession.objects.filter(page=OuterRef("pk")).order_by().values("page")
        return queryset.annotate(
            first_start=Subquery(sessions.annotate(v=Min("start")).values("v")),
            last_end=Subquery(sessions.annotate(v=Max("end")).values("v")),
            confirmed_count=confirmed_count_subquery(),
        )

    def _session_bounds(self):
        if hasattr(self, "first_start"):
            return self.first_start, self.last_end
        bounds = self.sessions.aggregate(first=Min("start"), last=Max("end"))
        self.first_start, self.last_end = bounds["first"], bounds["last"]
        return self.first_start, self.last_end

    def get_confirmed_count(self):
        if not hasattr(self, "confirmed_count"):
            self.confirmed_count = Booking.objects.filter(
                training__translation_key=self.translation_key, status=Booking.Status.CONFIRMED
            ).count()
        return self.confirmed_count

    @property
    def starts_at(self):
        return self._session_bounds()[0]

    @property
    def ends_at(self):
        return self._session_bounds()[1]

    @property
    def seats_left(self):
        return max(self.capacity - self.get_confirmed_count(), 0)

    @property
    def target_group_labels(self):
        labels = dict(TargetGroup.choices)
        return [labels[value] for value in self.target_groups or [] if value in labels]

    @property
    def is_digital(self):
        return self.format == TrainingFormat.DIGITAL

    @property
    def closes_at(self):
        return self.registration_closes or self.starts_at

    def is_finished(self, now=None):
        end = self.ends_at
        return end is not None and end < (now or timezone.now())

    def registration_open(self, now=None):
        now = now or timezone.now()
        closes = self.closes_at
        return not self.cancelled and not self.is_finished(now) and (closes is None or now < closes)

    @property
    def status(self):
        if self.cancelled:
            return TrainingStatus.CANCELLED
        if self.is_finished():
            return TrainingStatus.FINISHED
        if not self.registration_open():
            return TrainingStatus.CLOSED
        if self.seats_left <= 0:
            return TrainingStatus.FULL
        return TrainingStatus.OPEN

    @property
    def status_label(self):
        return TrainingStatus(self.status).label

    def refusal_reason(self, now=None):
        """Why a booking is refused now (a Swedish sentence), or None when it may go ahead."""
        if self.cancelled:
            return _("Utbildningen är inställd. Ingen anmälan har sparats.")
        if self.is_finished(now):
            return _("Utbildningen har redan ägt rum. Ingen anmälan har sparats.")
        if not self.registration_open(now):
            return _("Anmälan till utbildningen är stängd. Ingen anmälan har sparats.")
        return None

    def booking_target(self):
        """The training whose rows hold the bookings: the default-language version if any."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return TrainingPage.objects.filter(translation_key=self.translation_key, locale=default).first() or self

    def organisation(self):
        parent = self.get_parent()
        return getattr(parent.specific, "organisation", None) if parent else None

    # --- rendering ----------------------------------------------------------------------

    def get_context(self, request, *args, form=None, refusal=None, booking_form_page=False, **kwargs):
        """The page itself is the same for every reader (and cached, home/page_cache.py): it links
        to the booking form page (``training:book``), which alone carries a per-visitor token."""
        context = super().get_context(request, *args, **kwargs)
        context["booking_form_page"] = booking_form_page
        context["form"] = (form or BookingForm(training=self)) if booking_form_page else None
        context["refusal"] = refusal
        context["sessions"] = list(self.sessions.all())
        # The booking form states how long personal data is kept: the retention command's period.
        context["retention_days"] = settings.TRAINING_BOOKING_RETENTION_DAYS
        return context


class TrainingSession(Orderable):
    """One date of a training (a training may run over several days)."""

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("börjar"), help_text=_("Datum och tid när tillfället börjar."))
    end = models.DateTimeField(_("slutar"), help_text=_("Datum och tid när tillfället slutar."))

    panels = [FieldPanel("start"), FieldPanel("end")]

    class Meta(Orderable.Meta):
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Sluttiden måste vara efter starttiden.")})


class Booking(models.Model):
    """A participant's booking of a training. Personal data: see the retention command."""

    class Status(models.TextChoices):
        CONFIRMED = "bekraftad", _("Bekräftad")
        WAITING = "vantelista", _("Väntelista")
        CANCELLED = "avbokad", _("Avbokad")

    training = models.ForeignKey(
        TrainingPage, verbose_name=_("utbildning"), on_delete=models.CASCADE, related_name="bookings"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    name = models.CharField(_("namn"), max_length=120, blank=True)
    email = models.EmailField(_("e-post"), max_length=254, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    other_organisation = models.CharField(_("annan organisation"), max_length=120, blank=True)
    role = models.CharField(_("yrkesroll"), max_length=120, blank=True)
    needs = models.TextField(_("behov"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(_("samtycke lämnat"), null=True, blank=True)
    # sha256 of the form token's nonce and the e-mail address: a double click or a browser retry
    # of the same form finds this row instead of booking twice.
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    # sha256 of the form token's nonce alone: one rendered form makes one booking, whatever the
    # address (a bot cannot replay one token for many). Null for bookings made before the rule.
    form_token_key = models.CharField(max_length=64, unique=True, null=True, editable=False)
    created_at = models.DateTimeField(_("anmäld"), default=timezone.now)
    promoted_at = models.DateTimeField(_("flyttad från väntelistan"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avbokad"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personuppgifter borttagna"), null=True, blank=True)

    class Meta:
        verbose_name = _("bokning")
        verbose_name_plural = _("bokningar")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["training", "status"])]

    def __str__(self):
        # Also the audit log's label, which every editor with view_booking reads in the site
        # history: never the participant's name.
        return str(_("Anmälan #%(pk)s") % {"pk": self.pk})

    @property
    def organisation_name(self):
        if self.organisation_id:
            return self.organisation.name
        return self.other_organisation or (_("Annan") if not self.anonymised_at else "")

    @property
    def status_label(self):
        return self.get_status_display()

    @property
    def training_title(self):
        return self.training.title

    @property
    def session_text(self):
        return ", ".join(
            f"{timezone.localtime(s.start):%Y-%m-%d %H:%M}–{timezone.localtime(s.end):%H:%M}"
            for s in self.training.sessions.all()
        )

    # Everything that identifies a participant, blanked by anonymise() and by the retention
    # command; the rest (training, status, partner organisation, dates) stays for statistics.
    PERSONAL_DATA_FIELDS = ("name", "email", "other_organisation", "role", "needs")
    # The personal-data registry (home.personal_data): found by address, anonymised on erasure.
    PERSONAL_DATA_EMAIL_FIELDS = ("email",)
    PERSONAL_DATA_ERASURE = "anonymise"

    @classmethod
    def anonymised_values(cls, now=None):
        return {**dict.fromkeys(cls.PERSONAL_DATA_FIELDS, ""), "anonymised_at": now or timezone.now()}

    def anonymise(self, now=None):
        for field, value in self.anonymised_values(now).items():
            setattr(self, field, value)


class TrainingRequest(models.Model):
    """ "Beställ utbildning": a partner asks for a training for its own workplace."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    other_organisation = models.CharField(_("annan organisation"), max_length=120, blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=120)
    contact_email = models.EmailField(_("e-post"), max_length=254)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    group_size = models.PositiveSmallIntegerField(_("antal deltagare"))
    preferred_dates = models.CharField(_("önskade datum"), max_length=500, blank=True)
    needs = models.TextField(_("önskemål och behov"), max_length=2000, blank=True)
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("inkommen"), default=timezone.now)

    class Meta:
        verbose_name = _("beställning av utbildning")
        verbose_name_plural = _("beställningar av utbildning")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        # Also the audit log's label: no contact person's name.
        return str(_("Beställning #%(pk)s") % {"pk": self.pk})

    # The personal-data registry (home.personal_data): the contact person's data is blanked on
    # erasure; the request itself (organisation, group size, date) stays for statistics.
    PERSONAL_DATA_FIELDS = ("contact_name", "contact_email", "contact_phone", "preferred_dates", "needs")
    PERSONAL_DATA_EMAIL_FIELDS = ("contact_email",)
    PERSONAL_DATA_ERASURE = "anonymise"

    @classmethod
    def anonymised_values(cls):
        return dict.fromkeys(cls.PERSONAL_DATA_FIELDS, "")

    @property
    def organisation_name(self):
        return self.organisation.name if self.organisation_id else self.other_organisation or str(_("Annan"))


def upcoming_q(now=None):
    now = now or timezone.now()
    return Q(last_end__gte=now) | Q(last_end__isnull=True)
