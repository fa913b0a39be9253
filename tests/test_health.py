"""/healthz and /readyz: what the load balancer sees, with real failures for readiness."""

import pytest
from django.test import override_settings

UNREACHABLE_REDIS = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
}


def assert_probe_answer(response):
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_healthz_answers_without_the_database(client):
    # No database access is allowed in this test: a query would raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert_probe_answer(response)


@pytest.mark.django_db
def test_readyz_is_ready_when_everything_answers(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}
    assert_probe_answer(response)


@pytest.mark.django_db
def test_readyz_names_an_unreachable_cache(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "unavailable", "storage": "ok"},
        "failing": ["cache"],
    }
    assert_probe_answer(response)


@pytest.mark.django_db
def test_readyz_names_missing_media_storage(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "gone")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["storage"]
    assert response.json()["checks"]["database"] == "ok"
    assert_probe_answer(response)


@pytest.mark.django_db
def test_readyz_is_ready_again_once_the_cache_returns(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    with override_settings(CACHES=UNREACHABLE_REDIS):
        assert client.get("/readyz").status_code == 503
    assert client.get("/readyz").status_code == 200


def test_probes_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
