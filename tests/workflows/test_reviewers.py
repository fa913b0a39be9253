"""The optional reviewers step: `<Organisation> – granskare` before Projektledning."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, PageLogEntry, Workflow, WorkflowPage

from news.models import NewsIndexPage, NewsPage, NewsSectionPage
from tests.factories import organisation, section_of
from tests.helpers.admin import admin_create, admin_edit, is_denied, snapshot, workflow_action
from tests.helpers.counts import counts
from workflows.editorial import APPROVAL_TASK, APPROVAL_WORKFLOW, organisation_sections


@pytest.fixture
def tierp(db):
    return organisation("tierps-kommun")


@pytest.fixture
def heby(db):
    return organisation("heby-kommun")


def reviewers(org):
    return Group.objects.get(name=org.reviewers_group_name)


def workflows_of(org):
    return {WorkflowPage.objects.get(page=s).workflow.name for s in organisation_sections(org)}


def review_workflow_name(org):
    return f"Granskning och projektledarens godkännande: {org.name}"


def test_every_organisation_has_an_empty_reviewers_group_and_the_one_step_workflow(organisations):
    for org in organisations:
        group = reviewers(org)
        assert not group.user_set.exists()
        assert group.permissions.filter(codename="access_admin").exists()
        assert workflows_of(org) == {APPROVAL_WORKFLOW}


def test_membership_changes_reroute_the_sections(tierp, heby, make_user):
    user = make_user("granskare-tierp")
    user.groups.add(reviewers(tierp))
    assert workflows_of(tierp) == {review_workflow_name(tierp)}
    assert workflows_of(heby) == {APPROVAL_WORKFLOW}
    workflow = Workflow.objects.get(name=review_workflow_name(tierp))
    tasks = [wt.task.specific for wt in workflow.workflow_tasks.order_by("sort_order")]
    assert [t.name for t in tasks] == [f"Granskning: {tierp.name}", APPROVAL_TASK]
    assert list(tasks[0].groups.all()) == [reviewers(tierp)]

    user.groups.remove(reviewers(tierp))
    assert workflows_of(tierp) == {APPROVAL_WORKFLOW}

    reviewers(tierp).user_set.add(user)  # from the group's side
    assert workflows_of(tierp) == {review_workflow_name(tierp)}
    user.groups.clear()
    assert workflows_of(tierp) == {APPROVAL_WORKFLOW}

    user.groups.set([reviewers(tierp)])
    user.is_active = False
    user.save()
    assert workflows_of(tierp) == {APPROVAL_WORKFLOW}, "an inactive reviewer cannot review"
    user.is_active = True
    user.save()
    assert workflows_of(tierp) == {review_workflow_name(tierp)}


def test_setup_editorial_keeps_assignments_and_changes_nothing(tierp, make_user):
    make_user("granskare-tierp", [tierp.reviewers_group_name])
    call_command("setup_site")
    before = counts()
    call_command("setup_site")
    assert counts() == before
    assert workflows_of(tierp) == {review_workflow_name(tierp)}
    # A section created later (new language) gets the organisation's current workflow too.
    assert all(WorkflowPage.objects.filter(page=s).exists() for s in NewsSectionPage.objects.filter(organisation=tierp))


def test_reviewer_then_leader_then_live(
    client, tierp, make_user, communicator_of, project_leader, mailoutbox, django_capture_on_commit_callbacks
):
    reviewer = make_user("granskare-tierp", [tierp.reviewers_group_name])
    author = communicator_of(tierp)
    client.force_login(author)
    admin_create(client, section_of(NewsIndexPage, tierp), title="Granskad nyhet")
    page = NewsPage.objects.get(slug="granskad-nyhet")
    with django_capture_on_commit_callbacks(execute=True):
        admin_edit(client, page, action="submit")
    page.refresh_from_db()
    assert page.current_workflow_task.name == f"Granskning: {tierp.name}"
    assert [m.to for m in mailoutbox] == [[reviewer.email]]
    mailoutbox.clear()

    # The project leader is not the reviewer: the reviewers' task is not theirs.
    client.force_login(project_leader)
    assert is_denied(workflow_action(client, page, "approve"))

    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "approve", comment="Ser bra ut.")
    assert not is_denied(response)
    page.refresh_from_db()
    assert not page.live and page.current_workflow_task.name == APPROVAL_TASK
    assert Client().get(page.get_url()).status_code == 404
    assert [m.to for m in mailoutbox] == [[project_leader.email]]
    mailoutbox.clear()

    client.force_login(project_leader)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve", comment="Publiceras.")
    page.refresh_from_db()
    assert page.live and Client().get(page.get_url()).status_code == 200
    assert [m.to for m in mailoutbox] == [[author.email]]
    approvals = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").order_by("id")
    assert [entry.user for entry in approvals] == [reviewer, project_leader]
    assert PageLogEntry.objects.get(page=page, action="wagtail.publish").user == project_leader


def test_reviewer_of_a_cannot_act_on_b(client, tierp, heby, make_user, communicator_of):
    make_user("granskare-heby", [heby.reviewers_group_name])
    reviewer_tierp = make_user("granskare-tierp", [tierp.reviewers_group_name])
    client.force_login(communicator_of(heby))
    admin_create(client, section_of(NewsIndexPage, heby), title="Hebys nyhet")
    page = NewsPage.objects.get(slug="hebys-nyhet")
    admin_edit(client, page, action="submit")
    page.refresh_from_db()
    assert page.current_workflow_task.name == f"Granskning: {heby.name}"

    client.force_login(reviewer_tierp)
    before = snapshot(page)
    for action in ("approve", "reject"):
        assert is_denied(workflow_action(client, page, action, comment="Fel organisation"))
        assert is_denied(workflow_action(client, page, action, xhr=True))
    assert is_denied(client.get(f"/admin/pages/{page.id}/edit/"))
    assert snapshot(page) == before
    assert Page.objects.get(pk=page.pk).live is False
