"""The training index, calendar feeds and schema.org data."""

import json
from datetime import timedelta

import feedparser
import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.helpers.jsonld import json_ld_of_type, raw_json_ld_of_type
from tests.helpers.training import make_training
from training.models import Booking, TrainingIndexPage, TrainingSession, TrainingStatus

# These tests measure the render: the page cache would answer the warm request (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def index_url():
    return TrainingIndexPage.objects.get(locale__language_code="sv").url


def test_index_shows_upcoming_first_and_past_in_the_archive(client):
    later = make_training(title="Senare kurs", days=20)
    sooner = make_training(title="Snart kurs", days=5, format="digitalt", place="")
    past = make_training(title="Gammal kurs", days=-10)
    cancelled = make_training(title="Inställd kurs", days=8, cancelled=True)
    response = client.get(index_url())
    assert response.status_code == 200 and response.cookies == {}
    html = response.content.decode()
    assert html.index(sooner.title) < html.index(cancelled.title) < html.index(later.title)
    assert past.title not in html
    assert "Digitalt" in html and "Inställd" in html and "5 platser kvar" in html
    assert 'rel="alternate" type="text/calendar"' in html
    archive = client.get(index_url() + "?arkiv=1").content.decode()
    assert past.title in archive and "Genomförd" in archive and later.title not in archive


def test_filters_by_target_group_format_and_organisation(client):
    school = make_training(title="Skolkurs", target_groups=["skola"], org_slug="heby-kommun")
    police = make_training(title="Poliskurs", target_groups=["polis"], format="hybrid")
    html = client.get(index_url() + "?malgrupp=skola").content.decode()
    assert school.title in html and police.title not in html
    html = client.get(index_url() + "?form=hybrid").content.decode()
    assert police.title in html and school.title not in html
    html = client.get(index_url() + "?organisation=heby-kommun").content.decode()
    assert school.title in html and police.title not in html
    # Unknown or malformed values are a clean 404 (the site's own page), never a 500 nor ignored.
    for query in ("?malgrupp=%00", "?form=x", "?organisation=zz", "?arkiv=2"):
        response = client.get(index_url() + query)
        assert response.status_code == 404, query
        assert "Lämna sidan snabbt" in response.content.decode()
    # Empty values are no filter.
    html = client.get(index_url() + "?malgrupp=&form=&organisation=&arkiv=").content.decode()
    assert school.title in html and police.title in html


def test_index_pages_ten_trainings_at_a_time_keeping_the_filters(client):
    for number in range(12):
        make_training(title=f"Kurs {number:02d}", days=number + 1, target_groups=["skola"])
    first = client.get(index_url() + "?malgrupp=skola").content.decode()
    assert "Kurs 09" in first and "Kurs 10" not in first
    assert 'href="/utbildningar/?malgrupp=skola&amp;page=2" rel="next"' in first
    second = client.get(index_url() + "?malgrupp=skola&page=2").content.decode()
    assert "Kurs 10" in second and "Kurs 11" in second and "Kurs 09" not in second
    assert client.get(index_url() + "?malgrupp=skola&page=3").status_code == 404


def test_listing_query_count_is_constant(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index_url()).status_code == 200
        return len(queries)

    make_training(title="Kurs 1")
    count()  # warm the per-process caches (content types, site root paths)
    few = count()
    for number in range(2, 8):
        training = make_training(title=f"Kurs {number}", days=number)
        Booking.objects.create(training=training, status="bekraftad", idempotency_key=f"k{number}")
    count()  # the first render after a publication rebuilds the cached fragments (home.fragments)
    assert count() == few


def test_full_training_shows_waiting_list_status(client):
    training = make_training(title="Liten kurs", capacity=1)
    Booking.objects.create(training=training, status="bekraftad", idempotency_key="a")
    assert "Fullbokad – väntelista" in client.get(index_url()).content.decode()


