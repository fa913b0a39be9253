"""URLs outside the language prefix (machine-facing files, form endpoints)."""

urlpatterns = []
