"""Projektledning never approves its own submission; another project leader has to."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from wagtail.models import GroupApprovalTask, Page, PageLogEntry, Task, WorkflowTask

from home.models import StandardPage
from tests.helpers.admin import admin_create, admin_edit, is_denied, snapshot, workflow_action
from workflows.editorial import APPROVAL_TASK, APPROVAL_WORKFLOW, setup_editorial
from workflows.models import ProjectLeaderApprovalTask


def test_the_leaders_task_is_the_four_eyes_task_and_last_everywhere(db):
    task = Task.objects.get(name=APPROVAL_TASK).specific
    assert isinstance(task, ProjectLeaderApprovalTask)
    for workflow_task in WorkflowTask.objects.filter(workflow__active=True).select_related("workflow"):
        last = workflow_task.workflow.workflow_tasks.order_by("-sort_order").first()
        assert last.task_id == task.pk, workflow_task.workflow.name


def test_leader_cannot_approve_own_submission(
    client, home, make_user, project_leader, django_capture_on_commit_callbacks
):
    colleague = make_user("samordnare", ["Projektledning"])
    client.force_login(project_leader)
    admin_create(client, home, model=StandardPage, title="Om Nexus", slug="om-nexus-test")
    page = Page.objects.get(slug="om-nexus-test")
    admin_edit(client, page, action="submit")
    page.refresh_from_db()
    assert page.current_workflow_state.workflow.name == APPROVAL_WORKFLOW
    task = page.current_workflow_task.specific
    assert [name for name, *_ in task.get_actions(page, project_leader)] == ["reject"]

    before = snapshot(page)
    assert is_denied(workflow_action(client, page, "approve", comment="Självgodkänt"))
    assert is_denied(workflow_action(client, page, "approve", xhr=True))
    assert snapshot(page) == before
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state.status == "in_progress"
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()

    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve", comment="Fyra ögon")
    page.refresh_from_db()
    assert page.live and Client().get(page.get_url()).status_code == 200
    assert PageLogEntry.objects.get(page=page, action="wagtail.workflow.approve").user == colleague


def test_an_old_plain_group_approval_task_is_converted_in_place(db):
    task = Task.objects.get(name=APPROVAL_TASK)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {ProjectLeaderApprovalTask._meta.db_table} WHERE groupapprovaltask_ptr_id = %s",  # noqa: S608
            [task.pk],
        )
    Task.objects.filter(pk=task.pk).update(content_type=ContentType.objects.get_for_model(GroupApprovalTask))
    assert type(Task.objects.get(pk=task.pk).specific) is GroupApprovalTask
    workflow_tasks = set(WorkflowTask.objects.filter(task_id=task.pk).values_list("workflow_id", flat=True))

    setup_editorial()
    converted = Task.objects.get(pk=task.pk).specific
    assert type(converted) is ProjectLeaderApprovalTask
    assert [g.name for g in converted.groups.all()] == ["Projektledning"]
    assert set(WorkflowTask.objects.filter(task_id=task.pk).values_list("workflow_id", flat=True)) == workflow_tasks
