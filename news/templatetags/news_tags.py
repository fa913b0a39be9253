"""Template tags for news: feed autodiscovery, the latest news on the home page, JSON-LD."""

from django import template

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


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context):
    """``<link rel="alternate">`` for the news feeds: the listing's own, or the locale's main feed."""
    listing = context.get("listing")
    if not isinstance(listing, NewsListing):
        index = _index_for(context.get("page"))
        listing = NewsListing(index, context.get("request"), paginate=False) if index else None
    return {"feeds": listing.feeds() if listing else []}


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=3):
    """The newest news items of the current page's language tree."""
    index = _index_for(context.get("page"))
    if index is None:
        return {"items": [], "index": None}
    listing = NewsListing(index, context.get("request"), paginate=False)
    return {"items": listing.feed_items(limit=count), "index": index, "request": context.get("request")}
