"""URLs outside the language prefix (machine-facing files, form endpoints)."""

from django.urls import path

from . import views
from .sitemaps import sitemap

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]
