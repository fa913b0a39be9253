"""The editors' guide: in the admin's help menu for every editor, in Swedish (and English)."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from workflows.models import Organisation

GUIDE = reverse("editors_guide")
SIDEBAR_PROPS = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S)


def help_menu_items(html):
    """{url: label} of the admin sidebar's help menu."""

    def walk(node, inside_help=False):
        if isinstance(node, dict):
            if inside_help and "url" in node and "label" in node:
                yield node["url"], node["label"]
            for value in node.values():
                yield from walk(value, inside_help)
        elif isinstance(node, list):
            # A submenu is [{"name": "help", …}, [its items]].
            inside_help = inside_help or any(isinstance(value, dict) and value.get("name") == "help" for value in node)
            for value in node:
                yield from walk(value, inside_help)

    return dict(walk(json.loads(SIDEBAR_PROPS.search(html).group(1))))


SECTIONS = [
    "Skriva för webben",
    "Skicka för granskning",
    "Översätta",
    "Bilder: fotograf och licens",
    "Snabbutgången och känsligt innehåll",
]


@pytest.fixture
def editors(communicator_of, translator, project_leader):
    return {
        "communicator": communicator_of(Organisation.objects.get(slug="heby-kommun")),
        "translator": translator,
        "leader": project_leader,
    }


@pytest.mark.parametrize("who", ["communicator", "translator", "leader"])
def test_every_editor_reaches_the_guide_from_the_help_menu(client, editors, who):
    client.force_login(editors[who])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert help_menu_items(dashboard)[GUIDE] == "Redaktörshandledning"
    html = client.get(GUIDE).content.decode()
    for heading in SECTIONS:
        assert heading in html, heading
    assert "Ingenting publiceras utan att någon annan än du har godkänt det." in html


def test_the_guide_is_in_english_for_an_editor_who_chose_english(client, editors):
    user = editors["communicator"]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    html = client.get(GUIDE).content.decode()
    assert "Editors’ guide" in html and "Submitting for review" in html
    assert "Skicka för granskning" not in html


def test_anonymous_readers_are_sent_to_the_login(client, db):
    response = client.get(GUIDE)
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]
    assert "Skicka för granskning" not in response.content.decode()


def test_a_user_without_admin_access_is_refused(client, make_user):
    client.force_login(make_user("utan-behorighet"))
    response = client.get(GUIDE)
    assert response.status_code in (302, 403)
    assert "Skicka för granskning" not in response.content.decode()
