"""`make screenshots`: the home page at phone and desktop width, in Swedish and Arabic, as PNG.

Without ``--url`` it serves the demo site as readers get it (``deploy/run-local``: production
settings, gunicorn) from a throwaway folder (its own SQLite, media and secret, never ``var/`` or a
``DATABASE_URL`` of yours) on a free port, and stops it afterwards. With ``--url`` it photographs
a site that is already running. The browser is Debian's ``chromium`` (``NEXUS_CHROMIUM``), driven
by Playwright; never a downloaded one.

    .venv/bin/python scripts/screenshots.py                       # writes docs/screenshots/
    .venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8000 --output /tmp/shots
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("NEXUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = (375, 1280)
HOMES = {"sv": "/", "ar": "/ar/"}
STARTUP_SECONDS = 600


def file_name(language, width):
    return f"home-{language}-{width}.png"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, process):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"deploy/run-local stopped (exit {process.returncode}) before serving {url}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own local server)
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    sys.exit(f"{url} did not answer within {STARTUP_SECONDS} s")


def serve_demo(workdir):
    """Start deploy/run-local on a free port with its state in workdir; (process, base URL)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {
        **os.environ,
        "PYTHON": str(ROOT / ".venv" / "bin" / "python"),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "NEXUS_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir}/nexus.sqlite3",
        "MEDIA_ROOT": str(workdir / "media"),
        "NEXUS_PUBLIC_URL": base,
        "WAGTAILADMIN_BASE_URL": base,
        "GUNICORN_WORKERS": "1",
    }
    log = (workdir / "run-local.log").open("w")
    process = subprocess.Popen(  # noqa: S603 (our own script)
        [str(ROOT / "deploy" / "run-local")],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    wait_for(f"{base}/", process)
    return process, base


def photograph(base, output):
    output.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for language, path in HOMES.items():
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                target = output / file_name(language, width)
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
                context.close()
        browser.close()
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="photograph this running site instead of serving the demo")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"Debian's Chromium not found at {CHROMIUM} (apt-get install chromium)")
    if arguments.url:
        written = photograph(arguments.url.rstrip("/"), arguments.output)
    else:
        with tempfile.TemporaryDirectory(prefix="nexus-screenshots-") as workdir:
            process, base = serve_demo(Path(workdir))
            try:
                written = photograph(base, arguments.output)
            finally:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=60)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
