"""What anonymous readers may see: Wagtail's ``.public()``, with the view restrictions read once
per request instead of once per queryset.

Wagtail's ``PageQuerySet.public()`` queries every ``PageViewRestriction`` each time it is called;
a page render calls it for the menu, the language links, every listing and the footer, a dozen
identical queries. ``public(queryset)`` excludes the same sections (a restricted page and
everything below it) from a list of restricted tree paths kept in Django's cache
(``home.fragments``, renewed on every change of a restriction or of the tree) and memoised once
per request by ``RestrictionsPerRequestMiddleware``.
"""

import contextvars

from django.db.models import Q
from wagtail.models import PageViewRestriction

from . import fragments


class _Restrictions:
    __slots__ = ("paths",)

    def __init__(self):
        self.paths = None


_current = contextvars.ContextVar("nexus_view_restrictions", default=None)


def _query():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())


def _read():
    # Kept in Django's cache under the fragments' generation, which every view restriction
    # saved or deleted and every page move or deletion renews (home/signals.py).
    return fragments.cached(None, "restricted-paths", _query, per_language=False, per_site=False)


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (password, login, groups)."""
    memo = _current.get()
    if memo is None:
        return _read()
    if memo.paths is None:
        memo.paths = _read()
    return memo.paths


def public(queryset):
    """``queryset`` without pages in a restricted section (Wagtail's ``.public()``)."""
    paths = restricted_paths()
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


class RestrictionsPerRequestMiddleware:
    """Reads the view restrictions at most once per request (only if a listing asks)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(_Restrictions())
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
