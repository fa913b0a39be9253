"""Wagtail's page routing in two queries instead of two per URL segment.

Wagtail routes ``/nyheter/nexus/<slug>/`` by asking each page for its child with the next slug
and then for that child's specific row: two queries a segment, plus the localized home page and
its specific row. ``serve`` below finds every page on the way in one query (by ``url_path``, which
Wagtail keeps for each page: the parent's plus the slug), then reads the specific row of the
last one, and hands the result to Wagtail's own ``serve`` (which reads it from
``request._wagtail_route_for_request``, where ``Page.route_for_request`` keeps it), so hooks,
view restrictions, previews and ``serve()`` overrides run as before.

A page whose class routes differently (``RoutablePageMixin`` routes such as ``rss/`` or
``kalender.ics``, or any other ``route()`` override) is handed the rest of the path, exactly as
Wagtail would. Anything unexpected (no localized home in the result) falls back to Wagtail's
routing. The pages on the way are kept on the page for the breadcrumbs (``home.navigation``) and
its view restrictions are checked against the cached restricted sections (``home.visibility``),
so neither asks the database again.
"""

import functools

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site

from . import fragments
from .visibility import restricted_paths


def _localized_home(site):
    """(url_path, path) of the page Wagtail routes from: the site root's live translation in
    the active language, else the root itself (``site.root_page.localized``)."""
    home = site.root_page.localized
    return home.url_path, home.path


def _passes_through(page, remaining):
    """Whether ``page.route(request, remaining)`` would simply look up its child (``Page.route``)."""
    model = page.specific_class
    if model is None:
        return False
    if model.route is Page.route:
        return True
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        if not page.live:
            return True
        path = "/" + "/".join(remaining) + "/" if remaining else "/"
        try:
            model.get_resolver().resolve(path)
        except Http404:
            return True
        return False
    return False


def _view_restrictions(page, chain):
    """``Page.get_view_restrictions()`` from the cached restricted sections: no query unless the
    page lies in one. Aliases on the way are resolved by Wagtail's own method."""
    if any(step.alias_of_id for step in chain):
        return Page.get_view_restrictions(page)
    covering = [path for path in restricted_paths() if page.path.startswith(path)]
    if not covering:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(page__path__in=covering)


def _finish(request, page, chain, remaining):
    specific = page.specific
    specific.locale = page.locale  # read with the route: get_url() needs it
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]
    specific._nexus_route_ancestors = chain[:-1]
    specific.get_view_restrictions = functools.partial(_view_restrictions, specific, chain)
    return specific.route(request, remaining)


def _site_for_request(request):
    """``Site.find_for_request`` and Wagtail's site root paths (which every ``get_url`` reads) for
    this request, from the cached fragments instead of a query each: a saved or deleted site
    renews them (home/signals.py)."""
    if not hasattr(request, "_wagtail_site"):
        # The host was checked against ALLOWED_HOSTS by CommonMiddleware: a bounded set of keys.
        host = f"{request.get_host()}:{request.get_port()}"
        request._wagtail_site = fragments.cached(
            request, f"site:{host}", lambda: Site._find_for_request(request), per_language=False, per_site=False
        )
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = fragments.cached(
            request, "site-root-paths", Site.get_site_root_paths, per_language=False, per_site=False
        )
    return request._wagtail_site


def route(request, path):
    """Wagtail's ``RouteResult`` for ``path`` (Http404 if none), or None to let Wagtail route."""
    site = _site_for_request(request)
    if site is None:
        return None
    home_url_path, home_path = fragments.cached(request, "route-home", lambda: _localized_home(site))
    components = [component for component in path.split("/") if component]
    prefixes = [home_url_path]
    for component in components:
        prefixes.append(prefixes[-1] + component + "/")
    pages = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=prefixes, path__startswith=home_path).select_related("locale")
    }
    current = pages.get(home_url_path)
    if current is None or current.path != home_path:
        return None
    chain = [current]
    for index in range(len(components)):
        remaining = components[index:]
        if not _passes_through(current, remaining):
            return _finish(request, current, chain, remaining)
        child = pages.get(prefixes[index + 1])
        if child is None or child.depth != current.depth + 1 or not child.path.startswith(current.path):
            raise Http404
        child._cached_parent_obj = current
        chain.append(child)
        current = child
    return _finish(request, current, chain, [])


def routed_ancestor(page, model):
    """The ancestor of class ``model`` that the route to ``page`` passed (a plain ``Page``, enough
    for its URL and title), or None when the page was not routed here or passed none."""
    for step in getattr(page, "_nexus_route_ancestors", ()):
        if step.specific_class is model:
            return step
    return None


def serve(request, path):
    """Wagtail's ``serve`` view, routed by ``route``."""
    # wagtail.views loads models at import; this module is imported by models (routed_ancestor).
    from wagtail import views as wagtail_views

    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            result = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        else:
            if result is not None:
                request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)
