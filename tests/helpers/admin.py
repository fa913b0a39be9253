"""Helpers for the editorial tests: admin-form round trips and 'nothing changed' snapshots."""

import json

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from news.models import NewsPage

COMMENTS_MANAGEMENT = {
    "comments-TOTAL_FORMS": "0",
    "comments-INITIAL_FORMS": "0",
    "comments-MIN_NUM_FORMS": "0",
    "comments-MAX_NUM_FORMS": "1000",
}
HOME_URL = reverse("wagtailadmin_home")
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def edit_form(client, url, model=NewsPage):
    """The editor's form as a browser would post it.

    StreamFields and the comments formset are rendered by JavaScript: their management keys are
    added here as empty (our test pages have no body blocks and no comments).
    """
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data._mutable = True
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data[f"{field.name}-count"] = "0"
    for key, value in COMMENTS_MANAGEMENT.items():
        data.setdefault(key, value)
    return data


def admin_create(client, parent, model=NewsPage, title="Ny nyhet", slug=None, action=None, **fields):
    """Create a page through the add view (GET the form, fill it in, POST it)."""
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.id))
    data = edit_form(client, url, model)
    data["title"] = title
    data["slug"] = slug or title.lower().replace(" ", "-")
    for key, value in fields.items():
        data[key] = value
    if action:
        data[f"action-{action}"] = "1"
    return client.post(url, data)


def admin_edit(client, page, action=None, extra=None, **fields):
    """POST the page's own edit form back with ``fields`` changed and an optional action."""
    url = reverse("wagtailadmin_pages:edit", args=(page.id,))
    data = edit_form(client, url, page.specific_class)
    for key, value in fields.items():
        data[key] = value
    if action:
        data[f"action-{action}"] = "1"
    for key, value in (extra or {}).items():
        data[key] = value
    return client.post(url, data)


def admin_edit_blind(client, page, action=None, **fields):
    """POST an edit form built without GETting it (for users who cannot open the editor)."""
    data = {
        "title": fields.pop("title", page.title),
        "slug": page.slug,
        "lead": "",
        "body-count": "0",
        **COMMENTS_MANAGEMENT,
        **fields,
    }
    if action:
        data[f"action-{action}"] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.id,)), data)


def approve_while_editing(client, page, comment="", action_name="approve"):
    return admin_edit(
        client,
        page,
        extra={
            "action-workflow-action": "1",
            "workflow-action-name": action_name,
            "workflow-action-extra-data": json.dumps({"comment": comment}),
        },
    )


def workflow_action(client, page, action_name, comment="", xhr=False):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.id, action_name, task_state.id))
    return client.post(url, {"comment": comment}, **(XHR if xhr else {}))


def is_denied(response):
    """Admin denials: 302 to the dashboard, 403 (XHR) or 404."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response.url == HOME_URL


def snapshot(*pages):
    """Everything a refused action must leave untouched."""
    state = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "workflow_states": WorkflowState.objects.count(),
        "task_states": TaskState.objects.count(),
    }
    for page in pages:
        row = Page.objects.values(
            "title", "live", "path", "locked", "latest_revision_id", "live_revision_id", "has_unpublished_changes"
        ).get(pk=page.pk)
        state[page.pk] = row
    return state


def public_status(client_class, page):
    """Status code of the page's public URL for an anonymous visitor."""
    page = Page.objects.get(pk=page.pk)
    return client_class().get(page.get_url()).status_code
