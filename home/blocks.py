"""Shared StreamField blocks: leaf blocks first, then the one StoryBlock every page uses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# Rich-text features, listed explicitly: no raw HTML, no embeds, headings via HeadingBlock.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"), max_length=200)
    size = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")],
        default="h2",
        help_text=_("H2 för huvudavsnitt, H3 och H4 för underavsnitt."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Rubrik")
        description = _("En mellanrubrik (nivå 2–4).")
        preview_value = {"text": "Vad är hedersrelaterat våld?", "size": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativ text"),
        max_length=250,
        required=False,
        help_text=_("Beskriv bilden för den som inte ser den. Lämna tomt om bilden bara är dekoration."),
    )
    caption = blocks.CharBlock(label=_("Bildtext"), max_length=250, required=False)
    credit = blocks.CharBlock(label=_("Fotograf"), max_length=120, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Bild")
        description = _("En bild med alternativtext, bildtext och fotograf.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Vem säger det"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Citat")
        description = _("Ett framhävt citat.")
        preview_value = {"text": "Ingen ska behöva leva med våld.", "attribution": "Nexus"}


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        template = "blocks/fact_box_block.html"
        label = _("Faktaruta")
        description = _("En ruta med fakta eller råd som ska synas extra.")
        preview_value = {"title": "Du har rätt till stöd", "text": "<p>Du kan vara anonym.</p>"}


class FAQBlock(blocks.StructBlock):
    """Approved FAQ entries of one topic (or all), in the page's language, with FAQPage JSON-LD."""

    heading = blocks.CharBlock(
        label=_("Rubrik"), max_length=200, required=False, help_text=_("Lämna tomt för ”Vanliga frågor”.")
    )
    topic = blocks.CharBlock(
        label=_("Ämne"),
        max_length=80,
        required=False,
        help_text=_("Visa bara frågor med det här ämnet. Lämna tomt för alla."),
    )

    class Meta:
        icon = "help"
        template = "blocks/faq_block.html"
        label = _("Vanliga frågor")
        description = _("Godkända frågor och svar ur listan Vanliga frågor.")
        preview_value = {"heading": "", "topic": ""}

    def get_context(self, value, parent_context=None):
        from django.apps import apps
        from wagtail.models import Locale
        from wagtail.rich_text import expand_db_html

        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        locale = getattr(page, "locale", None) or Locale.get_active()
        entries = apps.get_model("home", "FAQEntry").objects.live().filter(locale=locale)
        if value.get("topic"):
            entries = entries.filter(topic__iexact=value["topic"])
        context["entries"] = list(entries.order_by("sort_order", "id"))
        context["faq_json_ld"] = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": entry.question,
                    "acceptedAnswer": {"@type": "Answer", "text": expand_db_html(entry.answer)},
                }
                for entry in context["entries"]
            ],
        }
        return context


class StoryBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Brödtext med länkar och listor."),
        preview_value="<p>Hedersrelaterat våld kan vara fysiskt, psykiskt, socialt eller digitalt.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    faq = FAQBlock()

    class Meta:
        template = "blocks/story_block.html"
