"""Four eyes on everything public: Projektledning publishes only by approving someone else's text.

Only administrators publish outside the workflow, each time with a reason in the audit log; the
approver of a revision is never one of its authors (the requester or anyone who edited it).
"""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import (
    admin_create,
    admin_edit,
    edit_form,
    is_denied,
    snapshot,
    workflow_action,
)
from workflows.editorial import PROJECT_LEADERS_GROUP
from workflows.publishing import LOG_ACTION, PUBLISH_REASON_FIELD

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


@pytest.fixture
def heby(db):
    return organisation("heby-kommun")


@pytest.fixture
def section(heby):
    return section_of(NewsIndexPage, heby)


@pytest.fixture
def colleague(make_user):
    return make_user("samordnare", [PROJECT_LEADERS_GROUP])


@pytest.fixture
def administrator(make_user):
    return make_user("admin", superuser=True)


def publish_entries(page):
    return list(PageLogEntry.objects.filter(page=page, action__in=PUBLISH_ACTIONS))


def assert_not_public(page):
    page = Page.objects.get(pk=page.pk)
    assert not page.live
    assert Client().get(page.get_url()).status_code == 404
    assert publish_entries(page) == []


def submitted_by_communicator(client, communicator_of, heby, section, title="Inskickad nyhet"):
    client.force_login(communicator_of(heby))
    admin_create(client, section, title=title, action="submit")
    page = NewsPage.objects.get(title=title)
    assert page.current_workflow_state.status == "in_progress"
    return page


def test_leader_publish_on_the_edit_form_only_saves_a_draft(client, project_leader, home):
    page = add_page(home, StandardPage, "Centralt utkast", publish=False)
    client.force_login(project_leader)
    assert (
        'name="action-publish"' not in client.get(reverse("wagtailadmin_pages:edit", args=(page.id,))).content.decode()
    )
    response = admin_edit(client, page, action="publish", title="Direkt ut")
    assert response.status_code == 302
    assert_not_public(page)
    assert Page.objects.get(pk=page.pk).get_latest_revision().as_object().title == "Direkt ut"


def test_leader_publish_on_the_add_form_only_saves_a_draft(client, project_leader, home):
    client.force_login(project_leader)
    add_url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.id))
    assert 'name="action-publish"' not in client.get(add_url).content.decode()
    admin_create(client, home, model=StandardPage, title="Ny central sida", slug="ny-central", action="publish")
    assert_not_public(Page.objects.get(slug="ny-central"))


def test_refused_self_approval_cannot_be_replaced_by_publish(client, project_leader, home):
    client.force_login(project_leader)
    admin_create(client, home, model=StandardPage, title="Egen sida", slug="egen-sida", action="submit")
    page = Page.objects.get(slug="egen-sida")
    assert is_denied(workflow_action(client, page, "approve"))
    admin_edit(client, page, action="publish")
    assert_not_public(page)
    assert Page.objects.get(pk=page.pk).current_workflow_state.status == "in_progress"


def test_leader_who_edited_a_submission_cannot_approve_it(
    client, communicator_of, heby, section, project_leader, colleague, django_capture_on_commit_callbacks
):
    page = submitted_by_communicator(client, communicator_of, heby, section)
    client.force_login(project_leader)
    admin_edit(client, page, title="Projektledarens egen text")
    page.refresh_from_db()
    task = page.current_workflow_task.specific
    assert [name for name, *_ in task.get_actions(page, project_leader)] == ["reject"]
    before = snapshot(page)
    assert is_denied(workflow_action(client, page, "approve"))
    assert snapshot(page) == before
    assert_not_public(page)

    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        # Reapproval on edit: once for the submitted revision, once for the leader's edit.
        workflow_action(client, page, "approve")
        workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live and page.title == "Projektledarens egen text"
    approvers = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").values_list("user", flat=True)
    assert set(approvers) == {colleague.pk}


