"""URLs inside the language prefix that are not Wagtail pages (e.g. search)."""

from django.urls import path, re_path

from . import routing, views

urlpatterns = [
    path("sok/", views.search, name="search"),
    # Files that index pages serve as routes (``<training index>/kalender.ics``): Wagtail's own
    # pattern takes only slash-ended segments without dots, so these reach the page tree here.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", routing.serve, name="page_file"),
    # Wagtail's own page pattern (same expression and name, so reverse() is unchanged), routed in
    # two queries (home/routing.py); Wagtail's ``_util/`` URLs (password and login forms of
    # restricted pages) and its own pattern follow in nexus_cms/urls.py.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", routing.serve, name="wagtail_serve"),
]
