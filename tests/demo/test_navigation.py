"""The demo's main navigation: the six Swedish entries, and what exists in each language."""

import re

from django.utils import translation
from django.utils.translation import gettext

from demo.loader import load_audience_pages, load_standard_pages, order_main_menus


def main_menu(html):
    nav = re.search(r'<nav class="main-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return [
        (href, re.sub(r"\s+", " ", text).strip())
        for href, text in re.findall(r'<a class="main-nav__link[^"]*" href="([^"]+)"[^>]*>(.*?)</a>', nav, re.S)
    ]


def test_demo_menu_in_swedish_and_what_exists_in_each_language(client, home, demo_people, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    load_audience_pages(home, *demo_people)
    load_standard_pages(home, *demo_people)
    order_main_menus()
    swedish = main_menu(client.get("/").content.decode())
    assert [text for _href, text in swedish] == [
        "Få stöd",
        "För yrkesverksamma",
        "Utbildningar",
        "Nyheter",
        "Press",
        "Om Nexus",
    ]
    assert swedish[0][0] == "/fa-stod/"
    arabic = [text for _href, text in main_menu(client.get("/ar/").content.decode())]
    with translation.override("ar"):
        indexes = [gettext("Utbildningar"), gettext("Nyheter"), gettext("Press")]
    assert arabic == ["احصل على الدعم", "للعاملين المهنيين", *indexes, "عن Nexus"]
    english = [href for href, _text in main_menu(client.get("/en/").content.decode())]
    assert english[0] == "/en/get-support/"
    assert "/en/about-nexus/" in english
    # "För yrkesverksamma" exists in Swedish and Arabic only: not in the English menu.
    assert not any("yrkesverksam" in href for href in english)
    support = client.get("/fa-stod/").content.decode()
    assert 'href="/utsatt/"' in support and 'href="/anhorig/"' in support
