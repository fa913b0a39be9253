from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Admin sign-in (second factor, lockout, idle expiry), the audit log of sign-ins and exports,
    and the account lifecycle (invite, reset a second factor, deactivate a leaver)."""

    name = "accounts"
    verbose_name = _("Konton")

    def ready(self):
        from . import audit  # noqa: F401  (connects the sign-in and lockout receivers)
