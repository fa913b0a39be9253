"""Property-based: random and hostile input to every public form, filter and feed URL.

Never a 5xx, and never a half-stored record: a form either stores one complete row (and answers
with a redirect or the thanks page) or stores nothing.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from home.validators import deliverable_email
from press.forms import form_token as subscribe_token
from press.models import PressSubscriber
from tests.helpers.training import booking_data, make_training
from training.forms import BookingForm, TrainingRequestForm
from training.models import Booking, TrainingRequest

EXAMPLES = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE = [
    "\x00",
    "a\x00b",
    "\r\nBcc: victim@example.org",
    "\u202eevil\u202c",
    "\ufeff",
    "İ" * 200,
    "reporter@" + ".".join(["İ" * 10] * 18) + ".se",
    "reporter@" + "ä" * 60 + ".se",
    "reporter@xn--ä.se",
    "x" * 5000,
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "'; DROP TABLE training_booking; --",
    "../../etc/passwd",
    "%00",
    "１２３",
    "",
    " ",
]
# Any text a browser can send (no lone surrogates: they cannot be encoded as UTF-8 at all).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
VALUE = st.one_of(st.sampled_from(HOSTILE), ANY_TEXT)


def extra_fields():
    return st.dictionaries(
        st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20), VALUE, max_size=3
    )


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.TRAINING_RATE_LIMIT = (10_000, 60)
    settings.PRESS_SUBSCRIBE_RATE_LIMIT = (10_000, 60)


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:300]


@given(
    fields=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(
            ("name", "email", "organisation", "other_organisation", "role", "needs", "consent"), VALUE
        ),
    ),
    extra=extra_fields(),
    drop_token=st.booleans(),
)
@EXAMPLES
def test_booking_form(client, db, django_capture_on_commit_callbacks, fields, extra, drop_token):
    cache.clear()
    training = _training() or make_training(slug="fuzz", capacity=1000)
    before = Booking.objects.count()
    data = {**booking_data(BookingForm(training=training).initial["token"]), **fields, **extra}
    if drop_token:
        data.pop("token")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training:book", args=[training.pk]), data)
    assert_no_server_error(response)
    after = Booking.objects.count()
    assert after == before + (1 if response.status_code == 302 else 0)
    for booking in Booking.objects.all():
        assert booking.name and booking.role and booking.consent_at and booking.form_token_key
        deliverable_email(booking.email)


def _training():
    from training.models import TrainingPage

    return TrainingPage.objects.filter(slug="fuzz").first()


@given(
    fields=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(
            (
                "organisation",
                "other_organisation",
                "contact_name",
                "contact_email",
                "contact_phone",
                "group_size",
                "preferred_dates",
                "needs",
            ),
            VALUE,
        ),
    ),
    extra=extra_fields(),
)
@EXAMPLES
def test_training_request_form(client, db, django_capture_on_commit_callbacks, fields, extra):
    cache.clear()
    before = TrainingRequest.objects.count()
    base = {
        "token": TrainingRequestForm().initial["token"],
        "organisation": "uppsala-kommun",
        "contact_name": "Kim",
        "contact_email": "kim@example.org",
        "group_size": "12",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training:request"), {**base, **fields, **extra})
    assert_no_server_error(response)
    assert TrainingRequest.objects.count() == before + (1 if response.status_code == 302 else 0)
    for row in TrainingRequest.objects.all():
        assert row.contact_name and row.group_size
        deliverable_email(row.contact_email)


@given(email=VALUE, language=VALUE, honeypot=st.sampled_from(["", "http://spam.example"]), extra=extra_fields())
@EXAMPLES
def test_press_subscription(client, db, django_capture_on_commit_callbacks, email, language, honeypot, extra):
    cache.clear()
    data = {"email": email, "token": subscribe_token(), "language": language, "webbplats": honeypot, **extra}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("press:subscribe"), data)
    assert_no_server_error(response)
    for subscriber in PressSubscriber.objects.all():
        deliverable_email(subscriber.email)
        assert subscriber.email == subscriber.email.strip().lower()
        assert subscriber.language in dict(settings.LANGUAGES)


LISTING_URLS = [
    ("/nyheter/", ("tag", "organisation", "page")),
    ("/nyheter/rss/", ("tag", "organisation")),
    ("/nyheter/atom/", ("tag", "organisation")),
    ("/nyheter/polismyndigheten/", ("tag", "page")),
    ("/utbildningar/", ("malgrupp", "form", "organisation", "arkiv", "page")),
    ("/utbildningar/rss/", ("malgrupp", "form", "organisation")),
    ("/utbildningar/kalender.ics", ("malgrupp", "form", "organisation")),
    ("/press/", ("organisation", "page")),
    ("/press/rss/", ("organisation",)),
    ("/press/atom/", ("organisation",)),
    ("/sok/", ("q", "page")),
    ("/en/sok/", ("q",)),
]


@given(
    target=st.sampled_from(LISTING_URLS),
    values=st.lists(VALUE, min_size=1, max_size=5),
    extra=extra_fields(),
)
@EXAMPLES
def test_filters_and_feeds(client, db, target, values, extra):
    url, names = target
    params = dict(zip(names, values, strict=False))
    response = client.get(url, {**params, **extra})
    assert_no_server_error(response)
    assert response.status_code in (200, 301, 302, 400, 404)


@given(segment=VALUE)
@EXAMPLES
def test_machine_facing_paths(client, db, segment):
    from urllib.parse import quote

    for pattern in (
        "/press/rss/{}/",
        "/press/rss/sv/{}/",
        "/utbildningar/kvitto/{}/",
        "/utbildningar/avboka/{}/",
        "/press/prenumeration/bekrafta/{}/",
        "/nyheter/{}/",
    ):
        response = client.get(pattern.format(quote(segment, safe="")))
        assert_no_server_error(response)
