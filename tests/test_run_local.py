"""`make run` serves the site as readers get it: its server started as the Makefile starts it.

deploy/run-local (what `make run` calls) builds a fresh SQLite site with the demo content in a
temporary NEXUS_VAR_DIR and serves it with gunicorn on a free port; the test then reads it
over HTTP like a browser would.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Variables of the test run (or a developer's shell) that would change what the script builds.
FOREIGN = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "MEDIA_ROOT", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    """(status, headers, body) of a GET, without following redirects."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - local test server
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("run-local")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in FOREIGN}
    env.update({"NEXUS_VAR_DIR": str(var_dir), "PORT": str(port), "PYTHON": sys.executable, "GUNICORN_WORKERS": "1"})
    log = (var_dir / "run.log").open("w")
    process = subprocess.Popen(  # noqa: S603
        [str(ROOT / "deploy" / "run-local")],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            assert process.poll() is None, (var_dir / "run.log").read_text()[-3000:]
            try:
                if fetch(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(2)
        else:
            pytest.fail("make run's server did not answer in time")
        yield base, var_dir
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_unknown_address_answers_the_sites_own_swedish_404(local_site):
    base, _ = local_site
    status, headers, body = fetch(f"{base}/finns-inte/")
    html = body.decode()
    assert status == 404
    assert '<html lang="sv" dir="ltr">' in html
    assert "Sidan hittades inte" in html
    # DEBUG off: not Django's technical page listing the URL patterns.
    assert "URLconf" not in html
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_debug_is_off_in_the_run_settings(local_site):
    _, var_dir = local_site
    env = {k: v for k, v in os.environ.items() if k not in FOREIGN}
    env.update({"NEXUS_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "nexus_cms.settings.local"})
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "False", result.stderr


def test_static_files_come_from_whitenoise_with_hashed_names(local_site):
    base, _ = local_site
    _, _, body = fetch(f"{base}/")
    stylesheet = re.search(r'href="(/static/css/nexus\.[0-9a-f]{12}\.css)"', body.decode())
    assert stylesheet, "the stylesheet is not served under its manifest (hashed) name"
    status, headers, _ = fetch(base + stylesheet.group(1))
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert "immutable" in headers["Cache-Control"]


def test_images_on_the_demo_pages_load_as_images_only(local_site):
    base, _ = local_site
    _, _, body = fetch(f"{base}/nyheter/")
    sources = re.findall(r'<img[^>]*src="(/media/[^"]+)"', body.decode())
    assert sources
    for source in sources[:3]:
        status, headers, content = fetch(base + source)
        assert status == 200
        assert headers["Content-Type"] == "image/png"
        assert content.startswith(b"\x89PNG")
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in headers["Content-Security-Policy"]


def test_no_cookie_for_readers(local_site):
    base, _ = local_site
    _, headers, _ = fetch(f"{base}/")
    assert headers.get("Set-Cookie") is None
