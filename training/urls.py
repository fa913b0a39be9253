"""URLs outside the language prefix (machine-facing files, form endpoints)."""

from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    # The former per-language calendar; the Swedish index serves /utbildningar/kalender.ics itself.
    path("utbildningar/kalender-<slug:language>.ics", views.calendar_redirect, name="feed_language"),
    path("utbildningar/kalender/<int:training_id>.ics", views.training_ics, name="training_ics"),
    path("utbildningar/anmalan/<int:training_id>/", views.book, name="book"),
    path("utbildningar/kvitto/<str:token>/", views.receipt, name="receipt"),
    path("utbildningar/avboka/<str:token>/", views.cancel, name="cancel"),
    path("utbildningar/bestall/", views.request_training, name="request"),
    path("utbildningar/bestall/tack/", views.request_thanks, name="request_thanks"),
]
