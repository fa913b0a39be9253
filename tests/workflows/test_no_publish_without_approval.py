"""No path makes content live without Projektledning's approval.

Every way a communicator could publish is tried through the admin views; each test checks the
``live`` flag, the public URL as an anonymous visitor and the audit log. (wagtail-localize's
translation endpoints are covered in the translation helper's tests.)
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import admin_create, admin_edit, edit_form, is_denied, snapshot, workflow_action

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


@pytest.fixture
def heby(db):
    return organisation("heby-kommun")


@pytest.fixture
def section(heby):
    return section_of(NewsIndexPage, heby)


@pytest.fixture
def communicator(client, communicator_of, heby):
    user = communicator_of(heby)
    client.force_login(user)
    return user


def anonymous_status(page):
    return Client().get(Page.objects.get(pk=page.pk).get_url()).status_code


def publish_log(page):
    return list(PageLogEntry.objects.filter(page=page, action__in=PUBLISH_ACTIONS).values_list("action", "user"))


def assert_not_public(page):
    page = Page.objects.get(pk=page.pk)
    assert not page.live
    assert anonymous_status(page) == 404
    assert publish_log(page) == []
    assert not Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).exists()


def test_publish_button_only_saves_a_draft(client, communicator, section):
    response = admin_create(client, section, title="Direkt publicering", action="publish")
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="direkt-publicering")
    assert_not_public(page)
    response = admin_edit(client, page, action="publish", title="Direkt publicering igen")
    assert response.status_code == 302
    assert_not_public(page)


def test_schedule_never_publishes_without_approval(client, communicator, section):
    go_live = timezone.now() + timedelta(days=1)
    response = admin_create(
        client,
        section,
        title="Embargo",
        action="publish",
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="embargo")
    assert page.go_live_at is not None
    assert_not_public(page)
    with time_machine.travel(go_live + timedelta(hours=1)):
        call_command("publish_scheduled", verbosity=0)
    assert_not_public(page)


def test_bulk_publish_is_refused(client, communicator, section):
    page = add_page(section, NewsPage, "Bulkutkast", publish=False, owner=communicator)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.id}"
    before = snapshot(page)
    # The confirmation step names the page among those the user may not publish …
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    html = confirmation.content.decode()
    assert "Du saknar rättigheter att publicera denna sida" in html
    assert reverse("wagtailadmin_pages:edit", args=(page.id,)) in html
    # … and posting it anyway publishes nothing.
    response = client.post(url, {})
    assert response.status_code == 302
    assert snapshot(page) == before
    assert_not_public(page)


def test_copy_with_publish_copies_creates_no_live_page(client, communicator, section):
    source = add_page(section, NewsPage, "Publicerad källa")
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(source.id,)),
        {
            "new_title": "Kopian",
            "new_slug": "kopian",
            "new_parent_page": section.id,
            "publish_copies": "on",
        },
    )
    # The copy is made (a draft in the communicator's own section), but "publish copies" is ignored.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=(section.id,))
    copy = Page.objects.get(slug="kopian")
    assert copy.get_parent().id == section.id
    assert not copy.live
    assert_not_public(copy)


def test_revert_and_publish_keeps_the_live_version(client, communicator, section):
    page = add_page(section, NewsPage, "Godkänd version")
    live_revision = page.live_revision_id
    published = publish_log(page)
    admin_edit(client, page, title="Ny ändring")
    page.refresh_from_db()
    first = page.revisions.order_by("id").first()
    url = reverse("wagtailadmin_pages:revisions_revert", args=(page.id, first.id))
    data = edit_form(client, url)
    data["title"] = "Återställd och publicerad?"
    data["action-publish"] = "1"
    client.post(url, data)
    page.refresh_from_db()
    assert page.live and page.live_revision_id == live_revision
    assert page.title == "Godkänd version"
    assert "Återställd" not in Client().get(page.get_url()).content.decode()
    assert publish_log(page) == published


def test_communicator_cannot_unpublish(client, communicator, section):
    page = add_page(section, NewsPage, "Publicerad nyhet")
    before = snapshot(page)
    assert is_denied(client.post(reverse("wagtailadmin_pages:unpublish", args=(page.id,))))
    assert snapshot(page) == before
    assert anonymous_status(page) == 200
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").exists()


def test_communicator_cannot_approve_own_submission(client, communicator, section):
    admin_create(client, section, title="Egen inskickad", action="submit")
    page = NewsPage.objects.get(slug="egen-inskickad")
    assert page.current_workflow_state.status == "in_progress"
    before = snapshot(page)
    assert is_denied(workflow_action(client, page, "approve", comment="Godkänner mig själv"))
    assert is_denied(workflow_action(client, page, "approve", xhr=True))
    # Approve through the editor's workflow action (the page is locked for the author).
    admin_edit(client, page, extra={"action-workflow-action": "1", "workflow-action-name": "approve"})
    assert snapshot(page) == before
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    assert_not_public(page)
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()
