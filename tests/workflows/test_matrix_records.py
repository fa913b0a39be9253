"""The records export (Rapporter → Allmänna handlingar) is for Projektledning and administrators only.

Communicators of every organisation (the page's own one too), reviewers and the translator are
refused on every door: the form, the form for a page, the download; the audit log gains no
export entry, nothing else changes, and no title or text of the page shows in any answer.
"""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from home.records import EXPORT_ACTION
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, section_of
from tests.helpers.admin import is_denied, snapshot
from workflows.editorial import ORGANISATIONS
from workflows.models import Organisation

SLUGS = [slug for slug, *_ in ORGANISATIONS]
SECRET_TITLE = "Hemlig handling om hedersvåld"


@pytest.fixture
def news_page(organisations):
    return add_page(section_of(NewsIndexPage, Organisation.objects.get(slug="region-uppsala")), NewsPage, SECRET_TITLE)


def doors(client, news_page):
    url = reverse("records_export")
    yield "form", client.get(url)
    yield "form for the page", client.get(url, {"page": news_page.pk})
    yield "download", client.get(url, {"page": news_page.pk, "date_from": "2000-01-01", "date_to": "2100-01-01"})
    yield "edit view button", None


def assert_refused_everywhere(client, news_page):
    before = snapshot(news_page)
    for what, response in doors(client, news_page):
        if response is None:
            edit = client.get(reverse("wagtailadmin_pages:edit", args=(news_page.id,)))
            assert reverse("records_export") not in edit.content.decode(), what
            continue
        assert is_denied(response), (what, response.status_code)
        assert SECRET_TITLE not in response.content.decode(), what
    assert snapshot(news_page) == before
    assert not PageLogEntry.objects.filter(action=EXPORT_ACTION).exists()


@pytest.mark.parametrize("slug", SLUGS)
def test_communicators_of_every_organisation_are_refused(client, communicator_of, news_page, slug):
    client.force_login(communicator_of(Organisation.objects.get(slug=slug)))
    assert_refused_everywhere(client, news_page)


@pytest.mark.parametrize("who", ["translator", "reviewer"])
def test_translator_and_reviewers_are_refused(client, make_user, translator, news_page, who):
    user = translator if who == "translator" else make_user("granskare", [page_org_reviewers()])
    client.force_login(user)
    assert_refused_everywhere(client, news_page)


def page_org_reviewers():
    return Organisation.objects.get(slug="region-uppsala").reviewers_group_name


@pytest.mark.parametrize("who", ["leader", "admin"])
def test_positive_control_projektledning_and_administrators_export(client, make_user, project_leader, news_page, who):
    client.force_login(project_leader if who == "leader" else make_user("admin", superuser=True))
    responses = {what: response for what, response in doors(client, news_page) if response is not None}
    assert all(response.status_code == 200 for response in responses.values())
    assert SECRET_TITLE in responses["download"].content.decode()
    assert PageLogEntry.objects.filter(page=news_page, action=EXPORT_ACTION).count() == 1
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(news_page.id,)))
    assert f"{reverse('records_export')}?page={news_page.pk}" in edit.content.decode()
