"""The anonymous page cache: whole public responses for readers without a session, in a shared cache.

``PageCacheMiddleware`` sits right after WhiteNoise. A request is a *candidate* when it is a GET or
HEAD outside the admin and the document views, without an ``Authorization`` header and without
the session or CSRF cookie (decided from the request alone: no session, user or database is
touched). For a candidate the middleware reads two keys in one round trip (``get_many``: one
query with the database cache): the site's page generation and the entry of this address
(scheme, host, path, the query string with its parameters in a stable order). A stored entry
made under the current generation is the answer (``X-Cache: HIT`` and ``Age``); nothing else of
the site runs. Otherwise the request goes through the whole stack (``X-Cache: MISS``) and the
response is stored when it is the same for every anonymous reader:

- status 200, 301 or 404, not streamed (documents, media, exports are files and never stored);
- no cookie set, ``Vary`` naming nothing but ``Cookie`` and ``Accept-Language`` (see
  ``_varies_only_as_the_key_allows``) and no ``Cache-Control`` with ``private``, ``no-store`` or
  ``no-cache``: every per-visitor answer (the booking and subscription form pages, receipts,
  the probes, anything with a form token) says ``Cache-Control: private, no-store`` and is never
  stored, here or by a shared cache in front.

Signed-in editors always carry the session cookie, so they neither get nor fill cached pages
(the userbar never reaches a reader), and previews live under ``/admin/``. A page behind a view
restriction answers anonymous readers with a redirect to the sign-in or a password form with a
CSRF cookie: neither is stored. The language comes from the path prefix (``home.language``), so
the address is the key; ``Accept-Language`` does not change a page.

Invalidation is whole-site and immediate: every stored entry names the generation it was made
under, and ``invalidate()`` renews the generation (at once and again after the commit, so a
render that read the old rows during the transaction cannot be stored as current).
``home.signals`` calls it on publishing, unpublishing (approvals and scheduled publishing send
the same signals), moves and deletions of pages, and on saving or deleting any row that pages
show (help numbers, site settings and notices, FAQ, spokespersons, organisations, images,
documents, redirects, view restrictions, sites, bookings: the seats left). Entries also expire
after ``PAGE_CACHE_SECONDS`` (time-dependent text: a notice's end, a training's closing date);
0 switches the cache off.

Flush by hand: ``manage.py flush_page_cache``.
"""

import hashlib
import logging
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse

from . import generations

logger = logging.getLogger(__name__)

ALIAS = "pages"
GENERATION_KEY = "nexus:pages:generation"
CACHEABLE_STATUSES = frozenset({200, 301, 404})
# Never from the cache: the admin (editors, previews) and Wagtail's document views (collection
# privacy, embargoes). Paths as the application sees them (below FORCE_SCRIPT_NAME).
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/healthz", "/readyz")
UNCACHEABLE_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})
IGNORED_VARY = frozenset({"cookie", "accept-language"})
# Headers of the stored response that are not replayed: the outer middleware sets them per request.
PER_REQUEST_HEADERS = frozenset({"x-request-id", "age", "x-cache", "set-cookie"})


def _auth_cookies():
    return {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}


def is_candidate(request):
    """A reader without a session: decided from the method, path, headers and cookie names only."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(EXCLUDED_PREFIXES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not _auth_cookies().intersection(request.COOKIES)


def cache_key(request):
    """Scheme, host, path and the query parameters sorted by name (values keep their order)."""
    pairs = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True), key=lambda pair: pair[0])
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(pairs)}"
    return "nexus:page:" + hashlib.sha256(address.encode("utf-8", "backslashreplace")).hexdigest()


def _cache_control(response):
    value = response.get("Cache-Control", "")
    return {part.split("=", 1)[0].strip().lower() for part in value.split(",") if part.strip()}


def _varies_only_as_the_key_allows(response):
    """``Vary`` names only headers that cannot change a candidate's page: ``Cookie`` (candidates
    carry neither the session nor the CSRF cookie, the only cookies the site reads; Django adds
    it whenever a middleware looks at the empty session) and ``Accept-Language`` (the language is
    the path's)."""
    varies = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return varies <= IGNORED_VARY


def is_storable(response):
    return (
        response.status_code in CACHEABLE_STATUSES
        and not response.streaming
        and not response.cookies
        and "Set-Cookie" not in response
        and _varies_only_as_the_key_allows(response)
        and not UNCACHEABLE_DIRECTIVES.intersection(_cache_control(response))
    )


def generation():
    return generations.token(GENERATION_KEY, using=ALIAS)


def flush():
    """Forget every stored page (``manage.py flush_page_cache``)."""
    if ALIAS in settings.CACHES:
        generations.renew(GENERATION_KEY, using=ALIAS)


def _flush_quietly():
    try:
        # In a savepoint: with the database cache, a failing cache query (its table not created
        # yet) must not abort the transaction of the save that asked for the flush (PostgreSQL).
        with transaction.atomic():
            flush()
    except Exception:
        # An unreachable cache serves nothing meanwhile; what it held expires after PAGE_CACHE_SECONDS.
        logger.exception("Could not renew the page cache generation")


def invalidate(**kwargs):
    """Signal receiver: every stored page is stale from now on, and again once the current
    transaction commits."""
    _flush_quietly()
    transaction.on_commit(_flush_quietly)


def _replay(entry):
    _generation, stored_at, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["Age"] = str(max(0, int(time.time() - stored_at)))
    response["X-Cache"] = "HIT"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not is_candidate(request) or ALIAS not in settings.CACHES:
            return self.get_response(request)
        try:
            key = cache_key(request)
        except DisallowedHost:  # Django answers it further in
            return self.get_response(request)
        cache = caches[ALIAS]
        try:
            found = cache.get_many([GENERATION_KEY, key])
            current = found.get(GENERATION_KEY)
            entry = found.get(key)
            if current is not None and entry is not None and entry[0] == current:
                return _replay(entry)
            if current is None:
                current = generation()
        except Exception:
            # The cache does not answer: the page is rendered as if there were none (and a
            # database outage meets the site's own 503 further in).
            logger.warning("The page cache does not answer; serving uncached", exc_info=True)
            return self.get_response(request)
        response = self.get_response(request)
        if is_storable(response):
            headers = [(name, value) for name, value in response.items() if name.lower() not in PER_REQUEST_HEADERS]
            try:
                cache.set(
                    key,
                    (current, time.time(), response.status_code, headers, response.content),
                    settings.PAGE_CACHE_SECONDS,
                )
            except Exception:
                logger.warning("The page cache does not answer; the page was not stored", exc_info=True)
        response["X-Cache"] = "MISS"
        return response
