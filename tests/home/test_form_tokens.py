"""One form-token scheme for every public form: booking, training request, press subscription.

Each door gets its token from the page a visitor sees and posts it back; the same rules (own
salt per form, the one expiry setting) hold at all three.
"""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from press.models import PressSubscriber
from tests.helpers.training import booking_data, booking_form_url, make_training
from tests.training.test_request import request_data
from training.models import Booking, TrainingRequest

pytestmark = pytest.mark.django_db


def token_in(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


class Booking_:
    name = "booking"

    def __init__(self):
        self.training = make_training()

    def token(self, client):
        return token_in(client.get(booking_form_url(self.training)).content.decode())

    def post(self, client, token):
        return client.post(reverse("training:book", args=[self.training.pk]), booking_data(token))

    def stored(self):
        return Booking.objects.filter(training=self.training).count()


class Request_:
    name = "request"

    def token(self, client):
        return request_data(client)["token"]

    def post(self, client, token):
        return client.post(reverse("training:request"), {**request_data(client), "token": token})

    def stored(self):
        return TrainingRequest.objects.count()


class Press_:
    name = "press"

    def token(self, client):
        return token_in(client.get(reverse("press:subscribe")).content.decode())

    def post(self, client, token):
        return client.post(
            reverse("press:subscribe"), {"email": "reporter@example.org", "token": token, "language": "sv"}
        )

    def stored(self):
        return PressSubscriber.objects.count()


DOORS = [Booking_, Request_, Press_]


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.mark.parametrize("door", DOORS, ids=lambda d: d.name)
def test_each_form_accepts_its_fresh_token(client, home, door):
    door = door()
    response = door.post(client, door.token(client))
    assert response.status_code in (200, 302)
    assert door.stored() == 1


@pytest.mark.parametrize(
    ("door", "issuer"),
    [(door, issuer) for door in DOORS for issuer in DOORS if door is not issuer],
    ids=lambda d: d.name,
)
def test_a_token_is_refused_by_every_other_form(client, home, door, issuer):
    door, issuer = door(), issuer()
    response = door.post(client, issuer.token(client))
    assert response.status_code == 400
    assert door.stored() == 0


@pytest.mark.parametrize("door", DOORS, ids=lambda d: d.name)
def test_every_form_token_expires_after_the_one_setting(client, home, settings, door):
    settings.FORM_TOKEN_MAX_AGE = 60
    door = door()
    token = door.token(client)
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(seconds=120)):
        response = door.post(client, token)
    assert response.status_code == 400
    assert door.stored() == 0
