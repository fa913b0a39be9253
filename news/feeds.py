"""RSS 2.0 and Atom feeds of the news of one language tree (Django's syndication framework).

Mounted by ``NewsIndexPage`` at ``<index>/rss/`` and ``<index>/atom/``; both take the listing's
filters, ``?organisation=<slug>`` and ``?tag=<slug>``, combined with AND, and answer bad values
as the listing does. Only live, public news appear (never drafts, scheduled or restricted
pages); links are absolute, dates carry their time zone, the organisation is the author and
the first category.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from home.feeds import AtomFeedMixin, ListingFeed

from .listing import NewsListing


class NewsRssFeed(ListingFeed):
    listing_class = NewsListing

    def title(self, listing):
        return f"{listing.title()} – {_('Nexus resurscentrum mot hedersrelaterat våld')}"

    def description(self, listing):
        return _("Nyheter från Nexus resurscentrum mot hedersrelaterat våld och dess samverkansparter.")

    def author_name(self, listing):
        return settings.WAGTAIL_SITE_NAME

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.last_published_at or item.display_date

    def item_author_name(self, item):
        return item.organisation.name if item.organisation else settings.WAGTAIL_SITE_NAME

    def item_categories(self, item):
        categories = [item.organisation.name] if item.organisation else []
        return categories + [tag.name for tag in item.tags.all()]


class NewsAtomFeed(AtomFeedMixin, NewsRssFeed):
    pass
