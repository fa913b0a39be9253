from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content on top of the installation (``manage.py load_demo``); nothing imports it."""

    name = "demo"
    default_auto_field = "django.db.models.BigAutoField"
