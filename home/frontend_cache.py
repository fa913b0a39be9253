"""What a publish or unpublish purges from the edge cache (Varnish or a CDN, settings:
``WAGTAILFRONTENDCACHE`` from ``NEXUS_VARNISH_URL`` / ``NEXUS_CLOUDFLARE_*`` /
``NEXUS_CLOUDFRONT_DISTRIBUTION_ID``).

Wagtail's own receiver purges the page's own URL only. A page also shows up in its parent
listings (index, organisation section), on its language's home page, in the feeds of those
listings, in the training calendar and in the sitemap; this receiver purges all of those in one
``PurgeBatch``. With deploy/varnish/nexus.vcl a PURGE of a path also drops every cached query
string of that path (``/nyheter/?page=2``, ``/press/rss/?organisation=heby-kommun``), so the
filtered and paginated listings are fresh too. We purge a list of URLs rather than BAN the whole
site: a publish then costs the other languages and unrelated pages nothing, and the same list
works for a CDN, which knows no BAN.

Not purged: other languages' translations of the page (their language switcher only links to
this one, which keeps its URL unless the slug changes; a move or slug change is purged by
Wagtail's own receiver on the new URL and here on the old ancestors).
"""

from django.conf import settings
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished

# Sub-routes of listing pages that show their children: the feeds and the training calendar.
FEED_SUFFIXES = ("rss/", "atom/", "kalender.ics")


def affected_urls(page):
    """Absolute URLs whose content changes when ``page`` is published or unpublished."""
    urls = []
    page_url = page.get_full_url()
    if page_url is None:
        return urls
    urls.append(page_url)
    # The ancestors below the tree root: sections, the listing index, the language's home page.
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific(defer=True):
        ancestor_url = ancestor.get_full_url()
        if ancestor_url is None:
            continue
        urls.append(ancestor_url)
        urls.extend(ancestor_url + suffix for suffix in FEED_SUFFIXES)
        urls.append(f"{ancestor_url}kalender/{page.pk}.ics")
    base = settings.NEXUS_PUBLIC_URL.rstrip("/")
    urls.append(f"{base}/sitemap.xml")
    return list(dict.fromkeys(urls))


@receiver(page_published, dispatch_uid="home_frontend_cache_publish")
@receiver(page_unpublished, dispatch_uid="home_frontend_cache_unpublish")
def purge_affected_urls(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_urls(affected_urls(instance))
    batch.purge()
