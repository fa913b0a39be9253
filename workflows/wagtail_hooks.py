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

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.views.generic.models import IndexView as ModelIndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import activities, media, publishing, snippet_admin, translations  # noqa: F401 (snippet_admin registers hooks)
from .dashboard import (
    ActivitiesPanel,
    ApprovalQueuePanel,
    OrganisationPagesPanel,
    OverdueReviewPanel,
    QuickStartPanel,
    ScheduledPanel,
)
from .editorial import PROJECT_LEADERS_GROUP, is_project_leader
from .models import ActivityFeedToken, CommunicationActivity, Organisation, Role


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
        panels.append(ScheduledPanel())
        panels.append(OverdueReviewPanel())
    if is_project_leader(request.user):
        panels.append(ActivitiesPanel())


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


# --- communication activities (``activities``) --------------------------------------------------


class ActivityIndexView(ModelIndexView):
    def get_base_queryset(self):
        return activities.visible_activities(self.request.user)


class ActivityCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        instance = super().save_instance()
        activities.notify_without_communicator(instance)
        return instance


class ActivityMonthView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A month as a calendar grid: an HTML table, one row per week, Monday first."""

    permission_policy = activities.activity_permission_policy
    permission_required = "view"
    template_name = "workflows/activities/month.html"
    page_title = _("Kommunikationsaktiviteter per månad")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, month = kwargs.get("year"), kwargs.get("month")
        if year is None:
            year, month = activities.this_month()
        if not (1 <= month <= 12 and 2000 <= year <= 2100):
            raise Http404
        first = datetime.date(year, month, 1)
        previous = first - datetime.timedelta(days=1)
        following = first + datetime.timedelta(days=32)
        context.update(
            {
                "month_start": first,
                "weeks": activities.month_grid(activities.visible_activities(self.request.user), year, month),
                "weekdays": [
                    _("måndag"),
                    _("tisdag"),
                    _("onsdag"),
                    _("torsdag"),
                    _("fredag"),
                    _("lördag"),
                    _("söndag"),
                ],
                "previous": (previous.year, previous.month),
                "next": (following.year, following.month),
                "index_url": reverse("communication_activities:index"),
            }
        )
        return context


class ActivityFeedView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The user's own secret calendar address: make a new one (shown once) or revoke it."""

    permission_policy = activities.activity_permission_policy
    permission_required = "view"
    template_name = "workflows/activities/feed.html"
    page_title = _("Prenumerera på aktiviteterna")
    header_icon = "date"

    def post(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if request.POST.get("action") == "revoke":
            activities.revoke_feed_token(request.user)
            messages.success(request, _("Kalenderadressen är återkallad."))
            return redirect("communication_activities:feed")
        token = activities.issue_feed_token(request.user)
        context["feed_url"] = request.build_absolute_uri(reverse("activity_feed", args=[token]))
        context["has_token"] = True
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["has_token"] = ActivityFeedToken.objects.filter(user=self.request.user).exists()
        return context


class ActivityViewSet(ModelViewSet):
    model = CommunicationActivity
    icon = "date"
    menu_label = _("Aktiviteter")
    menu_order = 250
    add_to_admin_menu = True
    name = "communication_activities"
    url_prefix = "aktiviteter"
    index_view_class = ActivityIndexView
    add_view_class = ActivityCreateView
    edit_handler = activities.activity_edit_handler()
    copy_view_enabled = False
    list_display = ["date", "title", "organisation", "channel", "audience", "status", "kind"]
    list_filter = ["organisation", "channel", "audience", "status", "kind"]
    search_fields = ["title", "message"]
    search_backend_name = None
    ordering = ["-date", "title"]
    list_export = [
        "date",
        "organisation",
        "kind_label",
        "title",
        "channel_label",
        "audience_label",
        "status_label",
        "message",
        "link",
    ]
    export_headings = {
        "date": _("Datum"),
        "organisation": _("Organisation"),
        "kind_label": _("Typ"),
        "title": _("Rubrik"),
        "channel_label": _("Kanal"),
        "audience_label": _("Målgrupp"),
        "status_label": _("Status"),
        "message": _("Budskap"),
        "link": _("Länk"),
    }
    export_filename = "kommunikationsaktiviteter"

    # Which instance right a view needs; a primary key outside it answers 404.
    OBJECT_ACTIONS = {"edit": "change", "delete": "delete"}

    def scoped(self, view, name):
        action = self.OBJECT_ACTIONS.get(name, "view")

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None:
                allowed = activities.activity_permission_policy.instances_user_has_permission_for(request.user, action)
                if not allowed.filter(pk=unquote(str(pk))).exists():
                    raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    def get_urlpatterns(self):
        patterns = [
            path(str(pattern.pattern), self.scoped(pattern.callback, pattern.name), name=pattern.name)
            for pattern in super().get_urlpatterns()
        ]
        return [
            *patterns,
            path("manad/", ActivityMonthView.as_view(), name="month"),
            path("manad/<int:year>/<int:month>/", ActivityMonthView.as_view(), name="month"),
            path("kalender/", ActivityFeedView.as_view(), name="feed"),
        ]


register_permission_policy(CommunicationActivity, activities.activity_permission_policy)


@hooks.register("register_admin_viewset")
def register_activity_viewset():
    return ActivityViewSet()
