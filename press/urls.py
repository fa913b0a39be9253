"""URLs outside the language prefix (machine-facing files, form endpoints)."""

from django.urls import path

from . import redirects, views

app_name = "press"

urlpatterns = [
    # The former feeds; the press room of each language serves rss/ and atom/ itself.
    path("press/rss/<str:language_code>/", redirects.feed_redirect, name="feed"),
    path("press/rss/<str:language_code>/<slug:organisation_slug>/", redirects.feed_redirect, name="organisation_feed"),
    path("press/prenumeration/", views.subscribe, name="subscribe"),
    path("press/prenumeration/bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("press/prenumeration/avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
