"""Admin registration for the editorial structure."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationer")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["name", "short_name", "kind", "in_communicators_network"]
    search_fields = ["name", "short_name"]


register_snippet(OrganisationViewSet)
