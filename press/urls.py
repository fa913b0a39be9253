"""URLs outside the language prefix (machine-facing files, form endpoints)."""

from django.urls import path

from . import views
from .feeds import PressReleaseFeed

app_name = "press"

urlpatterns = [
    path("press/rss/<str:language_code>/", PressReleaseFeed(), name="feed"),
    path("press/rss/<str:language_code>/<slug:organisation_slug>/", PressReleaseFeed(), name="organisation_feed"),
    path("press/prenumeration/", views.subscribe, name="subscribe"),
    path("press/prenumeration/bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("press/prenumeration/avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
