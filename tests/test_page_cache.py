"""The anonymous page cache (home/page_cache.py), through the test client as readers and editors.

Readers are separate ``Client()`` instances without cookies; editors sign in on ``client``.
Every invalidation is made the way editors make it (admin views, the workflow, the scheduled
publishing command), and the reader's copy is shown to be a cache hit first, so the fresh
answer afterwards can only come from the invalidation.
"""

import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from home.models import HelpNumber
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import admin_create, edit_form
from tests.helpers.press import approve
from tests.helpers.snippets import snippet_edit, snippet_workflow_action
from tests.helpers.training import booking_data, booking_form_url, make_training
from training.models import Booking
from workflows.editorial import PROJECT_LEADERS_GROUP
from workflows.publishing import PUBLISH_REASON_FIELD

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def read(reader, url, **extra):
    response = reader.get(url, **extra)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response


def cached(reader, url):
    """GET twice: the second answer must be the cache's."""
    first = read(reader, url)
    second = read(reader, url)
    assert second["X-Cache"] == "HIT", url
    assert second.content == first.content
    return second


def text(response):
    return response.content.decode()


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def heby(db):
    return organisation("heby-kommun")


@pytest.fixture
def news_section(heby):
    return section_of(NewsIndexPage, heby)


@pytest.fixture
def admin(make_user):
    return make_user("admin", superuser=True)


@pytest.fixture
def colleague(make_user):
    return make_user("samordnare", [PROJECT_LEADERS_GROUP])


# --- the hit path ---------------------------------------------------------------------------


def test_a_second_anonymous_request_is_a_hit_that_asks_the_database_nothing(reader, news_section):
    page = add_page(news_section, NewsPage, "Ny vägledning för skolor")
    first = read(reader, page.url)
    assert first["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        second = read(reader, page.url)
    assert second["X-Cache"] == "HIT"
    assert int(second["Age"]) >= 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert [query["sql"] for query in queries.captured_queries] == []


def test_with_the_database_cache_the_cache_read_is_the_hits_only_query(reader, news_section):
    page = add_page(news_section, NewsPage, "Ny vägledning för skolor")
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "nexus_page_cache_test"},
    }
    with override_settings(CACHES=caches):
        call_command("createcachetable", verbosity=0)
        assert read(reader, page.url)["X-Cache"] == "MISS"
        with CaptureQueriesContext(connection) as queries:
            second = read(reader, page.url)
        assert second["X-Cache"] == "HIT"
        assert "Ny vägledning för skolor" in text(second)
    [query] = queries.captured_queries
    assert "nexus_page_cache_test" in query["sql"]
    assert query["sql"].lstrip().upper().startswith("SELECT")


def test_the_query_string_is_part_of_the_key_in_any_order(reader, home):
    first = read(reader, "/nyheter/?organisation=heby-kommun&page=1")
    assert first["X-Cache"] == "MISS"
    assert read(reader, "/nyheter/?page=1&organisation=heby-kommun")["X-Cache"] == "HIT"
    assert read(reader, "/nyheter/?organisation=tierps-kommun")["X-Cache"] == "MISS"
    assert read(reader, "/nyheter/")["X-Cache"] == "MISS"


def test_head_is_answered_from_the_entry_get_stored(reader, home):
    read(reader, "/utbildningar/")
    head = reader.head("/utbildningar/")
    assert head.status_code == 200 and head["X-Cache"] == "HIT"


def test_cached_responses_set_no_cookie_and_each_language_is_its_own_entry(reader, home):
    swedish, english = cached(reader, "/"), cached(reader, "/en/")
    for url in ("/nyheter/", "/press/", "/sitemap.xml", "/nyheter/rss/", "/sok/?q=stöd", "/finns-inte/"):
        response = cached(reader, url)
        assert "Set-Cookie" not in response and response.cookies == {}, url
    assert swedish.cookies == {} and english.cookies == {}
    assert 'lang="sv"' in text(swedish) and 'lang="en"' in text(english)


def test_a_response_that_sets_a_cookie_is_never_stored(reader, news_section):
    """A password-restricted page answers with its password form and a CSRF cookie: never stored."""
    page = add_page(news_section, NewsPage, "Skyddad sida")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt")
    for _ in range(2):
        response = reader.get(page.url)
        assert "Skyddad sida" not in text(response) or 'type="password"' in text(response)
        assert response.get("X-Cache") != "HIT"


# --- editors, previews, the session cookie --------------------------------------------------


