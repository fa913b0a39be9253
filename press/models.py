"""Press room: one per language tree, a section per organisation, press releases inside."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import LeadAndBodyMixin
from workflows.models import OrganisationSectionPage, SectionedIndexMixin


class PressRoomPage(SectionedIndexMixin, LeadAndBodyMixin, Page):
    """ "Press": releases, spokespersons, image bank."""

    organisation_section_model = "press.PressSectionPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["press.PressSectionPage"]

    class Meta:
        verbose_name = _("pressrum")


class PressSectionPage(OrganisationSectionPage):
    """One organisation's press releases. Created by setup_editorial."""

    is_creatable = False
    parent_page_types = ["press.PressRoomPage"]
    subpage_types = ["press.PressReleasePage"]

    class Meta:
        verbose_name = _("organisationens pressmeddelanden")


class PressReleasePage(LeadAndBodyMixin, Page):
    """A press release."""

    parent_page_types = ["press.PressSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pressmeddelande")
