"""Booking through the public training page: confirmed, waiting list, cancel and promotion."""

import re

import icalendar
import pytest
from django.urls import reverse

from tests.helpers.training import booking_data, booking_form_url, form_token, make_training
from training import tokens
from training.models import Booking

pytestmark = pytest.mark.django_db


def post_booking(client, training, data, capture):
    with capture(execute=True):
        return client.post(reverse("training:book", args=[training.pk]), data)


def test_book_confirms_and_mails_a_valid_ics(client, training, mailoutbox, django_capture_on_commit_callbacks):
    response = post_booking(
        client, training, booking_data(form_token(client, training)), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    receipt_url = response["Location"]
    assert "deltagare1" not in receipt_url and "Testdeltagare" not in receipt_url
    booking = Booking.objects.get()
    assert booking.status == Booking.Status.CONFIRMED
    receipt = client.get(receipt_url)
    assert receipt.status_code == 200
    assert "no-store" in receipt["Cache-Control"]
    assert "Du är anmäld" in receipt.content.decode()
    assert receipt.cookies == {}

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["deltagare1@example.org"]
    assert "Bekräftelse" in mail.subject
    cancel_links = re.findall(r"http://localhost/utbildningar/avboka/[^\s]+/", mail.body)
    assert len(cancel_links) == 1
    (name, content, mimetype) = mail.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert event["UID"] and event["DTSTAMP"]
    assert event.decoded("DTSTART") == training.sessions.get().start.replace(microsecond=0)
    assert str(event["SUMMARY"]) == training.title


def test_digital_link_only_to_confirmed_participants(client, mailoutbox, django_capture_on_commit_callbacks):
    training = make_training(capacity=1, format="digitalt", place="", digital_link="https://mote.example/hemlig")
    assert "mote.example/hemlig" not in client.get(training.url).content.decode()
    assert (
        "mote.example/hemlig" not in client.get(reverse("training:training_ics", args=[training.pk])).content.decode()
    )
    for number in (1, 2):
        post_booking(
            client, training, booking_data(form_token(client, training), number), django_capture_on_commit_callbacks
        )
    confirmed_mail, waiting_mail = mailoutbox
    assert "mote.example/hemlig" in confirmed_mail.body
    assert "mote.example/hemlig" in str(confirmed_mail.attachments[0][1])
    assert "mote.example/hemlig" not in waiting_mail.body
    assert waiting_mail.attachments == []


def test_full_training_puts_people_on_the_waiting_list(client, mailoutbox, django_capture_on_commit_callbacks):
    training = make_training(capacity=2)
    for number in (1, 2, 3):
        response = post_booking(
            client, training, booking_data(form_token(client, training), number), django_capture_on_commit_callbacks
        )
        assert response.status_code == 302
    statuses = list(Booking.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["bekraftad", "bekraftad", "vantelista"]
    assert "väntelistan" in client.get(response["Location"]).content.decode()
    assert "Väntelista" in mailoutbox[2].subject
    html = client.get(training.url).content.decode()
    assert "Fullbokad – väntelista" in html
    assert "0 platser kvar av 2" in html


def test_cancel_link_frees_the_seat_and_promotes_the_next(client, mailoutbox, django_capture_on_commit_callbacks):
    training = make_training(capacity=1)
    for number in (1, 2, 3):
        post_booking(
            client, training, booking_data(form_token(client, training), number), django_capture_on_commit_callbacks
        )
    first_cancel = re.search(r"http://localhost(/utbildningar/avboka/[^\s]+/)", mailoutbox[0].body).group(1)
    mailoutbox.clear()

    # A GET (a mail scanner's prefetch) only shows the confirmation question.
    page = client.get(first_cancel)
    assert page.status_code == 200 and "Ja, avboka mig" in page.content.decode()
    assert page.cookies == {}
    assert Booking.objects.filter(status="bekraftad").count() == 1 and mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(first_cancel)
    assert response.status_code == 200 and "Du har avbokat dig" in response.content.decode()
    first, second, third = Booking.objects.order_by("pk")
    assert first.status == "avbokad" and first.name == "" and first.email == ""
    assert second.status == "bekraftad" and second.promoted_at is not None
    assert third.status == "vantelista"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["deltagare2@example.org"]
    assert "Du har fått en plats" in mailoutbox[0].subject
    assert mailoutbox[0].attachments

    # A second POST of the same link changes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(first_cancel)
    assert Booking.objects.filter(status="bekraftad").count() == 1
    assert len(mailoutbox) == 1


def test_forged_cancel_token_is_404(client, training):
    assert client.get("/utbildningar/avboka/1:abc/").status_code == 404
    assert client.post("/utbildningar/avboka/not-a-token/").status_code == 404


@pytest.mark.parametrize(
    "fields",
    [{"cancelled": True}, {"days": -3}, {"registration_closes_in_days": -1}],
    ids=["cancelled", "finished", "registration-closed"],
)
def test_closed_or_cancelled_refuses_and_stores_nothing(client, mailoutbox, django_capture_on_commit_callbacks, fields):
    from datetime import timedelta

    from django.utils import timezone

    fields = dict(fields)
    if "registration_closes_in_days" in fields:
        fields["registration_closes"] = timezone.now() + timedelta(days=fields.pop("registration_closes_in_days"))
    training = make_training(**fields)
    # The form is gone from the page, but a stale form or a bot may still post.
    from training.forms import BookingForm

    token = BookingForm(training=training).initial["token"]
    response = post_booking(client, training, booking_data(token), django_capture_on_commit_callbacks)
    assert response.status_code == 409
    assert "Ingen anmälan har sparats" in response.content.decode()
    assert Booking.objects.count() == 0
    assert mailoutbox == []


def test_double_post_books_once(client, training, mailoutbox, django_capture_on_commit_callbacks):
    data = booking_data(form_token(client, training))
    first = post_booking(client, training, data, django_capture_on_commit_callbacks)
    second = post_booking(client, training, data, django_capture_on_commit_callbacks)
    assert first.status_code == second.status_code == 302
    # Both lead to the receipt of the same booking (the signed tokens differ by their timestamp).
    receipts = [tokens.read_receipt_token(r["Location"].rstrip("/").rsplit("/", 1)[-1], None) for r in (first, second)]
    assert receipts[0] == receipts[1] == (Booking.objects.get().pk, training.pk)
    assert Booking.objects.count() == 1
    assert len(mailoutbox) == 1


def test_smtp_failure_keeps_the_booking(client, training, settings, django_capture_on_commit_callbacks, caplog):
    settings.EMAIL_BACKEND = "tests.training.failing_mail.Backend"
    response = post_booking(
        client, training, booking_data(form_token(client, training)), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert Booking.objects.get().status == "bekraftad"
    assert "Could not send" in caplog.text
    assert "deltagare1" not in caplog.text and "Testdeltagare" not in caplog.text


def test_training_page_get_sets_no_cookie_and_its_form_page_no_store(client, training):
    page = client.get(training.url)
    assert page.status_code == 200 and page.cookies == {}
    # The training page is the same for every reader (cached); its form page is this visitor's.
    assert 'name="token"' not in page.content.decode()
    response = client.get(booking_form_url(training))
    assert response.status_code == 200
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'name="webbplats"' in html


def test_booking_a_translation_counts_on_the_swedish_training(client, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    training = make_training(capacity=1)
    english = training.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=False)
    english.save_revision().publish()
    post_booking(client, training, booking_data(form_token(client, training), 1), django_capture_on_commit_callbacks)
    english.refresh_from_db()
    response = post_booking(
        client, english, booking_data(form_token(client, english), 2), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert list(Booking.objects.order_by("pk").values_list("training_id", "status")) == [
        (training.pk, "bekraftad"),
        (training.pk, "vantelista"),
    ]


def test_receipt_speaks_the_language_of_the_page_booked_on(client, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    training = make_training()
    english = training.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=False)
    english.save_revision().publish()
    english.refresh_from_db()
    response = post_booking(
        client, english, booking_data(form_token(client, english)), django_capture_on_commit_callbacks
    )
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert '<html lang="en"' in receipt.content.decode()
    assert client.get("/utbildningar/kvitto/forged/").status_code == 404
