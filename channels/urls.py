"""URLs of the channels outside the language prefix (API, widget, screens)."""

from django.urls import path

from . import screens

app_name = "channels"

urlpatterns = [
    path("skarm/<slug:slug>/", screens.screen, name="screen"),
    path("skarm/<slug:slug>/qr/<int:number>.svg", screens.qr_code, name="screen_qr"),
]
