"""URLs inside the language prefix that are not Wagtail pages (e.g. search)."""

urlpatterns = []
