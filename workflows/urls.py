"""Machine-facing addresses of the editorial system (outside the language prefix)."""

from django.urls import path

from . import activities

urlpatterns = [
    path("kalender/aktiviteter/<str:token>.ics", activities.activity_feed, name="activity_feed"),
]
