"""Write what the public site shows to a WARC file (ISO 28500), for the archive (arkivlagen).

Every live, public page of every language is requested through the site's own views, as a
reader gets it, and recorded under its public address (NEXUS_PUBLIC_URL); so are the files those
pages use from the site itself: stylesheets and scripts, images, documents (through Wagtail's
serve view, so private ones are left out) and the RSS, Atom and iCalendar feeds they link.
Drafts, embargoed releases and pages behind a view restriction are not live and public, so they
are never requested. Static files and media are read from their storage (nginx serves them in
production). The file opens in standard replay tools (pywb, ReplayWeb.page).
"""

import logging
import mimetypes
import re
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.test import Client
from django.utils import timezone
from wagtail.models import Page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from home.addresses import public_origin

logger = logging.getLogger("nexus.archive")

LINK = re.compile(r'(?:href|src)="([^"#]+)"')
FEED = re.compile(r"/(rss|atom)/(\?|$)|\.ics(\?|$)")


def live_public_pages():
    return Page.objects.live().public().filter(depth__gt=1).order_by("path")


class Archiver:
    def __init__(self, stream):
        self.writer = WARCWriter(stream, gzip=True)
        self.client = Client(HTTP_HOST=urlsplit(settings.NEXUS_PUBLIC_URL).netloc, raise_request_exception=False)
        self.prefix = settings.FORCE_SCRIPT_NAME or ""
        self.origin = public_origin()
        self.seen = set()
        self.count = 0

    def local_path(self, url):
        """The path below the prefix of a same-site URL, or None for another site."""
        parts = urlsplit(url)
        if parts.netloc and f"{parts.scheme}://{parts.netloc}" != self.origin:
            return None
        path = parts.path
        if not path.startswith(self.prefix + "/"):
            return None
        return path[len(self.prefix) :] + (f"?{parts.query}" if parts.query else "")

    def record(self, path, status, headers, body):
        url = self.origin + self.prefix + path
        http_headers = StatusAndHeaders(f"{status}", list(headers), protocol="HTTP/1.1")
        self.writer.write_record(
            self.writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http_headers)
        )
        self.count += 1

    def fetch(self, path):
        """Through the views; a file of the static or media storage read directly."""
        if path in self.seen:
            return None
        self.seen.add(path)
        name = unquote(path.split("?")[0])
        for url_prefix, read in (("/static/", self.read_static), ("/media/", self.read_media)):
            if name.startswith(url_prefix):
                body = read(name[len(url_prefix) :])
                if body is not None:
                    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
                    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
                    self.record(path, 200, headers, body)
                return None
        response = self.client.get(path)
        if response.status_code != 200:
            return None
        body = b"".join(response.streaming_content) if response.streaming else response.content
        headers = [(key, value) for key, value in response.items() if key.lower() != "set-cookie"]
        self.record(path, 200, headers, body)
        return body if response.get("Content-Type", "").startswith("text/html") else None

    def read_static(self, name):
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as handle:
                return handle.read()
        found = finders.find(name)
        return Path(found).read_bytes() if found else None

    def read_media(self, name):
        if name.startswith("documents/") or not default_storage.exists(name):
            return None  # documents only through the serve view (privacy)
        with default_storage.open(name) as handle:
            return handle.read()

    def archive_page(self, page):
        path = self.local_path(page.get_full_url())
        html = self.fetch(path) if path else None
        if html is None:
            return
        for link in LINK.findall(html.decode("utf-8", "replace")):
            local = self.local_path(link.replace("&amp;", "&"))
            if local and (local.startswith(("/static/", "/media/", "/documents/")) or FEED.search(local)):
                self.fetch(local)


class Command(BaseCommand):
    help = "Write every live public page of every language, with its files and feeds, to a WARC file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="WARC file to write (default: NEXUS_VAR_DIR/archive/nexus-<time>.warc.gz)."
        )

    def handle(self, *args, output=None, **options):
        if output is None:
            stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
            output = Path(settings.NEXUS_VAR_DIR) / "archive" / f"nexus-{stamp}.warc.gz"
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("wb") as stream:
            archiver = Archiver(stream)
            pages = list(live_public_pages())
            for page in pages:
                archiver.archive_page(page)
        message = f"archive_site: {len(pages)} pages, {archiver.count} records in {output}"
        logger.info(message)
        self.stdout.write(message)
