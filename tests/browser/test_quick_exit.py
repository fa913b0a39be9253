"""Quick exit in a real browser: click, tap, Shift×3, the hidden link, no JavaScript, stickiness."""

import pytest

from .conftest import WIDTHS

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
