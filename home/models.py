"""Pages, images and settings shared by the whole site."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from workflows.models import Audience
from workflows.snippets import PublicSnippet

from .addresses import public_url
from .blocks import StoryBlock
from .phone import tel_href
from .visibility import public


class NexusImage(AbstractImage):
    """Every image on the site: with photographer credit, licence and caption.

    Files get random names, so an image uploaded for an embargoed press release cannot be found
    by guessing its URL before the release is published.
    """

    credit = models.CharField(
        _("fotograf"), max_length=200, blank=True, help_text=_("Vem som tagit bilden, t.ex. ”Foto: Anna Berg”.")
    )
    licence = models.CharField(
        _("licens och villkor"),
        max_length=300,
        blank=True,
        help_text=_(
            "Hur bilden får användas, t.ex. ”Fri att använda i redaktionella sammanhang med fotografens namn”."
        ),
    )
    caption = models.CharField(
        _("bildtext"), max_length=300, blank=True, help_text=_("Bildtext som visas under bilden.")
    )

    admin_form_fields = (*Image.admin_form_fields, "credit", "licence", "caption")

    class Meta(AbstractImage.Meta):
        verbose_name = _("bild")
        verbose_name_plural = _("bilder")
        permissions = [("choose_image", "Can choose image")]

    def get_upload_to(self, filename):
        extension = os.path.splitext(filename)[1].lower()
        return f"original_images/{uuid.uuid4().hex}{extension}"


class NexusRendition(AbstractRendition):
    image = models.ForeignKey(NexusImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class LeadAndBodyMixin(models.Model):
    """A lead paragraph and a StoryBlock body: what most content pages share."""

    lead = models.TextField(
        _("ingress"),
        blank=True,
        max_length=600,
        help_text=_("En eller två meningar som sammanfattar sidan. Visas i listor och sökresultat."),
    )
    body = StreamField(StoryBlock(), verbose_name=_("brödtext"), blank=True, help_text=_("Sidans innehåll."))

    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]

    class Meta:
        abstract = True


class HomePage(LeadAndBodyMixin, Page):
    """The start page of one language tree ("Startsida"). Edited by Projektledning.

    Its heading says what the site is for; Nexus' own contact comes first (the number from the
    central help numbers, so one change reaches every language), then the audiences' entry
    points, the next trainings, the latest news and press releases.
    """

    heading = models.CharField(
        _("rubrik"),
        max_length=200,
        blank=True,
        help_text=_(
            "Startsidans huvudrubrik: vad webbplatsen är till för, t.ex. ”Stöd och kunskap mot "
            "hedersrelaterat våld”. Tom: en standardrubrik visas."
        ),
    )
    contact_hours = models.CharField(
        _("öppettider"),
        max_length=200,
        blank=True,
        help_text=_("När man kan ringa Nexus, t.ex. ”Vardagar 8–16”. Översätts med sidan."),
    )
    contact_text = models.TextField(
        _("kort text om kontakten"),
        max_length=600,
        blank=True,
        help_text=_(
            "T.ex. att stödet är gratis och att man kan vara anonym. Numret hämtas från de "
            "centrala hjälpnumren (Nexus resurscentrum)."
        ),
    )
    interpreter_text = models.TextField(
        _("tolk"),
        max_length=600,
        blank=True,
        help_text=_("Hur man får tolk när man kontaktar Nexus, t.ex. ”Säg vilket språk du talar, så ordnar vi tolk.”"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("contact_hours"), FieldPanel("contact_text"), FieldPanel("interpreter_text")],
            heading=_("Kontakta Nexus"),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.AudiencePage",
        "home.StandardPage",
        "home.PrivacyNoticePage",
        "home.MaterialKitPage",
        "news.NewsIndexPage",
        "training.TrainingIndexPage",
        "press.PressRoomPage",
        # A string, not an import: channels is a layer above home.
        "channels.NewsletterPage",
    ]

    class Meta:
        verbose_name = _("startsida")


class StandardPage(LeadAndBodyMixin, Page):
    """A plain content page: about Nexus, safety, the accessibility statement."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.AudiencePage"]

    class Meta:
        verbose_name = _("standardsida")


