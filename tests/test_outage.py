"""The server-error view: 503 with the static page for a database outage, 500 for anything else.

The outage itself (the database made unreachable under a running gunicorn behind nginx, and the
recovery without restart) is in tests/test_prod_stack.py; this is the view's contract, fast, and
what a scheduled job says when the database does not answer (manage.py).
"""

import os
import subprocess
import sys
from pathlib import Path

from django.db import InterfaceError, OperationalError
from django.test import override_settings
from django.urls import path


def refused(request):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


def gone(request):
    raise InterfaceError("connection already closed")


def broken(request):
    raise ValueError("a bug")


ROOT = Path(__file__).resolve().parent.parent

urlpatterns = [path("refused/", refused), path("gone/", gone), path("broken/", broken)]
handler500 = "nexus_cms.errors.server_error"


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_an_unreachable_database_answers_503_with_the_static_page(client):
    client.raise_request_exception = False
    for url in ("/refused/", "/gone/"):
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response["Cache-Control"] == "no-store"
        html = response.content.decode()
        assert '<html lang="sv" dir="ltr">' in html and "020-50 50 50" in html
        assert "Connection refused" not in html and "Traceback" not in html


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_any_other_error_is_a_500_with_the_same_page(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Tekniskt fel" in response.content.decode()
    assert "Retry-After" not in response


def test_the_site_uses_this_view():
    from nexus_cms import urls

    assert urls.handler500 == "nexus_cms.errors.server_error"


def run_job(tmp_path, settings_module):
    """A scheduled job as its unit runs it, with a database that does not answer."""
    env = {key: value for key, value in os.environ.items() if key in {"PATH", "LANG", "HOME"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "SECRET_KEY": "x" * 64,
            "ALLOWED_HOSTS": "127.0.0.1",
            # The folder is gone, as in the stack's outage test: SQLite cannot open the file.
            "DATABASE_URL": f"sqlite:///{tmp_path / 'gone' / 'nexus.sqlite3'}",
            "WAGTAILADMIN_BASE_URL": "https://nexus.example.se",
            "NEXUS_PUBLIC_URL": "https://nexus.example.se",
            "NEXUS_VAR_DIR": str(tmp_path / "var"),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "EMAIL_URL": "dummymail://",
        }
    )
    return subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled_locked"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_job_during_an_outage_ends_with_one_line_and_status_75(tmp_path):
    result = run_job(tmp_path, "nexus_cms.settings.production")
    assert result.returncode == 75
    assert result.stderr.strip().splitlines() == [
        "publish_scheduled_locked: the database does not answer (OperationalError); "
        "the job stopped, the next run tries again."
    ]
    assert "x" * 64 not in result.stdout + result.stderr


def test_development_settings_keep_the_traceback(tmp_path):
    result = run_job(tmp_path, "nexus_cms.settings.dev")
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "OperationalError" in result.stderr
