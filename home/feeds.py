"""The shared base of the site's syndication feeds (news, trainings, press releases): pages as items."""

from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed


class PageFeed(Feed):
    """A feed of live Wagtail pages with a ``lead``: absolute links on the site's own host."""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)


class ListingFeed(PageFeed):
    """The feed of an index page's listing (``home.listing``): the same filters and the same 404s.

    Mounted by the index page as a route, ``SomeFeed()(request, root=self)``; RSS 2.0 unless
    combined with ``AtomFeedMixin``. The feed's language is the active one (the index's tree).
    """

    feed_type = Rss201rev2Feed
    listing_class = None

    def __call__(self, request, *args, root, **kwargs):
        self.root = root
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.listing_class.for_request(self.root, request, paginate=False)

    # Absolute URLs on the site's own host (as Wagtail builds them), not the request's.
    def link(self, listing):
        return urljoin(self.root.get_full_url(self.request), listing.link())

    def feed_url(self, listing):
        return urljoin(self.root.get_full_url(self.request), self.request.get_full_path())

    def items(self, listing):
        return listing.feed_items()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at


class AtomFeedMixin:
    """Turns a listing feed into its Atom 1.0 twin: the description becomes the subtitle."""

    feed_type = Atom1Feed

    def subtitle(self, listing):
        return self.description(listing)
