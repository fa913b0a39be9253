"""Bad input never 500s and never half-stores: addresses the database or mail cannot take, NUL bytes."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from press.forms import form_token
from press.models import PressSubscriber
from tests.helpers.training import booking_data, make_training
from tests.helpers.training import form_token as booking_token
from training.forms import TrainingRequestForm
from training.models import Booking, TrainingRequest

# Valid for Django's EmailField (209 characters), 389 once lower-cased: "İ" becomes two characters.
GROWS_PAST_254 = "reporter@" + ".".join(["İ" * 10] * 18) + ".se"
# Accepted by Django's EmailField, but IDNA cannot encode a label this long: sending raised UnicodeError.
UNENCODABLE_DOMAIN = "reporter@" + "ä" * 60 + ".se"
ACE_PREFIX_DOMAIN = "reporter@xn--ä.se"


@pytest.fixture(autouse=True)
def _clear_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


def subscribe(client, email):
    return client.post(reverse("press:subscribe"), {"email": email, "token": form_token(), "language": "sv"})


@pytest.mark.parametrize("email", [GROWS_PAST_254, UNENCODABLE_DOMAIN, ACE_PREFIX_DOMAIN])
def test_subscription_with_an_undeliverable_address_is_refused_and_stores_nothing(
    client, email, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, email)
    assert response.status_code == 400
    assert "Kontrollera adressen" in response.content.decode()
    assert PressSubscriber.objects.count() == 0
    assert mailoutbox == []


def test_subscription_survives_an_smtp_failure(client, settings, django_capture_on_commit_callbacks, caplog):
    settings.EMAIL_BACKEND = "tests.training.failing_mail.Backend"
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, "reporter@example.org")
    assert response.status_code == 200
    # Kept unconfirmed: subscribing again sends the link again (the documented recovery).
    subscriber = PressSubscriber.objects.get()
    assert subscriber.confirmed_at is None
    assert "Could not send the confirmation" in caplog.text
    assert "reporter@example.org" not in caplog.text


@pytest.mark.parametrize("email", [GROWS_PAST_254, UNENCODABLE_DOMAIN])
def test_booking_with_an_undeliverable_address_is_refused(client, email, django_capture_on_commit_callbacks):
    training = make_training()
    data = booking_data(booking_token(client, training), email=email)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training:book", args=[training.pk]), data)
    assert response.status_code == 400
    assert Booking.objects.count() == 0


def test_training_request_with_an_undeliverable_address_is_refused(client, organisations):
    data = {
        "token": TrainingRequestForm().initial["token"],
        "organisation": organisations[0].slug,
        "contact_name": "Kim",
        "contact_email": UNENCODABLE_DOMAIN,
        "group_size": "5",
    }
    response = client.post(reverse("training:request"), data)
    assert response.status_code == 400
    assert TrainingRequest.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/press/rss/%00/",
        "/press/rss/sv/%00/",
        "/utbildningar/kvitto/%00/",
        "/nyheter/%00/",
        "/sok/?q=%00",
        "/nyheter/?tag=a%00",
        "/nyheter/?x%00=1",
        "/utbildningar/kalender.ics?organisation=%00",
    ],
)
def test_nul_bytes_in_path_or_query_are_a_404(client, url):
    """404 as the listings answer every malformed value; PostgreSQL used to answer with a 500."""
    response = client.get(url)
    assert response.status_code == 404
    assert response.cookies == {}


def test_nul_bytes_in_a_form_post_are_a_400_and_store_nothing(client):
    response = client.post(reverse("press:subscribe"), {"email": "a\x00@example.org", "token": form_token()})
    assert response.status_code == 400
    assert PressSubscriber.objects.count() == 0
