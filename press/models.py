"""Press room: one per language tree, a section per organisation, press releases inside.

Also the spokespersons (a snippet) and the journalists' e-mail subscriptions.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Collection, Page

from home.models import LeadAndBodyMixin
from home.visibility import public
from workflows.models import Organisation, OrganisationSectionPage, SectionedIndexMixin
from workflows.snippets import PublicSnippet

from . import renditions
from .blocks import FactsBlock
from .feeds import PressReleaseAtomFeed, PressReleaseFeed
from .listing import PressRoomListing

# Images in this collection (and its children) make up the image bank of every press room.
PRESS_IMAGES_COLLECTION = "Pressbilder"

EMBARGO_HELP = _(
    "Embargo: ange under Inställningar → ”Publiceringsdatum” en tidpunkt i framtiden. När "
    "projektledningen godkänner pressmeddelandet schemaläggs det och publiceras automatiskt exakt då "
    "(senast inom en minut). Före den tiden syns ingenting av det publikt: inte sidan, listor, "
    "flöden, sökning eller e-post till prenumeranter. Ladda upp bilder och dokument till "
    "pressmeddelandet först när du skriver det, inte i förväg."
)


class Spokesperson(PublicSnippet):
    """A named contact for journalists ("talesperson"). Maintained by administrators and Projektledning;
    a change is public only once another project leader approves it (``PublicSnippet``)."""

    name = models.CharField(_("namn"), max_length=120, help_text=_("För- och efternamn."))
    title = models.CharField(_("titel"), max_length=160, help_text=_("Roll, t.ex. ”Verksamhetschef”."))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="spokespersons",
        help_text=_("Organisationen personen talar för."),
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True, help_text=_("Direktnummer, t.ex. 018-727 00 00."))
    email = models.EmailField(_("e-post"), blank=True, help_text=_("Adress dit journalister kan skriva."))
    topics = models.CharField(
        _("ämnen"), max_length=300, blank=True, help_text=_("Vad personen kan uttala sig om, t.ex. ”skolans arbete”.")
    )
    languages = models.CharField(
        _("språk"),
        max_length=160,
        blank=True,
        help_text=_("Språk personen kan intervjuas på, t.ex. ”svenska, engelska”."),
    )
    availability = models.CharField(
        _("tillgänglighet"), max_length=200, blank=True, help_text=_("När personen nås, t.ex. ”vardagar 8–17”.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sorteringsordning"), default=100, help_text=_("Lägre tal visas först inom organisationen.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("topics"),
        FieldPanel("languages"),
        FieldPanel("availability"),
        FieldPanel("sort_order"),
    ]

    # The personal-data registry (home.personal_data): erasure blanks the address; whether the
    # person stays a published contact is Projektledning's decision in the snippet.
    PERSONAL_DATA_FIELDS = ("email",)
    PERSONAL_DATA_EMAIL_FIELDS = ("email",)
    PERSONAL_DATA_ERASURE = "anonymise"

    @classmethod
    def anonymised_values(cls):
        return dict.fromkeys(cls.PERSONAL_DATA_FIELDS, "")

    class Meta:
        ordering = ["organisation__sort_order", "organisation__name", "sort_order", "name"]
        verbose_name = _("talesperson")
        verbose_name_plural = _("talespersoner")

    def __str__(self):
        return f"{self.name} ({self.organisation.short_name})"


class PressRoomPage(RoutablePageMixin, SectionedIndexMixin, LeadAndBodyMixin, Page):
    """ "Press": releases, spokespersons, press service, image bank, facts, guidance, subscription.

    The releases are filtered by ``?organisation=<slug>&page=<n>`` (see ``press.listing``); the
    feeds live at ``rss/`` and ``atom/`` below the press room and take the same filter.
    """

    organisation_section_model = "press.PressSectionPage"
    # Set-up by home.installation: title from the catalogues, slugs, order among the indexes.
    setup_title = _("Press")
    setup_slug = "press"
    setup_translated_slug = "press"
    setup_order = 30
    parent_page_types = ["home.HomePage"]
    subpage_types = ["press.PressSectionPage"]
    max_count_per_parent = 1

    service_hours = models.CharField(
        _("presstjänstens öppettider"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. ”Vardagar 8–17”."),
    )
    service_phone = models.CharField(
        _("presstjänstens telefon"), max_length=40, blank=True, help_text=_("Nummer under öppettiderna.")
    )
    service_email = models.EmailField(
        _("presstjänstens e-post"), blank=True, help_text=_("Gemensam adress för pressfrågor.")
    )
    on_call_phone = models.CharField(
        _("pressjour (telefon)"),
        max_length=40,
        blank=True,
        help_text=_("Nummer till kommunikatör i beredskap utanför öppettiderna."),
    )
    facts = StreamField(
        FactsBlock(),
        verbose_name=_("fakta och statistik"),
        blank=True,
        help_text=_("Siffror och fakta som journalister kan använda, alltid med källa."),
    )
    guidance = RichTextField(
        _("råd för ansvarsfull rapportering"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "Hur man rapporterar om hedersrelaterat våld utan att skada: skydda identiteter, hänvisa "
            "alltid till stödnummer. Stödnumren visas automatiskt efter texten."
        ),
    )

    content_panels = [
        *LeadAndBodyMixin.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("service_hours"),
                FieldPanel("service_phone"),
                FieldPanel("service_email"),
                FieldPanel("on_call_phone"),
            ],
            heading=_("Presstjänst"),
        ),
        FieldPanel("facts"),
        FieldPanel("guidance"),
        HelpPanel(
            content=_(
                "Bildbanken visar bilderna i samlingen ”Pressbilder”. Talespersoner redigeras under "
                "Snippets → Talespersoner."
            )
        ),
    ]

    class Meta:
        verbose_name = _("pressrum")

    def releases(self):
        return (
            public(PressReleasePage.objects.live())
            .descendant_of(self)
            .order_by("-first_published_at", "-pk")
            .prefetch_related("issuing_organisations")
        )

    def image_renditions(self):
        """The image bank's images in the press specs (bank uploads: manage.py generate_renditions)."""
        return [(image, renditions.ALL) for image in press_images()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        spokespersons = list(Spokesperson.objects.live().select_related("organisation"))
        groups = {}
        for person in spokespersons:
            groups.setdefault(person.organisation, []).append(person)
        context.update(
            listing=PressRoomListing.for_request(self, request),
            spokesperson_groups=list(groups.items()),
            press_images=press_images(),
        )
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return PressReleaseFeed()(request, root=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return PressReleaseAtomFeed()(request, root=self)


def press_images():
    """The image bank: images in the "Pressbilder" collection and its children."""
    collection = Collection.objects.filter(name=PRESS_IMAGES_COLLECTION).first()
    if collection is None:
        return []
    collections = Collection.objects.descendant_of(collection, inclusive=True)
    return list(
        get_image_model()
        .objects.filter(collection__in=collections)
        .order_by("-created_at")
        .prefetch_renditions(*renditions.ALL)
    )


class PressSectionPage(OrganisationSectionPage):
    """One organisation's press releases. Created by the installation (manage.py setup_site)."""

    is_creatable = False
    parent_page_types = ["press.PressRoomPage"]
    subpage_types = ["press.PressReleasePage"]

    class Meta:
        verbose_name = _("organisationens pressmeddelanden")


class PressReleaseForm(WagtailAdminPageForm):
    """Explains the embargo on the publishing date and preselects the drafting organisation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "go_live_at" in self.fields:
            self.fields["go_live_at"].help_text = EMBARGO_HELP
        parent = getattr(self, "parent_page", None)
        if self.instance.pk is None and parent is not None and "issuing_organisations" in self.fields:
            parent = parent.specific
            if isinstance(parent, PressSectionPage):
                self.fields["issuing_organisations"].initial = [parent.organisation_id]


class PressReleasePage(LeadAndBodyMixin, Page):
    """A press release, from one organisation or jointly from several."""

    parent_page_types = ["press.PressSectionPage"]
    subpage_types = []
    base_form_class = PressReleaseForm

    issuing_organisations = ParentalManyToManyField(
        Organisation,
        verbose_name=_("avsändare"),
        blank=True,
        related_name="+",
        help_text=_(
            "Organisationerna som står bakom pressmeddelandet. Välj flera för ett gemensamt "
            "pressmeddelande; din egen organisation är förvald."
        ),
    )
    spokespersons = ParentalManyToManyField(
        Spokesperson,
        verbose_name=_("kontaktpersoner"),
        blank=True,
        # Only published spokespersons can be chosen: a draft never reaches the public this way.
        limit_choices_to={"live": True},
        related_name="+",
        help_text=_("Talespersoner som journalister kan kontakta om just detta pressmeddelande."),
    )
    images = StreamField(
        [("image", ImageChooserBlock(label=_("Bild")))],
        verbose_name=_("pressbilder"),
        blank=True,
        help_text=_("Bilder som får användas med pressmeddelandet. Fyll i fotograf, licens och alt-text på bilden."),
    )
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("Dokument")))],
        verbose_name=_("bilagor"),
        blank=True,
        help_text=_("Rapporter, faktablad eller underlag (tillgängliga PDF:er)."),
    )

    search_fields = LeadAndBodyMixin.search_fields
    content_panels = [
        *LeadAndBodyMixin.content_panels,
        FieldPanel("issuing_organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("spokespersons", widget=forms.CheckboxSelectMultiple),
        FieldPanel("images"),
        FieldPanel("attachments"),
        HelpPanel(content=EMBARGO_HELP, heading=_("Embargo")),
    ]

    class Meta:
        verbose_name = _("pressmeddelande")

    def save(self, *args, **kwargs):
        # A release always has a sender: by default the organisation whose section holds it.
        if self.path and not list(self.issuing_organisations.all()):
            parent = self.get_parent()
            if parent is not None and isinstance(parent.specific, PressSectionPage):
                self.issuing_organisations = [parent.specific.organisation]
        return super().save(*args, **kwargs)

    def image_renditions(self):
        """The release's press images in the press specs (home.renditions makes them on publish)."""
        return [(block.value, renditions.ALL) for block in self.images]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issuers"] = list(self.issuing_organisations.all())
        context["contacts"] = list(self.spokespersons.filter(live=True).select_related("organisation"))
        context["press_room"] = PressRoomPage.objects.ancestor_of(self).first()
        return context


class PressSubscriber(models.Model):
    """A journalist's e-mail subscription to new press releases (double opt-in)."""

    email = models.EmailField(_("e-post"), unique=True)
    language = models.CharField(_("språk"), max_length=10, default="sv")
    created_at = models.DateTimeField(_("anmäld"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)

    # The personal-data registry (home.personal_data): a subscription is nothing without its
    # address, so erasure deletes it (and its deliveries).
    PERSONAL_DATA_EMAIL_FIELDS = ("email",)
    PERSONAL_DATA_ERASURE = "delete"

    class Meta:
        verbose_name = _("prenumerant")
        verbose_name_plural = _("prenumeranter")

    def __str__(self):
        # Also the audit log's label: the address stays out of the site history.
        return str(_("Prenumerant #%(pk)s") % {"pk": self.pk})


class PressReleaseMailing(models.Model):
    """Marks a release (all its translations) as announced: subscribers are e-mailed once, ever."""

    translation_key = models.UUIDField(unique=True)
    release = models.ForeignKey(PressReleasePage, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class PressReleaseDelivery(models.Model):
    """One e-mail of one release to one subscriber (unique: a retried task never sends twice)."""

    mailing = models.ForeignKey(PressReleaseMailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(PressSubscriber, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["mailing", "subscriber"], name="press_delivery_once")]
