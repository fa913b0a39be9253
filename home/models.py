"""Pages and settings shared by the whole site."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import StoryBlock


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
