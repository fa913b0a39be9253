"""The whole editorial round trip through the admin views, with e-mail and audit log.

communicator drafts → submits → not public → project leader approves with a comment → public,
author e-mailed in Swedish; and reject (with comment, e-mailed) → edit → resubmit (same
WorkflowState, the rejected task restarts) → approve → live.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, TaskState

from news.models import NewsIndexPage, NewsPage
from tests.factories import organisation, section_of
from tests.helpers.admin import admin_create, admin_edit, workflow_action
from workflows.editorial import APPROVAL_TASK, APPROVAL_WORKFLOW, PROJECT_LEADERS_GROUP


@pytest.fixture
def knivsta(db):
    return organisation("knivsta-kommun")


@pytest.fixture
def people(make_user, communicator_of, project_leader, knivsta):
    return {
        "author": communicator_of(knivsta),
        "colleague": communicator_of(knivsta, username="kollega-knivsta"),
        "leader": project_leader,
        "admin": make_user("admin", superuser=True),
    }


def log_actions(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "id").values_list("action", flat=True))


def anonymous_status(page):
    return Client().get(Page.objects.get(pk=page.pk).get_url()).status_code


def submit_new_page(client, author, knivsta, capture, title="Ny utbildningsdag"):
    client.force_login(author)
    section = section_of(NewsIndexPage, knivsta)
    admin_create(client, section, title=title)
    page = NewsPage.objects.get(title=title)
    with capture(execute=True):
        response = admin_edit(client, page, action="submit")
    assert response.status_code == 302
    page.refresh_from_db()
    return page


def test_draft_submit_approve_publish(client, people, knivsta, mailoutbox, django_capture_on_commit_callbacks):
    page = submit_new_page(client, people["author"], knivsta, django_capture_on_commit_callbacks)
    state = page.current_workflow_state
    assert state.status == "in_progress" and state.requested_by == people["author"]
    assert state.workflow.name == APPROVAL_WORKFLOW
    assert page.current_workflow_task.name == APPROVAL_TASK
    assert not page.live and anonymous_status(page) == 404

    # The project leader is told, in Swedish, with an absolute link to the review; nobody else.
    assert [m.to for m in mailoutbox] == [[people["leader"].email]]
    mail = mailoutbox[0]
    assert mail.subject == "Att granska: ”Ny utbildningsdag”"
    assert f"http://testserver/admin/pages/{page.id}/edit/" in mail.body
    assert "har skickat" in mail.body
    mailoutbox.clear()

    client.force_login(people["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "approve", comment="Bra skrivet!")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert anonymous_status(page) == 200
    state.refresh_from_db()
    assert state.status == "approved"

    assert [m.to for m in mailoutbox] == [[people["author"].email]]
    mail = mailoutbox[0]
    assert mail.subject == "Godkänt: ”Ny utbildningsdag”"
    assert "Bra skrivet!" in mail.body and page.full_url in mail.body

    assert log_actions(page)[-3:] == ["wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"]
    approve = PageLogEntry.objects.get(page=page, action="wagtail.workflow.approve")
    publish = PageLogEntry.objects.get(page=page, action="wagtail.publish")
    assert approve.user == publish.user == people["leader"]
    assert approve.data["comment"] == "Bra skrivet!"
    assert PageLogEntry.objects.get(page=page, action="wagtail.workflow.start").user == people["author"]


def test_reject_edit_resubmit_approve(client, people, knivsta, mailoutbox, django_capture_on_commit_callbacks):
    page = submit_new_page(client, people["author"], knivsta, django_capture_on_commit_callbacks, title="Pressträff")
    state = page.current_workflow_state
    mailoutbox.clear()

    client.force_login(people["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "reject", comment="Lägg till datum och plats.")
    state.refresh_from_db()
    assert state.status == "needs_changes"
    page.refresh_from_db()
    assert not page.live and anonymous_status(page) == 404
    assert [m.to for m in mailoutbox] == [[people["author"].email]]
    mail = mailoutbox[0]
    assert mail.subject == "Ändringar begärs: ”Pressträff”"
    assert "Lägg till datum och plats." in mail.body
    assert f"http://testserver/admin/pages/{page.id}/edit/" in mail.body
    mailoutbox.clear()

    # A colleague in the same organisation makes the changes and resubmits.
    client.force_login(people["colleague"])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_edit(client, page, action="submit", lead="Torsdag 14.00 i Knivsta.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.pk == state.pk
    assert page.current_workflow_state.status == "in_progress"
    task_states = TaskState.objects.filter(workflow_state=state).order_by("id")
    assert [ts.status for ts in task_states] == ["rejected", "in_progress"]
    assert task_states[0].task_id == task_states[1].task_id
    assert [m.to for m in mailoutbox] == [[people["leader"].email]]
    mailoutbox.clear()

    client.force_login(people["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve", comment="")
    page.refresh_from_db()
    assert page.live and anonymous_status(page) == 200
    assert "Torsdag 14.00 i Knivsta." in Client().get(page.get_url()).content.decode()
    # The requester of the workflow is told (the original author).
    assert [m.to for m in mailoutbox] == [[people["author"].email]]

    actions = log_actions(page)
    for action in (
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ):
        assert action in actions
    assert actions.index("wagtail.workflow.reject") < actions.index("wagtail.workflow.resume")
    assert actions.index("wagtail.workflow.resume") < actions.index("wagtail.workflow.approve")
    reject = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert reject.user == people["leader"] and reject.data["comment"] == "Lägg till datum och plats."


def test_leader_approves_from_the_editor(client, make_user, people, knivsta, django_capture_on_commit_callbacks):
    """The editor's approve button (action-workflow-action) publishes too, as the leader.

    With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT an approval binds one revision, and the
    four-eyes rule binds it to a person: once the leader has edited the text, the leader is one
    of its authors and cannot approve it; another project leader can.
    """
    page = submit_new_page(client, people["author"], knivsta, django_capture_on_commit_callbacks, title="Redigeras")
    client.force_login(people["leader"])
    extra = {
        "action-workflow-action": "1",
        "workflow-action-name": "approve",
        "workflow-action-extra-data": json.dumps({"comment": "Justerade ingressen."}),
    }
    with django_capture_on_commit_callbacks(execute=True):
        admin_edit(client, page, lead="Ingress tillagd av projektledningen.", extra=extra)
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state.status == "in_progress"
    # A second press on approve by the same leader approves their own text: refused.
    with django_capture_on_commit_callbacks(execute=True):
        admin_edit(client, page, extra=extra)
    page.refresh_from_db()
    assert not page.live and anonymous_status(page) == 404
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()

    second_leader = make_user("samordnare", [PROJECT_LEADERS_GROUP])
    client.force_login(second_leader)
    # The open task was started on the communicator's revision; approving it binds that
    # revision, so Wagtail restarts the task on the leader's edited text (re-approval on edit).
    with django_capture_on_commit_callbacks(execute=True):
        admin_edit(client, page, extra=extra)
    page.refresh_from_db()
    state = page.current_workflow_state
    assert not page.live and state.status == "in_progress"
    assert state.current_task_state.revision == page.get_latest_revision()
    with django_capture_on_commit_callbacks(execute=True):
        admin_edit(client, page, extra=extra)
    page.refresh_from_db()
    assert page.live and page.specific.lead == "Ingress tillagd av projektledningen."
    assert anonymous_status(page) == 200
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=second_leader).exists()
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=people["leader"]).exists()


def test_edit_view_url_in_mail_is_absolute(
    settings, client, people, knivsta, mailoutbox, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://redaktion.nexus.example"
    page = submit_new_page(client, people["author"], knivsta, django_capture_on_commit_callbacks, title="Länkad")
    assert f"https://redaktion.nexus.example{reverse('wagtailadmin_pages:edit', args=(page.id,))}" in mailoutbox[0].body
