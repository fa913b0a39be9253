"""Blocks of the press room: facts and statistics, always with their source."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StatisticBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Siffra"), max_length=40, help_text=_("T.ex. ”7 av 10” eller ”1 280”."))
    text = blocks.CharBlock(label=_("Vad siffran visar"), max_length=300)
    source = blocks.CharBlock(label=_("Källa"), max_length=300, help_text=_("Vem som tagit fram siffran, och när."))
    source_url = blocks.URLBlock(label=_("Länk till källan"), required=False)

    class Meta:
        icon = "table"
        template = "press/blocks/statistic_block.html"
        label = _("Fakta med källa")
        description = _("En siffra eller ett faktum, alltid med källa.")
        preview_value = {
            "figure": "1 av 10",
            "text": "unga i länet uppger att de inte får välja partner själva.",
            "source": "Länsstyrelsen Östergötland, kartläggning 2024",
            "source_url": "",
        }


class FactsBlock(blocks.StreamBlock):
    statistic = StatisticBlock()
