from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    """The communication plan's channels beyond the website: the partners' read API and widget,
    digital screens and the newsletter. Above the content apps: it reads news, trainings and press."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "channels"
    verbose_name = _("Kanaler")

    def ready(self):
        from . import signals  # noqa: F401
