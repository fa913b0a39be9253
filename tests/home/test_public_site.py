"""The public site for machines and for readers: robots.txt, meta tags, 404/500, service pages."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import engines
from django.template.loader import get_template
from django.test import override_settings
from django.urls import path
from wagtail.models import Page

from demo.loader import ensure_demo_users, load_standard_pages, translator_and_approver
from home.models import HomePage, StandardPage
from tests.factories import add_page


def boom(request):
    raise RuntimeError("the database is gone")


urlpatterns = [path("boom/", boom)]


def meta(html, prop):
    found = re.search(rf'<meta property="{prop}" content="([^"]*)">', html)
    return found and found.group(1)


def canonical(html):
    found = re.search(r'<link rel="canonical" href="([^"]*)">', html)
    return found and found.group(1)


def test_robots_txt_points_at_the_sitemap_with_an_absolute_url(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text.splitlines()
    assert response.cookies == {}


def test_robots_txt_is_not_under_a_language_prefix(client, db):
    assert client.get("/en/robots.txt").status_code == 404


@pytest.mark.parametrize("language", ["sv", "en", "ar"])
def test_open_graph_and_canonical_on_pages(client, home, language):
    home_page = HomePage.objects.get(depth=2, locale__language_code=language)
    page = add_page(home_page, StandardPage, "Sida med ingress", lead="En kort ingress.")
    html = client.get(page.url).content.decode()
    assert canonical(html) == page.full_url
    assert meta(html, "og:url") == page.full_url
    assert meta(html, "og:title") == "Sida med ingress"
    assert meta(html, "og:description") == "En kort ingress."
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:locale") == {"sv": "sv_SE", "en": "en_GB", "ar": "ar_AR"}[language]
    assert meta(html, "og:site_name")


def test_open_graph_description_falls_back_to_the_site_description(client, home):
    html = client.get("/nyheter/").content.decode()
    assert meta(html, "og:description") == "Stöd och kunskap mot hedersrelaterat våld i Uppsala län."


def test_the_404_page_is_in_the_site_design_with_search_and_no_canonical(client, home):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan hittades inte" in html
    assert 'class="quick-exit' in html
    assert 'href="tel:112"' in html
    assert 'role="search"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert canonical(html) is None
    assert response.cookies == {}


def test_the_404_page_in_arabic_links_to_the_arabic_home(client, home):
    html = client.get("/ar/finns-inte/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/"' in html


def test_the_500_template_is_static():
    source = (Path(settings.BASE_DIR) / "templates" / "500.html").read_text()
    # Only a comment: no tag, variable, setting or URL lookup that could need the database.
    assert "{%" not in source
    assert "{{" not in source
    assert 'class="quick-exit__button"' in source
    assert 'rel="noreferrer nofollow"' in source
    assert 'href="tel:112"' in source
    assert 'href="/sakerhet/"' in source and 'href="/tillganglighet/"' in source


def test_the_500_template_renders_without_the_database():
    # No db fixture: pytest-django makes any database access raise here.
    html = get_template("500.html").render({})
    assert "Tekniskt fel" in html
    assert "<!DOCTYPE html>" in html


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_an_error_renders_the_static_500_page(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Tekniskt fel" in html
    assert "Lämna sidan snabbt" in html


def load_demo_pages(home):
    ensure_demo_users()
    load_standard_pages(home, *translator_and_approver())


@pytest.fixture
def service_pages(home):
    load_demo_pages(home)
    return {slug: StandardPage.objects.get(locale=home.locale, slug=slug) for slug in ("sakerhet", "tillganglighet")}


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_footer_links_the_safety_page_and_the_accessibility_statement_in_each_language(client, service_pages):
    for url, links in {
        "/": ['href="/sakerhet/">Skydda dig på nätet<', 'href="/tillganglighet/">Tillgänglighetsredogörelse<'],
        "/nyheter/": ['href="/sakerhet/">', 'href="/tillganglighet/">'],
        "/finns-inte/": ['href="/sakerhet/">', 'href="/tillganglighet/">'],
        "/en/": ['href="/en/safety/">Protect yourself online<', 'href="/en/accessibility/">Accessibility statement<'],
        "/ar/": ['href="/ar/safety/">', 'href="/ar/accessibility/">'],
    }.items():
        response = client.get(url)
        html = response.content.decode()
        footer = html[html.index("<footer") :]
        for link in links:
            assert link in footer, (url, link)


def test_the_footer_falls_back_to_swedish_marked_as_swedish(client, service_pages):
    html = client.get("/fi/").content.decode()
    footer = html[html.index("<footer") :]
    assert '<a href="/sakerhet/" lang="sv">Skydda dig på nätet</a>' in footer


def test_the_safety_page_explains_what_the_button_does_and_does_not_hide(client, service_pages):
    html = page_text(client, "/sakerhet/")
    assert "<h1>Skydda dig på nätet</h1>" in html
    for text in (
        "Skift-tangenten tre gånger",
        "byts ut i historiken",
        "raderar inte <b>historiken</b>",
        "andra flikar eller fönster",
        "delad enhet eller ett delat konto",
        "Privat surfning",
        "kan i sig väcka frågor",
        "Använd en säkrare enhet",
        "Spionprogram",
        "Delade konton",
        "Platsdelning",
        "kontrollerar telefonen",
        "hederskontroll",
        "020-50 50 50",
        "112",
    ):
        assert text in html, text


def test_the_safety_page_is_translated_to_english_and_arabic(client, service_pages):
    assert "<h1>Protect yourself online</h1>" in page_text(client, "/en/safety/")
    arabic = page_text(client, "/ar/safety/")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "<h1>احمِ نفسك على الإنترنت</h1>" in arabic


def test_the_accessibility_statement_has_what_digg_requires(client, service_pages):
    html = page_text(client, "/tillganglighet/")
    assert "<h1>Tillgänglighetsredogörelse</h1>" in html
    for text in (
        "Nexus resurscentrum mot hedersrelaterat våld",  # the body and the service
        "<b>delvis förenlig</b>",  # exactly one of the three statuses
        "lagen (2018:1937)",
        "Innehåll som inte är tillgängligt",  # known gaps, with reasons
        "WCAG 1.1.1",
        "tillgänglig version",  # request accessible versions
        'href="mailto:tillganglighet@nexus.example"',  # feedback route
        'href="https://www.digg.se/tdosanmalan"',  # the route to the supervisory authority
        "självskattning",  # the method
        "bedömdes senast den 26 november 2026",  # assessment date
        "uppdaterades senast den 26 november 2026",  # last update
        "oskäligt betungande",
        "23 september 2018",
    ):
        assert text in html, text
    for other_status in ("helt förenlig", "inte förenlig"):
        assert other_status not in html
    assert 'href="https://www.digg.se/tdosanmalan"' in page_text(client, "/en/accessibility/")
    assert 'href="https://www.digg.se/tdosanmalan"' in page_text(client, "/ar/accessibility/")


def test_the_service_pages_are_found_by_search(client, service_pages):
    response = client.get("/sok/", {"q": "historiken"})
    assert "Skydda dig på nätet" in response.content.decode()


def test_loading_the_demo_pages_twice_changes_nothing(home):
    load_demo_pages(home)
    before = (Page.objects.count(), StandardPage.objects.live().count())
    load_demo_pages(home)
    assert (Page.objects.count(), StandardPage.objects.live().count()) == before
    assert StandardPage.objects.filter(slug="sakerhet").count() == 1
    assert set(
        StandardPage.objects.filter(translation_key=service_pages_key(home)).values_list(
            "locale__language_code", flat=True
        )
    ) == {"sv", "en", "ar"}


def service_pages_key(home):
    return StandardPage.objects.get(locale=home.locale, slug="sakerhet").translation_key


def test_load_demo_command_creates_the_service_pages(db):
    call_command("load_demo")
    assert StandardPage.objects.live().filter(slug__in=["sakerhet", "tillganglighet", "om-nexus"]).count() == 3


def test_print_styles_hide_navigation_search_and_the_exit_button():
    css = (Path(settings.BASE_DIR) / "nexus_cms" / "static" / "css" / "nexus.css").read_text()
    print_block = css[css.index("@media print") :]
    for selector in (".quick-exit", ".skip-link", ".language-switcher", ".site-search", ".site-header nav"):
        assert selector in print_block.split("{")[1], selector


def test_templates_parse(db):
    for name in ("home/search.html", "404.html", "components/search_form.html", "components/quick_exit.html"):
        engines["django"].get_template(name)