class PrivacyNoticePage(LeadAndBodyMixin, Page):
    """The privacy notice ("Så behandlar vi dina personuppgifter"), linked from every form and footer.

    Created in every language by the installation. The notice itself (controller, purposes, legal
    basis, retention from the settings, rights, contact) is in the template and the catalogues,
    so it is complete in every language and its figures follow the settings; lead and body are
    for additions by Projektledning.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    setup_title = _("Så behandlar vi dina personuppgifter")
    setup_slug = "integritet"
    setup_translated_slug = "privacy"

    class Meta:
        verbose_name = _("integritetspolicy")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.TRAINING_BOOKING_RETENTION_DAYS
        context["request_retention_days"] = settings.TRAINING_REQUEST_RETENTION_DAYS
        context["contact_email"] = settings.PRIVACY_CONTACT_EMAIL
        return context


class ReviewByMixin(models.Model):
    """An owner and a review-by date: content that must stay true (audience pages, help numbers).

    Projektledning's dashboard lists what is past its date (``workflows.dashboard.OverdueReviewPanel``).
    """

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarig för innehållet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Den som ser till att uppgifterna stämmer."),
    )
    review_by = models.DateField(
        _("granskas senast"),
        null=True,
        blank=True,
        help_text=_("Datum då innehållet senast ska ses över. Projektledningen ser det som är försenat."),
    )

    review_panels = [FieldPanel("content_owner"), FieldPanel("review_by")]

    class Meta:
        abstract = True


class AudiencePage(ReviewByMixin, LeadAndBodyMixin, Page):
    """A page for one of the communication plan's audiences (victims, relatives, professionals …).

    Edited by Projektledning, translated by Översättare; every version is approved before it goes
    live. An easy-to-read Swedish version ("Lätt svenska") is a child AudiencePage with
    ``easy_to_read`` set; the language switcher links to it.
    """

    easy_to_read = models.BooleanField(
        _("lätt svenska"),
        default=False,
        help_text=_(
            "Markera om sidan är en version på lätt svenska av sidan ovanför. Den länkas då från "
            "språkväljaren på den vanliga sidan."
        ),
    )
    show_contact = models.BooleanField(
        _("visa kontakt med Nexus"),
        default=True,
        help_text=_(
            "Visar rutan ”Kontakta Nexus” med telefonnummer, öppettider och vad anonym kontakt "
            "betyder. Numret hämtas från de centrala hjälpnumren."
        ),
    )
    contact_hours = models.CharField(
        _("öppettider"),
        max_length=200,
        blank=True,
        help_text=_("När man kan ringa Nexus, t.ex. ”Vardagar 8–16”. Översätts med sidan."),
    )
    contact_text = models.TextField(
        _("kort text om kontakten"),
        max_length=600,
        blank=True,
        help_text=_(
            "Valfri mening om vad som händer när man hör av sig, skriven för sidans målgrupp. "
            "Texterna om anonymitet, anmälningsplikt och allmänna handlingar visas alltid."
        ),
    )
    related_pages = StreamField(
        [("page", PageChooserBlock(label=_("Sida")))],
        verbose_name=_("relaterade sidor"),
        blank=True,
        help_text=_("Andra sidor som läsaren kan ha nytta av. Bara publicerade sidor visas."),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.AudiencePage"]
    subpage_types = ["home.AudiencePage"]

    content_panels = [
        *LeadAndBodyMixin.content_panels,
        MultiFieldPanel(
            [FieldPanel("show_contact"), FieldPanel("contact_hours"), FieldPanel("contact_text")],
            heading=_("Kontakta Nexus"),
        ),
        FieldPanel("related_pages"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("easy_to_read")]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(ReviewByMixin.review_panels, heading=_("Ansvar och översyn")),
    ]

    class Meta:
        verbose_name = _("målgruppssida")
        verbose_name_plural = _("målgruppssidor")

    def easy_to_read_version(self):
        """The live easy-to-read Swedish child of this page's Swedish version, if any."""
        if self.easy_to_read:
            return None
        swedish = self if self.locale.is_default else self.get_translations().filter(locale=Locale.get_default())
        if not isinstance(swedish, Page):
            swedish = swedish.first()
        if swedish is None:
            return None
        return public(AudiencePage.objects.child_of(swedish).live()).filter(easy_to_read=True).first()

    def live_related_pages(self):
        """Related pages in this page's language, live and public only, in the chosen order: one
        query for all of them (the chooser's own read of the chosen pages aside)."""
        keys = [block.value.translation_key for block in self.related_pages if block.value is not None]
        if not keys:
            return []
        found = {
            page.translation_key: page
            for page in public(Page.objects.live())
            .filter(locale_id=self.locale_id, translation_key__in=keys)
            .exclude(id=self.id)
            .select_related("locale")
        }
        return [found[key] for key in dict.fromkeys(keys) if key in found]


