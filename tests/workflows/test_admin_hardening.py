"""Admin fit for partners: chooser without others' drafts, dashboard, central user management,
and deleting live pages for administrators only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import admin_create, admin_edit, is_denied, snapshot


@pytest.fixture
def two_organisations(db):
    return organisation("osthammars-kommun"), organisation("alvkarleby-kommun")


@pytest.fixture
def pages(two_organisations, communicator_of):
    a, b = two_organisations
    author_a = communicator_of(a)
    section_a, section_b = section_of(NewsIndexPage, a), section_of(NewsIndexPage, b)
    return {
        "author_a": author_a,
        "section_a": section_a,
        "section_b": section_b,
        "own_draft": add_page(section_a, NewsPage, "Östhammars hemliga utkast", publish=False, owner=author_a),
        "other_draft": add_page(section_b, NewsPage, "Älvkarlebys hemliga utkast", publish=False),
        "other_live": add_page(section_b, NewsPage, "Älvkarlebys publicerade nyhet"),
    }


def test_page_chooser_browse_hides_other_organisations_drafts(client, pages):
    client.force_login(pages["author_a"])
    own = client.get(reverse("wagtailadmin_choose_page_child", args=(pages["section_a"].id,))).json()["html"]
    assert "Östhammars hemliga utkast" in own
    other = client.get(reverse("wagtailadmin_choose_page_child", args=(pages["section_b"].id,))).json()["html"]
    assert "Älvkarlebys publicerade nyhet" in other
    assert "Älvkarlebys hemliga utkast" not in other


def test_page_chooser_search_hides_other_organisations_drafts(client, pages):
    client.force_login(pages["author_a"])
    found = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "hemliga"}).content.decode()
    assert "Östhammars hemliga utkast" in found
    assert "Älvkarlebys hemliga utkast" not in found
    found = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Älvkarlebys"}).content.decode()
    assert "Älvkarlebys publicerade nyhet" in found
    assert "Älvkarlebys hemliga utkast" not in found


def test_project_leader_sees_every_page_in_the_chooser(client, pages, project_leader):
    client.force_login(project_leader)
    other = client.get(reverse("wagtailadmin_choose_page_child", args=(pages["section_b"].id,))).json()["html"]
    assert "Älvkarlebys hemliga utkast" in other
    found = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "hemliga"}).content.decode()
    assert "Älvkarlebys hemliga utkast" in found and "Östhammars hemliga utkast" in found


def test_dashboard_shows_own_drafts_and_submissions_only(client, pages):
    client.force_login(pages["author_a"])
    admin_create(client, pages["section_a"], title="Inskickad från Östhammar")
    submitted = NewsPage.objects.get(slug="inskickad-från-östhammar")
    admin_edit(client, submitted, action="submit")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Din organisations sidor" in html
    drafts, _, in_review = html.partition("Väntar på granskning")
    assert "Östhammars hemliga utkast" in drafts
    assert "Inskickad från Östhammar" in in_review
    assert "Älvkarlebys hemliga utkast" not in html


def test_no_non_superuser_group_manages_users_or_groups(db):
    dangerous = Permission.objects.filter(
        content_type__app_label="auth",
        codename__in=["add_user", "change_user", "delete_user", "add_group", "change_group", "delete_group"],
    )
    assert not Group.objects.filter(permissions__in=dangerous).exists()


def test_communicator_is_refused_user_and_group_management(client, pages):
    user = pages["author_a"]
    client.force_login(user)
    users_before = get_user_model().objects.count()
    groups_before = Group.objects.count()
    group = user.groups.first()
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=(user.pk,)),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:add"),
        reverse("wagtailusers_groups:edit", args=(group.pk,)),
    ):
        assert is_denied(client.get(url)), url
    assert is_denied(
        client.post(
            reverse("wagtailusers_users:add"),
            {
                "username": "inkraktare",
                "email": "x@example.org",
                "password1": "ett-långt-lösenord-1",
                "password2": "ett-långt-lösenord-1",
                "is_superuser": "on",
            },
        )
    )
    assert is_denied(
        client.post(
            reverse("wagtailusers_users:edit", args=(user.pk,)), {"username": user.username, "is_superuser": "on"}
        )
    )
    assert is_denied(client.post(reverse("wagtailusers_groups:add"), {"name": "Egen grupp"}))
    user.refresh_from_db()
    assert not user.is_superuser
    assert get_user_model().objects.count() == users_before
    assert Group.objects.count() == groups_before


def test_only_administrators_delete_live_pages(client, pages, project_leader, make_user):
    live = pages["other_live"]
    client.force_login(project_leader)
    assert Page.objects.get(pk=live.pk).permissions_for_user(project_leader).can_delete()
    before = snapshot(live)
    response = client.post(reverse("wagtailadmin_pages:delete", args=(live.id,)))
    assert response.status_code == 302
    assert snapshot(live) == before

    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + f"?id={live.id}"
    response = client.post(bulk, {})
    assert response.status_code == 302
    assert snapshot(live) == before

    # A section with live content under it is refused too.
    section_before = snapshot(pages["section_b"])
    client.post(reverse("wagtailadmin_pages:delete", args=(pages["section_b"].id,)))
    assert snapshot(pages["section_b"]) == section_before
    assert not PageLogEntry.objects.filter(
        action="wagtail.delete", page_id__in=[live.pk, pages["section_b"].pk]
    ).exists()

    # Drafts may still be deleted by the project leader.
    draft = pages["other_draft"]
    client.post(reverse("wagtailadmin_pages:delete", args=(draft.id,)))
    assert not Page.objects.filter(pk=draft.pk).exists()

    client.force_login(make_user("admin", superuser=True))
    client.post(reverse("wagtailadmin_pages:delete", args=(live.id,)))
    assert not Page.objects.filter(pk=live.pk).exists()
    assert PageLogEntry.objects.filter(action="wagtail.delete", page_id=live.pk).exists()
