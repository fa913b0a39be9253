"""Admin registration for the home app: the central help numbers."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows import translations

from .models import HelpNumber


class HelpNumberViewSet(SnippetViewSet):
    model = HelpNumber
    icon = "mobile-alt"
    menu_label = _("Hjälpnummer")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["label", "number", "show_in_footer", "verified", "sort_order"]
    list_filter = ["service", "show_in_footer", "verified"]
    ordering = ["sort_order", "id"]


register_snippet(HelpNumberViewSet)


# Translations go to Projektledning for approval (workflows/translations.py).
hooks.register("register_admin_urls", translations.admin_urls)
hooks.register("register_page_header_buttons", translations.page_buttons)
hooks.register("register_page_listing_more_buttons", translations.page_buttons)