class HelpNumber(ReviewByMixin, PublicSnippet):
    """One help number (112, Polisen, Kvinnofridslinjen, a municipality's socialjour …).

    Central data, edited in one place by Projektledning. The labels and descriptions come from
    the service kind and are translated in the .po catalogues, so a help number never depends on a
    page translation being approved, and no unapproved text reaches the public through it. A
    change is a draft until another project leader approves it (``PublicSnippet``).
    """

    class Service(models.TextChoices):
        EMERGENCY = "112", _("Larmnummer 112")
        POLICE = "polisen", _("Polisen")
        KVINNOFRIDSLINJEN = "kvinnofridslinjen", _("Kvinnofridslinjen")
        RATT_ATT_VALJA = "ratt-att-valja", _("Rätt att välja")
        SOCIALJOUR = "socialjour", _("Socialjouren")
        NEXUS = "nexus", _("Nexus resurscentrum")

    service = models.CharField(
        _("tjänst"),
        max_length=30,
        choices=Service.choices,
        help_text=_("Vilken tjänst numret går till. Namnet och beskrivningen översätts automatiskt."),
    )
    organisation = models.ForeignKey(
        "workflows.Organisation",
        verbose_name=_("kommun"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("För socialjouren: vilken kommuns socialjour."),
    )
    number = models.CharField(
        _("nummer"),
        max_length=30,
        help_text=_("Numret som det skrivs i Sverige, t.ex. 020-50 50 50."),
    )
    show_in_footer = models.BooleanField(
        _("visa i sidfoten"),
        default=False,
        help_text=_("Visas längst ned på varje sida. 112 och Kvinnofridslinjen ska alltid visas där."),
    )
    verified = models.BooleanField(
        _("kontrollerat"),
        default=False,
        help_text=_("Bocka i när numret och öppettiderna är kontrollerade med tjänsten (före lansering)."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sorteringsordning"), default=100, help_text=_("Lägre tal visas först.")
    )

    panels = [
        FieldPanel("service"),
        FieldPanel("organisation"),
        FieldPanel("number"),
        FieldPanel("show_in_footer"),
        FieldPanel("verified"),
        FieldPanel("sort_order"),
        *ReviewByMixin.review_panels,
    ]

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("hjälpnummer")
        verbose_name_plural = _("hjälpnummer")

    def __str__(self):
        return f"{self.label} {self.number}"

    @property
    def label(self):
        if self.service == self.Service.SOCIALJOUR and self.organisation_id:
            return _("Socialjouren i %(municipality)s") % {"municipality": self.organisation.short_name}
        return self.get_service_display()

    @property
    def description(self):
        return HELP_NUMBER_DESCRIPTIONS.get(self.service, "")

    @property
    def tel(self):
        return tel_href(self.number)


HELP_NUMBER_DESCRIPTIONS = {
    HelpNumber.Service.EMERGENCY: _("Vid akut fara"),
    HelpNumber.Service.POLICE: _("När det inte är akut"),
    HelpNumber.Service.KVINNOFRIDSLINJEN: _("Dygnet runt, gratis och anonymt"),
    HelpNumber.Service.RATT_ATT_VALJA: _("Om hedersrelaterat våld, gratis och anonymt"),
    HelpNumber.Service.SOCIALJOUR: _("Kvällar, nätter och helger"),
    HelpNumber.Service.NEXUS: _("Råd och stöd, du kan vara anonym"),
}


class MaterialKitPage(LeadAndBodyMixin, Page):
    """The partners' material kit ("Material för samverkansparter"): every organisation's logo
    (PNG image and SVG document), the collaboration sentence to copy, shared documents to pass on.

    Created in every language by the installation, like the privacy notice; linked from the footer.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    setup_title = _("Material för samverkansparter")
    setup_slug = "material"
    setup_translated_slug = "material"

    content_panels = [*LeadAndBodyMixin.content_panels, InlinePanel("documents", label=_("Dokument att dela"))]

    class Meta:
        verbose_name = _("materialsida")

    def get_context(self, request, *args, **kwargs):
        from workflows.models import Organisation

        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = Organisation.objects.select_related("logo", "logo_svg")
        context["collaboration_sentence"] = CollaborationSentence.for_locale(self.locale)
        context["shared_documents"] = self.documents.select_related("document")
        # The partners' widget (channels/, a layer above): reversed by URL name, never imported.
        query = "" if self.locale.language_code == settings.LANGUAGE_CODE else f"?lang={self.locale.language_code}"
        context["widget_urls"] = {
            "news": public_url(reverse("channels:widget_news")) + query,
            "trainings": public_url(reverse("channels:widget_trainings")) + query,
        }
        return context


class MaterialKitDocument(Orderable):
    """A document on the material kit page (information material for the partners to pass on)."""

    page = ParentalKey(MaterialKitPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("dokument"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Informationsmaterial som kommunerna kan sprida vidare."),
    )
    description = models.CharField(
        _("beskrivning"), max_length=300, blank=True, help_text=_("Vad dokumentet är och vem det är till för.")
    )

    panels = [FieldPanel("document"), FieldPanel("description")]


COLLABORATION_SENTENCE = _(
    "Nexus resurscentrum mot hedersrelaterat våld är ett samarbete mellan kommunerna i Uppsala län, "
    "Länsstyrelsen Uppsala län, Polismyndigheten och Region Uppsala."
)


class CollaborationSentence(TranslatableMixin, PublicSnippet):
    """The collaboration sentence shown in the footer and offered to copy on the material kit page.

    Edited by Projektledning under approval; until a language has its own approved sentence, the
    translated standard sentence (``COLLABORATION_SENTENCE``) is shown.
    """

    text = models.TextField(_("text"), max_length=600, help_text=_("Meningen som beskriver samarbetet."))

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("samverkansmening")
        verbose_name_plural = _("samverkansmeningar")

    def __str__(self):
        return self.text[:80]

    @classmethod
    def for_locale(cls, locale=None):
        locale = locale or Locale.get_active()
        live = cls.objects.live().filter(locale=locale).first()
        return live.text if live is not None else str(COLLABORATION_SENTENCE)


class SiteNotice(TranslatableMixin, PublicSnippet):
    """A short notice shown at the top of every public page in its language.

    For what every reader must know now: "the phone line is closed over the holidays", a changed
    number. Edited by Projektledning; public only once another project leader approves it
    (``PublicSnippet``), and only between its start and end. Translated with wagtail-localize,
    each translation under the same approval.
    """

    text = models.CharField(_("text"), max_length=300, help_text=_("Kort och tydligt, högst 300 tecken."))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("läs mer på sidan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Valfritt: en sida med mer information."),
    )
    starts_at = models.DateTimeField(
        _("visas från"), null=True, blank=True, help_text=_("Tomt: från att meddelandet godkänns.")
    )
    ends_at = models.DateTimeField(_("visas till"), null=True, blank=True, help_text=_("Tomt: tills vidare."))

    panels = [FieldPanel("text"), FieldPanel("link_page"), FieldPanel("starts_at"), FieldPanel("ends_at")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("meddelande på webbplatsen")
        verbose_name_plural = _("meddelanden på webbplatsen")

    def __str__(self):
        return self.text[:80]

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Slutet måste komma efter början.")})

    @classmethod
    def current(cls, locale=None, now=None):
        """The approved notices of ``locale`` (the active language) shown at ``now``, newest first."""
        from django.db.models import Q
        from django.utils import timezone

        locale = locale or Locale.get_active()
        now = now or timezone.now()
        return (
            cls.objects.live()
            .filter(locale=locale)
            .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now), Q(ends_at__isnull=True) | Q(ends_at__gt=now))
            .select_related("link_page")
            .order_by("-starts_at", "-pk")
        )


class FAQEntry(TranslatableMixin, PublicSnippet):
    """A question and its answer for responders and readers (the FAQ for responders).

    Communicators search the list when they answer comments on social media; pages show approved
    entries through the FAQ block (``home.blocks.FAQBlock``). Projektledning edits them; a change
    is public only once another project leader approves it (``PublicSnippet``). Translated with
    wagtail-localize, each translation under the same approval.
    """

    question = models.CharField(_("fråga"), max_length=300, help_text=_("Frågan som den brukar ställas."))
    answer = RichTextField(
        _("svar"), features=["bold", "italic", "link", "ol", "ul"], help_text=_("Ett kort, tydligt svar.")
    )
    topic = models.CharField(
        _("ämne"),
        max_length=80,
        help_text=_("Samlar frågorna i listor och FAQ-block, t.ex. Stöd, Utbildningar, Anmälan."),
    )
    audience = models.CharField(
        _("målgrupp"), max_length=20, choices=Audience.choices, help_text=_("Vem frågan oftast kommer från.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sorteringsordning"), default=100, help_text=_("Lägre tal visas först.")
    )

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("topic"),
        FieldPanel("audience"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "id"]
        verbose_name = _("vanlig fråga")
        verbose_name_plural = _("vanliga frågor")

    def __str__(self):
        return self.question


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide settings edited by administrators."""

    quick_exit_url = models.URLField(
        _("mål för snabbutgången"),
        default=settings.NEXUS_QUICK_EXIT_DEFAULT_URL,
        help_text=_(
            "Den neutrala webbplats som knappen ”Lämna sidan snabbt” leder till. Välj en sida "
            "utan inloggning eller personligt innehåll, t.ex. en väderprognos."
        ),
    )

    panels = [FieldPanel("quick_exit_url")]

    class Meta:
        verbose_name = _("webbplatsinställningar")


class LinkCheck(models.Model):
    """One failing link found by ``check_links`` (Rapporter → Brutna länkar); replaced on each run."""

    class Kind(models.TextChoices):
        PAGE = "page", _("Intern sida")
        DOCUMENT = "document", _("Dokument")
        EXTERNAL = "external", _("Extern länk")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("sida"), on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    source = models.CharField(_("källa"), max_length=255, blank=True)
    url = models.TextField(_("länk"))
    kind = models.CharField(_("typ"), max_length=10, choices=Kind.choices)
    status = models.PositiveSmallIntegerField(_("HTTP-status"), null=True, blank=True)
    error = models.CharField(_("fel"), max_length=255)
    checked_at = models.DateTimeField(_("kontrollerad"))

    class Meta:
        ordering = ["page__title", "url"]
        verbose_name = _("bruten länk")
        verbose_name_plural = _("brutna länkar")

    def __str__(self):
        return f"{self.url}: {self.error}"

    @property
    def error_display(self):
        """``error`` in the reader's language (``check_links`` stores the Swedish msgid)."""
        head, sep, rest = self.error.partition(": ")
        if sep:
            return f"{gettext(head)}: {rest}"
        return gettext(self.error)

    @property
    def where(self):
        """The page's title, or the snippet the link is in."""
        return self.page.title if self.page_id else self.source
