"""One booking form books once: a bot cannot reuse one rendered form for many bookings."""

import json
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from tests.helpers.training import booking_data, form_token
from training.models import Booking

ROOT = Path(__file__).resolve().parent.parent.parent


def post(client, training, data, capture):
    with capture(execute=True):
        return client.post(reverse("training:book", args=[training.pk]), data)


def test_one_form_token_books_once(client, training, mailoutbox, django_capture_on_commit_callbacks):
    token = form_token(client, training)
    first = post(client, training, booking_data(token, 1), django_capture_on_commit_callbacks)
    assert first.status_code == 302
    responses = [
        post(client, training, booking_data(token, n), django_capture_on_commit_callbacks) for n in range(2, 11)
    ]
    assert {response.status_code for response in responses} == {409}
    assert "Formuläret har redan använts" in responses[0].content.decode()
    assert Booking.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_fresh_form_books_again(client, training, django_capture_on_commit_callbacks):
    post(client, training, booking_data(form_token(client, training), 1), django_capture_on_commit_callbacks)
    second = post(client, training, booking_data(form_token(client, training), 2), django_capture_on_commit_callbacks)
    assert second.status_code == 302
    assert Booking.objects.count() == 2


def test_production_cache_is_shared_by_every_worker_without_redis():
    """The per-address rate limit counts in the cache: per-process memory would not limit a bot."""
    env = {
        "DJANGO_SETTINGS_MODULE": "nexus_cms.settings.production",
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "nexus.example",
        "DATABASE_URL": "sqlite:////tmp/nexus-cache-check.sqlite3",
        "WAGTAILADMIN_BASE_URL": "https://nexus.example",
        "NEXUS_PUBLIC_URL": "https://nexus.example",
        "PATH": "/usr/bin:/bin",
    }
    code = "import django, json; django.setup(); from django.conf import settings; print(json.dumps(settings.CACHES))"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_setup_site_creates_the_database_cache_table(db, settings):
    from django.core.cache import caches
    from django.db import connection

    from home.installation import setup_site

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "nexus_cache_t"}
    }
    setup_site()
    assert "nexus_cache_t" in connection.introspection.table_names()
    caches["default"].set("rate:probe", 1)
    assert caches["default"].get("rate:probe") == 1
