"""expire_press_subscriptions: unconfirmed subscriptions go once their link is dead, nothing else."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from press.forms import form_token
from press.models import PressSubscriber

pytestmark = pytest.mark.django_db

WEEK = 7 * 24 * 60 * 60


@pytest.fixture(autouse=True)
def _clear_rate_limit(db):
    cache.clear()


def subscribe(client, email):
    cache.clear()  # the per-address rate limit is not what these tests are about
    response = client.post(reverse("press:subscribe"), {"email": email, "token": form_token(), "language": "sv"})
    assert response.status_code == 200
    return PressSubscriber.objects.get(email=email)


def confirm_link(message):
    return re.search(r"http://localhost(/press/prenumeration/\S+/)", message.body).group(1)


def test_unconfirmed_subscriptions_expire_with_their_link_confirmed_and_fresh_ones_stay(
    client, mailoutbox, settings, caplog, django_capture_on_commit_callbacks
):
    settings.PRESS_CONFIRM_MAX_AGE = WEEK
    start = timezone.now()
    with time_machine.travel(start - timedelta(days=8), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            stale = subscribe(client, "stale@example.org")
            confirmed = subscribe(client, "confirmed@example.org")
        assert client.post(confirm_link(mailoutbox[-1])).status_code == 200
    with time_machine.travel(start - timedelta(days=1), tick=False):
        fresh = subscribe(client, "fresh@example.org")

    with caplog.at_level(logging.INFO, logger="press.retention"):
        call_command("expire_press_subscriptions")
    assert not PressSubscriber.objects.filter(pk=stale.pk).exists()
    assert PressSubscriber.objects.filter(pk=confirmed.pk, confirmed_at__isnull=False).exists()
    assert PressSubscriber.objects.filter(pk=fresh.pk, confirmed_at__isnull=True).exists()
    assert "deleted 1 unconfirmed subscriptions" in caplog.text
    assert "@example.org" not in caplog.text

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="press.retention"):
        call_command("expire_press_subscriptions")
    assert "deleted 0 unconfirmed subscriptions" in caplog.text
    assert PressSubscriber.objects.count() == 2


def test_subscribing_again_restarts_the_expiry_with_the_new_link(
    client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.PRESS_CONFIRM_MAX_AGE = WEEK
    start = timezone.now()
    with time_machine.travel(start - timedelta(days=10), tick=False):
        subscribe(client, "again@example.org")
    with time_machine.travel(start - timedelta(days=2), tick=False), django_capture_on_commit_callbacks(execute=True):
        subscribe(client, "again@example.org")
    call_command("expire_press_subscriptions")
    assert PressSubscriber.objects.filter(email="again@example.org").exists()
    # The link sent two days ago still confirms.
    assert client.post(confirm_link(mailoutbox[-1])).status_code == 200
    assert PressSubscriber.objects.get(email="again@example.org").confirmed_at is not None
