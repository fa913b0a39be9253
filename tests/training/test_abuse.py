"""Bad input, honeypot and rate limit: a form error, a 404 or a 429, never a 500, nothing stored."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.helpers.training import booking_data, form_token
from training.forms import BookingForm
from training.models import Booking

pytestmark = pytest.mark.django_db


def book(client, training, data):
    return client.post(reverse("training:book", args=[training.pk]), data)


BAD_INPUTS = {
    "missing-name": {"name": ""},
    "missing-email": {"email": ""},
    "missing-consent": {"consent": ""},
    "missing-token": {"token": ""},
    "forged-token": {"token": "eyJzIjoiMSJ9:abc:def"},
    "huge-name": {"name": "x" * 10_000},
    "huge-needs": {"needs": "x" * 10_000},
    "crlf-name": {"name": "Eva\r\nBcc: offer@example.org"},
    "crlf-email": {"email": "eva@example.org\r\nBcc: offer@example.org"},
    "lf-role": {"role": "Kurator\nX-Header: 1"},
    "wrong-organisation": {"organisation": "12"},
    "list-in-organisation": {"organisation": ["a", "b"]},
    "not-an-email": {"email": "inte en adress"},
    "honeypot": {"webbplats": "http://spam.example/"},
}


@pytest.mark.parametrize("change", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_a_form_error_and_stores_nothing(client, training, settings, change, mailoutbox):
    settings.TRAINING_RATE_LIMIT = (1000, 60)
    response = book(client, training, booking_data(form_token(client, training), **change))
    assert response.status_code == 400
    assert "training-form__error" in response.content.decode()
    assert response.cookies == {}
    assert Booking.objects.count() == 0
    assert mailoutbox == []


def test_token_for_another_training_is_refused(client, training, settings):
    from tests.helpers.training import make_training

    other = make_training(title="En annan utbildning")
    token = BookingForm(training=other).initial["token"]
    assert book(client, training, booking_data(token)).status_code == 400
    assert Booking.objects.count() == 0


def test_expired_token_is_refused(client, training):
    import time_machine
    from django.utils import timezone

    token = form_token(client, training)
    with time_machine.travel(timezone.now() + timedelta(hours=25), tick=False):
        assert book(client, training, booking_data(token)).status_code == 400
    assert Booking.objects.count() == 0


@pytest.mark.parametrize("url", ["/utbildningar/anmalan/999999/", "/utbildningar/anmalan/abc/"])
def test_unknown_training_ids_are_404(client, training, url):
    assert client.post(url, booking_data("x")).status_code == 404
    assert Booking.objects.count() == 0


def test_other_page_ids_and_drafts_are_404(client, home, training):
    assert book(client, home, booking_data("x")).status_code == 404
    training.unpublish()
    assert book(client, training, booking_data("x")).status_code == 404
    assert client.get(reverse("training:training_ics", args=[training.pk])).status_code == 404


def test_the_booking_endpoint_allows_only_get_and_post(client, training):
    """GET is the booking form page (the cached training page links to it); nothing else is allowed."""
    url = reverse("training:book", args=[training.pk])
    assert client.get(url).status_code == 200
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405


def test_rate_limit_answers_429_in_swedish(client, training, settings):
    settings.TRAINING_RATE_LIMIT = (3, 600)
    statuses = [book(client, training, booking_data("ogiltig")).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]
    response = book(client, training, booking_data(form_token(client, training)))
    assert response.status_code == 429
    assert "För många försök" in response.content.decode()
    assert Booking.objects.count() == 0
    # Another client is not affected.
    other = client.post(
        reverse("training:book", args=[training.pk]),
        booking_data(form_token(client, training)),
        REMOTE_ADDR="192.0.2.55",
    )
    assert other.status_code == 302
