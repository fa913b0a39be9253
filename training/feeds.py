"""RSS 2.0 and Atom feeds of the upcoming trainings of one language tree.

Mounted by ``TrainingIndexPage`` at ``<index>/rss/`` and ``<index>/atom/`` (the iCalendar file
is ``<index>/kalender.ics``); they take the listing's filters and answer bad values as it does.
"""

from django.utils.translation import gettext as _

from home.feeds import AtomFeedMixin, ListingFeed

from .listing import TrainingListing


class TrainingRssFeed(ListingFeed):
    listing_class = TrainingListing

    def title(self, listing):
        return f"{_('Kommande utbildningar')} – {_('Nexus resurscentrum mot hedersrelaterat våld')}"

    def description(self, listing):
        return listing.root.lead or _("Kommande utbildningar")

    def item_categories(self, item):
        return [item.listing_organisation.name] if item.listing_organisation else []


class TrainingAtomFeed(AtomFeedMixin, TrainingRssFeed):
    pass
