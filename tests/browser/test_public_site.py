"""The public site in a real browser: the quick exit, and every page type in Swedish and Arabic.

All browser tests live in this one module so that ``--dist loadfile`` keeps them on one xdist
worker: one demo build, one live server, one crawl.

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
from django.urls import reverse
from playwright.sync_api import expect

from tests.helpers.browser import LANGUAGES, WIDTHS, page_for

# (model label, Swedish slug or None[, languages]): the page of that model in each language is the
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
    ("home.AudiencePage", "utsatt"),
    ("home.AudiencePage", "anhorig"),
    ("home.AudiencePage", "yrkesverksam"),
    ("home.AudiencePage", "samverkan"),
    ("home.AudiencePage", "om-hedersrelaterat-vald"),
    ("home.AudiencePage", "latt-svenska", ("sv",)),
    ("news.NewsPage", None),
    ("training.TrainingPage", None),
    ("press.PressReleasePage", None),
]

# Pages that are not Wagtail pages: (name, {language: path}).
OTHER_PAGES = [
    ("search results", {"sv": "/sok/?q=sidan", "ar": "/ar/sok/?q=الصفحة"}),
    ("search without results", {"sv": "/sok/?q=xyzzy", "ar": "/ar/sok/?q=xyzzy"}),
    ("404", {"sv": "/finns-inte/", "ar": "/ar/finns-inte/"}),
]
# The booking form's own page (the cached training page links to it); its canonical is the training.
BOOKING_FORM = "booking form"


def urls_to_visit():
    urls = []
    for label, slug, *only in PAGE_TYPES:
        for language in only[0] if only else LANGUAGES:
            urls.append((f"{label} {slug or ''}".strip(), language, page_for(label, slug, language).url))
    for name, paths in OTHER_PAGES:
        for language in LANGUAGES:
            urls.append((name, language, paths[language]))
    for language in LANGUAGES:
        training = page_for("training.TrainingPage", None, language)
        urls.append((BOOKING_FORM, language, reverse("training:book", args=[training.pk])))
    return urls


@dataclass
class Visit:
    name: str
    language: str
    url: str
    status: int = 0
    html: str = ""
    violations: dict = field(default_factory=dict)  # width -> list of "rule: target"
    overflow: dict = field(default_factory=dict)  # width -> horizontal overflow in CSS pixels
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
                # Reflow (WCAG 1.4.10): nothing may push the page wider than the viewport.
                visit.overflow[width] = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            # Cookies are never cleared in between: any cookie shows up at the first page that set it.
            visit.cookies = context.cookies()
            visits.append(visit)
    context.close()
    return visits


def test_every_listed_page_was_visited(crawl):
    expected = sum(len(row[2]) if len(row) > 2 else len(LANGUAGES) for row in PAGE_TYPES)
    assert len(crawl) == expected + len(OTHER_PAGES) * len(LANGUAGES) + len(LANGUAGES)  # + the booking forms
    expected = {"404": 404}
    assert [(str(v), v.status) for v in crawl] == [(str(v), expected.get(v.name, 200)) for v in crawl]


def test_axe_finds_no_violations_in_swedish_and_arabic_on_mobile_and_desktop(crawl):
    problems = {f"{visit} @{width}px": found for visit in crawl for width, found in visit.violations.items() if found}
    assert problems == {}


def test_no_page_scrolls_sideways_on_mobile_or_desktop(crawl):
    wide = {f"{visit} @{width}px": extra for visit in crawl for width, extra in visit.overflow.items() if extra > 0}
    assert wide == {}


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
            if visit.name == BOOKING_FORM:
                assert "/utbildningar/anmalan/" not in meta["canonical"], visit
            else:
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


# --- Quick exit ----------------------------------------------------------------------

# A long page, so that there is something to scroll past.
LONG_PAGE = "/sakerhet/"


def open_with_history(new_page, **options):
    """A page opened after another page of the site, so that there is history to keep."""
    page = new_page(**options)
    page.goto("/")
    page.goto(LONG_PAGE)
    return page, page.evaluate("history.length")


def assert_left_for(page, exit_url, history_before):
    page.wait_for_url(exit_url)
    assert page.url == exit_url
    # location.replace: the exited page is not kept as a history entry.
    assert page.evaluate("history.length") == history_before
    page.go_back()
    assert page.url.endswith("/"), "Back must skip the exited page"
    assert not page.url.endswith(LONG_PAGE)


def test_click_leaves_with_location_replace(new_page, exit_url):
    page, history_before = open_with_history(new_page)
    page.locator(".quick-exit__button").click()
    assert_left_for(page, exit_url, history_before)


def test_tap_on_mobile_leaves(new_page, exit_url):
    page, history_before = open_with_history(new_page, width=375, touch=True)
    page.locator(".quick-exit__button").tap()
    assert_left_for(page, exit_url, history_before)


def test_shift_three_times_leaves(new_page, exit_url):
    page, history_before = open_with_history(new_page)
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_for(page, exit_url, history_before)


def test_shift_twice_then_another_key_does_not_leave(new_page, demo_site):
    page, history_before = open_with_history(new_page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.get_attribute("html", "data-quick-exit-presses") == "2"
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == f"{demo_site.url}{LONG_PAGE}"
    assert page.get_attribute("html", "data-quick-exit-presses") == "1"


def test_shift_used_for_typing_does_not_count(new_page, demo_site):
    page, _history = open_with_history(new_page)
    search = page.locator("#site-search-q")
    search.click()
    # Three capital letters and three Shift+Tab: Shift as a modifier is typing, not an exit.
    for key in ("Shift+H", "Shift+E", "Shift+J"):
        page.keyboard.press(key)
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    page.wait_for_timeout(300)
    assert page.url == f"{demo_site.url}{LONG_PAGE}"


def test_progress_is_announced_for_screen_readers(new_page):
    page, _history = open_with_history(new_page)
    status = page.locator("[data-quick-exit-status]")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    assert status.inner_text() == "Tryck på Skift två gånger till för att lämna sidan"
    page.keyboard.press("Shift")
    assert status.inner_text() == "Tryck på Skift en gång till för att lämna sidan"


def test_page_is_blanked_before_the_navigation(new_page):
    page, _history = open_with_history(new_page)
    state = page.evaluate(
        """() => {
            document.querySelector('.quick-exit__button').click();
            const main = document.querySelector('main');
            return {
                blanked: document.documentElement.classList.contains('quick-exit-active'),
                mainDisplay: getComputedStyle(main).display,
                overlay: document.querySelector('.quick-exit-overlay[role=alert]') !== null,
                title: document.title,
            };
        }"""
    )
    assert state["blanked"] is True
    assert state["mainDisplay"] == "none"
    assert state["overlay"] is True
    assert "Skydda dig" not in state["title"]


def test_hidden_link_after_skip_link_works_by_keyboard(new_page, exit_url):
    page, history_before = open_with_history(new_page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
        " return {text: e.textContent.trim(), rel: e.rel, top: r.top, height: r.height}; })()"
    )
    assert focused["text"] == "Lämna sidan snabbt"
    assert focused["rel"] == "noreferrer nofollow"
    # Hidden until focused, then on screen.
    assert focused["top"] >= 0 and focused["height"] > 0
    page.keyboard.press("Enter")
    assert_left_for(page, exit_url, history_before)


def test_without_javascript_it_is_a_plain_link(new_page, exit_url):
    page = new_page(javascript=False)
    page.goto(LONG_PAGE)
    button = page.locator(".quick-exit__button")
    assert button.get_attribute("href") == exit_url
    assert button.get_attribute("rel") == "noreferrer nofollow"
    button.click()
    page.wait_for_url(exit_url)


@pytest.mark.parametrize("width", WIDTHS)
def test_button_stays_at_the_top_and_uncovered_after_scrolling(new_page, width):
    page = new_page(width=width)
    page.goto(LONG_PAGE)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("window.scrollY > 200")
    box = page.locator(".quick-exit__button").bounding_box()
    bar = page.locator(".quick-exit").bounding_box()
    assert bar["y"] == 0
    assert 0 <= box["y"] < 80
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # Nothing lies on top of the button's centre.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.quick-exit__button') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top
    if width < 640:
        # Full width on small screens: easy to hit with a thumb.
        assert box["width"] >= width - 40


# --- Main navigation -------------------------------------------------------------------

EXIT_ON_TOP = """() => {
    const button = document.querySelector('.quick-exit__button');
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.top >= 0 && box.bottom <= innerHeight && button.contains(hit);
}"""


def home_path(language):
    return "/" if language == "sv" else f"/{language}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_menu_opens_and_closes_by_keyboard_and_never_covers_the_exit(new_page, axe_script, language):
    page = new_page(width=375)
    page.goto(home_path(language))
    toggle = page.locator(".main-nav__toggle")
    links = page.locator(".main-nav__link")
    assert toggle.is_visible()
    assert not links.first.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    assert links.count() >= 3
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement === document.querySelector('.main-nav__link')")
    # The open menu is in the page flow: the sticky exit stays on top, also when scrolled.
    assert page.evaluate(EXIT_ON_TOP)
    page.evaluate("window.scrollTo(0, 300)")
    assert page.evaluate(EXIT_ON_TOP)
    page.locator(".quick-exit__button").click(trial=True)  # actionable: visible, not covered
    # axe checks the page at rest (scrolled, the sticky exit lies over the first link's target).
    page.evaluate("window.scrollTo(0, 0)")
    assert run_axe(page, axe_script) == []
    toggle.focus()
    page.keyboard.press("Space")
    assert not links.first.is_visible()
    # The button sits at the inline start: left in Swedish, right in Arabic.
    box = toggle.bounding_box()
    gap_at_inline_start = {"sv": box["x"], "ar": 375 - box["x"] - box["width"]}[language]
    assert gap_at_inline_start <= 24


@pytest.mark.parametrize("language", LANGUAGES)
def test_desktop_menu_is_always_open_without_a_button(new_page, language):
    page = new_page(width=1280)
    page.goto(home_path(language))
    assert not page.locator(".main-nav__toggle").is_visible()
    links = page.locator(".main-nav__link")
    assert links.count() >= 3
    for index in range(links.count()):
        assert links.nth(index).is_visible()
    links.first.focus()
    assert page.evaluate("document.activeElement === document.querySelector('.main-nav__link')")
    assert page.evaluate(EXIT_ON_TOP)


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_menu_works_without_javascript(new_page, language):
    # No page.evaluate here: with scripts disabled it never returns. Playwright's own checks
    # (visibility, focus, a trial click's hit test) run outside the page's scripts.
    page = new_page(width=375, javascript=False)
    page.goto(home_path(language))
    toggle = page.locator(".main-nav__toggle")
    links = page.locator(".main-nav__link")
    exit_button = page.locator(".quick-exit__button")
    assert toggle.is_visible()
    assert not links.first.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    assert links.count() >= 3
    page.keyboard.press("Tab")
    expect(links.first).to_be_focused()
    page.mouse.wheel(0, 300)
    exit_button.click(trial=True)  # visible and the topmost element at its centre
    assert exit_button.bounding_box()["y"] >= 0
    toggle.focus()
    page.keyboard.press("Space")
    assert not links.first.is_visible()
