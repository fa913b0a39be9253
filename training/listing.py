"""The training index: upcoming first or the archive, filtered by plain GET links (``home.listing``).

The trainings come from ``TrainingIndexPage.trainings()``, so this module never imports the
models. The number of queries is constant in the number of trainings: dates and confirmed seats
are annotations and the organisation comes from a map of the index's sections.
"""

from django.utils.translation import gettext_lazy as _

from home.listing import Filter, Listing

from .choices import TargetGroup, TrainingFormat


class TrainingListing(Listing):
    filters = (
        Filter("malgrupp", _("Målgrupp"), choices=TargetGroup.choices),
        Filter("form", _("Form"), choices=TrainingFormat.choices),
        Filter("organisation", _("Arrangör")),
        # The archive is a view rather than a filter: no label, and feed links leave it out.
        Filter("arkiv", choices=[("1", _("Genomförda utbildningar"))]),
    )
    feed_excludes = ("arkiv",)

    def setup(self):
        self.sections = list(self.root.organisation_sections())
        self.organisation_by_path = {section.path: section.organisation for section in self.sections}

    def organisation_options(self):
        return [(section.organisation.slug, section.organisation.short_name) for section in self.sections]

    def resolve_organisation(self, slug):
        return next((section for section in self.sections if section.organisation.slug == slug), None)

    @property
    def archive(self):
        return "arkiv" in self.selected

    def get_queryset(self):
        trainings = self.root.trainings(archive=self.archive)
        if "malgrupp" in self.values:
            trainings = trainings.filter(target_groups__contains=f",{self.values['malgrupp']},")
        if "form" in self.values:
            trainings = trainings.filter(format=self.values["form"])
        if "organisation" in self.selected:
            trainings = trainings.descendant_of(self.selected["organisation"])
        return trainings

    def prepare(self, items):
        steplen = self.root.steplen
        for item in items:
            item.listing_organisation = self.organisation_by_path.get(item.path[:-steplen])
        return items

    # --- links -------------------------------------------------------------------------------

    @property
    def is_filtered(self):
        return any(name in self.values for name in ("malgrupp", "form", "organisation"))

    @property
    def upcoming_url(self):
        return self.link(arkiv="")

    @property
    def archive_url(self):
        return self.link(arkiv="1")

    @property
    def reset_url(self):
        """Every filter off, the view (upcoming or archive) kept."""
        return self.link(malgrupp="", form="", organisation="")

    @property
    def ical_url(self):
        return self.feed_url("ical")
