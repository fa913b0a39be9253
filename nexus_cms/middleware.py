"""Cross-cutting middleware."""

import re

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest
from django.utils.translation import gettext as _

ADMIN_PREFIXES = ("/admin/",)

# The Wagtail 8 editor still emits inline scripts (wagtail/wagtail#1288) and renders previews in
# an iframe, so the admin gets its own, looser policy; the public site keeps the strict one
# (CONTENT_SECURITY_POLICY, which excludes these prefixes).
# Images in an object store (settings.NEXUS_MEDIA_ORIGINS) show in the admin too.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        " ".join(["img-src 'self' data: blob:", *settings.NEXUS_MEDIA_ORIGINS]),
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
        "form-action 'self'",
    ]
)


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES) and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = ADMIN_CONTENT_SECURITY_POLICY
        return response


# NUL and lone surrogates: PostgreSQL refuses NUL in text (a 500 deep in a query) and surrogates
# cannot be encoded as UTF-8. No legitimate path or parameter holds them.
UNENCODABLE = re.compile(r"[\x00\ud800-\udfff]")


def _unencodable(values):
    return any(UNENCODABLE.search(value) for value in values)


def _params(querydict):
    for key, values in querydict.lists():
        yield key
        yield from (value for value in values if isinstance(value, str))


class RefuseUnencodableInputMiddleware:
    """NUL bytes (or lone surrogates) never reach a view or a query.

    In the path or the query string they are a 404, as the listings answer any malformed value
    (a link means the same everywhere); in a POST body, a 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _unencodable([request.path_info]) or _unencodable(_params(request.GET)):
            raise Http404("Malformed path or parameter")
        if request.method == "POST" and _unencodable(_params(request.POST)):
            return HttpResponseBadRequest(
                _("Förfrågan innehåller tecken som inte är tillåtna."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
