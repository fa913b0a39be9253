"""The channels beyond the website: the digital screens' campaigns (and the newsletter).

A ``Campaign`` is a snippet under the one publishing rule (``workflows.snippets.PublicSnippet``):
an organisation's communicators write it, Projektledning approves it (never its own author), and
the screen view (``channels.screens``) reads only the published row, so a draft or a change
waiting for approval never reaches a screen.
"""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock

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
