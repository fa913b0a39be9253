"""The site's public address (settings.NEXUS_PUBLIC_URL), for every absolute URL readers get.

Paths from reverse() or Page.url already carry the path prefix (FORCE_SCRIPT_NAME), so only the
origin is added here. Editor mails keep settings.WAGTAILADMIN_BASE_URL.
"""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def public_origin():
    parts = urlsplit(settings.NEXUS_PUBLIC_URL)
    return f"{parts.scheme}://{parts.netloc}"


def public_url(path):
    """The absolute URL of ``path`` (as reverse() returns it) for readers and their mails."""
    return public_origin() + path


def public_host():
    return urlsplit(settings.NEXUS_PUBLIC_URL).hostname


def site_address():
    """(hostname, port) for Wagtail's Site record, so page.full_url is the public address."""
    parts = urlsplit(settings.NEXUS_PUBLIC_URL)
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]
