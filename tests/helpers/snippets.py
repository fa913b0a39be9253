"""Helpers for snippets under approval: admin URLs, the edit form as a browser posts it, snapshots."""

from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision, TaskState, WorkflowState
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

from channels.models import Campaign
from home.models import CollaborationSentence, FAQEntry, HelpNumber, SiteNotice
from press.models import Spokesperson

EDITOR_FORM = "w-editor-form"


def snippet_url(model, name, *args):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{name}", args=args)


def snippet_form(client, url):
    """The editor's form (add or edit view) as the browser would post it."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    data = querydict_from_html(html, form_id=EDITOR_FORM)
    data._mutable = True
    # A checked box without a value attribute is posted by browsers as "on" (the helper posts "").
    form = WagtailTestUtils.get_soup(html).find("form", attrs={"id": EDITOR_FORM})
    for box in form.find_all("input", type="checkbox", checked=True):
        if "value" not in box.attrs:
            data[box["name"]] = "on"
    return data


def snippet_edit(client, instance, action=None, extra=None, **fields):
    """GET the snippet's edit form, change ``fields``, POST it with an optional action."""
    url = snippet_url(type(instance), "edit", instance.pk)
    data = snippet_form(client, url)
    for key, value in {**fields, **(extra or {})}.items():
        data[key] = value
    if action:
        data[f"action-{action}"] = "1"
    return client.post(url, data)


def snippet_edit_blind(client, instance, action=None, **fields):
    """POST an edit form built without GETting it (for users who cannot open the editor)."""
    data = {**form_values(instance), **fields}
    if action:
        data[f"action-{action}"] = "1"
    return client.post(snippet_url(type(instance), "edit", instance.pk), data)


def form_values(instance):
    values = {}
    for panel in type(instance).panels:
        name = panel.field_name
        value = getattr(instance, f"{name}_id", None) if hasattr(instance, f"{name}_id") else getattr(instance, name)
        if isinstance(value, bool):
            if value:
                values[name] = "on"
            continue
        values[name] = "" if value is None else str(value)
    return values


def snippet_workflow_action(client, instance, action_name, comment="", xhr=False):
    instance.refresh_from_db()
    task_state = instance.current_workflow_task_state
    url = snippet_url(type(instance), "workflow_action", instance.pk, action_name, task_state.id)
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if xhr else {}
    return client.post(url, {"comment": comment}, **headers)


SNAPSHOT_FIELDS = {
    HelpNumber: ["number", "show_in_footer", "live", "locked", "latest_revision_id", "live_revision_id"],
    Spokesperson: ["name", "phone", "live", "locked", "latest_revision_id", "live_revision_id"],
    FAQEntry: ["question", "answer", "live", "locked", "latest_revision_id", "live_revision_id"],
    CollaborationSentence: ["text", "live", "locked", "latest_revision_id", "live_revision_id"],
    SiteNotice: ["text", "starts_at", "ends_at", "live", "locked", "latest_revision_id", "live_revision_id"],
    Campaign: [
        "title",
        "slug",
        "organisation_id",
        "slides",
        "live",
        "locked",
        "latest_revision_id",
        "live_revision_id",
    ],
}


def snippet_snapshot(*instances):
    """Everything a refused snippet action must leave untouched."""
    state = {
        "help_numbers": HelpNumber.objects.count(),
        "spokespersons": Spokesperson.objects.count(),
        "faq_entries": FAQEntry.objects.count(),
        "collaboration_sentences": CollaborationSentence.objects.count(),
        "site_notices": SiteNotice.objects.count(),
        "campaigns": Campaign.objects.count(),
        "revisions": Revision.objects.count(),
        "log": ModelLogEntry.objects.count(),
        "workflow_states": WorkflowState.objects.count(),
        "task_states": TaskState.objects.count(),
    }
    for instance in instances:
        model = type(instance)
        state[(model.__name__, instance.pk)] = (
            model.objects.filter(pk=instance.pk).values(*SNAPSHOT_FIELDS[model]).first()
        )
    return state
