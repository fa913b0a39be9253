"""URLs of the channels outside the language prefix (API, widget, screens)."""

app_name = "channels"

urlpatterns = []
