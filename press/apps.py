from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "press"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
