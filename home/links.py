"""The broken-link check (``manage.py check_links``, Rapporter → Brutna länkar).

Walks every live public page (and the live FAQ answers) and collects the links in their rich text
and StreamField content: Wagtail page links (``<a linktype="page" id=…>``, page choosers), document
links (``<a linktype="document" id=…>``, document choosers) and external http(s) URLs (links in
rich text, URL blocks). Internal links fail when the target is missing, not live or private;
documents when missing. External URLs are requested once per run each, HEAD first (GET when HEAD
is refused), with a short timeout, a few at a time and nothing but the URL and a User-Agent: no
cookie, no referer. A failure is a connection error, a timeout or a status of 400 or more.
The failures replace the previous run's in ``LinkCheck``.
"""

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .models import FAQEntry, LinkCheck
from .visibility import public

USER_AGENT = "NexusLinkCheck/1.0 (+https://github.com/nexus-resurscentrum; broken-link report)"
TIMEOUT = 5
CONCURRENCY = 4
HEAD_REFUSED = {403, 405, 501}
# Stored in Swedish (the msgids); the report translates them for the reader (LinkCheck.error_display).
CONNECT_FAILED = _("Kunde inte ansluta")


@dataclass(frozen=True)
class Link:
    kind: str
    target: str  # page or document id, or the URL


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        attrs = dict(attrs)
        linktype = attrs.get("linktype")
        if linktype in ("page", "document") and attrs.get("id"):
            self.links.append(Link(linktype, attrs["id"]))
        elif (attrs.get("href") or "").lower().startswith(("http://", "https://")):
            self.links.append(Link(LinkCheck.Kind.EXTERNAL, attrs["href"].strip()))


def links_in_rich_text(html):
    parser = _Anchors()
    parser.feed(html or "")
    return parser.links


def _walk(block, value):
    """Links in ``value``, the stored (prep) form of ``block``."""
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield from links_in_rich_text(value)
    elif isinstance(block, blocks.PageChooserBlock):
        yield Link(LinkCheck.Kind.PAGE, str(value))
    elif isinstance(block, DocumentChooserBlock):
        yield Link(LinkCheck.Kind.DOCUMENT, str(value))
    elif isinstance(block, blocks.URLBlock):
        if str(value).lower().startswith(("http://", "https://")):
            yield Link(LinkCheck.Kind.EXTERNAL, str(value))
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from _walk(child_block, child.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _walk(
                block.child_block, item.get("value") if isinstance(item, dict) and "type" in item else item
            )
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _walk(child_block, value.get(name))


def links_of(instance):
    """Every link in the rich text and StreamField fields of ``instance``."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, RichTextField):
            yield from links_in_rich_text(getattr(instance, field.attname))
        elif isinstance(field, StreamField):
            stream = getattr(instance, field.attname)
            yield from _walk(field.stream_block, stream.get_prep_value() if stream is not None else [])


def live_public_pages():
    return public(Page.objects.live().filter(depth__gt=1)).specific()


def _page_failure(target):
    """``(label, error)`` of a page link: the target's title and id, and why it fails (or None)."""
    page = Page.objects.filter(pk=int(target)).first() if target.isdigit() else None
    if page is None:
        return f"#{target}", _("Sidan finns inte.")
    label = f"{page.title} (#{page.pk})"
    if not page.live:
        return label, _("Sidan är inte publicerad.")
    if page.get_view_restrictions().exists():
        return label, _("Sidan är inte öppen för alla.")
    return label, None


def _document_failure(target):
    """``(label, error)`` of a document link."""
    document = get_document_model().objects.filter(pk=int(target)).first() if target.isdigit() else None
    if document is None:
        return f"#{target}", _("Dokumentet finns inte.")
    return f"{document.title} (#{document.pk})", None


class _NoCookies(urllib.request.HTTPCookieProcessor):
    def http_request(self, request):
        return request

    https_request = http_request

    def http_response(self, request, response):
        return response

    https_response = http_response


_opener = urllib.request.build_opener(_NoCookies())
_opener.addheaders = [("User-Agent", USER_AGENT)]


def _request(url, method):
    request = urllib.request.Request(url, method=method)  # noqa: S310 (http and https only, checked by the caller)
    with _opener.open(request, timeout=TIMEOUT) as response:
        return response.status


def check_url(url):
    """``(status, error)`` for an external URL; ``error`` is None when it works."""
    try:
        try:
            status = _request(url, "HEAD")
        except urllib.error.HTTPError as refused:
            if refused.code not in HEAD_REFUSED:
                raise
            status = _request(url, "GET")
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except TimeoutError:
        return None, _("Tidsgränsen överskreds.")
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            return None, _("Tidsgränsen överskreds.")
        return None, f"{CONNECT_FAILED}: {reason}"[:255]
    if status >= 400:
        return status, f"HTTP {status}"
    return status, None


def collect():
    """``[(page or None, source, Link)]`` for every live public page and live FAQ entry."""
    found = []
    for page in live_public_pages():
        for link in links_of(page):
            found.append((page, "", link))
    for entry in FAQEntry.objects.filter(live=True):
        for link in links_of(entry):
            found.append((None, f"{FAQEntry._meta.verbose_name}: {entry.question}"[:255], link))
    return found


def run(*, external=True):
    """Checks every link and replaces the stored failures; returns ``(links checked, failures)``."""
    found = collect()
    urls = sorted({link.target for _, _, link in found if link.kind == LinkCheck.Kind.EXTERNAL})
    results = {}
    if external and urls:
        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            results = dict(zip(urls, pool.map(check_url, urls), strict=True))
    now = timezone.now()
    rows = []
    for page, source, link in found:
        status = None
        if link.kind == LinkCheck.Kind.PAGE:
            url, error = _page_failure(link.target)
        elif link.kind == LinkCheck.Kind.DOCUMENT:
            url, error = _document_failure(link.target)
        else:
            url = link.target
            if link.target not in results:
                continue
            status, error = results[link.target]
        if error:
            rows.append(
                LinkCheck(page=page, source=source, url=url, kind=link.kind, status=status, error=error, checked_at=now)
            )
    with transaction.atomic():
        LinkCheck.objects.all().delete()
        LinkCheck.objects.bulk_create(rows)
    return len(found), len(rows)
