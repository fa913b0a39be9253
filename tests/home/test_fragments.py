"""The cached fragments (home/fragments.py) follow every change readers must see, and previews
never put draft content into them."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import HelpNumber, StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import edit_form

# Renders are measured, not the anonymous page cache that would answer the warm request.
pytestmark = pytest.mark.usefixtures("no_page_cache")


def footer(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


@pytest.fixture
def safety_page(home):
    return add_page(home, StandardPage, "Säkerhet", slug="sakerhet")


def test_a_changed_help_number_shows_on_the_next_render(client, home):
    number = HelpNumber.objects.live().filter(show_in_footer=True).first()
    old = number.number
    assert old in footer(client)
    number.number = "010-111 22 33"
    number.save_revision().publish()
    html = footer(client)
    assert "010-111 22 33" in html
    assert f">{old}<" not in html


def test_a_new_footer_help_number_shows_on_the_next_render(client, home):
    footer(client)
    HelpNumber.objects.create(service=HelpNumber.Service.RATT_ATT_VALJA, number="020-12 34 56", show_in_footer=True)
    assert "020-12 34 56" in footer(client)


def test_a_renamed_partner_shows_on_the_next_render(client, home):
    heby = organisation("heby-kommun")
    assert heby.name in footer(client)
    heby.name = "Heby kommun och omnejd"
    heby.save()
    assert "Heby kommun och omnejd" in footer(client)


def test_a_footer_page_retitled_shows_on_the_next_render(client, safety_page):
    assert ">Säkerhet</a>" in footer(client)
    safety_page.title = "Skydda dig på nätet"
    safety_page.save_revision().publish()
    html = footer(client)
    assert ">Skydda dig på nätet</a>" in html
    assert ">Säkerhet</a>" not in html


def test_a_published_news_item_shows_on_the_home_page_at_once(client, home):
    client.get("/")  # fills the cached teaser lists
    section = section_of(NewsIndexPage, organisation("polismyndigheten"))
    add_page(section, NewsPage, "Alldeles ny nyhet", lead="Ingress.")
    assert "Alldeles ny nyhet" in client.get("/").content.decode()


def test_a_new_view_restriction_hides_the_section_at_once(client, safety_page):
    assert "/sakerhet/" in footer(client)
    PageViewRestriction.objects.create(page=safety_page, restriction_type=PageViewRestriction.LOGIN)
    assert "/sakerhet/" not in footer(client)
    assert client.get("/sakerhet/").status_code == 302  # to the login form


def test_a_changed_quick_exit_target_shows_on_the_next_render(client, home):
    from wagtail.models import Site

    from home.models import SiteSettings

    client.get("/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = "https://www.smhi.se/"
    settings.save()
    assert 'href="https://www.smhi.se/"' in client.get("/").content.decode()


def test_a_preview_of_a_draft_never_reaches_the_cache(client, make_user, safety_page, home):
    admin = make_user("granskande-admin", superuser=True)
    client.force_login(admin)
    edit_url = reverse("wagtailadmin_pages:edit", args=(safety_page.id,))
    data = edit_form(client, edit_url, StandardPage)
    data["title"] = "Hemlig utkasttitel"
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(safety_page.id,))
    assert client.post(preview_url, data).status_code == 200
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Hemlig utkasttitel" in preview.content.decode()
    client.logout()
    for url in ("/", "/sakerhet/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Hemlig utkasttitel" not in response.content.decode(), url
