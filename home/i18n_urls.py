"""URLs inside the language prefix that are not Wagtail pages (e.g. search)."""

from django.urls import path

from . import views

urlpatterns = [
    path("sok/", views.search, name="search"),
]
