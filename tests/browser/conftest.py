"""Browser tests: Debian's headless Chromium against one live server with the demo content.

Never a downloaded browser (no ``playwright install``): the Debian package ``chromium`` matches
Playwright 1.64's Chromium. ``.ci/run`` installs it; with ``CI=true`` a missing browser (or Java
or the npm tools) fails the suite instead of skipping it.

Speed: the demo content is built once per test session and served by one live server thread;
tests loop over pages inside one visit each instead of rebuilding anything. The browser tests
run after every other test of the session (see ``pytest_collection_modifyitems``), so the demo
content never leaks into another test.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("NEXUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(condition, message):
    """Skip locally when a tool is missing; fail in CI, where .ci/run must have installed it."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"{message} (CI=true: .ci/run installs it)", pytrace=False)
    pytest.skip(message)


def pytest_collection_modifyitems(items):
    """Mark the browser tests and run them after every other test.

    The ``django_db`` marker only makes pytest-django create the test database when the browser
    tests run alone; ``_django_db_marker`` below replaces the per-test transaction or flush with
    nothing, because the demo content is shared. Running last, nothing else sees that content.
    """
    here = Path(__file__).parent
    browser_items = [item for item in items if Path(str(item.fspath)).parent == here]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.django_db(transaction=True))
    others = [item for item in items if item not in browser_items]
    # pytest-playwright parametrizes any test asking for a fixture it owns (``page``, say) with a
    # browser; such a test outside this folder would run among the database tests with a browser
    # and reorder the session. Name the fixture otherwise.
    strays = [
        item.nodeid for item in others if "browser_name" in getattr(getattr(item, "callspec", None), "params", {})
    ]
    if strays:
        raise pytest.UsageError(f"Browser fixtures outside tests/browser/ (rename the fixture): {strays[:3]}")
    items[:] = others + browser_items


@pytest.fixture(autouse=True)
def _django_db_marker(django_db_blocker):
    """Replaces pytest-django's fixture here: database access without a transaction or a flush."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require(os.access(CHROMIUM, os.X_OK), f"Debian's Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content served on 127.0.0.1; the quick exit points at a page of the same server."""
    from pytest_django.live_server_helper import LiveServer
    from wagtail.models import Site

    from demo.loader import load_demo
    from home.models import SiteSettings
    from tests.helpers.baseline import ensure_wagtail_roots

    with django_db_blocker.unblock():
        ensure_wagtail_roots()
        load_demo()
        server = LiveServer("127.0.0.1:0")
        site = Site.objects.get(is_default_site=True)
        exit_url = f"{server.url}/robots.txt"
        SiteSettings.objects.update_or_create(site=site, defaults={"quick_exit_url": exit_url})
    yield server
    server.stop()
    from django.db import connections

    connections.close_all()


@pytest.fixture(scope="session")
def playwright(demo_site, playwright):
    """Start Playwright (and its event loop) only after the test database and the demo exist.

    Created inside Playwright's loop, Django's per-context connection would open a second
    connection to SQLite's in-memory test database and miss the migrated one.
    """
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses that otherwise.
    # Only while the browser suite runs: `check --deploy` in a subprocess must not inherit it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield playwright
    # Connections opened while Playwright's loop ran live in their own context: close them here,
    # or PostgreSQL refuses to drop the test database ("being accessed by other users").
    from django.db import connections

    connections.close_all()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def exit_url(demo_site):
    return f"{demo_site.url}/robots.txt"


@pytest.fixture
def new_page(browser, demo_site):
    """new_page(width=1280, javascript=True, touch=False) -> a page in a fresh, cookie-less context."""
    contexts = []

    def make(width=1280, javascript=True, touch=False):
        context = browser.new_context(
            base_url=demo_site.url,
            viewport={"width": width, "height": 800},
            java_script_enabled=javascript,
            has_touch=touch,
            is_mobile=touch,
            service_workers="block",
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_script():
    require(AXE_SCRIPT.exists(), f"{AXE_SCRIPT} missing (run npm ci)")
    return AXE_SCRIPT.read_text()


@pytest.fixture(scope="session")
def vnu_command():
    java = shutil.which("java")
    require(java is not None, "no Java runtime for the Nu Html Checker (apt-get install default-jre-headless)")
    require(VNU_JAR.exists(), f"{VNU_JAR} missing (run npm ci)")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


@pytest.fixture(scope="session")
def lighthouse_command():
    """(command, environment): Lighthouse (pinned in package.json) on Node, driving Debian's Chromium
    through CHROME_PATH (never a browser of its own)."""
    node = shutil.which("node")
    require(node is not None, "no Node.js for Lighthouse (apt-get install npm)")
    require(LIGHTHOUSE.exists(), f"{LIGHTHOUSE} missing (run npm ci)")
    require(os.access(CHROMIUM, os.X_OK), f"Debian's Chromium not found at {CHROMIUM} (apt-get install chromium)")
    command = [node, str(LIGHTHOUSE), f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"]
    return command, {**os.environ, "CHROME_PATH": CHROMIUM}
