import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from wagtail.models import Page, Site, get_page_models

from channels.models import NewsletterPage
from home.models import AudiencePage, MaterialKitPage, PrivacyNoticePage, SiteSettings, StandardPage
from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage
from tests.factories import add_page, organisation, section_of
from training.models import TrainingIndexPage, TrainingPage


@pytest.fixture
def public_pages(home):
    """One live page of every public page type. A new page type must be added here."""
    police = organisation("polismyndigheten")
    return [
        home,
        add_page(home, StandardPage, "Om Nexus", lead="Om oss."),
        add_page(home, AudiencePage, "Är du utsatt?", lead="Du har rätt till stöd.", contact_hours="Vardagar 8–16"),
        NewsIndexPage.objects.get(locale=home.locale),
        section_of(NewsIndexPage, police),
        add_page(section_of(NewsIndexPage, police), NewsPage, "En nyhet"),
        TrainingIndexPage.objects.get(locale=home.locale),
        section_of(TrainingIndexPage, police),
        add_page(section_of(TrainingIndexPage, police), TrainingPage, "En utbildning"),
        PrivacyNoticePage.objects.get(locale=home.locale),
        MaterialKitPage.objects.get(locale=home.locale),
        PressRoomPage.objects.get(locale=home.locale),
        section_of(PressRoomPage, police),
        add_page(section_of(PressRoomPage, police), PressReleasePage, "Ett pressmeddelande"),
        add_page(home, NewsletterPage, "Ett nyhetsbrev", intro="<p>Hej.</p>"),
    ]


@pytest.fixture
def page_urls(public_pages):
    return [page.url for page in public_pages]


def test_every_page_type_is_covered(public_pages):
    covered = {type(page.specific) for page in public_pages}
    assert set(get_page_models()) - {Page} - covered == set()


def quick_exit_targets(html):
    return re.findall(r'<a[^>]*href="([^"]+)"[^>]*data-quick-exit', html)


def test_quick_exit_on_every_page_type_with_target_from_settings(client, page_urls):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"quick_exit_url": "https://www.yr.no/"})
    for url in [*page_urls, "/sida-som-inte-finns/"]:
        response = client.get(url)
        html = response.content.decode()
        targets = quick_exit_targets(html)
        # The visible sticky button and the hidden link after "skip to content".
        assert targets == ["https://www.yr.no/", "https://www.yr.no/"], url
        assert 'rel="noreferrer nofollow"' in html
        assert html.index("Hoppa till innehållet") < html.index("data-quick-exit")
        assert "quick-exit.js" in html


def test_quick_exit_defaults_to_a_neutral_site(client, home):
    assert quick_exit_targets(client.get("/").content.decode())[0] == settings.NEXUS_QUICK_EXIT_DEFAULT_URL


def test_anonymous_public_pages_set_no_cookie(client, page_urls):
    for url in [*page_urls, "/en/", "/ar/", "/sida-som-inte-finns/"]:
        response = client.get(url)
        assert response.cookies == {}, url
        assert "Set-Cookie" not in response.headers, url


def test_footer_has_help_numbers_collaboration_sentence_and_partners(client, organisations):
    html = client.get("/").content.decode()
    assert 'href="tel:112"' in html
    assert 'href="tel:+4620505050"' in html
    assert "020-50 50 50" in html
    assert (
        "Nexus resurscentrum mot hedersrelaterat våld är ett samarbete mellan kommunerna i Uppsala län, "
        "Länsstyrelsen Uppsala län, Polismyndigheten och Region Uppsala." in html
    )
    for partner in organisations:
        assert partner.name in html


def test_no_inline_script_style_or_handlers_in_public_pages(client, page_urls):
    for url in page_urls:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html), url
        assert " style=" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url


RESOURCE_ATTRIBUTE = re.compile(r"""(?:src|srcset|href|action|data)\s*=\s*["']([^"']+)["']|url\(([^)]+)\)""")


def _foreign_resources(text, own_hosts=("testserver",)):
    """Absolute or protocol-relative resource URLs (anchors to other sites are links, not loads)."""
    found = []
    for tag in re.findall(r"<(?!a\s)[a-z]+[^>]*>", text) + re.findall(r"url\([^)]*\)|@import[^;]+", text):
        for match in RESOURCE_ATTRIBUTE.finditer(tag):
            value = (match.group(1) or match.group(2) or "").strip("'\" ")
            if value.startswith(("http://", "https://", "//")) and urlsplit(value).hostname not in own_hosts:
                found.append(value)
    return found


def test_templates_and_static_reference_no_other_host():
    roots = [Path(settings.BASE_DIR) / "templates", Path(settings.BASE_DIR) / "nexus_cms" / "static"]
    offenders = []
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix in {".html", ".css", ".js", ".txt", ".xml"}:
                for url in _foreign_resources(path.read_text()):
                    offenders.append((str(path), url))
    assert offenders == []


def test_rendered_pages_load_nothing_from_other_hosts(client, page_urls):
    own_hosts = {"testserver", *Site.objects.values_list("hostname", flat=True)}
    for url in page_urls:
        assert _foreign_resources(client.get(url).content.decode(), own_hosts) == [], url


def test_the_foreign_resource_check_can_fail():
    assert _foreign_resources('<link rel="stylesheet" href="https://fonts.example/x.css">') == [
        "https://fonts.example/x.css"
    ]
    assert _foreign_resources('<a href="https://www.smhi.se/">ok</a>') == []
