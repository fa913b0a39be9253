"""`make screenshots` (scripts/screenshots.py): the home page at 375 and 1280 px in sv and ar.

The test photographs the live demo server (``--url``) into ``tmp_path``; the committed copies in
``docs/screenshots/`` are never touched by it.
"""

import os
import struct
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
EXPECTED = {f"home-{language}-{width}.png": width for language in ("sv", "ar") for width in (375, 1280)}


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def committed():
    return {path.name: path.stat().st_mtime_ns for path in (ROOT / "docs" / "screenshots").glob("*.png")}


def test_screenshots_of_the_home_page_in_swedish_and_arabic(demo_site, tmp_path, browser_type_launch_args):
    before = committed()
    output = tmp_path / "shots"
    result = subprocess.run(  # noqa: S603 (our own script)
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--url", demo_site.url, "--output", str(output)],
        env={**os.environ, "NEXUS_CHROMIUM": browser_type_launch_args["executable_path"]},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(path.name for path in output.iterdir()) == sorted(EXPECTED)
    for name, width in EXPECTED.items():
        shot_width, shot_height = png_size(output / name)
        assert shot_width == width, name
        assert shot_height >= 800, name  # the whole page, not an empty frame
    # The committed screenshots are the README's; the test leaves them as they are.
    assert committed() == before
    assert set(before) == set(EXPECTED)
