"""The retention command: exactly the expired personal data, idempotent, counts-only logs."""

import logging
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.helpers.training import booking_form_url, make_training
from training.bookings import cancel_url
from training.models import Booking, TrainingSession

pytestmark = pytest.mark.django_db


def training_ended(days_ago):
    end = timezone.now() - timedelta(days=days_ago)
    training = make_training(
        title=f"Slutade för {days_ago} dagar sedan",
        sessions=[TrainingSession(start=end - timedelta(hours=2), end=end)],
    )
    return Booking.objects.create(
        training=training,
        status="bekraftad",
        name=f"Deltagare {days_ago}",
        email=f"d{days_ago}@example.org",
        role="Kurator",
        needs="Tolk",
        idempotency_key=f"r{days_ago}",
    )


def test_purge_anonymises_exactly_the_expired_and_second_run_is_a_no_op(caplog):
    expired = training_ended(31)
    edge = training_ended(30.001)
    kept = training_ended(29)
    upcoming = make_training(title="Kommande")
    future = Booking.objects.create(
        training=upcoming, status="bekraftad", name="Framtid", email="f@example.org", idempotency_key="f"
    )
    with caplog.at_level(logging.INFO, logger="training.retention"):
        call_command("purge_training_bookings")
    for booking in (expired, edge):
        booking.refresh_from_db()
        assert (booking.name, booking.email, booking.role, booking.needs) == ("", "", "", "")
        assert booking.anonymised_at is not None and booking.status == "bekraftad"
    for booking in (kept, future):
        booking.refresh_from_db()
        assert booking.name and booking.email and booking.anonymised_at is None
    assert "anonymised 2 bookings" in caplog.text
    assert "Deltagare" not in caplog.text and "@example.org" not in caplog.text

    caplog.clear()
    before = list(Booking.objects.order_by("pk").values())
    with caplog.at_level(logging.INFO, logger="training.retention"):
        call_command("purge_training_bookings")
    assert list(Booking.objects.order_by("pk").values()) == before
    assert "anonymised 0 bookings" in caplog.text


def test_days_option_and_setting(settings):
    booking = training_ended(10)
    call_command("purge_training_bookings", "--days", "11")
    booking.refresh_from_db()
    assert booking.name
    settings.TRAINING_BOOKING_RETENTION_DAYS = 5
    call_command("purge_training_bookings")
    booking.refresh_from_db()
    assert booking.name == ""


def test_the_retention_command_and_a_cancellation_blank_the_same_personal_data(client):
    """Both doors anonymise by the model's one list: the same fields end up empty, the rest kept."""
    purged = training_ended(31)
    cancelled = Booking.objects.create(
        training=make_training(title="Kommande"),
        status="bekraftad",
        name="Avbokare",
        email="a@example.org",
        role="Kurator",
        needs="Tolk",
        idempotency_key="cancel",
    )
    Booking.objects.filter(pk__in=[purged.pk, cancelled.pk]).update(other_organisation="Föreningen X")
    call_command("purge_training_bookings")
    assert client.post(urlparse(cancel_url(cancelled)).path).status_code == 200
    purged.refresh_from_db()
    cancelled.refresh_from_db()
    text_fields = [f.name for f in Booking._meta.concrete_fields if f.get_internal_type() in ("CharField", "TextField")]
    blank_after_purge = {name for name in text_fields if getattr(purged, name) == ""}
    blank_after_cancel = {name for name in text_fields if getattr(cancelled, name) == ""}
    assert blank_after_purge == blank_after_cancel == {"name", "email", "other_organisation", "role", "needs"}
    assert purged.anonymised_at is not None and cancelled.anonymised_at is not None


def test_the_booking_form_states_the_retention_setting(client, settings):
    """What visitors are told is what the retention command does."""
    training = make_training(title="Kurs med kort gallring")
    settings.TRAINING_BOOKING_RETENTION_DAYS = 14
    url = booking_form_url(training)
    assert "tar bort dem senast 14 dagar efter utbildningen" in client.get(url).content.decode()
    settings.TRAINING_BOOKING_RETENTION_DAYS = 1
    assert "tar bort dem senast 1 dag efter utbildningen" in client.get(url).content.decode()
