"""Admin registration for the home app: the central help numbers."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from workflows.snippet_admin import PublicSnippetViewSet

from .models import HelpNumber


class HelpNumberViewSet(PublicSnippetViewSet):
    model = HelpNumber
    icon = "mobile-alt"
    menu_label = _("Hjälpnummer")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["label", "number", "show_in_footer", "verified", "sort_order"]
    list_filter = ["service", "show_in_footer", "verified"]
    ordering = ["sort_order", "id"]


register_snippet(HelpNumberViewSet)
