"""Public views that are not Wagtail pages: site search, robots.txt and the favicon."""

import re

from django.contrib.staticfiles import finders
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from . import fragments
from .visibility import public

# Longer queries are cut here: nobody types more, and long strings only cost database time.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_PAGE = 10
# Only letters, digits and spaces reach the search backend: SQLite's FTS5 syntax and
# PostgreSQL's tsquery treat quotes, operators and %-signs specially.
NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def clean_query(raw):
    """The visitor's query, shortened, for display; and the terms actually searched for."""
    shown = (raw or "").strip()[:MAX_QUERY_LENGTH]
    terms = NON_WORD.sub(" ", shown).split()[:MAX_TERMS]
    return shown, " ".join(terms)


def _active_locale(request=None):
    """The active language's Locale (kept with the cached fragments: a render reads it often)."""
    return fragments.cached(request, "locale", Locale.get_active, per_site=False)


def searchable_pages(request=None):
    """Live, public pages of the active language (never drafts, scheduled or private pages)."""
    return public(Page.objects.live()).filter(locale=_active_locale(request))


def _specific_results(pages, locale):
    """The specific pages of one page of results, in order: a query per page type, not per hit."""
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
    found = [specific.get(page.pk, page) for page in pages]
    for page in found:
        page.locale = locale  # every hit is in the active language; get_url() needs it
    return found


def excerpt(page):
    return page.search_description or getattr(page, "lead", "") or ""


@require_GET
def search(request):
    """Search the pages of the current language. No hit counter and no session: a GET writes nothing."""
    shown, terms = clean_query(request.GET.get("q"))
    results = None
    if terms:
        found = searchable_pages(request).search(terms, operator="and")
        paginator = Paginator(found, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        results.object_list = [
            {"page": page, "url": page.get_url(request=request), "excerpt": excerpt(page)}
            for page in _specific_results(list(results.object_list), _active_locale(request))
        ]
    return render(request, "home/search.html", {"query": shown, "terms": terms, "results": results})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=86400)
def favicon(request):
    """/favicon.ico: browsers ask for it on every site whatever the page links, so answer it."""
    path = finders.find("img/favicon.ico")
    if path is None:
        raise Http404
    return FileResponse(open(path, "rb"), content_type="image/x-icon")
