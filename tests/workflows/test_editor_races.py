"""The editor's autosave against "submit" and "approve": one page, in the workflow, never a 5xx.

Wagtail 8 autosaves every 500 ms; the first autosave of an add form creates the page. These
tests replay the overlapping POSTs in the order the page lock serialises them.
"""

import json

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from news.models import NewsIndexPage, NewsPage
from tests.factories import organisation, section_of
from tests.helpers.admin import admin_create, edit_form
from workflows.editorial import PROJECT_LEADERS_GROUP
from workflows.publishing import CREATE_TOKEN_FIELD

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def heby(db):
    return organisation("heby-kommun")


@pytest.fixture
def section(heby):
    return section_of(NewsIndexPage, heby)


def add_form(client, section, title):
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", section.id))
    data = edit_form(client, url)
    assert data[CREATE_TOKEN_FIELD]
    data["title"] = title
    data["slug"] = "krock"
    return url, data


def test_submit_after_the_first_autosave_continues_that_page(client, communicator_of, heby, section):
    client.force_login(communicator_of(heby))
    url, data = add_form(client, section, "Krock")
    autosave = client.post(url, data, **JSON)
    assert autosave.status_code == 200 and autosave.json()["success"]
    data["title"] = "Krock, färdigskriven"
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302
    pages = NewsPage.objects.child_of(section)
    assert [p.title for p in pages] == ["Krock, färdigskriven"]
    assert pages.get().current_workflow_state.status == "in_progress"


def test_autosave_after_submit_creates_no_second_page(client, communicator_of, heby, section):
    client.force_login(communicator_of(heby))
    url, data = add_form(client, section, "Krock")
    submit = {**data, "action-submit": "1"}
    assert client.post(url, submit).status_code == 302
    late = client.post(url, data, **JSON)
    assert late.status_code < 500
    assert NewsPage.objects.child_of(section).count() == 1


def test_slug_taken_by_another_page_is_a_form_error(client, communicator_of, heby, section):
    client.force_login(communicator_of(heby))
    admin_create(client, section, title="Krock", slug="krock")
    url, data = add_form(client, section, "Annan krock")
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert NewsPage.objects.child_of(section).count() == 1


def test_second_approve_from_the_edit_view_is_refused_cleanly(
    client, communicator_of, heby, section, make_user, django_capture_on_commit_callbacks
):
    client.force_login(communicator_of(heby))
    admin_create(client, section, title="Godkänns", action="submit")
    page = Page.objects.get(slug="godkänns")
    leader = make_user("samordnare", [PROJECT_LEADERS_GROUP])
    client.force_login(leader)
    data = edit_form(client, reverse("wagtailadmin_pages:edit", args=(page.id,)))
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    data["workflow-action-extra-data"] = json.dumps({"comment": ""})
    url = reverse("wagtailadmin_pages:edit", args=(page.id,))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    second = client.post(url, data)
    assert second.status_code < 500
    autosave = client.post(url, {k: v for k, v in data.items() if not k.startswith(("action-", "workflow-"))}, **JSON)
    assert autosave.status_code < 500
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    assert len([m for m in mail.outbox if "Sidan är publicerad" in m.body]) == 1
