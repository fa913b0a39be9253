"""Admin for the press room: spokespersons and subscribers."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet

from workflows.snippet_admin import PublicSnippetViewSet

from .models import PressSubscriber, Spokesperson


class SpokespersonViewSet(PublicSnippetViewSet):
    model = Spokesperson
    icon = "user"
    menu_label = _("Talespersoner")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation", "phone", "email"]
    list_filter = ["organisation"]
    search_fields = ["name", "title", "topics"]


class PressSubscriberViewSet(ModelViewSet):
    """Journalists' subscriptions: administrators only (no group is granted these permissions).

    A plain model viewset, not a snippet: snippets are exposed to every editor by the snippet
    chooser and wagtail-localize's snippet API, which check no model permission.
    """

    model = PressSubscriber
    name = "press_subscribers"
    url_prefix = "press-subscribers"
    icon = "mail"
    menu_label = _("Prenumeranter (press)")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["email", "language", "created_at", "confirmed_at"]
    list_export = ["email", "language", "created_at", "confirmed_at"]
    export_filename = "prenumeranter"
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["email", "language", "confirmed_at"]


register_snippet(SpokespersonViewSet)


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return PressSubscriberViewSet()
