"""Lighthouse (npm ``lighthouse``, pinned in package.json) against the live demo site.

Accessibility, best practices and SEO must score 100 on the pages readers arrive at. One
Lighthouse run (and one Chromium, Debian's, through ``CHROME_PATH``) per page, only those three
categories, Lighthouse's default mobile emulation. The reports go to ``tmp_path``.
"""

import json
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.browser.conftest import CHROMIUM_ARGS
from tests.helpers.browser import page_for

CATEGORIES = ("accessibility", "best-practices", "seo")

# (model label, Swedish slug or None, language): see tests.helpers.browser.page_for.
PAGES = [
    ("home.HomePage", None, "sv"),
    ("news.NewsIndexPage", None, "sv"),
    ("news.NewsPage", None, "sv"),
    ("training.TrainingIndexPage", None, "sv"),
    ("training.TrainingPage", None, "sv"),
    ("press.PressRoomPage", None, "sv"),
    ("home.AudiencePage", "utsatt", "ar"),
]


def failing_audits(report):
    """Category -> the weighted audits below a full score, with Lighthouse's own explanation."""
    failing = {}
    for name in CATEGORIES:
        category = report["categories"][name]
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                items = audit.get("details", {}).get("items", [])
                failing.setdefault(name, []).append(f"{ref['id']}: {audit['title']} {json.dumps(items)[:600]}")
    return failing


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def chromium_port(lighthouse_command, tmp_path):
    """A Debian Chromium with its DevTools port open, started here and waited for (up to 60 s):
    Lighthouse's own launcher gives up after a few seconds on a loaded machine."""
    _command, environment = lighthouse_command
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (Debian's chromium, fixed arguments)
        [
            environment["CHROME_PATH"],
            *CHROMIUM_ARGS,
            f"--remote-debugging-port={port}",
            "--remote-debugging-address=127.0.0.1",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=2):
                break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, "Chromium did not open its DevTools port"
            time.sleep(0.25)
    yield port
    process.terminate()
    process.wait(timeout=30)


@pytest.mark.parametrize(("label", "slug", "language"), PAGES, ids=[f"{p[0]}-{p[2]}" for p in PAGES])
def test_lighthouse_scores_100(lighthouse_command, chromium_port, demo_site, tmp_path, label, slug, language):
    command, environment = lighthouse_command
    url = demo_site.url + page_for(label, slug, language).url
    output = tmp_path / "report.json"
    completed = subprocess.run(  # noqa: S603 (fixed command, our own pinned tool)
        [
            *command,
            url,
            f"--port={chromium_port}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
            "--max-wait-for-load=30000",
        ],
        env={**environment, "TMPDIR": str(tmp_path)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    report = json.loads(output.read_text())
    assert report.get("runtimeError") is None, report["runtimeError"]
    assert report["finalDisplayedUrl"].startswith(demo_site.url)
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    assert (scores, failing_audits(report)) == (dict.fromkeys(CATEGORIES, 1), {}), url
