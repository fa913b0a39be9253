"""Workflow e-mail goes out after the commit, never to superusers, and never costs work."""

import logging

import pytest
from django.test import Client
from wagtail.models import Page, PageLogEntry

from news.models import NewsIndexPage, NewsPage
from tests.factories import organisation, section_of
from tests.helpers.admin import admin_create, admin_edit, workflow_action


@pytest.fixture
def habo(db):
    return organisation("habo-kommun")


@pytest.fixture
def submitted(client, habo, communicator_of, project_leader, make_user):
    make_user("admin", superuser=True)
    author = communicator_of(habo)
    client.force_login(author)
    admin_create(client, section_of(NewsIndexPage, habo), title="Meddelad")
    return NewsPage.objects.get(slug="meddelad"), author


def test_nothing_is_sent_before_the_commit(
    client, submitted, project_leader, mailoutbox, django_capture_on_commit_callbacks
):
    page, _author = submitted
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        admin_edit(client, page, action="submit")
    assert mailoutbox == []
    assert callbacks
    for callback in callbacks:
        callback()
    assert [m.to for m in mailoutbox] == [[project_leader.email]]


def test_superusers_are_not_mailed(client, submitted, project_leader, mailoutbox, django_capture_on_commit_callbacks):
    page, author = submitted
    with django_capture_on_commit_callbacks(execute=True):
        admin_edit(client, page, action="submit")
    client.force_login(project_leader)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve")
    recipients = [address for m in mailoutbox for address in m.to]
    assert recipients == [project_leader.email, author.email]
    assert "admin@example.org" not in recipients


@pytest.mark.parametrize(
    "backend", ["tests.workflows.mail_backends.RaisingBackend", "tests.workflows.mail_backends.UnreachableBackend"]
)
def test_a_failing_mail_server_loses_no_work(
    settings, backend, client, submitted, project_leader, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = backend
    page, _author = submitted
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = admin_edit(client, page, action="submit")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    assert any(record.levelno >= logging.ERROR for record in caplog.records)

    client.force_login(project_leader)
    caplog.clear()
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "approve", comment="Trots trasig e-post")
    assert response.status_code == 302
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert Client().get(page.get_url()).status_code == 200
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert any(record.levelno >= logging.ERROR for record in caplog.records)


def test_wagtails_own_handlers_are_replaced():
    """Only our after-commit notifiers hold Wagtail's dispatch_uids (whatever the app order)."""
    from workflows.notifications import HANDLERS

    for signal, _sender, dispatch_uid, notifier in HANDLERS:
        connected = [receiver for key, receiver, _ in signal.receivers if key[0] == dispatch_uid]
        assert connected == [notifier]
