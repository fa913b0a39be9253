"""RSS 2.0 and Atom feeds of the news of one language tree (Django's syndication framework).

Mounted by ``NewsIndexPage`` at ``<index>/rss/`` and ``<index>/atom/``; both take the listing's
filters, ``?organisation=<slug>`` and ``?tag=<slug>``, combined with AND. Only live, public
news appear (never drafts, scheduled or restricted pages); links are absolute, dates carry
their time zone, the organisation is the author and the first category.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.feeds import PageFeed

from .listing import NewsListing


class NewsRssFeed(PageFeed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, index=None, **kwargs):
        self.index = index
        self.language = index.locale.language_code
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        # Http404 for an unknown organisation or tag, like the listing.
        return NewsListing.for_request(self.index, request, paginate=False)

    def title(self, listing):
        return f"{listing.title()} – {_('Nexus resurscentrum mot hedersrelaterat våld')}"

    def description(self, listing):
        return _("Nyheter från Nexus resurscentrum mot hedersrelaterat våld och dess samverkansparter.")

    # Absolute URLs on the site's own host (as Wagtail builds them), not the request's.
    def link(self, listing):
        return urljoin(self.index.get_full_url(self.request), listing.link())

    def feed_url(self, listing):
        return urljoin(self.index.get_full_url(self.request), self.request.get_full_path())

    def author_name(self, listing):
        return settings.WAGTAIL_SITE_NAME

    def items(self, listing):
        return listing.feed_items()

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.last_published_at or item.display_date

    def item_author_name(self, item):
        return item.organisation.name if item.organisation else settings.WAGTAIL_SITE_NAME

    def item_categories(self, item):
        categories = [item.organisation.name] if item.organisation else []
        return categories + [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, listing):
        return self.description(listing)
