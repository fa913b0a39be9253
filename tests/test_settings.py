"""Production settings: refuse to start without their variables; pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "nexus_cms.settings.production",
    "SECRET_KEY": "k" * 20 + "-realistic-but-random-enough-0123456789abcdefghij",
    "ALLOWED_HOSTS": "nexus.uppsala.se",
    "DATABASE_URL": "sqlite:////tmp/nexus-deploy-check.sqlite3",
    "WAGTAILADMIN_BASE_URL": "https://nexus.uppsala.se",
    "NEXUS_PUBLIC_URL": "https://nexus.uppsala.se",
    "EMAIL_URL": "smtp+tls://nexus:secret@smtp.uppsala.se:587",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}


def run_manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "WAGTAILADMIN_BASE_URL", "NEXUS_PUBLIC_URL"]
)
def test_production_refuses_to_start_without_required_variables(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_passes_with_development_settings():
    result = run_manage("check", env={"DJANGO_SETTINGS_MODULE": "nexus_cms.settings.dev"})
    assert result.returncode == 0, result.stderr
