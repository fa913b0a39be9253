"""/sitemap.xml: every live, public page of every language, with hreflang alternates.

``wagtail.contrib.sitemaps`` lists only the default locale (wagtail/wagtail#12420), so this view
builds one sitemap for all language trees of the site: each URL names its live translations
(``xhtml:link rel="alternate"``) and the Swedish version as ``x-default``. Drafts, pages under a
view restriction and pages whose go-live date is in the future are never live+public here.
"""

from collections import defaultdict

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site


def sitemap_entries(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    # The site root and its translations are the roots of every language tree.
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    pages = pages.live().public().filter(alias_of__isnull=True).select_related("locale").order_by("path")
    default_code = Locale.get_default().language_code
    entries = []
    by_key = defaultdict(list)
    for page in pages:
        url = page.get_full_url(request=request)
        if not url:
            continue
        entry = {
            "loc": url,
            "lastmod": page.last_published_at,
            "language": page.locale.language_code,
            "key": page.translation_key,
        }
        entries.append(entry)
        by_key[page.translation_key].append(entry)
    for entry in entries:
        siblings = by_key[entry["key"]]
        if len(siblings) > 1:
            entry["alternates"] = [{"language": s["language"], "loc": s["loc"]} for s in siblings]
            entry["x_default"] = next((s["loc"] for s in siblings if s["language"] == default_code), None)
    return entries


@require_GET
def sitemap(request):
    xml = render_to_string("home/sitemap.xml", {"entries": sitemap_entries(request)}, request=None)
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
