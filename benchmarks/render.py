"""Render benchmark: CPU milliseconds and warm query counts per page role.

Builds the demo site in a throwaway database (SQLite, or BENCH_DATABASE_URL for PostgreSQL),
then renders one live page of every page type through Django's test client, warm, N times.
Prints figures; asserts nothing (correctness and query counts are the tests' job).

    .venv/bin/python benchmarks/render.py            # SQLite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/nexus_bench .venv/bin/python benchmarks/render.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.mkdtemp(prefix="nexus-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "nexus_cms.settings.dev"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORKDIR}/bench.sqlite3")
os.environ["MEDIA_ROOT"] = f"{WORKDIR}/media"
(ROOT / "var" / "static").mkdir(parents=True, exist_ok=True)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page, get_page_models  # noqa: E402


def roles():
    """(role, url) for one live Swedish page of every page type, plus non-page views."""
    found = []
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().filter(locale__language_code="sv").order_by("path").first()
        if page is not None:
            found.append((model.__name__, page.url))
    arabic_home = Page.objects.live().filter(depth=2, locale__language_code="ar").first()
    if arabic_home is not None:
        found.append(("HomePage (ar)", arabic_home.url))
    found.append(("404", "/sida-som-inte-finns/"))
    return found


def measure(client, url):
    client.get(url)  # warm caches and renditions
    executed = []
    # The query log is reset at request_started, so count through an execute wrapper.
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: executed.append(sql) or execute(sql, params, many, context)
    ):
        status = client.get(url).status_code
    timings = []
    for _ in range(ROUNDS):
        start = time.process_time()
        client.get(url)
        timings.append((time.process_time() - start) * 1000)
    timings.sort()
    return status, len(executed), statistics.median(timings), timings[int(len(timings) * 0.9) - 1]


def main():
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    client = Client()
    engine = connection.vendor
    print(f"Nexus render benchmark — {engine}, {ROUNDS} warm rounds, CPU ms of the test-client request")
    print(f"{'role':28} {'status':>6} {'queries':>7} {'median ms':>10} {'p90 ms':>8}  url")
    for role, url in roles():
        status, queries, median, p90 = measure(client, url)
        print(f"{role:28} {status:>6} {queries:>7} {median:>10.1f} {p90:>8.1f}  {url}")


if __name__ == "__main__":
    main()