def test_leader_cannot_rewrite_and_approve_in_one_post(client, communicator_of, heby, section, project_leader):
    page = submitted_by_communicator(client, communicator_of, heby, section)
    client.force_login(project_leader)
    response = admin_edit(
        client,
        page,
        title="Omskriven",
        extra={"action-workflow-action": "1", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"},
    )
    assert is_denied(response)
    # The rewrite may stay as a draft; it is neither approved nor public.
    assert_not_public(page)
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()


def test_reviewer_who_edited_cannot_approve_their_own_text(client, communicator_of, heby, section, make_user):
    reviewer = make_user("granskare-heby", [heby.reviewers_group_name])
    page = submitted_by_communicator(client, communicator_of, heby, section)
    assert page.current_workflow_task.name.startswith("Granskning")
    client.force_login(reviewer)
    admin_edit(client, page, title="Granskarens text")
    page.refresh_from_db()
    assert [name for name, *_ in page.current_workflow_task.specific.get_actions(page, reviewer)] == ["reject"]
    assert is_denied(workflow_action(client, page, "approve"))
    page.refresh_from_db()
    assert page.current_workflow_task.name.startswith("Granskning")


def test_leader_cannot_bulk_publish_or_copy_live(client, project_leader, home, section):
    draft = add_page(home, StandardPage, "Bulkutkast", publish=False)
    client.force_login(project_leader)
    before = snapshot(draft)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={draft.id}"
    assert client.post(url, {}).status_code == 302
    assert snapshot(draft) == before
    assert_not_public(draft)

    source = add_page(section, NewsPage, "Publicerad förlaga")
    client.post(
        reverse("wagtailadmin_pages:copy", args=(source.id,)),
        {"new_title": "Kopia", "new_slug": "kopia", "new_parent_page": section.id, "publish_copies": "on"},
    )
    assert_not_public(Page.objects.get(slug="kopia"))


def test_leader_cannot_revert_and_publish(client, project_leader, section):
    page = add_page(section, NewsPage, "Godkänd version")
    live_revision = page.live_revision_id
    client.force_login(project_leader)
    admin_edit(client, page, title="Senare utkast")
    first = page.revisions.order_by("id").first()
    url = reverse("wagtailadmin_pages:revisions_revert", args=(page.id, first.id))
    data = edit_form(client, url)
    data["title"] = "Återställd"
    data["action-publish"] = "1"
    client.post(url, data)
    page.refresh_from_db()
    assert page.live_revision_id == live_revision and page.title == "Godkänd version"


def test_administrator_publishes_only_with_a_reason_in_the_audit_log(client, administrator, home):
    page = add_page(home, StandardPage, "Brådskande", publish=False)
    client.force_login(administrator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.id,))).content.decode()
    assert 'name="action-publish"' in html and f'name="{PUBLISH_REASON_FIELD}"' in html

    admin_edit(client, page, action="publish")
    assert_not_public(page)
    assert not PageLogEntry.objects.filter(page=page, action=LOG_ACTION).exists()

    admin_edit(client, page, action="publish", extra={PUBLISH_REASON_FIELD: "Krisinformation, projektledningen nås ej"})
    page.refresh_from_db()
    assert page.live and Client().get(page.get_url()).status_code == 200
    entry = PageLogEntry.objects.get(page=page, action=LOG_ACTION)
    assert entry.user == administrator
    assert entry.data["reason"] == "Krisinformation, projektledningen nås ej"
    assert "Krisinformation" in client.get(reverse("wagtailadmin_pages:history", args=(page.id,))).content.decode()


def test_translator_and_other_organisation_get_no_publish_button(client, translator, communicator_of, section, heby):
    page = add_page(section, NewsPage, "Hebys utkast", publish=False)
    other = communicator_of(organisation("tierps-kommun"))
    for user in (translator, other):
        client.force_login(user)
        before = snapshot(page)
        response = admin_edit_or_denied(client, page)
        assert is_denied(response)
        assert snapshot(page) == before
        assert "Hebys utkast" not in response.content.decode()
    assert_not_public(page)
    assert mail.outbox == []


def admin_edit_or_denied(client, page):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(page.id,)),
        {"title": page.title, "slug": page.slug, "action-publish": "1", PUBLISH_REASON_FIELD: "x"},
    )
