"""Every public page type in Swedish and Arabic, at 375 and 1280 px, in a real browser.

One crawl (the module fixture ``crawl``) visits each page once per language, runs axe-core at
both widths, and records the network requests, cookies and the server's HTML; the tests below
then assert on what it recorded. Add a row to ``PAGE_TYPES`` for every new page model.
"""

import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from wagtail.models import Locale

from .conftest import LANGUAGES, WIDTHS

# (model label, Swedish slug or None): the page of that model in each language is the
# translation of the Swedish page with that slug, or else the first live public page in that
# language. A row with no live page in a language fails the suite (the demo content must have it).
PAGE_TYPES = [
    ("home.HomePage", None),
    ("home.StandardPage", "om-nexus"),
    ("home.StandardPage", "sakerhet"),
    ("home.StandardPage", "tillganglighet"),
    ("news.NewsIndexPage", None),
    ("news.NewsSectionPage", None),
    ("training.TrainingIndexPage", None),
    ("training.TrainingSectionPage", None),
    ("press.PressRoomPage", None),
    ("press.PressSectionPage", None),
    # Added by the lead as the content branches merge (their demo content provides the pages):
    # ("home.AudiencePage", "utsatt"), ("news.NewsPage", None),
    # ("training.TrainingPage", None), ("press.PressReleasePage", None),
]

# Pages that are not Wagtail pages: (name, {language: path}).
OTHER_PAGES = [
    ("search results", {"sv": "/sok/?q=sidan", "ar": "/ar/sok/?q=الصفحة"}),
    ("search without results", {"sv": "/sok/?q=xyzzy", "ar": "/ar/sok/?q=xyzzy"}),
    ("404", {"sv": "/finns-inte/", "ar": "/ar/finns-inte/"}),
]


def page_for(label, slug, language):
    model = apps.get_model(label)
    locale = Locale.objects.get(language_code=language)
    pages = model.objects.live().public()
    if slug:
        source = pages.filter(locale=Locale.get_default(), slug=slug).first()
        page = source and pages.filter(locale=locale, translation_key=source.translation_key).first()
    else:
        page = pages.filter(locale=locale).order_by("path").first()
    if page is None:
        pytest.fail(f"No live {label} {slug or ''} in '{language}' in the demo content", pytrace=False)
    return page


def urls_to_visit():
    urls = []
    for label, slug in PAGE_TYPES:
        for language in LANGUAGES:
            urls.append((f"{label} {slug or ''}".strip(), language, page_for(label, slug, language).url))
    for name, paths in OTHER_PAGES:
        for language in LANGUAGES:
            urls.append((name, language, paths[language]))
    return urls


@dataclass
class Visit:
    name: str
    language: str
    url: str
    status: int = 0
    html: str = ""
    violations: dict = field(default_factory=dict)  # width -> list of "rule: target"
    foreign_requests: list = field(default_factory=list)
    cookies: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    def __str__(self):
        return f"{self.name} [{self.language}] {self.url}"


def run_axe(page, axe_script):
    page.evaluate(axe_script)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
        " 'wcag22aa', 'best-practice']}, resultTypes: ['violations']})"
    )
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


META_SCRIPT = """() => {
    const meta = {};
    for (const tag of document.querySelectorAll('meta[property^="og:"]')) {
        meta[tag.getAttribute('property')] = tag.content;
    }
    const canonical = document.querySelector('link[rel=canonical]');
    meta.canonical = canonical ? canonical.href : null;
    meta.lang = document.documentElement.lang;
    meta.dir = document.documentElement.dir;
    return meta;
}"""


@pytest.fixture(scope="module")
def crawl(browser, demo_site, axe_script, django_db_blocker):
    """Visit every page once per language in one cookie-less context, as a first-time reader."""
    own = urlsplit(demo_site.url).netloc
    context = browser.new_context(base_url=demo_site.url, viewport={"width": WIDTHS[-1], "height": 900})
    page = context.new_page()
    current = {}

    def record(request):
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != own:
            current["visit"].foreign_requests.append(request.url)

    page.on("request", record)
    visits = []
    with django_db_blocker.unblock():  # for the lookups and the live server thread
        for name, language, url in urls_to_visit():
            visit = current["visit"] = Visit(name, language, url)
            page.set_viewport_size({"width": WIDTHS[-1], "height": 900})
            response = page.goto(url, wait_until="load")
            visit.status = response.status
            visit.html = response.text()
            visit.meta = page.evaluate(META_SCRIPT)
            for width in reversed(WIDTHS):
                page.set_viewport_size({"width": width, "height": 900})
                visit.violations[width] = run_axe(page, axe_script)
            # Cookies are never cleared in between: any cookie shows up at the first page that set it.
            visit.cookies = context.cookies()
            visits.append(visit)
    context.close()
    return visits


