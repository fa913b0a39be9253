"""Audience pages, the contact block and the central help numbers."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import AudiencePage, HelpNumber, HomePage
from tests.factories import add_page, organisation


@pytest.fixture
def victims(home):
    return add_page(
        home,
        AudiencePage,
        "Är du utsatt?",
        slug="utsatt",
        lead="Du har rätt till stöd.",
        contact_hours="Vardagar 8–16",
        contact_text="Du bestämmer själv vad du berättar.",
    )


def test_projektledning_creates_an_audience_page_through_the_admin(client, project_leader, home):
    client.force_login(project_leader)
    url = reverse("wagtailadmin_pages:add", args=["home", "audiencepage", home.id])
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "För yrkesverksamma",
            "slug": "yrkesverksam",
            "lead": "Stöd i ärenden.",
            "body": streamfield([("paragraph", rich_text("<p>Ring oss.</p>"))]),
            "show_contact": "on",
            "contact_hours": "Vardagar 8–16",
            "contact_text": "",
            "related_pages": streamfield([]),
            "action-submit": "1",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    page = AudiencePage.objects.get(slug="yrkesverksam")
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"


def test_audience_page_types_and_parents():
    assert "home.AudiencePage" in HomePage.subpage_types
    assert set(AudiencePage.parent_page_types) == {"home.HomePage", "home.StandardPage", "home.AudiencePage"}


def test_contact_block_is_honest_about_anonymity(client, victims):
    HelpNumber.objects.create(service=HelpNumber.Service.NEXUS, number="018-727 00 00")
    html = client.get("/utsatt/").content.decode()
    assert "Kontakta Nexus" in html
    assert '<a href="tel:+46187270000"><bdi>018-727 00 00</bdi></a>' in html
    assert "Vardagar 8–16" in html
    assert "Du kan vara anonym" in html
    assert "anmäla det till socialtjänsten" in html
    assert "allmän handling" in html


def test_help_numbers_on_audience_pages_are_central_tel_links(client, victims):
    HelpNumber.objects.create(
        service=HelpNumber.Service.SOCIALJOUR, organisation=organisation("heby-kommun"), number="0224-360 00"
    )
    html = client.get("/utsatt/").content.decode()
    for href, number in [
        ("112", "112"),
        ("11414", "114 14"),
        ("+4620505050", "020-50 50 50"),
        ("+4620577070", "020-57 70 70"),
        ("+4622436000", "0224-360 00"),
    ]:
        assert f'href="tel:{href}"><bdi>{number}</bdi></a>' in html, number
    assert "Socialjouren i Heby" in html


def test_changing_a_number_in_one_place_changes_every_page(client, victims, home):
    HelpNumber.objects.filter(service="kvinnofridslinjen").update(number="020-50 50 51")
    for url in ("/", "/utsatt/", "/ar/"):
        html = client.get(url).content.decode()
        assert 'href="tel:+4620505051"><bdi>020-50 50 51</bdi>' in html, url


def test_footer_falls_back_to_112_and_kvinnofridslinjen(client, home):
    HelpNumber.objects.all().delete()
    html = client.get("/").content.decode()
    assert 'href="tel:112"' in html and 'href="tel:+4620505050"' in html


def test_help_number_tel_targets():
    assert HelpNumber(number="112").tel == "112"
    assert HelpNumber(number="114 14").tel == "11414"
    assert HelpNumber(number="020-50 50 50").tel == "+4620505050"
    assert HelpNumber(number="0171-62 50 00").tel == "+46171625000"


def test_help_numbers_are_translated_in_the_page_language(client, home):
    html = client.get("/ar/").content.decode()
    assert "رقم الطوارئ 112" in html


def test_only_projektledning_edits_help_numbers(client, project_leader, translator, communicator_of):
    number = HelpNumber.objects.get(service="112")
    url = reverse("wagtailsnippets_home_helpnumber:edit", args=[number.pk])
    for user in (translator, communicator_of(organisation("heby-kommun"))):
        client.force_login(user)
        response = client.post(url, {"service": "112", "number": "999", "sort_order": 1})
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home")
        number.refresh_from_db()
        assert number.number == "112"
    client.force_login(project_leader)
    response = client.post(url, {"service": "112", "number": "112", "show_in_footer": "on", "sort_order": 1})
    assert response.status_code == 302
    number.refresh_from_db()
    # The leader's change is a draft revision; readers keep the live values until approval.
    assert number.get_latest_revision_as_object().sort_order == 1
    assert number.sort_order == 10 and number.has_unpublished_changes


def test_home_page_links_live_audience_pages(client, home, victims):
    add_page(home, AudiencePage, "Utkast", slug="utkast", publish=False, live=False)
    add_page(victims, AudiencePage, "Lätt svenska", slug="latt-svenska", easy_to_read=True)
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="audiences".*?</nav>', html, re.S).group(0)
    assert 'href="/utsatt/"' in nav
    assert "Utkast" not in nav
    assert "latt-svenska" not in nav


def test_related_pages_show_only_live_pages_in_the_page_language(client, home, victims):
    about = add_page(home, AudiencePage, "Om hedersrelaterat våld", slug="om")
    draft = add_page(home, AudiencePage, "Utkast", slug="utkast", publish=False, live=False)
    victims.related_pages = [("page", about), ("page", draft)]
    victims.save_revision().publish()
    html = client.get("/utsatt/").content.decode()
    assert 'href="/om/"' in html
    assert "/utkast/" not in html
