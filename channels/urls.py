"""URLs of the channels outside the language prefix (API, widget, screens)."""

from django.urls import include, path

from . import screens, widget
from .api import api_router

app_name = "channels"

urlpatterns = [
    path("api/v2/", include((api_router.get_urlpatterns(), "wagtailapi"), namespace="wagtailapi")),
    path("widget/nyheter/", widget.news, name="widget_news"),
    path("widget/utbildningar/", widget.trainings, name="widget_trainings"),
    path("skarm/<slug:slug>/", screens.screen, name="screen"),
    path("skarm/<slug:slug>/qr/<int:number>.svg", screens.qr_code, name="screen_qr"),
]
