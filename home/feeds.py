"""The shared base of the site's syndication feeds (news, press releases): pages as feed items."""

from django.contrib.syndication.views import Feed


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
