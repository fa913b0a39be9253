"""The press room's releases, filtered by issuing organisation (``home.listing``).

The releases come from ``PressRoomPage.releases()``, so this module never imports the models.
Every organisation may be chosen (a joint release names several), one query loads them all.
"""

from django.utils.translation import gettext_lazy as _

from home.listing import Filter, Listing
from workflows.models import Organisation


class PressRoomListing(Listing):
    filters = (Filter("organisation", _("Filtrera på organisation")),)

    def setup(self):
        self.organisations = list(Organisation.objects.all())

    def organisation_options(self):
        return [(organisation.slug, organisation.short_name) for organisation in self.organisations]

    def resolve_organisation(self, slug):
        return next((organisation for organisation in self.organisations if organisation.slug == slug), None)

    @property
    def organisation(self):
        return self.selected.get("organisation")

    def get_queryset(self):
        releases = self.root.releases()
        if self.organisation is not None:
            releases = releases.filter(issuing_organisations=self.organisation)
        return releases
