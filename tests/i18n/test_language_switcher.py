"""Language switcher, lang/dir and hreflang: only live translations, symmetric, x-default Swedish."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from home.models import AudiencePage
from tests.factories import add_page

CODES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar", "fa", "ckb"}
NAMES = dict(settings.LANGUAGES)


def translate(page, code, publish=True):
    copy = page.copy_for_translation(Locale.objects.get(language_code=code))
    copy.title = f"{page.title} ({code})"
    if publish:
        copy.save_revision().publish()
    else:
        copy.live = False
        copy.save()
        copy.save_revision()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def victims(home):
    return add_page(home, AudiencePage, "Är du utsatt?", slug="utsatt", lead="Du har rätt till stöd.")


def url_of(code, slug="utsatt"):
    return f"/{slug}/" if code == "sv" else f"/{code}/{slug}/"


def switcher_codes(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    if nav is None:
        return []
    return re.findall(r'<a href="[^"]+" lang="([\w-]+)" hreflang', nav.group(0))


def alternates(html):
    return set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


@pytest.mark.parametrize("code", CODES)
def test_each_language_renders_with_its_lang_and_dir(client, victims, code):
    if code != "sv":
        translate(victims, code)
    response = client.get(url_of(code))
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if code in RTL else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html


def test_switcher_lists_exactly_the_live_translations_named_in_their_own_script(client, victims):
    for code in ("en", "ar", "so", "ti"):
        translate(victims, code)
    translate(victims, "fa", publish=False)  # a draft: never listed
    for code in ("sv", "en", "ar", "so", "ti"):
        html = client.get(url_of(code)).content.decode()
        assert switcher_codes(html) == ["sv", "en", "ar", "so", "ti"], code
        for listed in ("sv", "en", "ar", "so", "ti"):
            assert f">{NAMES[listed]}</a>" in html
        assert "فارسی" not in html
        assert 'aria-current="true">' + NAMES[code] in html
        assert "flag" not in html.lower()
    assert client.get(url_of("fa")).status_code == 404


def test_hreflang_set_is_symmetric_with_swedish_as_x_default(client, victims):
    for code in CODES[1:]:
        translate(victims, code)
    sets = {code: alternates(client.get(url_of(code)).content.decode()) for code in CODES}
    expected = {(code, f"http://localhost{url_of(code)}") for code in CODES} | {
        ("x-default", "http://localhost/utsatt/")
    }
    for code, found in sets.items():
        assert found == expected, code


def test_a_page_without_translations_has_no_switcher_or_alternates(client, home):
    add_page(home, AudiencePage, "Bara svenska", slug="bara-svenska")
    html = client.get("/bara-svenska/").content.decode()
    assert switcher_codes(html) == []
    assert alternates(html) == set()


def test_easy_to_read_version_is_linked_from_the_switcher_area(client, victims):
    add_page(victims, AudiencePage, "Lätt svenska", slug="latt-svenska", easy_to_read=True)
    translate(victims, "ar")
    for url in ("/utsatt/", "/ar/utsatt/"):
        html = client.get(url).content.decode()
        nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
        assert 'href="/utsatt/latt-svenska/" lang="sv"' in nav
        assert ">Lätt svenska</a>" in nav
    easy = client.get("/utsatt/latt-svenska/").content.decode()
    assert 'href="/utsatt/" lang="sv"' in easy


def test_a_draft_easy_to_read_version_is_not_linked(client, victims):
    add_page(victims, AudiencePage, "Lätt svenska", slug="latt-svenska", easy_to_read=True, publish=False, live=False)
    assert "data-easy-to-read" not in client.get("/utsatt/").content.decode()


@pytest.mark.parametrize("slug", ["ar-du-utsatt", "en-kurs", "fi-test", "so-ett", "sv-test"])
def test_swedish_slugs_that_start_like_a_language_code_are_swedish(client, home, slug):
    add_page(home, AudiencePage, "Svensk sida", slug=slug)
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    assert '<html lang="sv" dir="ltr">' in response.content.decode()


def test_prefixed_languages_still_activate(client, victims):
    translate(victims, "ckb")
    assert '<html lang="ckb" dir="rtl">' in client.get("/ckb/utsatt/").content.decode()
    assert client.get("/ckb-x/utsatt/").status_code == 404