def test_every_listed_page_was_visited(crawl):
    assert len(crawl) == (len(PAGE_TYPES) + len(OTHER_PAGES)) * len(LANGUAGES)
    expected = {"404": 404}
    assert [(str(v), v.status) for v in crawl] == [(str(v), expected.get(v.name, 200)) for v in crawl]


def test_axe_finds_no_violations_in_swedish_and_arabic_on_mobile_and_desktop(crawl):
    problems = {f"{visit} @{width}px": found for visit in crawl for width, found in visit.violations.items() if found}
    assert problems == {}


def test_no_request_to_any_other_host(crawl):
    assert {str(visit): visit.foreign_requests for visit in crawl if visit.foreign_requests} == {}


def test_no_cookie_is_set(crawl):
    assert {str(visit): visit.cookies for visit in crawl if visit.cookies} == {}


def test_language_and_direction(crawl):
    for visit in crawl:
        assert visit.meta["lang"] == visit.language, visit
        assert visit.meta["dir"] == ("rtl" if visit.language == "ar" else "ltr"), visit


def test_open_graph_and_canonical_on_every_page(crawl):
    og_locales = {"sv": "sv_SE", "ar": "ar_AR"}
    for visit in crawl:
        meta = visit.meta
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name"):
            assert meta.get(prop), (visit, prop)
        assert meta["og:locale"] == og_locales[visit.language], visit
        if visit.name == "404":
            assert meta["canonical"] is None, visit
        else:
            assert meta["canonical"].startswith("http"), visit
            assert urlsplit(meta["canonical"]).path == urlsplit(visit.url).path, visit
            assert meta["og:url"] == meta["canonical"], visit


def test_html_is_valid(crawl, vnu_command):
    with tempfile.TemporaryDirectory() as directory:
        files = {}
        for number, visit in enumerate(crawl):
            path = Path(directory) / f"page-{number}.html"
            path.write_text(visit.html, encoding="utf-8")
            files[path.as_uri()] = visit
        result = subprocess.run(  # noqa: S603 (fixed command, our own files)
            [*vnu_command, *[str(Path(uri[len("file://") :])) for uri in files]],
            capture_output=True,
            text=True,
            timeout=120,
        )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(message.get('url'), message.get('url'))}: line {message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error"
    ]
    assert errors == []
    assert result.returncode == 0


def test_keyboard_focus_is_always_visible(new_page):
    page = new_page()
    page.goto("/")
    seen = []
    for _ in range(14):
        page.keyboard.press("Tab")
        focus = page.evaluate(
            """() => {
                const element = document.activeElement;
                const style = getComputedStyle(element);
                const box = element.getBoundingClientRect();
                return {
                    name: element.tagName + ' ' + (element.textContent || element.name || '').trim().slice(0, 30),
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                    shadow: style.boxShadow !== 'none',
                    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
                };
            }"""
        )
        seen.append(focus["name"])
        assert focus["outline"] or focus["shadow"], focus
        assert focus["onScreen"], focus
    # The tab order starts with the skip link, then the hidden quick exit, then the button.
    assert seen[0].startswith("A Hoppa till innehållet")
    assert seen[1].startswith("A Lämna sidan snabbt")
    assert seen[2].startswith("A Lämna sidan snabbt")


def test_search_works_by_keyboard_alone(new_page):
    page = new_page(width=375)
    page.goto("/")
    page.focus("#site-search-q")
    page.keyboard.type("historiken")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=historiken")
    assert page.locator(".search-results__title a").first.inner_text() == "Skydda dig på nätet"


def test_print_drops_navigation_search_and_the_exit_button(new_page):
    page = new_page()
    page.goto("/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.quick-exit', '.skip-link', '.language-switcher', '.site-search', '.site-footer__links']
            .map(selector => [selector, [...document.querySelectorAll(selector)]
                .every(element => getComputedStyle(element).display === 'none')])"""
    )
    assert dict(hidden) == dict.fromkeys(dict(hidden), True)
    assert page.locator("main h1").is_visible()
