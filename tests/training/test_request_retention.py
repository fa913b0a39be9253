"""purge_training_requests: contact data of old requests goes, the request row and fresh ones stay."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from training.models import TrainingRequest

pytestmark = pytest.mark.django_db


def send_request(client, name, email):
    cache.clear()  # the per-address rate limit is not what these tests are about
    html = client.get(reverse("training:request")).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    data = {
        "token": token,
        "organisation": "tierps-kommun",
        "other_organisation": "",
        "contact_name": name,
        "contact_email": email,
        "contact_phone": "070-123 45 67",
        "group_size": "25",
        "preferred_dates": "En förmiddag i mars",
        "needs": "Fokus på skolan",
        "webbplats": "",
    }
    assert client.post(reverse("training:request"), data).status_code == 302
    return TrainingRequest.objects.get(contact_email=email)


def test_old_requests_lose_their_contact_data_fresh_ones_keep_it_second_run_changes_nothing(client, settings, caplog):
    settings.TRAINING_REQUEST_RETENTION_DAYS = 100
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=101), tick=False):
        old = send_request(client, "Olle Gammal", "olle@example.org")
    with time_machine.travel(now - timedelta(days=99), tick=False):
        fresh = send_request(client, "Fia Färsk", "fia@example.org")

    with caplog.at_level(logging.INFO, logger="training.retention"):
        call_command("purge_training_requests")
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert [getattr(old, f) for f in TrainingRequest.PERSONAL_DATA_FIELDS] == [""] * 5
    assert old.group_size == 25 and old.organisation.slug == "tierps-kommun"
    assert (fresh.contact_name, fresh.contact_email) == ("Fia Färsk", "fia@example.org")
    assert "anonymised 1 training requests (retention 100 days)" in caplog.text
    assert "Olle" not in caplog.text and "@example.org" not in caplog.text

    caplog.clear()
    before = list(TrainingRequest.objects.order_by("pk").values())
    with caplog.at_level(logging.INFO, logger="training.retention"):
        call_command("purge_training_requests")
    assert list(TrainingRequest.objects.order_by("pk").values()) == before
    assert "anonymised 0 training requests" in caplog.text


def test_days_option_overrides_the_setting(client, settings):
    settings.TRAINING_REQUEST_RETENTION_DAYS = 365
    with time_machine.travel(timezone.now() - timedelta(days=20), tick=False):
        request = send_request(client, "Kim Kontakt", "kim@example.org")
    call_command("purge_training_requests")
    request.refresh_from_db()
    assert request.contact_email == "kim@example.org"
    call_command("purge_training_requests", "--days", "10")
    request.refresh_from_db()
    assert request.contact_email == ""
