"""Admin registration for the home app: the central help numbers, the personal-data tool, the records export."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from workflows.editorial import is_project_leader
from workflows.snippet_admin import PublicSnippetViewSet

from . import admin_views, personal_data, records, reports
from .models import CollaborationSentence, FAQEntry, HelpNumber, SiteNotice


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


class FAQEntryViewSet(PublicSnippetViewSet):
    """The FAQ for responders: communicators search it (a word of a question or an answer)."""

    model = FAQEntry
    icon = "help"
    menu_label = _("Vanliga frågor")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["question", "topic", "audience", "locale", "live"]
    list_filter = ["audience", "locale"]
    search_fields = ["question", "answer", "topic"]
    search_backend_name = None
    ordering = ["topic", "sort_order", "id"]


register_snippet(FAQEntryViewSet)


class CollaborationSentenceViewSet(PublicSnippetViewSet):
    model = CollaborationSentence
    icon = "group"
    menu_label = _("Samverkansmening")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["text", "locale", "live"]


register_snippet(CollaborationSentenceViewSet)


class SiteNoticeViewSet(PublicSnippetViewSet):
    """The notice at the top of every public page (e.g. the phone line closed over the holidays)."""

    model = SiteNotice
    icon = "warning"
    menu_label = _("Meddelande på webbplatsen")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["text", "starts_at", "ends_at", "locale", "live"]
    list_filter = ["locale"]


register_snippet(SiteNoticeViewSet)


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_editors_guide_url():
    return [path("handledning/", admin_views.editors_guide_view, name="editors_guide")]


@hooks.register("register_help_menu_item")
def register_editors_guide_menu_item():
    """First in the admin's help menu, before Wagtail's own (English) guide."""
    return MenuItem(_("Redaktörshandledning"), reverse("editors_guide"), icon_name="help", order=900)


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("personuppgifter/", admin_views.personal_data_view, name="personal_data")]


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return SuperuserMenuItem(_("Personuppgifter"), reverse("personal_data"), icon_name="user", order=900)


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    actions.register_action(personal_data.ERASE_ACTION, _("Personuppgifter raderade"), _("Personuppgifter raderade"))
    actions.register_action(
        admin_views.EXPORT_ACTION, _("Personuppgifter exporterade"), _("Personuppgifter exporterade")
    )


class ProjectLeaderMenuItem(MenuItem):
    def is_shown(self, request):
        return is_project_leader(request.user)


@hooks.register("register_admin_urls")
def register_records_export_url():
    return [path("allmanna-handlingar/", admin_views.records_export_view, name="records_export")]


@hooks.register("register_reports_menu_item")
def register_records_export_menu_item():
    return ProjectLeaderMenuItem(_("Allmänna handlingar"), reverse("records_export"), icon_name="history", order=900)


@hooks.register("register_page_header_buttons")
def records_export_button(page, user, view_name=None, next_url=None):
    from wagtail.admin.widgets.button import Button

    if is_project_leader(user):
        yield Button(
            _("Exportera som allmän handling"),
            reverse("records_export") + f"?page={page.pk}",
            priority=60,
            icon_name="history",
        )


@hooks.register("register_log_actions")
def register_records_log_actions(actions):
    actions.register_action(
        records.EXPORT_ACTION, _("Exporterad som allmän handling"), _("Exporterad som allmän handling")
    )


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return reports.may_see_report(request.user)


@hooks.register("register_admin_urls")
def register_broken_links_urls():
    return [
        path("brutna-lankar/", reports.BrokenLinksView.as_view(), name="broken_links"),
        path(
            "brutna-lankar/resultat/", reports.BrokenLinksView.as_view(results_only=True), name="broken_links_results"
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return BrokenLinksMenuItem(_("Brutna länkar"), reverse("broken_links"), icon_name="warning", order=910)
