"""Serve uploaded files (MEDIA_ROOT) when no web server is in front (`make run`).

Uploads come from editors, so a file must never render as a page of the site's origin: images
of the allowed types are sent as what they are; anything else is an attachment of type
application/octet-stream. Every answer carries nosniff and a sandboxing CSP, the same rules as
deploy/nginx/nexus.conf. Documents are not served here: they go through Wagtail's serve view,
which checks collection privacy.
"""

import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe

# The upload types Wagtail accepts for images (WAGTAILIMAGES_EXTENSIONS); never SVG.
IMAGE_TYPES = {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}
MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
REFUSED_PREFIXES = ("documents/",)


@require_safe
def serve(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith(REFUSED_PREFIXES) or path.startswith("."):
        raise Http404
    try:
        fullpath = Path(safe_join(settings.MEDIA_ROOT, path))
    except ValueError as error:  # SuspiciousFileOperation: outside MEDIA_ROOT
        raise Http404 from error
    if not fullpath.is_file():
        raise Http404
    content_type, encoding = mimetypes.guess_type(fullpath.name)
    if encoding or content_type not in IMAGE_TYPES:
        response = FileResponse(fullpath.open("rb"), content_type="application/octet-stream", as_attachment=True)
    else:
        response = FileResponse(fullpath.open("rb"), content_type=content_type)
    response["Last-Modified"] = http_date(fullpath.stat().st_mtime)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cache-Control"] = "public, max-age=86400"
    return response
