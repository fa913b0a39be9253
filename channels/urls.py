"""URLs of the channels outside the language prefix (API, widget, screens, newsletter subscription)."""

from django.urls import include, path

from . import newsletter_views, screens, widget
from .api import api_router

app_name = "channels"

urlpatterns = [
    path("api/v2/", include((api_router.get_urlpatterns(), "wagtailapi"), namespace="wagtailapi")),
    path("widget/nyheter/", widget.news, name="widget_news"),
    path("widget/utbildningar/", widget.trainings, name="widget_trainings"),
    path("skarm/<slug:slug>/", screens.screen, name="screen"),
    path("skarm/<slug:slug>/qr/<int:number>.svg", screens.qr_code, name="screen_qr"),
    path("nyhetsbrev/prenumeration/", newsletter_views.subscribe, name="newsletter_subscribe"),
    path("nyhetsbrev/prenumeration/bekrafta/<str:token>/", newsletter_views.confirm, name="newsletter_confirm"),
    path("nyhetsbrev/prenumeration/avsluta/<str:token>/", newsletter_views.unsubscribe, name="newsletter_unsubscribe"),
]