def test_signed_in_editors_neither_get_nor_fill_cached_pages(client, reader, news_section, project_leader):
    page = add_page(news_section, NewsPage, "Ny vägledning för skolor")
    client.force_login(project_leader)
    editor_view = client.get(page.url)
    assert editor_view.status_code == 200
    assert "X-Cache" not in editor_view
    assert "wagtail-userbar" in text(editor_view)
    # The editor's page (with the userbar) did not fill the cache: the reader's first read misses.
    first = read(reader, page.url)
    assert first["X-Cache"] == "MISS"
    assert "wagtail-userbar" not in text(first)
    assert read(reader, page.url)["X-Cache"] == "HIT"
    # With the reader's entry stored, the editor still gets a page of their own.
    again = client.get(page.url)
    assert "X-Cache" not in again and "wagtail-userbar" in text(again)


def test_any_session_cookie_or_authorization_header_bypasses_the_cache(reader, home):
    cached(reader, "/")
    stranger = Client()
    stranger.cookies["sessionid"] = "not-a-session"
    assert "X-Cache" not in stranger.get("/")
    assert "X-Cache" not in Client().get("/", HTTP_AUTHORIZATION="Bearer x")
    # Other cookies (a parent site's analytics under a path prefix) change nothing.
    other = Client()
    other.cookies["_pk_id"] = "1"
    assert other.get("/")["X-Cache"] == "HIT"


def test_previews_are_never_cached(client, reader, news_section, admin):
    page = add_page(news_section, NewsPage, "Publicerad rubrik")
    cached(reader, page.url)
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = edit_form(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data["title"] = "Utkastets rubrik"
    assert client.post(url, data).status_code == 200
    preview = client.get(url)
    assert preview.status_code == 200 and "Utkastets rubrik" in text(preview)
    assert "X-Cache" not in preview
    # Even a reader who knows the preview address gets no cached copy of it.
    assert "X-Cache" not in reader.get(url)
    assert "Utkastets rubrik" not in text(read(reader, page.url))


# --- invalidation: a reader never sees stale content after a change -------------------------


def test_publishing_through_the_admin_renews_the_page_listings_feeds_and_home(client, reader, news_section, admin):
    urls = ["/", "/nyheter/", "/nyheter/rss/", "/sitemap.xml", "/nyheter/heby-kommun/"]
    for url in urls:
        cached(reader, url)
    client.force_login(admin)
    # Administrators publish outside the workflow, with a reason (workflows/publishing.py).
    response = admin_create(
        client,
        news_section,
        title="Nyhet publicerad nu",
        action="publish",
        **{PUBLISH_REASON_FIELD: "Krisinformation"},
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="nyhet-publicerad-nu")
    assert page.live
    for url in urls:
        fresh = read(reader, url)
        assert fresh["X-Cache"] == "MISS", url
        assert "Nyhet publicerad nu" in text(fresh) or page.get_full_url() in text(fresh), url


def test_unpublishing_removes_the_page_from_every_cached_answer(client, reader, news_section, admin):
    page = add_page(news_section, NewsPage, "Nyhet som dras tillbaka")
    assert "Nyhet som dras tillbaka" in text(cached(reader, "/nyheter/"))
    cached(reader, page.url)
    client.force_login(admin)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})
    assert response.status_code == 302
    assert not Page.objects.get(pk=page.pk).live
    assert reader.get(page.url).status_code == 404
    assert "Nyhet som dras tillbaka" not in text(read(reader, "/nyheter/"))


def test_approval_in_the_workflow_shows_the_page_at_once(
    client, reader, news_section, heby, communicator_of, project_leader
):
    client.force_login(communicator_of(heby))
    response = admin_create(client, news_section, title="Godkänd nyhet", slug="godkand-nyhet", action="submit")
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="godkand-nyhet")
    assert not page.live
    assert "Godkänd nyhet" not in text(cached(reader, "/nyheter/"))
    approve(client, page, project_leader)
    assert page.live
    listing = read(reader, "/nyheter/")
    assert listing["X-Cache"] == "MISS" and "Godkänd nyhet" in text(listing)
    assert read(reader, page.url).status_code == 200


def test_scheduled_publishing_goes_live_in_the_cache_at_its_time(
    client, reader, news_section, heby, communicator_of, project_leader
):
    now = timezone.now().replace(microsecond=0)
    go_live = now + timedelta(seconds=60)
    with time_machine.travel(now, tick=False):
        client.force_login(communicator_of(heby))
        response = admin_create(
            client,
            news_section,
            title="Nyhet under embargo",
            action="submit",
            go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M:%S"),
        )
        assert response.status_code == 302
        page = NewsPage.objects.get(slug="nyhet-under-embargo")
        approve(client, page, project_leader)
        assert not page.live
        assert "Nyhet under embargo" not in text(cached(reader, "/nyheter/"))
    # Well within PAGE_CACHE_SECONDS: the stored listing is still current until the job runs.
    with time_machine.travel(go_live + timedelta(seconds=30), tick=False):
        assert read(reader, "/nyheter/")["X-Cache"] == "HIT"
        call_command("publish_scheduled", verbosity=0)
        assert Page.objects.get(pk=page.pk).live
        listing = read(reader, "/nyheter/")
        assert listing["X-Cache"] == "MISS" and "Nyhet under embargo" in text(listing)


