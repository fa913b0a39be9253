"""URLs outside the language prefix (machine-facing files, form endpoints)."""

from django.urls import path

from .sitemaps import sitemap

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
]
