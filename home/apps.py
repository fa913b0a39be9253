from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import frontend_cache, records, signals, spreadsheets  # noqa: F401

        spreadsheets.install()
