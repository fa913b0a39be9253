"""The digital screens in a real browser: every slide of an approved campaign at 1080×1920
(portrait) and 1920×1080 (landscape), with axe-core (WCAG 2.2 AA and best practice) finding
nothing, nothing cut off or scrolling, no cookie and no request elsewhere; the slides rotate on
their own; a draft campaign and a change waiting for approval never show.

One screenshot per slide and size goes to the test artefacts folder: ``NEXUS_TEST_ARTEFACTS``
(default ``<temp dir>/nexus-test-artefacts``), ``screens/<slug>-<n>-<width>x<height>.png``;
never the source tree.
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, Workflow

from channels.models import Campaign
from workflows.editorial import APPROVAL_WORKFLOW
from workflows.models import Organisation
from workflows.snippets import publish_initial

SIZES = [(1080, 1920), (1920, 1080)]
AXE_TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']"
ARTEFACTS = Path(os.environ.get("NEXUS_TEST_ARTEFACTS", Path(tempfile.gettempdir()) / "nexus-test-artefacts"))
SLIDE_TEXTS = [
    "Du är inte ensam. Nexus ger stöd till dig som utsätts för hedersrelaterat våld.",
    "Är du orolig för någon? Ring oss, vi lyssnar och hjälper dig vidare.",
    "Kunskap och utbildning för dig som möter unga i ditt arbete – skanna koden.",
]
ARABIC_TEXTS = ["لست وحدك. نحن هنا لمساعدتك.", "اتصل بنا، نحن نستمع إليك."]


def image_of(organisation, title, colour):
    return get_image_model().objects.create(
        title=title,
        file=get_test_image_file(filename=f"{title}.png", colour=colour, size=(1600, 900)),
        collection=Collection.objects.get(name=organisation.name),
        credit="Foto: Anna Berg",
    )


def make_campaign(organisation, slug, texts, language="sv", link_page=None, live=True):
    slides = [
        (
            "slide",
            {
                "image": image_of(organisation, f"{slug}-{n}", colour),
                "alt_text": f"Bild {n} till kampanjen",
                "text": text,
                "link_page": link_page if n == len(texts) else None,
            },
        )
        for n, (text, colour) in enumerate(zip(texts, ["#3a6ea5", "#5c8a3a", "#8a3a5c"], strict=False), start=1)
    ]
    campaign = Campaign.objects.create(
        title=f"Kampanj {slug}", slug=slug, organisation=organisation, language=language, slides=slides, live=live
    )
    if live:
        return publish_initial(campaign)
    campaign.save_revision()
    return campaign


@pytest.fixture(scope="module")
def campaigns(demo_site, django_db_blocker):
    with django_db_blocker.unblock():
        uppsala = Organisation.objects.get(slug="uppsala-kommun")
        page = Page.objects.live().public().filter(depth=3, locale__language_code="sv").first()
        live = make_campaign(uppsala, "skarm-sv", SLIDE_TEXTS, link_page=page)
        arabic = make_campaign(uppsala, "skarm-ar", ARABIC_TEXTS, language="ar")
        draft = make_campaign(uppsala, "skarm-utkast", ["Ett utkast som ingen har godkänt."], live=False)
        # A change of the live campaign, submitted and waiting for Projektledning.
        pending = Campaign.objects.get(pk=live.pk)
        pending.slides = [("slide", {**dict(pending.slides[0].value), "text": "Ändring som väntar på godkännande."})]
        pending.save_revision()
        Workflow.objects.get(name=APPROVAL_WORKFLOW).start(Campaign.objects.get(pk=live.pk), None)
    yield {"sv": live, "ar": arabic, "draft": draft}


def run_axe(page, axe_script):
    page.evaluate(axe_script)
    result = page.evaluate(
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {AXE_TAGS}}}, resultTypes: ['violations']}})"
    )
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


@pytest.fixture
def screen_page(browser, demo_site):
    contexts = []

    def make(width, height):
        context = browser.new_context(base_url=demo_site.url, viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        own = urlsplit(demo_site.url).netloc
        page.foreign = []
        page.on(
            "request", lambda request: urlsplit(request.url).netloc in (own, "") or page.foreign.append(request.url)
        )
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize(("width", "height"), SIZES, ids=["portrait", "landscape"])
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_every_slide_renders_accessibly_at_both_orientations(
    screen_page, campaigns, axe_script, width, height, language
):
    campaign = campaigns[language]
    texts = SLIDE_TEXTS if language == "sv" else ARABIC_TEXTS
    folder = ARTEFACTS / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    page = screen_page(width, height)
    # A frozen clock: the slide under test stays while it is checked.
    page.clock.install()
    for number, text in enumerate(texts, start=1):
        response = page.goto(f"/skarm/{campaign.slug}/?slide={number}")
        assert response.status == 200
        shown = page.locator(".screen__slide:not([hidden])")
        expect(shown).to_have_count(1)
        expect(shown.locator("h1")).to_have_text(text)
        expect(shown.locator("img.screen__image")).to_be_visible()
        page.wait_for_function("[...document.images].every(image => image.complete && image.naturalWidth > 0)")
        assert run_axe(page, axe_script) == []
        # Full screen: nothing scrolls, nothing of the message is cut off.
        overflow = page.evaluate(
            "[document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]"
        )
        assert overflow == [0, 0]
        message = shown.locator(".screen__message")
        assert message.evaluate("element => element.scrollHeight <= element.clientHeight")
        picture, box = shown.locator(".screen__picture").bounding_box(), message.bounding_box()
        if width > height:
            assert picture["y"] == box["y"]  # side by side
        else:
            assert picture["y"] + picture["height"] <= box["y"]  # picture above the message
        # Large type: at least 48 CSS pixels on a 1080-pixel side.
        assert float(shown.locator("h1").evaluate("element => parseFloat(getComputedStyle(element).fontSize)")) >= 48
        page.screenshot(path=str(folder / f"{campaign.slug}-{number}-{width}x{height}.png"))
        assert (folder / f"{campaign.slug}-{number}-{width}x{height}.png").stat().st_size > 0
    assert page.context.cookies() == []
    assert page.foreign == []
    assert page.evaluate("document.documentElement.lang") == language
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")


def test_the_last_slide_shows_a_qr_code_drawn_on_the_server(screen_page, campaigns):
    page = screen_page(1920, 1080)
    page.clock.install()
    page.goto(f"/skarm/{campaigns['sv'].slug}/?slide=3")
    qr = page.locator(".screen__slide:not([hidden]) .screen__qr img")
    expect(qr).to_be_visible()
    page.wait_for_function("document.querySelector('.screen__slide:not([hidden]) .screen__qr img').naturalWidth > 0")
    size = qr.bounding_box()
    assert size["width"] >= 200
    assert size["width"] == size["height"]


def test_the_slides_rotate_and_the_screen_reloads_after_the_last(screen_page, campaigns):
    campaign = campaigns["sv"]
    page = screen_page(1080, 1920)
    page.clock.install()
    page.goto(f"/skarm/{campaign.slug}/")
    shown = page.locator(".screen__slide:not([hidden]) h1")
    expect(shown).to_have_text(SLIDE_TEXTS[0])
    page.clock.run_for(campaign.seconds_per_slide * 1000)
    expect(shown).to_have_text(SLIDE_TEXTS[1])
    page.clock.run_for(campaign.seconds_per_slide * 1000)
    expect(shown).to_have_text(SLIDE_TEXTS[2])
    # After the last slide the screen loads itself again (fresh content) and starts over.
    with page.expect_navigation(url=f"**/skarm/{campaign.slug}/"):
        page.clock.run_for(campaign.seconds_per_slide * 1000)
    expect(page.locator(".screen__slide:not([hidden]) h1")).to_have_text(SLIDE_TEXTS[0])


def test_no_unapproved_campaign_or_change_ever_shows(screen_page, campaigns):
    page = screen_page(1920, 1080)
    response = page.goto(f"/skarm/{campaigns['draft'].slug}/")
    assert response.status == 404
    assert "Ett utkast som ingen har godkänt." not in page.content()
    for number in (1, 2, 3):
        page.goto(f"/skarm/{campaigns['sv'].slug}/?slide={number}")
        assert "Ändring som väntar på godkännande." not in page.content()