def test_a_help_number_change_shows_on_every_cached_page_once_approved(client, reader, home, project_leader, colleague):
    number = HelpNumber.objects.get(service=HelpNumber.Service.KVINNOFRIDSLINJEN)
    old, new = number.number, "020-11 22 33"
    for url in ("/", "/en/", "/press/"):
        assert old in text(cached(reader, url)), url
    client.force_login(project_leader)
    snippet_edit(client, number, number=new)
    snippet_edit(client, number, action="submit")
    # A draft and a submission change nothing public, and leave the cache as it was.
    assert read(reader, "/")["X-Cache"] == "HIT"
    client.force_login(colleague)
    snippet_workflow_action(client, number, "approve")
    for url in ("/", "/en/", "/press/"):
        fresh = read(reader, url)
        assert fresh["X-Cache"] == "MISS", url
        assert new in text(fresh), url
    # (The press room's guidance text quotes the number; the home page's help numbers are the snippet.)
    assert old not in text(read(reader, "/"))


def test_a_booking_renews_the_seats_left(reader, home):
    training = make_training(capacity=5)
    assert "5 platser kvar av 5" in text(cached(reader, training.url))
    token = TOKEN.search(text(Client().get(booking_form_url(training)))).group(1)
    assert Client().post(reverse("training:book", args=[training.pk]), booking_data(token)).status_code == 302
    assert "4 platser kvar av 5" in text(read(reader, training.url))


# --- per-visitor forms on cached pages ------------------------------------------------------


def test_two_readers_of_a_cached_training_page_get_their_own_tokens_and_each_books_once(home):
    training = make_training(capacity=5)
    first_reader, second_reader = Client(), Client()
    page_for_first = read(first_reader, training.url)
    page_for_second = read(second_reader, training.url)
    assert page_for_second["X-Cache"] == "HIT"
    assert page_for_first.content == page_for_second.content
    # The shared page has no token, only the way to the form page.
    assert TOKEN.search(text(page_for_second)) is None
    assert f'href="{booking_form_url(training)}"' in text(page_for_second)

    forms = [reader.get(booking_form_url(training)) for reader in (first_reader, second_reader)]
    for form in forms:
        assert form.status_code == 200
        assert "X-Cache" not in form or form["X-Cache"] != "HIT"
        assert "private" in form["Cache-Control"] and "no-store" in form["Cache-Control"]
        assert form.cookies == {}
    tokens = [TOKEN.search(text(form)).group(1) for form in forms]
    assert tokens[0] != tokens[1]
    # The form page again: a new token, never a stored copy.
    assert TOKEN.search(text(first_reader.get(booking_form_url(training)))).group(1) not in tokens

    book = reverse("training:book", args=[training.pk])
    assert first_reader.post(book, booking_data(tokens[0], number=1)).status_code == 302
    assert second_reader.post(book, booking_data(tokens[1], number=2)).status_code == 302
    # One token books once: the first reader's token again, for another address, is refused.
    assert first_reader.post(book, booking_data(tokens[0], number=3)).status_code == 409
    assert Booking.objects.filter(training=training).count() == 2


def test_the_press_room_is_cached_and_the_subscribe_form_page_is_per_visitor(home):
    room = read(Client(), "/press/")
    assert TOKEN.search(text(room)) is None
    assert read(Client(), "/press/")["X-Cache"] == "HIT"
    url = reverse("press:subscribe")
    assert f'href="{url}?sprak=sv"' in text(room)
    first, second = Client().get(url, {"sprak": "sv"}), Client().get(url, {"sprak": "sv"})
    for form in (first, second):
        assert form.status_code == 200 and form.cookies == {}
        assert "private" in form["Cache-Control"] and "no-store" in form["Cache-Control"]
        assert form.get("X-Cache") != "HIT"
    assert TOKEN.search(text(first)).group(1) != TOKEN.search(text(second)).group(1)


@pytest.mark.parametrize("name", ["training:request", "press:subscribe"])
def test_form_pages_are_private_and_never_stored(reader, home, name):
    for _ in range(2):
        response = reader.get(reverse(name))
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert response.get("X-Cache") != "HIT"


def test_flush_page_cache_command_makes_every_entry_stale(reader, home):
    cached(reader, "/")
    call_command("flush_page_cache", stdout=io.StringIO())
    assert read(reader, "/")["X-Cache"] == "MISS"
