"""Visual identity and metadata: logo, favicon and touch icon, meta description, title pattern."""

import html as html_lib
import re

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.translation import gettext

from home.models import AudiencePage, HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.training import make_training
from training.models import TrainingIndexPage

SITE = "Nexus resurscentrum mot hedersrelaterat våld"


def description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return html_lib.unescape(found[0])


def title(html):
    return html_lib.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


def sv_home():
    return HomePage.objects.get(depth=2, locale__language_code="sv")


PAGE_TYPES = {
    "home page": lambda: sv_home(),
    "standard page": lambda: add_page(sv_home(), StandardPage, "Om Nexus", slug="om-nexus"),
    "audience page": lambda: add_page(sv_home(), AudiencePage, "Är du utsatt?", slug="utsatt"),
    "news index": lambda: NewsIndexPage.objects.get(locale__language_code="sv"),
    "news page": lambda: add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "Nyhet"),
    "training index": lambda: TrainingIndexPage.objects.get(locale__language_code="sv"),
    "training page": lambda: make_training(),
    "press room": lambda: PressRoomPage.objects.get(locale__language_code="sv"),
    "press release": lambda: add_page(
        section_of(PressRoomPage, organisation("region-uppsala")), PressReleasePage, "Release"
    ),
}
# Organisation sections have no lead: their own search description or the site's.
SECTIONS = {
    "news section": lambda: section_of(NewsIndexPage, organisation("polismyndigheten")),
    "training section": lambda: section_of(TrainingIndexPage, organisation("polismyndigheten")),
    "press section": lambda: section_of(PressRoomPage, organisation("region-uppsala")),
}


def revise(page, **fields):
    page = page.specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def assert_search_description_and_title(client, page):
    page = revise(page, search_description="Sökbeskrivningen.")
    html = client.get(page.url).content.decode()
    assert description(html) == "Sökbeskrivningen."
    assert title(html) == f"{page.title} – {SITE}"
    page = revise(page, seo_title="En annan rubrik")
    assert title(client.get(page.url).content.decode()) == f"En annan rubrik – {SITE}"


@pytest.mark.parametrize("make", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_describes_itself_from_its_lead_or_search_description(client, home, make):
    page = revise(make(), lead="Ingressen som beskriver sidan.", search_description="")
    assert description(client.get(page.url).content.decode()) == "Ingressen som beskriver sidan."
    assert_search_description_and_title(client, page)


@pytest.mark.parametrize("make", SECTIONS.values(), ids=SECTIONS.keys())
def test_sections_describe_themselves_from_their_search_description_or_the_site(client, home, make):
    page = make()
    assert description(client.get(page.url).content.decode()) == (
        "Stöd och kunskap mot hedersrelaterat våld i Uppsala län."
    )
    assert_search_description_and_title(client, page)


def test_a_page_without_lead_or_search_description_gets_the_site_description(client, home):
    index = revise(TrainingIndexPage.objects.get(locale__language_code="sv"), lead="", search_description="")
    assert description(client.get(index.url).content.decode()) == (
        "Stöd och kunskap mot hedersrelaterat våld i Uppsala län."
    )
    arabic = TrainingIndexPage.objects.get(locale__language_code="ar")
    with translation.override("ar"):
        expected = gettext("Stöd och kunskap mot hedersrelaterat våld i Uppsala län.")
    assert description(client.get(arabic.url).content.decode()) == expected


def test_favicon_ico_answers_200_with_an_icon_and_no_cookie(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert "max-age=86400" in response["Cache-Control"]
    assert response.cookies == {}


@pytest.mark.parametrize(("prefix", "code"), [("/", "sv"), ("/ar/", "ar")])
def test_every_page_has_the_logo_with_a_text_alternative_and_the_icons(client, home, prefix, code):
    html = client.get(prefix).content.decode()
    with translation.override(code):
        name = gettext(SITE)
    logo = re.search(r'<img class="site-header__logo" src="([^"]+)" alt="([^"]+)" width="48" height="48">', html)
    assert logo.group(1) == "/static/img/nexus-logo.svg"
    assert html_lib.unescape(logo.group(2)) == name
    assert '<link rel="icon" href="/static/img/favicon.ico" sizes="48x48">' in html
    assert re.search(r'<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">', html)
    for path in ("img/nexus-logo.svg", "img/apple-touch-icon.png", "img/favicon.ico"):
        assert finders.find(path), path
    with open(finders.find("img/nexus-logo.svg"), encoding="utf-8") as svg:
        assert "<title" in svg.read()
