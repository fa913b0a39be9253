"""Lighthouse (npm ``lighthouse``, pinned in package.json) against the live demo site.

Accessibility, best practices and SEO must score 100 on the pages readers arrive at. One
Lighthouse run (and one Chromium, Debian's, through ``CHROME_PATH``) per page, only those three
categories, Lighthouse's default mobile emulation. The reports go to ``tmp_path``.
"""

import json
import subprocess

import pytest

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


@pytest.mark.parametrize(("label", "slug", "language"), PAGES, ids=[f"{p[0]}-{p[2]}" for p in PAGES])
def test_lighthouse_scores_100(lighthouse_command, demo_site, tmp_path, label, slug, language):
    command, environment = lighthouse_command
    url = demo_site.url + page_for(label, slug, language).url
    output = tmp_path / "report.json"
    completed = subprocess.run(  # noqa: S603 (fixed command, our own pinned tool)
        [
            *command,
            url,
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
