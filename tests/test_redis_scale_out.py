"""Several app servers share one Redis: the public forms' rate limits count across all of them.

Against the real Redis on 127.0.0.1:6379 (started by the machine, as CI's), in a database number
of its own per test worker, flushed before and after. "Server A" is this test process, with the
cache exactly as settings/base.py builds it from REDIS_URL; "server B" is another process running
the production settings with the same REDIS_URL (a subprocess). Production never picks a
per-process cache or session store, with or without REDIS_URL.
"""

import json

import pytest
import redis
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from press.forms import form_token
from tests.test_settings import PRODUCTION_ENV, run_manage

COUNT_ON_SERVER_B = """
from django.conf import settings
from django.test import RequestFactory
from home import throttle
limit, window = settings.PRESS_SUBSCRIBE_RATE_LIMIT
request = RequestFactory().post("/press/prenumeration/", REMOTE_ADDR="127.0.0.1")
print([throttle.rate_limited(request, "press-subscribe", limit, window) for _ in range(int({attempts}))])
"""

SHOW_STORES = """
import json
from django.conf import settings
print(json.dumps({"cache": settings.CACHES["default"]["BACKEND"], "sessions": settings.SESSION_ENGINE}))
"""


@pytest.fixture
def redis_url(worker_id):
    number = 7 + (0 if worker_id == "master" else int(worker_id.removeprefix("gw")))
    url = f"redis://127.0.0.1:6379/{number}"
    server = redis.Redis.from_url(url)
    server.flushdb()
    # Exactly what settings/base.py makes of REDIS_URL.
    cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "nexus"}
    with override_settings(CACHES={"default": cache}):
        yield url
    server.flushdb()
    server.close()


def server_b(redis_url, attempts):
    """Count ``attempts`` subscription attempts from 127.0.0.1 on another app server."""
    env = {**PRODUCTION_ENV, "REDIS_URL": redis_url, "SECRET_KEY": settings.SECRET_KEY}
    result = run_manage("shell", "-c", COUNT_ON_SERVER_B.format(attempts=attempts), env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1].lower())


def subscribe(client):
    # A well-formed token and a bad address: counted, then answered 400 (or 429 past the limit).
    return client.post(reverse("press:subscribe"), {"email": "inte-en-adress", "token": form_token(), "language": "sv"})


@pytest.mark.django_db
def test_the_subscription_rate_limit_counts_attempts_on_every_app_server(client, redis_url):
    limit, _window = settings.PRESS_SUBSCRIBE_RATE_LIMIT
    assert subscribe(client).status_code == 400  # server A: attempt 1
    # Server B: attempts 2..limit pass, the next one is refused there.
    assert server_b(redis_url, limit) == [False] * (limit - 1) + [True]
    # Back on server A the client is over the limit too.
    assert subscribe(client).status_code == 429
    keys = redis.Redis.from_url(redis_url).keys("nexus:*rate:press-subscribe:*")
    assert len(keys) == 1
    # The address itself is never stored, only its keyed hash.
    assert b"127.0.0.1" not in keys[0]


@pytest.mark.django_db
def test_another_client_address_has_a_counter_of_its_own(client, redis_url):
    limit, _window = settings.PRESS_SUBSCRIBE_RATE_LIMIT
    assert server_b(redis_url, limit + 1)[-1] is True
    other = client.post(
        reverse("press:subscribe"),
        {"email": "inte-en-adress", "token": form_token(), "language": "sv"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 400


def stores(redis_env):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    if redis_env:
        env["REDIS_URL"] = redis_env
    result = run_manage("shell", "-c", SHOW_STORES, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("redis_env", "expected_cache"),
    [
        ("redis://127.0.0.1:6379/0", "django.core.cache.backends.redis.RedisCache"),
        (None, "django.core.cache.backends.db.DatabaseCache"),
    ],
    ids=["with REDIS_URL", "without REDIS_URL"],
)
def test_production_never_keeps_cache_or_sessions_in_one_process(redis_env, expected_cache):
    found = stores(redis_env)
    assert found["cache"] == expected_cache
    assert "locmem" not in found["cache"].lower() and "dummy" not in found["cache"].lower()
    # Admin sessions live in the shared database, so any app server can answer a signed-in editor.
    assert found["sessions"] in ("django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db")
