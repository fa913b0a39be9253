"""URLs inside the language prefix that are not Wagtail pages (e.g. search)."""

from django.urls import path, re_path
from wagtail import views as wagtail_views

from . import views

urlpatterns = [
    path("sok/", views.search, name="search"),
    # Files that index pages serve as routes (``<training index>/kalender.ics``): Wagtail's own
    # pattern takes only slash-ended segments without dots, so these reach the page tree here.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", wagtail_views.serve, name="page_file"),
]
