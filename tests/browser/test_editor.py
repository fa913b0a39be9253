"""The page editor in a real browser, with Wagtail 8's autosave on (every 500 ms).

Two races seen on the demo site (issue "Close the editorial boundary", item 12):

* a communicator types a title and a lead into the add form and presses "submit" at once: the
  first autosave creates the page while the submit is on its way. Never a 5xx, exactly one page
  per attempt, in the workflow, no stray draft outside it.
* the project leader presses "Godkänn" in the edit view, unchanged or right after typing (an
  autosave due): never a 5xx, and the page is live exactly when the author's e-mail says so; the
  mail goes out only after the publish has committed and the page re-reads as live. Typed words
  make the leader an author of the submission, so that approval is refused (four eyes).

The live server runs in this process, so the locmem mail backend of the test settings collects
its mails in ``django.core.mail.outbox``. Users are signed in by a session cookie made with
Django's test client (the sign-in form is tested in tests/accounts). Each attempt uses a fresh
title, so the attempts never depend on each other.
"""

import time

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from news.models import NewsIndexPage, NewsPage
from tests.factories import organisation, section_of

# Pauses between the last keystroke and the press: before, around and after the first autosave.
PAUSES_MS = (0, 150, 450, 600, 900)
PUBLISHED_LINE = "Sidan är publicerad:"


def sign_in(context, demo_site, username):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": demo_site.url,
            }
        ]
    )


@pytest.fixture
def editor(browser, demo_site):
    """editor(username) -> a browser page signed in as that demo user, recording every response."""
    contexts = []

    def make(username):
        context = browser.new_context(base_url=demo_site.url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        sign_in(context, demo_site, username)
        page = context.new_page()
        page.responses = []
        page.on(
            "response", lambda response: page.responses.append((response.status, response.request.method, response.url))
        )
        return page

    yield make
    for context in contexts:
        context.close()


def server_errors(page):
    return [entry for entry in page.responses if entry[0] >= 500]


def press_action(page, selector):
    """Press an action of the editor's footer menu, opening the menu if the action is folded in it."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def settle(page):
    """Wait until the page has loaded and no autosave or other request is still under way."""
    page.wait_for_load_state("networkidle")


@pytest.fixture
def heby_section(demo_site):
    return section_of(NewsIndexPage, organisation("heby-kommun"))


def pages_under(section):
    return {page.pk: page for page in Page.objects.child_of(section).specific()}


def test_communicator_types_and_submits_at_once(editor, heby_section):
    page = editor("kommunikator-heby-kommun")
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", heby_section.pk))
    for attempt, pause in enumerate(PAUSES_MS):
        title = f"Krocktest {attempt} {time.monotonic_ns()}"
        before = pages_under(heby_section)
        page.goto(add_url)
        page.fill("#id_title", "")
        page.locator("#id_title").press_sequentially(title, delay=10)
        page.locator("#id_lead").press_sequentially("Ingressen skrivs och skickas direkt.", delay=5)
        page.wait_for_timeout(pause)
        with page.expect_navigation():
            press_action(page, "button[name='action-submit']")
        settle(page)
        assert server_errors(page) == [], (attempt, pause)

        new = {pk: p for pk, p in pages_under(heby_section).items() if pk not in before}
        assert [p.title for p in new.values()] == [title], (attempt, pause)
        [created] = new.values()
        created = NewsPage.objects.get(pk=created.pk)
        assert not created.live
        state = created.current_workflow_state
        assert state is not None, (attempt, pause)
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert created.latest_revision.content["title"] == title
    # No draft of these attempts stands outside the workflow.
    strays = [
        p.title
        for p in pages_under(heby_section).values()
        if p.title.startswith("Krocktest") and getattr(p.current_workflow_state, "status", None) != "in_progress"
    ]
    assert strays == []


def submitted_news(section, author, title):
    from wagtail.models import Page as WagtailPage

    page = NewsPage(title=title, lead="Inskickad för godkännande.", live=False)
    WagtailPage.objects.get(pk=section.pk).add_child(instance=page)
    revision = page.save_revision(user=author)
    page.get_workflow().start(page, author)
    return page, revision


def told_published(author, news):
    """The author's approval mails about ``news`` that say it is published."""
    edit_path = reverse("wagtailadmin_pages:edit", args=[news.pk])
    return [m for m in mail.outbox if m.to == [author.email] and edit_path in m.body and PUBLISHED_LINE in m.body]


def approve_attempts(editor, section, types):
    """The leader opens each freshly submitted page, types (or not), waits ``pause`` and presses
    "Godkänn"; yields (pause, the page re-read, the author's "published" mails)."""
    from django.contrib.auth import get_user_model

    author = get_user_model().objects.get(username="kommunikator-heby-kommun")
    page = editor("projektledare")
    lead = page.locator("#id_lead")
    for attempt, pause in enumerate(PAUSES_MS):
        news, _revision = submitted_news(section, author, f"Godkänntest {int(types)} {attempt} {time.monotonic_ns()}")
        mail.outbox.clear()
        page.goto(reverse("wagtailadmin_pages:edit", args=[news.pk]))
        if types:
            # The autosave is due 500 ms after the last keystroke.
            lead.press("End")
            lead.press_sequentially(" Projektledaren ändrar.", delay=5)
        page.wait_for_timeout(pause)
        with page.expect_navigation():
            press_action(page, "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
        settle(page)
        assert server_errors(page) == [], (attempt, pause)
        news = NewsPage.objects.get(pk=news.pk)
        mails = told_published(author, news)
        # The page is live exactly when the author is told so.
        # What a failure needs to be understood: mails, revisions (by whom), the page's POSTs.
        outbox = [(m.to, m.subject) for m in mail.outbox]
        revisions = list(news.revisions.order_by("pk").values_list("pk", "user__username"))
        requests = [entry for entry in page.responses if entry[1] == "POST"]
        assert news.live == bool(mails), (attempt, pause, outbox, revisions, news.live_revision_id, requests)
        yield pause, news, mails


def test_project_leader_approves_an_unchanged_page_from_the_edit_view(editor, heby_section):
    for pause, news, mails in approve_attempts(editor, heby_section, types=False):
        assert news.live, pause
        assert news.live_revision_id == news.latest_revision_id, pause
        assert news.current_workflow_state is None, pause
        assert len(mails) == 1, pause
        assert Client().get(news.url).status_code == 200, pause


def test_project_leader_who_types_and_approves_while_the_autosave_is_due_publishes_nothing(editor, heby_section):
    """The leader's own words are in the submission: another leader has to approve it."""
    for pause, news, mails in approve_attempts(editor, heby_section, types=True):
        assert not news.live, pause
        assert mails == [], pause
        assert news.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS, pause
        assert Client().get(news.url).status_code == 404, pause
