"""Template tags for news: feed autodiscovery, the latest news on the home page, JSON-LD."""

from django import template
from django.template.loader import render_to_string

from home import fragments
from home.renditions import image_tag
from home.visibility import public
from news import renditions
from news.listing import NewsListing
from news.models import NewsIndexPage

register = template.Library()


# {% news_image page.image article alt="…" %}: Wagtail's image tag, the spec named in news.renditions.
register.tag("news_image", image_tag(renditions.SPECS, "news_image"))


def _index_for(page):
    if page is None or not getattr(page, "locale_id", None):
        return None
    return public(NewsIndexPage.objects.live()).filter(locale_id=page.locale_id).order_by("path").first()


FEED_LINKS_TEMPLATE = "news/includes/feed_links.html"


@register.simple_tag(takes_context=True)
def news_feed_links(context):
    """``<link rel="alternate">`` for the news feeds: the listing's own, or the locale's main feed
    (cached per language tree, home.fragments)."""
    listing = context.get("listing")
    if isinstance(listing, NewsListing):
        return render_to_string(FEED_LINKS_TEMPLATE, {"feeds": listing.feeds()})
    page = context.get("page")
    request = context.get("request")

    def build():
        index = _index_for(page)
        return {"feeds": NewsListing(index, request, paginate=False).feeds() if index else []}

    return fragments.cached_html(request, f"news-feeds:{getattr(page, 'locale_id', None)}", FEED_LINKS_TEMPLATE, build)


@register.simple_tag(takes_context=True)
def news_listing(context, listing):
    """The listing's filters, items, pagination and feed links (news/includes/news_listing.html),
    kept with the fragments per listing, filter and page: every publish, unpublish, move or
    organisation change renews it, so a reader never sees a stale list. A preview builds it."""
    request = context.get("request")
    return fragments.cached_html(
        request,
        listing.cache_name(),
        "news/includes/news_listing.html",
        lambda: {"listing": listing, "request": request},
    )


@register.simple_tag(takes_context=True)
def latest_news(context, count=3):
    """The newest news items of the current page's language tree (cached, home.fragments)."""
    page = context.get("page")
    request = context.get("request")

    def build():
        index = _index_for(page)
        if index is None:
            return {"items": [], "index": None}
        listing = NewsListing(index, request, paginate=False)
        return {"items": listing.feed_items(limit=count), "index": index, "request": request}

    name = f"latest-news:{getattr(page, 'locale_id', None)}:{count}"
    return fragments.cached_html(request, name, "news/includes/latest_news.html", build)
