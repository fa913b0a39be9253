"""Four eyes on everything public, and admin writes that cannot race each other.

* Projektledning publishes by approving a workflow task, never with a Publish button: the
  publish action is removed from the page editor's menu for everyone but administrators, and
  ``action-publish`` POSTs are turned into a plain "save draft" on the add, edit and revert
  views. Bulk publish and "publish copies" / aliases (an alias of a live page is live at once)
  are refused for everybody: they carry no reason.
* Administrators publish outside the workflow only with a reason, written into the audit log as
  ``nexus.publish_outside_workflow``.
* ``PageWriteLockMiddleware`` runs every admin POST that writes a page inside one transaction
  holding a lock on that page (the parent for the add view): Wagtail 8 autosaves the editor every
  500 ms, and an autosave overlapping "approve" or "submit" used to answer 500 or overwrite a
  just-published page row with a stale ``live = False``.
* The add view's race: the first autosave of an add form creates the page, and a "submit"
  pressed before the browser heard back posted to the add view again (a second page, or a 500
  on its slug). Each add form carries a token; a later POST with the same token is handed to the
  edit view of the page that token created.
"""

import json
import threading
import uuid

from django.contrib import messages
from django.db import connection, transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page

from .models import PageCreation

PUBLISH_REASON_FIELD = "nexus-publish-reason"
CREATE_TOKEN_FIELD = "nexus-create-token"  # noqa: S105 (a field name)
LOG_ACTION = "nexus.publish_outside_workflow"

# Page views whose POSTs write the page named by the URL (the add view: its parent).
LOCKED_VIEWS = {
    "add": "parent_page_id",
    "edit": "page_id",
    "revisions_revert": "page_id",
    "workflow_action": "page_id",
    "collect_workflow_action_data": "page_id",
    "workflow_cancel": "page_id",
    "unpublish": "page_id",
    "revisions_unschedule": "page_id",
    "lock": "page_id",
    "unlock": "page_id",
    "copy": "page_id",
}


def may_publish_directly(user):
    return user.is_superuser


def publish_reason(request):
    return request.POST.get(PUBLISH_REASON_FIELD, "").strip()


def _without(request, *fields):
    """Drop ``fields`` from the POST data the view is about to read."""
    data = request.POST.copy()
    for name in fields:
        data.pop(name, None)
    request.POST = data


# --- the publish action ---------------------------------------------------------------------


def guard_publish(request, *args):
    """before_edit_page / before_create_page: a publish without right or reason saves a draft."""
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if not may_publish_directly(request.user):
        _without(request, "action-publish")
        messages.error(
            request,
            _(
                "Projektledningen publicerar genom att godkänna i arbetsflödet. "
                "Ändringarna har sparats som utkast; skicka sidan för godkännande."
            ),
        )
    elif not publish_reason(request):
        _without(request, "action-publish")
        messages.error(
            request,
            _("Ange en motivering för att publicera utanför arbetsflödet. Ändringarna har sparats som utkast."),
        )
    return None


def log_publish_outside_workflow(request, page):
    """after_publish_page: the administrator's reason into the audit log."""
    if may_publish_directly(request.user):
        log(page, LOG_ACTION, user=request.user, data={"reason": publish_reason(request)})
    return None


def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish" or not any(isinstance(obj, Page) for obj in objects):
        return None
    messages.error(request, _("Sidor publiceras inte i klump: de godkänns i arbetsflödet, en i taget."))
    return redirect("wagtailadmin_home")


def copies_are_drafts(request, page):
    """before_copy_page: copies arrive as drafts; aliases (live at once) are not made here."""
    if request.method == "POST" and (request.POST.get("publish_copies") or request.POST.get("alias")):
        _without(request, "publish_copies", "alias")
        messages.warning(request, _("Kopian skapas som utkast och publiceras först när den har godkänts."))
    return None


class ReasonedPublishMenuItem(PublishMenuItem):
    """Wagtail's publish button, with the reason field administrators have to fill in."""

    template_name = "workflows/action_menu/publish_with_reason.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["reason_field"] = PUBLISH_REASON_FIELD
        return context


def publish_menu(menu_items, request, context):
    """construct_page_action_menu: no publish button for non-administrators, a reason for administrators."""
    for index, item in reversed(list(enumerate(menu_items))):
        if item.name != "action-publish":
            continue
        if may_publish_directly(request.user):
            menu_items[index] = ReasonedPublishMenuItem(order=item.order)
        else:
            del menu_items[index]


class PublishOutsideWorkflowFormatter(LogFormatter):
    label = gettext_lazy("Publicerad utanför arbetsflödet")

    def format_message(self, log_entry):
        return _("Publicerad utanför arbetsflödet: %(reason)s") % {"reason": log_entry.data.get("reason", "")}


def register_log_actions(actions):
    actions.register_action(LOG_ACTION)(PublishOutsideWorkflowFormatter)


# --- the add view's autosave race -----------------------------------------------------------


def new_create_token():
    return uuid.uuid4().hex


def hand_off_to_created_page(request, parent_page, page_class):
    """before_create_page: a POST whose form already created a page continues as its edit."""
    token = request.POST.get(CREATE_TOKEN_FIELD, "") if request.method == "POST" else ""
    if not token:
        return None
    created = (
        PageCreation.objects.filter(token=token, user=request.user, page__isnull=False).select_related("page").first()
    )
    if created is None or created.page.get_parent().pk != parent_page.pk:
        return None
    edit_url = reverse("wagtailadmin_pages:edit", args=(created.page_id,))
    edit = resolve(edit_url)
    response = edit.func(request, *edit.args, **edit.kwargs)
    if isinstance(response, JsonResponse) and response.status_code == 200:
        # The browser switches to the edit view when an add view's autosave names it.
        data = json.loads(response.content)
        data.setdefault("url", edit_url)
        data.setdefault("hydrate_url", f"{edit_url}?_w_hydrate_create_view=1")
        response = JsonResponse(data)
    return response


def remember_created_page(request, page):
    """after_create_page: the add form's token now names this page."""
    token = request.POST.get(CREATE_TOKEN_FIELD, "")
    if token:
        PageCreation.objects.get_or_create(token=token, defaults={"page": page, "user": request.user})


# --- serialised admin writes ----------------------------------------------------------------

# SQLite has no row locks (and the test live server shares one connection between threads).
_sqlite_lock = threading.RLock()


class PageWriteLockMiddleware:
    """One admin write per page at a time: the view runs in a transaction holding the page's lock.

    The lock is taken before the view loads the page, so the second of two overlapping POSTs
    sees what the first committed (an approved, live page; the page an autosave created).
    Placed after the CSRF middleware: ``process_view`` answers with the view's response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        key = LOCKED_VIEWS.get(match.url_name) if match.namespace == "wagtailadmin_pages" else None
        if key is None or key not in view_kwargs:
            return None
        if connection.vendor == "sqlite":
            with _sqlite_lock, transaction.atomic():
                return view_func(request, *view_args, **view_kwargs)
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=view_kwargs[key]).values_list("pk", flat=True))
            return view_func(request, *view_args, **view_kwargs)
