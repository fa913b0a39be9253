"""A home page that helps: its purpose as heading, Nexus' contact first, then the ways in."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from home.models import AudiencePage, HelpNumber, HomePage
from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import admin_edit, workflow_action
from tests.helpers.snippets import snippet_edit, snippet_workflow_action
from tests.helpers.training import make_training
from workflows.editorial import PROJECT_LEADERS_GROUP

PREFIX = {"sv": "/", "en": "/en/", "ar": "/ar/"}


def main_content(html):
    return re.search(r'<main id="main"[^>]*>(.*)</main>', html, re.S).group(1)


def h1(html):
    return re.sub(r"\s+", " ", re.search(r"<h1>(.*?)</h1>", main_content(html), re.S).group(1)).strip()


@pytest.fixture
def nexus_number(db):
    return HelpNumber.objects.create(service=HelpNumber.Service.NEXUS, number="018-727 00 00", sort_order=5)


@pytest.mark.parametrize("code", PREFIX)
def test_the_heading_says_what_the_site_is_for(client, home, code):
    heading = h1(client.get(PREFIX[code]).content.decode())
    with translation.override(code):
        assert heading == gettext("Stöd och kunskap mot hedersrelaterat våld")
        assert heading != gettext("Startsida")


@pytest.mark.parametrize("code", PREFIX)
def test_nexus_phone_comes_first_in_the_main_content_in_sv_en_and_ar(client, home, nexus_number, code):
    main = main_content(client.get(PREFIX[code]).content.decode())
    contact = main.index('class="home-contact"')
    assert main.index('href="tel:+46187270000"') > contact
    # The first section of the page: before the audiences, the listings and the body.
    assert re.search(r"<h2[^>]*>", main).group(0) == '<h2 id="home-contact-title">'


def test_changing_the_central_number_changes_the_link_in_every_language_after_approval(
    client, home, nexus_number, project_leader, make_user
):
    client.force_login(project_leader)
    response = snippet_edit(client, nexus_number, action="submit", number="018-727 11 11")
    assert response.status_code == 302
    client.logout()
    # Submitted, not yet approved: every language still links the live number.
    for prefix in PREFIX.values():
        main = main_content(client.get(prefix).content.decode())
        assert 'href="tel:+46187270000"' in main and "+46187271111" not in main
    client.force_login(make_user("samordnare", [PROJECT_LEADERS_GROUP]))
    snippet_workflow_action(client, nexus_number, "approve", comment="Rätt nummer")
    client.logout()
    for prefix in PREFIX.values():
        main = main_content(client.get(prefix).content.decode())
        assert 'href="tel:+46187271111"' in main
        assert "+46187270000" not in main


def test_the_contact_texts_are_edited_and_go_live_after_approval(client, home, nexus_number, make_user):
    author = make_user("ledare-a", [PROJECT_LEADERS_GROUP])
    approver = make_user("ledare-b", [PROJECT_LEADERS_GROUP])
    client.force_login(author)
    response = admin_edit(
        client,
        home,
        action="submit",
        heading="Hjälp mot hedersrelaterat våld",
        contact_hours="Vardagar 9–15",
        contact_text="Du kan vara anonym.",
        interpreter_text="Säg vilket språk du talar, så ordnar vi tolk.",
    )
    assert response.status_code == 302
    client.logout()
    before = client.get("/").content.decode()
    assert "Vardagar 9–15" not in before
    client.force_login(approver)
    assert workflow_action(client, home, "approve").status_code == 302
    client.logout()
    html = client.get("/").content.decode()
    assert h1(html) == "Hjälp mot hedersrelaterat våld"
    contact = re.search(r'<section class="home-contact".*?</section>', html, re.S).group(0)
    for text in ("Vardagar 9–15", "Du kan vara anonym.", "Säg vilket språk du talar, så ordnar vi tolk."):
        assert text in contact


def test_the_home_page_leads_to_audiences_trainings_news_and_press_releases(client, home):
    add_page(home, AudiencePage, "Är du utsatt?", slug="utsatt")
    training = make_training(title="Samtal med unga")
    news = add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "Polisens nyhet")
    release = add_page(section_of(PressRoomPage, organisation("region-uppsala")), PressReleasePage, "Regionens release")
    draft = add_page(
        section_of(PressRoomPage, organisation("region-uppsala")), PressReleasePage, "Utkast", publish=False
    )
    main = main_content(client.get("/").content.decode())
    for url in ("/utsatt/", training.url, news.url, release.url, "/utbildningar/", "/nyheter/", "/press/"):
        assert f'href="{url}"' in main, url
    assert draft.title not in main
    assert "Kommande utbildningar" in main
    assert "Senaste pressmeddelandena" in main


def test_listings_on_a_translated_home_page_stay_in_its_language(client, home):
    make_training(title="Samtal med unga")
    add_page(section_of(PressRoomPage, organisation("region-uppsala")), PressReleasePage, "Regionens release")
    main = main_content(client.get("/en/").content.decode())
    assert "Samtal med unga" not in main
    assert "Regionens release" not in main
    assert HomePage.objects.get(depth=2, locale__language_code="en").url == "/en/"
