"""Trainings: one index per language tree, a section per organisation, trainings inside."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import LeadAndBodyMixin
from workflows.models import OrganisationSectionPage, SectionedIndexMixin


class TrainingIndexPage(SectionedIndexMixin, LeadAndBodyMixin, Page):
    """ "Utbildningar": the course calendar of every organisation."""

    organisation_section_model = "training.TrainingSectionPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.TrainingSectionPage"]

    class Meta:
        verbose_name = _("utbildningskalender")


class TrainingSectionPage(OrganisationSectionPage):
    """One organisation's trainings. Created by setup_editorial."""

    is_creatable = False
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.TrainingPage"]

    class Meta:
        verbose_name = _("organisationens utbildningar")


class TrainingPage(LeadAndBodyMixin, Page):
    """A training that professionals can book."""

    parent_page_types = ["training.TrainingSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("utbildning")
