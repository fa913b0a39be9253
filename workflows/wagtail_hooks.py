"""Admin registration and admin hardening for the editorial structure.

- Organisations as a snippet (administrators only: nobody else holds its permissions).
- Deleting a live page (or a page with live descendants) is for administrators only, in the
  delete view and in bulk delete (which checks only ``can_delete()``).
- The page chooser shows other organisations' pages only when live (wagtail/wagtail#7099).
- The dashboard shows a communicator's organisation's drafts and submissions.
- Translations go to Projektledning for approval (``translations``).
- Media a live page shows change or go only through Projektledning; embargoed documents are
  served to nobody else; the admin API lists only usable media (``media``).
- Only administrators publish outside the workflow, with a reason (``publishing``); an add
  form's later POSTs continue as the edit of the page its first autosave created.
- Public snippets go live only on approval (``snippet_admin``: its hooks register on import).
"""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import media, publishing, snippet_admin, translations  # noqa: F401 (snippet_admin registers hooks)
from .dashboard import ApprovalQueuePanel, OrganisationPagesPanel, QuickStartPanel
from .editorial import PROJECT_LEADERS_GROUP
from .models import Organisation, Role


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationer")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["name", "short_name", "kind", "in_communicators_network"]
    search_fields = ["name", "short_name"]


register_snippet(OrganisationViewSet)


def touches_live_content(page):
    return page.live or page.get_descendants().live().exists()


DELETE_REFUSED = _(
    "Endast administratörer kan radera publicerade sidor. Be projektledningen avpublicera sidan i stället."
)


@hooks.register("before_delete_page")
def only_administrators_delete_live_pages(request, page):
    if not request.user.is_superuser and touches_live_content(page):
        messages.error(request, DELETE_REFUSED)
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None


@hooks.register("before_bulk_action")
def only_administrators_bulk_delete_live_pages(request, action_type, objects, action_class_instance):
    if action_type != "delete" or request.user.is_superuser:
        return None
    if any(isinstance(obj, Page) and touches_live_content(obj) for obj in objects):
        messages.error(request, DELETE_REFUSED)
        return redirect("wagtailadmin_home")
    return None


@hooks.register("construct_page_chooser_queryset")
def chooser_hides_other_organisations_drafts(pages, request):
    """Live pages, plus pages the user may edit (their own organisation's drafts)."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


@hooks.register("construct_homepage_panels")
def organisation_dashboard_panel(request, panels):
    # Communicators see their drafts here, reviewers what waits for their review.
    organisations = list(Organisation.objects.of_member(request.user, Role.COMMUNICATORS, Role.REVIEWERS))
    if organisations:
        panels.append(OrganisationPagesPanel(organisations))
    # One click to a new news item, training or press release in the communicator's own sections.
    writing_for = list(Organisation.objects.of_member(request.user, Role.COMMUNICATORS))
    if writing_for:
        panels.append(QuickStartPanel(request.user, writing_for))
    # Projektledning approves everything: what waits, by organisation and language.
    if request.user.is_superuser or request.user.groups.filter(name=PROJECT_LEADERS_GROUP).exists():
        panels.append(ApprovalQueuePanel())


hooks.register("register_admin_urls", translations.admin_urls)
hooks.register("register_page_header_buttons", translations.page_buttons)
hooks.register("register_page_listing_more_buttons", translations.page_buttons)
hooks.register("before_edit_page", translations.refuse_publishing_in_translation_editor)
hooks.register("before_edit_snippet", translations.refuse_publishing_in_translation_editor)


hooks.register("before_serve_document", media.guard_document_serving)
hooks.register("before_bulk_action", media.refuse_bulk_delete)


# After Wagtail's own registrations (order 0), so these endpoints replace theirs.
@hooks.register("construct_admin_api", order=100)
def admin_api_lists_only_usable_media(router):
    for name, endpoint in media.admin_api_endpoints().items():
        router.register_endpoint(name, endpoint)


hooks.register("before_edit_page", publishing.guard_publish)
hooks.register("before_create_page", publishing.guard_publish)
hooks.register("before_create_page", publishing.hand_off_to_created_page)
hooks.register("after_create_page", publishing.remember_created_page)
hooks.register("after_publish_page", publishing.log_publish_outside_workflow)
hooks.register("before_bulk_action", publishing.refuse_bulk_publish)
hooks.register("before_copy_page", publishing.copies_are_drafts)
hooks.register("construct_page_action_menu", publishing.publish_menu)
hooks.register("register_log_actions", publishing.register_log_actions)
