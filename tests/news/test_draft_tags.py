"""Tags only on drafts are not discoverable: not by the public filter, not by other organisations' editors."""

import json

import pytest
from django.urls import reverse
from taggit.models import Tag

from news.models import NewsIndexPage, NewsPage
from tests.factories import section_of
from tests.helpers.admin import admin_create

DRAFT_TAG = "hemlig-omorganisation"


@pytest.fixture
def draft_tag(client, police, communicator_of):
    """A police communicator's draft (created through the admin) carries a tag no live page has."""
    client.force_login(communicator_of(police))
    response = admin_create(client, section_of(NewsIndexPage, police), title="Utkast med tagg", tags=DRAFT_TAG)
    assert response.status_code == 302
    page = NewsPage.objects.get(title="Utkast med tagg")
    assert not page.live
    assert Tag.objects.filter(name=DRAFT_TAG, news_newspagetag_items__content_object=page).exists()
    client.logout()
    return DRAFT_TAG


def test_a_tag_only_on_drafts_is_a_404_like_an_unknown_one(client, draft_tag, news_index, make_news, police):
    make_news(police, "Publicerad", tags=["samverkan"])
    assert client.get(f"/nyheter/?tag={draft_tag}").status_code == 404
    assert client.get("/nyheter/?tag=finns-inte").status_code == 404
    assert client.get(f"/nyheter/rss/?tag={draft_tag}").status_code == 404
    assert client.get("/nyheter/?tag=samverkan").status_code == 200
    assert draft_tag not in client.get("/nyheter/").content.decode()


def autocomplete(client, term):
    response = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": term})
    assert response.status_code == 200
    return json.loads(response.content)


def test_tag_autocomplete_hides_other_organisations_draft_tags(
    client, draft_tag, make_news, police, heby, communicator_of, translator
):
    make_news(heby, "Publicerad i Heby", tags=["hemlig-men-publicerad"])
    client.force_login(communicator_of(heby))
    assert autocomplete(client, "hemlig") == ["hemlig-men-publicerad"]
    client.force_login(translator)
    assert autocomplete(client, "hemlig") == ["hemlig-men-publicerad"]


def test_tag_autocomplete_shows_the_own_organisations_drafts(
    client, draft_tag, police, communicator_of, project_leader
):
    client.force_login(communicator_of(police, "kollega"))
    assert autocomplete(client, "hemlig") == [draft_tag]
    # Projektledning reviews every organisation's drafts.
    client.force_login(project_leader)
    assert autocomplete(client, "hemlig") == [draft_tag]


def test_tag_autocomplete_needs_admin_access(client, draft_tag):
    response = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "hemlig"})
    assert response.status_code == 302
    assert draft_tag not in response.content.decode()
