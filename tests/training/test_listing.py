"""The training index, calendar feeds and schema.org data."""

import json
import re
from datetime import timedelta

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from training.models import Booking, TrainingIndexPage, TrainingSession, TrainingStatus

from .conftest import make_training

pytestmark = pytest.mark.django_db


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
    # Unknown values are ignored, never a 500.
    assert client.get(index_url() + "?malgrupp=%00&form=x&organisation=zz&arkiv=2").status_code == 200


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
    response = client.get(reverse("training:feed"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert upcoming.title in summaries
    assert "Gammal kurs" not in summaries
    assert f"{two_days.title} (1/2)" in summaries and f"{two_days.title} (2/2)" in summaries
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert client.get(reverse("training:feed_language", args=["en"])).status_code == 200
    assert client.get(reverse("training:feed_language", args=["xx"])).status_code == 404


def test_cancelled_training_in_ics_and_json_ld(client):
    training = make_training(title="Inställd kurs", cancelled=True, format="digitalt", place="")
    ics = client.get(reverse("training:training_ics", args=[training.pk])).content
    event = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED"
    html = client.get(training.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["maximumAttendeeCapacity"] == 5
    assert "Utbildningen är inställd" in html


def test_json_ld_is_escaped(client):
    training = make_training(title="</script><script>alert(1)</script>", place="A & B <b>", lead="x")
    html = client.get(training.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
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
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


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
