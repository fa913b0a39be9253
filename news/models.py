"""News: one index per language tree, a section per organisation, news pages inside."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import LeadAndBodyMixin
from workflows.models import OrganisationSectionPage, SectionedIndexMixin


class NewsIndexPage(SectionedIndexMixin, LeadAndBodyMixin, Page):
    """ "Nyheter": lists the news of every organisation."""

    organisation_section_model = "news.NewsSectionPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsSectionPage"]

    class Meta:
        verbose_name = _("nyhetslista")


class NewsSectionPage(OrganisationSectionPage):
    """One organisation's news. Created by setup_editorial."""

    is_creatable = False
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("organisationens nyheter")


class NewsPage(LeadAndBodyMixin, Page):
    """A news item, drafted by a partner communicator, approved by Projektledning."""

    parent_page_types = ["news.NewsSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhet")
