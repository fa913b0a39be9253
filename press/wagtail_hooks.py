"""Admin for the press room: spokespersons and subscribers."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PressSubscriber, Spokesperson


class SpokespersonViewSet(SnippetViewSet):
    model = Spokesperson
    icon = "user"
    menu_label = _("Talespersoner")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation", "phone", "email"]
    list_filter = ["organisation"]
    search_fields = ["name", "title", "topics"]


class PressSubscriberViewSet(SnippetViewSet):
    """Journalists' subscriptions: administrators only (no group is granted these permissions)."""

    model = PressSubscriber
    icon = "mail"
    menu_label = _("Prenumeranter (press)")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["email", "language", "created_at", "confirmed_at"]
    search_fields = ["email"]
    form_fields = ["email", "language", "confirmed_at"]


register_snippet(SpokespersonViewSet)
register_snippet(PressSubscriberViewSet)
