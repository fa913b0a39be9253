"""Finding the way: the main navigation, from the page tree of each language."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home import navigation
from home.models import AudiencePage, HomePage, StandardPage
from home.signals import NAVIGATION_DEPTH
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of

# These tests measure the render: the page cache would answer the warm request (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("no_page_cache")

CODES = [code for code, _name in settings.LANGUAGES]


def main_menu(html):
    """(href, text, aria-current) of every link in the main navigation."""
    found = re.search(r'<nav class="main-nav" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert found, "no main navigation"
    return [
        (href, re.sub(r"\s+", " ", text).strip(), current)
        for href, current, text in re.findall(
            r'<a class="main-nav__link[^"]*" href="([^"]+)"( aria-current="page")?>(.*?)</a>', found.group(2), re.S
        )
    ]


def home_of(code):
    return HomePage.objects.get(depth=2, locale__language_code=code)


def prefix(code):
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


@pytest.mark.parametrize("code", CODES)
def test_every_language_home_has_a_menu_of_pages_in_that_language(client, home, code):
    response = client.get(prefix(code))
    assert response.status_code == 200
    links = main_menu(response.content.decode())
    assert len(links) >= 3
    language_pages = Page.objects.live().filter(locale__language_code=code)
    for href, text, _current in links:
        assert href.startswith(prefix(code)), href
        page = language_pages.get(url_path__endswith=href.removeprefix(prefix(code)).rstrip("/") + "/", depth=3)
        assert page.title == text


def test_the_swedish_menu_leads_to_trainings_news_and_the_press_room(client, home):
    hrefs = [href for href, _text, _current in main_menu(client.get("/").content.decode())]
    for path in ("/utbildningar/", "/nyheter/", "/press/"):
        assert path in hrefs
    # The same links from a deep page, not only from the home page.
    assert [h for h, _t, _c in main_menu(client.get("/nyheter/").content.decode())] == hrefs


def test_the_menu_shows_only_live_public_pages_marked_for_menus(client, home):
    add_page(home, StandardPage, "I menyn", slug="i-menyn", show_in_menus=True)
    add_page(home, StandardPage, "Inte i menyn", slug="inte-i-menyn")
    add_page(home, StandardPage, "Utkast i menyn", slug="utkast-i-menyn", show_in_menus=True, publish=False)
    private = add_page(home, StandardPage, "Privat i menyn", slug="privat-i-menyn", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")
    texts = [text for _href, text, _current in main_menu(client.get("/").content.decode())]
    assert "I menyn" in texts
    for hidden in ("Inte i menyn", "Utkast i menyn", "Privat i menyn"):
        assert hidden not in texts
    # A Swedish page is not in the English menu until it exists in English.
    english = [text for _href, text, _current in main_menu(client.get("/en/").content.decode())]
    assert "I menyn" not in english


def test_the_current_section_is_marked(client, home):
    response = client.get("/utbildningar/")
    links = main_menu(response.content.decode())
    assert [(href, current) for href, _text, current in links if current] == [
        ("/utbildningar/", ' aria-current="page"')
    ]
    page = add_page(home, AudiencePage, "Stöd", slug="stod", show_in_menus=True)
    add_page(page, AudiencePage, "Lätt svenska", slug="latt", easy_to_read=True)
    html = client.get("/stod/latt/").content.decode()
    assert 'main-nav__link--ancestor" href="/stod/"' in html
    assert 'aria-current="page"' not in re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)


@pytest.mark.parametrize(
    ("code", "label", "button"), [("sv", "Huvudmeny", "Meny"), ("ar", "القائمة الرئيسية", "القائمة")]
)
def test_on_phones_the_menu_is_a_details_button_in_the_page_language(client, home, code, label, button):
    html = client.get(prefix(code)).content.decode()
    nav = re.search(r'<nav class="main-nav" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert nav.group(1) == label
    assert re.search(
        rf'<details class="main-nav__details">\s*<summary class="main-nav__toggle">{button}</summary>', nav.group(2)
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def menu_texts(client, url="/"):
    return [text for _href, text, _current in main_menu(client.get(url).content.decode())]


def test_the_menu_comes_from_the_cache_once_built(client, home):
    client.get("/nyheter/")  # warm the per-process caches (content types, site root paths)
    warm = count_queries(client, "/nyheter/")
    navigation.invalidate()
    cold = count_queries(client, "/nyheter/")
    # Building the menu costs queries (the language's home page, its children); the cached one none.
    assert cold >= warm + 2
    assert count_queries(client, "/nyheter/") == warm


def test_the_cached_menu_follows_publish_title_unpublish_move_and_delete(client, home):
    assert "Nytt i menyn" not in menu_texts(client)
    page = add_page(home, StandardPage, "Nytt i menyn", slug="nytt-i-menyn", show_in_menus=True)
    assert "Nytt i menyn" in menu_texts(client)

    page.title = "Omdöpt i menyn"
    page.save_revision().publish()
    texts = menu_texts(client, "/nyheter/")
    assert "Omdöpt i menyn" in texts and "Nytt i menyn" not in texts

    page.refresh_from_db()
    page.unpublish()
    assert "Omdöpt i menyn" not in menu_texts(client)

    page.refresh_from_db()
    page.save_revision().publish()
    assert "Omdöpt i menyn" in menu_texts(client)
    # Moved one level down it is no longer a child of the home page, so no longer in the menu.
    parent = add_page(home, StandardPage, "Ny förälder", slug="ny-foralder")
    Page.objects.get(pk=page.pk).move(parent, pos="last-child")
    assert "Omdöpt i menyn" not in menu_texts(client)

    other = add_page(home, StandardPage, "Borttagen i menyn", slug="borttagen-i-menyn", show_in_menus=True)
    assert "Borttagen i menyn" in menu_texts(client)
    Page.objects.get(pk=other.pk).delete()
    assert "Borttagen i menyn" not in menu_texts(client)


def test_a_draft_title_never_reaches_the_cached_menu(client, home):
    page = add_page(home, StandardPage, "Publicerad rubrik", slug="publicerad-rubrik", show_in_menus=True)
    assert "Publicerad rubrik" in menu_texts(client)
    page.title = "Utkastets rubrik"
    page.save_revision()
    assert "Utkastets rubrik" not in menu_texts(client)
    assert "Publicerad rubrik" in menu_texts(client)


def test_publishing_below_the_menu_level_keeps_the_cached_menu(client, home):
    client.get("/")
    before = navigation.generation()
    news = add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "Djup nyhet")
    assert news.depth > NAVIGATION_DEPTH
    assert navigation.generation() == before
    add_page(home, StandardPage, "Ny i menyn", slug="ny-i-menyn", show_in_menus=True)
    assert navigation.generation() != before
