"""The main navigation of each language, cached, and the breadcrumbs' trail.

The menu is the live, public children of a language's home page that editors marked "show in
menus" (Wagtail's "Promote" tab), in the explorer's order. It is built once per site and language
and kept in Django's cache (Redis or the database cache in production), so a page render asks the
database nothing for it. One generation token is part of every key; publishing, unpublishing,
moving or deleting a page, saving a live page's title, slug or menu flag, a view restriction or a
site changes the token, so every language's menu is rebuilt on its next render. Previews never
reach the cache: they are not live and are built on every render.
"""

from django.utils import translation
from wagtail.models import Page, Site

from . import generations
from .visibility import public

GENERATION_KEY = generations.register("nexus:navigation:generation")
# A bound on staleness where the cache is per process (LocMem, without Redis or the database
# cache): invalidation then reaches only the process that saw the change.
TIMEOUT = 300


def generation():
    return generations.token(GENERATION_KEY)


def invalidate(**kwargs):
    """Signal receiver: a new generation, so every cached menu is stale."""
    generations.renew(GENERATION_KEY)


def _localized_home(site, language):
    root = site.root_page
    home = Page.objects.live().filter(translation_key=root.translation_key, locale__language_code=language).first()
    return home or root


def _build(request, site, language):
    home = _localized_home(site, language)
    children = public(home.get_children().live()).in_menu().only("id", "title", "path", "url_path", "locale_id")
    return {
        "home_url": home.get_url(request=request),
        "home_locale_id": home.locale_id,
        "items": [
            {"title": child.title, "url": child.get_url(request=request), "path": child.path} for child in children
        ],
    }


def main_navigation(request, page=None):
    """{"home_url", "items": [{"title", "url", "current", "ancestor"}]} for the active language,
    or None outside a known site. ``current``/``ancestor`` mark where ``page`` is."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    language = translation.get_language()
    preview = getattr(request, "is_preview", False)
    if preview:
        data = _build(request, site, language)
    else:
        key = f"nexus:navigation:{generation()}:{site.pk}:{language}"
        data = generations.cached(key, lambda: _build(request, site, language), TIMEOUT)
    path = page.path if isinstance(page, Page) and page.locale_id == data["home_locale_id"] else ""
    items = [
        {
            "title": item["title"],
            "url": item["url"],
            "current": path == item["path"],
            "ancestor": path.startswith(item["path"]) and path != item["path"],
        }
        for item in data["items"]
    ]
    return {"home_url": data["home_url"], "items": items}


def breadcrumb_trail(page):
    """The live ancestors below the tree root, then the page itself: one query, or none when the
    page was routed by home.routing (which read its ancestors on the way)."""
    routed = getattr(page, "_nexus_route_ancestors", None)
    if routed is not None and len(routed) == page.depth - 2:
        return [*(step for step in routed if step.depth >= 2 and step.live), page]
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2).live().order_by("depth")
    return [*ancestors.only("id", "title", "url_path", "path", "depth"), page]
