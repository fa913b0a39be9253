"""URLs outside the language prefix (machine-facing files, form endpoints)."""

from django.urls import path

from . import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