def test_feed_lists_upcoming_trainings_as_valid_icalendar(client):
    upcoming = make_training(title="Kommande kurs")
    make_training(title="Gammal kurs", days=-5)
    two_days = make_training(
        title="Tvådagarskurs",
        sessions=[
            TrainingSession(start=timezone.now() + timedelta(days=3), end=timezone.now() + timedelta(days=3, hours=2)),
            TrainingSession(start=timezone.now() + timedelta(days=4), end=timezone.now() + timedelta(days=4, hours=2)),
        ],
    )
    response = client.get("/utbildningar/kalender.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert response.cookies == {}
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert upcoming.title in summaries
    assert "Gammal kurs" not in summaries
    assert f"{two_days.title} (1/2)" in summaries and f"{two_days.title} (2/2)" in summaries
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    english = client.get("/en/trainings/kalender.ics")
    assert english.status_code == 200 and english["Content-Type"].startswith("text/calendar")
    assert icalendar.Calendar.from_ical(english.content).walk("VEVENT") == []
    # The calendar takes the listing's filters.
    filtered = icalendar.Calendar.from_ical(client.get("/utbildningar/kalender.ics?organisation=heby-kommun").content)
    assert filtered.walk("VEVENT") == []
    assert client.get("/utbildningar/kalender.ics?organisation=finns-inte").status_code == 404


def test_index_announces_its_calendar_and_feeds(client):
    make_training(title="Kommande kurs", target_groups=["skola"])
    head = client.get(index_url() + "?malgrupp=skola").content.decode().split("</head>")[0]
    assert (
        'type="text/calendar" title="Kommande utbildningar (iCalendar)" href="/utbildningar/kalender.ics?malgrupp=skola"'
        in head
    )
    assert (
        'type="application/rss+xml" title="Kommande utbildningar (RSS)" href="/utbildningar/rss/?malgrupp=skola"'
        in head
    )
    assert (
        'type="application/atom+xml" title="Kommande utbildningar (Atom)" href="/utbildningar/atom/?malgrupp=skola"'
        in head
    )
    english = client.get("/en/trainings/").content.decode().split("</head>")[0]
    assert 'href="/en/trainings/kalender.ics"' in english and 'href="/en/trainings/rss/"' in english


@pytest.mark.parametrize("kind,version", [("rss", "rss20"), ("atom", "atom10")])
def test_rss_and_atom_feeds_list_upcoming_trainings(client, kind, version):
    make_training(title="Kommande kurs", lead="Kort ingress.", org_slug="heby-kommun")
    make_training(title="Polisens kurs")
    make_training(title="Gammal kurs", days=-5)
    response = client.get(f"/utbildningar/{kind}/")
    assert response.status_code == 200 and response.cookies == {}
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert {entry.title for entry in feed.entries} == {"Kommande kurs", "Polisens kurs"}
    entry = next(e for e in feed.entries if e.title == "Kommande kurs")
    assert entry.link.startswith("http://") and entry.summary == "Kort ingress."
    filtered = feedparser.parse(client.get(f"/utbildningar/{kind}/?organisation=heby-kommun").content)
    assert [entry.title for entry in filtered.entries] == ["Kommande kurs"]
    assert client.get(f"/utbildningar/{kind}/?organisation=finns-inte").status_code == 404
    assert feedparser.parse(client.get(f"/en/trainings/{kind}/").content).entries == []


def test_former_calendar_urls_redirect_permanently(client):
    english = TrainingIndexPage.objects.get(locale__language_code="en")
    response = client.get("/utbildningar/kalender-en.ics")
    assert response.status_code == 301 and response["Location"] == f"/en/{english.slug}/kalender.ics"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/utbildningar/kalender-xx.ics").status_code == 404


def test_cancelled_training_in_ics_and_json_ld(client):
    training = make_training(title="Inställd kurs", cancelled=True, format="digitalt", place="")
    ics = client.get(reverse("training:training_ics", args=[training.pk])).content
    event = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED"
    html = client.get(training.url).content.decode()
    data = json_ld_of_type(html, "Event")
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["maximumAttendeeCapacity"] == 5
    assert "Utbildningen är inställd" in html


def test_json_ld_is_escaped(client):
    training = make_training(title="</script><script>alert(1)</script>", place="A & B <b>", lead="x")
    html = client.get(training.url).content.decode()
    block = raw_json_ld_of_type(html, "Event")
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["name"] == training.title
    assert data["location"] == {"@type": "Place", "name": "A & B <b>", "address": "A & B <b>"}
    assert data["offers"]["availability"] == "https://schema.org/InStock"


def test_translated_training_is_reachable_in_english(client):
    from wagtail.models import Locale

    training = make_training(title="Kurs")
    english = training.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Course"
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.url.startswith("/en/trainings/")
    response = client.get(english.url)
    assert response.status_code == 200 and response.cookies == {}
    assert "Course" in client.get(TrainingIndexPage.objects.get(locale__language_code="en").url).content.decode()


def _json_ld(html):
    return json_ld_of_type(html, "Event")


@pytest.mark.parametrize(
    ("fields", "status", "message", "availability"),
    [
        ({}, TrainingStatus.OPEN, "Anmäl mig", "https://schema.org/InStock"),
        ({"capacity": 1, "booked": 1}, TrainingStatus.FULL, "Ställ mig på väntelistan", "https://schema.org/SoldOut"),
        ({"cancelled": True}, TrainingStatus.CANCELLED, "Utbildningen är inställd.", "https://schema.org/Discontinued"),
        ({"days": -10}, TrainingStatus.FINISHED, "Utbildningen har redan ägt rum.", "https://schema.org/Discontinued"),
    ],
    ids=["open", "full", "cancelled", "finished"],
)
def test_every_status_shows_its_booking_state_and_availability(client, fields, status, message, availability):
    """Page, listing card and JSON-LD all follow TrainingStatus (no spelled-out values to drift)."""
    fields = dict(fields)
    booked = fields.pop("booked", 0)
    training = make_training(title="Statuskurs", **fields)
    for number in range(booked):
        Booking.objects.create(training=training, status=Booking.Status.CONFIRMED, idempotency_key=f"s{number}")
    assert training.status == status
    html = client.get(training.url).content.decode()
    assert message in html
    assert f"training__status--{status.value}" in html
    assert _json_ld(html)["offers"]["availability"] == availability
