"""RSS 2.0 and Atom feeds of the press releases of one language tree, optionally of one organisation.

Mounted by ``PressRoomPage`` at ``<press room>/rss/`` and ``<press room>/atom/``; they take the
listing's ``?organisation=<slug>`` and answer bad values as it does. Only live, public releases:
an embargoed (scheduled) release is not live until its time.
"""

from django.utils.translation import gettext as _

from home.feeds import AtomFeedMixin, ListingFeed

from .listing import PressRoomListing

FEED_LENGTH = 30


class PressReleaseFeed(ListingFeed):
    listing_class = PressRoomListing

    def title(self, listing):
        if listing.organisation:
            return _("Pressmeddelanden från %(organisation)s – Nexus") % {"organisation": listing.organisation.name}
        return _("Pressmeddelanden – Nexus")

    def description(self, listing):
        return _("Pressmeddelanden från Nexus resurscentrum mot hedersrelaterat våld och samverkansparterna.")

    def items(self, listing):
        return listing.feed_items(FEED_LENGTH)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_categories(self, item):
        return [org.name for org in item.issuing_organisations.all()]


class PressReleaseAtomFeed(AtomFeedMixin, PressReleaseFeed):
    pass
