"""Breadcrumbs: every page below the home page says where it is, visibly and as schema.org data."""

import json
import re

import pytest

from home.models import AudiencePage, HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.training import make_training
from training.models import TrainingIndexPage


def visible_trail(html):
    """(label of the nav, [(href, text, current)]) of the visible breadcrumbs, or None."""
    nav = re.search(r'<nav class="breadcrumbs" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    if nav is None:
        return None
    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>(.*?)</a>', nav.group(2), re.S)
    return nav.group(1), [(href, text, bool(current)) for href, current, text in links]


def json_ld_trail(html):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "BreadcrumbList":
            return data
    return None


def expected_trail(page):
    """Home page, every ancestor below it, the page itself."""
    return [*page.get_ancestors().filter(depth__gte=2), page]


def news_page():
    return add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "Polisens nyhet")


def press_release():
    return add_page(section_of(PressRoomPage, organisation("region-uppsala")), PressReleasePage, "Regionens release")


def standard_page():
    home = HomePage.objects.get(depth=2, locale__language_code="sv")
    return add_page(home, StandardPage, "Om Nexus", slug="om-nexus")


def easy_to_read_page():
    home = HomePage.objects.get(depth=2, locale__language_code="sv")
    victims = add_page(home, AudiencePage, "Är du utsatt?", slug="utsatt")
    return add_page(victims, AudiencePage, "Lätt svenska", slug="latt-svenska", easy_to_read=True)


PAGES = {
    "standard page": standard_page,
    "audience page (easy to read, two levels)": easy_to_read_page,
    "news index": lambda: NewsIndexPage.objects.get(locale__language_code="sv"),
    "news section": lambda: section_of(NewsIndexPage, organisation("polismyndigheten")),
    "news page": news_page,
    "training index": lambda: TrainingIndexPage.objects.get(locale__language_code="sv"),
    "training section": lambda: section_of(TrainingIndexPage, organisation("polismyndigheten")),
    "training page": lambda: make_training(),
    "press room": lambda: PressRoomPage.objects.get(locale__language_code="sv"),
    "press section": lambda: section_of(PressRoomPage, organisation("region-uppsala")),
    "press release": press_release,
}


@pytest.mark.parametrize("make", PAGES.values(), ids=PAGES.keys())
def test_every_page_below_the_home_page_has_breadcrumbs_matching_its_json_ld(client, home, make):
    page = make()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    label, links = visible_trail(html)
    assert label == "Brödsmulor"
    trail = expected_trail(page)
    assert links == [(crumb.url, crumb.title, crumb.id == page.id) for crumb in trail]
    assert links[0] == ("/", home.title, False)
    data = json_ld_trail(html)
    assert data["@context"] == "https://schema.org"
    assert [(item["position"], item["name"], item["item"]) for item in data["itemListElement"]] == [
        (position, crumb.title, crumb.full_url) for position, crumb in enumerate(trail, start=1)
    ]


def test_news_page_breadcrumbs_lead_to_the_news_index_and_the_home_page(client, home):
    page = news_page()
    _label, links = visible_trail(client.get(page.url).content.decode())
    assert [href for href, _text, _current in links] == ["/", "/nyheter/", "/nyheter/polismyndigheten/", page.url]


def test_the_home_page_has_no_breadcrumbs(client, home):
    html = client.get("/").content.decode()
    assert visible_trail(html) is None
    assert json_ld_trail(html) is None


def test_breadcrumbs_in_arabic_are_labelled_in_arabic_and_stay_in_the_arabic_tree(client, home):
    index = NewsIndexPage.objects.get(locale__language_code="ar")
    html = client.get(index.url).content.decode()
    label, links = visible_trail(html)
    assert label == "مسار التنقل"
    arabic_home = HomePage.objects.get(depth=2, locale__language_code="ar")
    assert links == [("/ar/", arabic_home.title, False), (index.url, index.title, True)]
