"""Cached fragments of every public page: the footer, the help-number lists, the Nexus number,
the quick-exit target, the restricted sections and each language's home page (for routing).

Every public render shows them, and they change seldom, so they come from Django's cache (Redis
or the database cache in production, with a copy in each process's memory: ``home.generations``)
instead of a dozen queries a render. One generation token is
part of every key (``home.generations``); whatever can change one of them renews it
(``home/signals.py``): a page published, unpublished, moved, deleted or saved near the top of a
tree, a view restriction, a site, a help number, an organisation, the collaboration sentence, the
site settings, an image, a deleted rendition or a locale. Previews never read or fill the cache:
a preview request is built from the database every time, so draft content never lands here.
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from . import generations

GENERATION_KEY = generations.register("nexus:fragments:generation")
# A bound on staleness for what changes with the clock alone (and where the cache is per process:
# LocMem, without Redis or the database cache).
TIMEOUT = 300


def generation():
    return generations.token(GENERATION_KEY)


def invalidate(**kwargs):
    """Signal receiver: a new generation, so every cached fragment is stale."""
    generations.renew(GENERATION_KEY)


def is_preview(request):
    return bool(getattr(request, "is_preview", False))


def cached(request, name, build, *, per_language=True, per_site=True):
    """``build()``'s value under ``name`` for this site (and language), built once per generation.

    A preview request always builds and never stores."""
    if is_preview(request):
        return build()
    parts = [f"nexus:fragments:{generation()}:{name}"]
    if per_site:
        site = Site.find_for_request(request) if request is not None else None
        parts.append(str(site.pk if site else 0))
    if per_language:
        parts.append(translation.get_language() or "")
    return generations.cached(":".join(parts), build, TIMEOUT)


def cached_html(request, name, template_name, build_context):
    """``template_name`` rendered with ``build_context()``, kept like ``cached`` (the home page's
    teaser lists, the feed links of the news pages). Items that start or end at a given time (the
    next trainings) are at most ``TIMEOUT`` late."""
    html = cached(request, name, lambda: render_to_string(template_name, build_context()))
    # Rendered by a template with autoescape on: the variables in it are escaped.
    return mark_safe(html)  # noqa: S308
