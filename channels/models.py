"""The channels beyond the website: the digital screens' campaigns and the newsletter.

A ``Campaign`` is a snippet under the one publishing rule (``workflows.snippets.PublicSnippet``):
an organisation's communicators write it, Projektledning approves it (never its own author), and
the screen view (``channels.screens``) reads only the published row, so a draft or a change
waiting for approval never reaches a screen.

A ``NewsletterPage`` is a page under a language's home page (so under the approval workflow of
every page): a free text and chosen news items and trainings. Its first publication mails it to
the confirmed subscribers of its language (``channels.newsletter``), once per subscriber
(``NewsletterDelivery``, unique).
"""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page

from workflows.models import Organisation
from workflows.snippets import PublicSnippet

SLIDE_TEXT_MAX_LENGTH = 140
MAX_SLIDES = 12


class SlideBlock(blocks.StructBlock):
    """One slide: an image, a short text and, optionally, a page the QR code points to."""

    image = ImageChooserBlock(
        label=_("bild"), help_text=_("Från din organisations bilder. Bildens alt-text läses upp för skärmläsare.")
    )
    alt_text = blocks.CharBlock(
        label=_("alt-text"),
        max_length=200,
        help_text=_("Vad bilden visar, för den som inte ser den."),
    )
    text = blocks.CharBlock(
        label=_("text"),
        max_length=SLIDE_TEXT_MAX_LENGTH,
        help_text=_("Högst 140 tecken: det ska gå att läsa i förbigående."),
    )
    link_page = blocks.PageChooserBlock(
        label=_("sida för QR-kod"),
        required=False,
        help_text=_("Valfritt: en publicerad sida. Skärmen visar en QR-kod till den."),
    )

    class Meta:
        label = _("bild")
        icon = "image"


class Campaign(PublicSnippet):
    """A campaign for the digital screens (waiting rooms, receptions, libraries).

    Shown full screen at ``/skarm/<slug>/``: its slides one after the other, each for
    ``seconds_per_slide`` seconds, without interaction. The screen shows the approved version
    only; a campaign never approved answers 404 there.
    """

    title = models.CharField(_("namn"), max_length=120, help_text=_("Syns inte på skärmen; för er själva."))
    slug = models.SlugField(
        _("adress"),
        max_length=80,
        unique=True,
        help_text=_("Skärmens adress blir /skarm/<adress>/. Små bokstäver, siffror och bindestreck."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="campaigns",
        help_text=_("Organisationen som står för kampanjen."),
    )
    language = models.CharField(
        _("språk"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="sv",
        help_text=_("Språket som bildernas texter är skrivna på."),
    )
    seconds_per_slide = models.PositiveSmallIntegerField(
        _("sekunder per bild"),
        default=12,
        validators=[MinValueValidator(5), MaxValueValidator(120)],
        help_text=_("Hur länge varje bild visas, 5–120 sekunder."),
    )
    slides = StreamField(
        [("slide", SlideBlock())],
        verbose_name=_("bilder"),
        min_num=1,
        max_num=MAX_SLIDES,
        help_text=_("1–12 bilder som visas i tur och ordning."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        # A plain list: the form narrows it to the editor's own organisations (channels.campaigns).
        FieldPanel("organisation", widget=forms.Select),
        FieldPanel("language"),
        FieldPanel("seconds_per_slide"),
        FieldPanel("slides"),
    ]

    class Meta:
        ordering = ["organisation__sort_order", "title"]
        verbose_name = _("skärmkampanj")
        verbose_name_plural = _("skärmkampanjer")

    def __str__(self):
        return self.title

    def screen_slides(self):
        """The slides as shown: image, text and the QR target (a live, public page or None)."""
        from wagtail.models import Page

        from home.visibility import public

        values = [block.value for block in self.slides]
        link_ids = {value["link_page"].pk for value in values if value["link_page"] is not None}
        shown = {page.pk: page for page in public(Page.objects.live().filter(pk__in=link_ids))}
        return [
            {
                "image": value["image"],
                "alt_text": value["alt_text"],
                "text": value["text"],
                "link_page": shown.get(value["link_page"].pk) if value["link_page"] is not None else None,
            }
            for value in values
        ]


class NewsletterPage(Page):
    """One issue of the newsletter: a free text, then the chosen news items and trainings.

    The web page shows the issue and links to the subscribe form; the first publication (after
    another person's approval, like every page) mails it to the language's confirmed subscribers.
    """

    intro = RichTextField(
        _("inledning"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Fri text överst i nyhetsbrevet."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("news_items", label=_("nyheter")),
        InlinePanel("trainings", label=_("utbildningar")),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhetsbrev")

    def chosen_news(self):
        """The chosen news items that are live and public, in the editor's order."""
        return _public_targets(self.news_items.all())

    def chosen_trainings(self):
        return _public_targets(self.trainings.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = self.chosen_news()
        context["trainings"] = self.chosen_trainings()
        return context


def _public_targets(items):
    from home.visibility import public

    ids = [item.target_id for item in items if item.target_id]
    shown = {page.pk: page for page in public(Page.objects.live().filter(pk__in=ids)).specific()}
    return [shown[pk] for pk in ids if pk in shown]


class NewsletterNewsItem(Orderable):
    page = ParentalKey(NewsletterPage, on_delete=models.CASCADE, related_name="news_items")
    target = models.ForeignKey("news.NewsPage", verbose_name=_("nyhet"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target", "news.NewsPage")]


class NewsletterTraining(Orderable):
    page = ParentalKey(NewsletterPage, on_delete=models.CASCADE, related_name="trainings")
    target = models.ForeignKey(
        "training.TrainingPage", verbose_name=_("utbildning"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("target", "training.TrainingPage")]


class NewsletterSubscriber(models.Model):
    """An e-mail subscription to the newsletter of one language (double opt-in)."""

    email = models.EmailField(_("e-post"))
    language = models.CharField(_("språk"), max_length=10, choices=settings.LANGUAGES, default="sv")
    created = models.DateTimeField(_("anmäld"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    unsubscribed = models.BooleanField(_("avslutad"), default=False)

    # The personal-data registry (home.personal_data): nothing without its address, so erasure
    # deletes it (and its deliveries).
    PERSONAL_DATA_EMAIL_FIELDS = ("email",)
    PERSONAL_DATA_ERASURE = "delete"

    class Meta:
        verbose_name = _("nyhetsbrevsprenumerant")
        verbose_name_plural = _("nyhetsbrevsprenumeranter")
        constraints = [
            models.UniqueConstraint(fields=["email", "language"], name="newsletter_subscriber_once_per_language")
        ]

    def __str__(self):
        # Also any audit log's label: the address stays out of the site history.
        return str(_("Prenumerant #%(pk)s") % {"pk": self.pk})


class NewsletterDelivery(models.Model):
    """One issue mailed to one subscriber (unique: a republish or a retried task never sends twice)."""

    page = models.ForeignKey(NewsletterPage, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(NewsletterSubscriber, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "subscriber"], name="newsletter_delivery_once")]
