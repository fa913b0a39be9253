"""Admin registration: the account pages, their menu item and the audit-log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls


@hooks.register("register_admin_urls")
def register_account_urls():
    return [path("konton/", include(urls, namespace="nexus_accounts"))]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_accounts_menu_item():
    return SuperuserMenuItem(
        _("Konton och inloggning"), reverse("nexus_accounts:index"), name="nexus-accounts", icon_name="user", order=610
    )


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("nexus.login", _("Inloggning"), _("Loggade in"))
    actions.register_action("nexus.login_failed", _("Misslyckad inloggning"), _("Misslyckad inloggning"))
    actions.register_action("nexus.lockout", _("Utelåsning"), _("Utelåst efter upprepade misslyckade inloggningar"))
    actions.register_action("nexus.unlock", _("Upplåsning"), _("Inloggningen låstes upp av en administratör"))
    actions.register_action("nexus.export", _("Export"), _("Exporterade en lista"))
    actions.register_action("nexus.mfa_enrol", _("Tvåstegsverifiering"), _("Ställde in tvåstegsverifiering"))
    actions.register_action(
        "nexus.mfa_reset", _("Tvåstegsverifiering återställd"), _("Tvåstegsverifieringen togs bort av en administratör")
    )
    actions.register_action("nexus.invite", _("Inbjudan"), _("Bjöds in"))
    actions.register_action("nexus.deactivate", _("Inaktivering"), _("Inaktiverades; utkasten lämnades över"))
    actions.register_action("nexus.groups_changed", _("Gruppmedlemskap ändrat"), _("Gruppmedlemskap ändrat"))
    actions.register_action(
        "nexus.account_changed", _("Administratör eller aktiv ändrat"), _("Administratörs- eller aktivstatus ändrad")
    )
    actions.register_action("nexus.permissions_changed", _("Gruppens behörigheter ändrade"), _("Behörigheter ändrade"))
