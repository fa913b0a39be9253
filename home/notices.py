"""The site notices of each language, cached (home.SiteNotice on every public page).

Every public render shows the notices, so they come from Django's cache (Redis or the database
cache in production), not from the database. The cached list holds every approved notice of the
language with its dates, and the dates are compared at render time, so a notice appears and
disappears on time without an invalidation. One generation token is part of every key; a
notice published, unpublished or deleted, or a page that a notice links to published,
unpublished or deleted, renews it (home/signals.py). Previews never reach the cache.
"""

from django.utils import timezone, translation

from . import generations

GENERATION_KEY = generations.register("nexus:notices:generation")
# A bound on staleness where the cache is per process (LocMem, without Redis or the database cache).
TIMEOUT = 300


def generation():
    return generations.token(GENERATION_KEY)


def invalidate(**kwargs):
    """Signal receiver: a new generation, so every cached list is stale."""
    generations.renew(GENERATION_KEY)


def _build(request, language):
    from .models import SiteNotice

    notices = (
        SiteNotice.objects.live()
        .filter(locale__language_code=language)
        .select_related("link_page")
        .order_by("-starts_at", "-pk")
    )
    return [
        {
            "text": notice.text,
            "starts_at": notice.starts_at,
            "ends_at": notice.ends_at,
            "link_title": notice.link_page.title if notice.link_page and notice.link_page.live else "",
            "link_url": notice.link_page.get_url(request=request) if notice.link_page and notice.link_page.live else "",
        }
        for notice in notices
    ]


def current_notices(request=None, now=None):
    """The notices of the active language shown at ``now``: [{"text", "link_title", "link_url"}]."""
    language = translation.get_language()
    preview = getattr(request, "is_preview", False)
    if preview:
        data = _build(request, language)
    else:
        key = f"nexus:notices:{generation()}:{language}"
        data = generations.cached(key, lambda: _build(request, language), TIMEOUT)
    now = now or timezone.now()
    return [
        notice
        for notice in data
        if (notice["starts_at"] is None or notice["starts_at"] <= now)
        and (notice["ends_at"] is None or notice["ends_at"] > now)
    ]
