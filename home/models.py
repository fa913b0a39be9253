"""Pages, images and settings shared by the whole site."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index

from .blocks import StoryBlock


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
    """The start page of one language tree ("Startsida"). Edited by Projektledning."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "training.TrainingIndexPage",
        "press.PressRoomPage",
    ]

    class Meta:
        verbose_name = _("startsida")


class StandardPage(LeadAndBodyMixin, Page):
    """A plain content page: about Nexus, safety, the accessibility statement."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standardsida")


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
