"""HTTP benchmark of the production stack (`make bench`).

Starts deploy/prod-check (gunicorn with nexus_cms.settings.production behind Debian's nginx, the
demo content, the task worker, everything on 127.0.0.1 in a temp dir), loads it with wrk and
prints, per page (home, news index, a news page, the trainings index, a training page, the press
room, an Arabic audience page, a search, and the home page once more as the "cached page" row):

- through nginx, at concurrency 8 and 64 (BENCH_CONCURRENCY): requests per second, p50 and p99
  latency, errors (non-2xx/3xx answers plus socket errors), the X-Cache header if the stack sends
  one; each figure also as a ratio to the reference: a static file served by the same Python
  server (gunicorn + WhiteNoise, asked directly). A static file served by nginx is the second
  reference, shown as a row with its ratio to the first. Absolute figures drift on a shared
  machine; the ratios drift much less.
- in-process (Django's test client, production settings, the same database): SQL queries and CPU
  ms of one uncached render, with the fragment caches warm and cold (every Django cache cleared
  first). Any middleware with "cache" in its path (a page cache) is left out of this measurement,
  so it is the cost of a real render. CPU ms also as a ratio to WhiteNoise serving the static file
  in the same process.

Options (environment):
  BENCH_DURATION=10       seconds per wrk run
  BENCH_CONCURRENCY=8,64  wrk connections
  BENCH_OUTPUT=path.json  also write the results as JSON
  BENCH_VARNISH=1         start Varnish (deploy/varnish/nexus.vcl) in front of nginx too and add
                          a page and a static file through it
  BENCH_DATABASE_URL=postgres://…  run on that database instead of a temp SQLite file
  BENCH_SCALE=1           fill that database with `load_scale` first (unless it already holds
                          the pages) and label the run "scale"; needs BENCH_DATABASE_URL
  BENCH_SCALE_ARGS="--news 10000 --trainings 1000 --press 2000"
wrk is installed from the Debian packages when it is missing and we are root.
"""

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = os.environ.get("PYTHON", str(ROOT / ".venv" / "bin" / "python"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONCURRENCY = [int(c) for c in os.environ.get("BENCH_CONCURRENCY", "8,64").split(",")]
WARM_ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
COLD_ROUNDS = int(os.environ.get("BENCH_COLD_ROUNDS", "5"))
VARNISH = os.environ.get("BENCH_VARNISH", "") not in ("", "0")
SCALE = os.environ.get("BENCH_SCALE", "") not in ("", "0")
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "")
SEARCH_TERM = os.environ.get("BENCH_SEARCH", "stöd")


def find_wrk():
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if os.geteuid() == 0:
        print("bench: installing wrk from the Debian packages", file=sys.stderr)
        subprocess.run(["apt-get", "update", "-qq"], check=True)  # noqa: S607 (the system's apt-get)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],  # noqa: S607
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
        )
        return shutil.which("wrk") or "/usr/bin/wrk"
    sys.exit("bench: wrk is not installed (apt-get install wrk)")


def ensure_database(url):
    """Create the PostgreSQL database of BENCH_DATABASE_URL when it does not exist yet."""
    parts = urllib.parse.urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg

    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def start_stack():
    args = [str(ROOT / "deploy" / "prod-check")]
    if VARNISH:
        args.append("--varnish")
    if DATABASE_URL:
        args += ["--database-url", DATABASE_URL]
    if SCALE:
        # The demo content goes in with load_scale's pages (ensure_scale), once, not on every run.
        args.append("--no-demo")
    process = subprocess.Popen(  # noqa: S603 (our own script)
        args, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHON": PYTHON}, start_new_session=True
    )
    varnish_url = None
    while True:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            sys.exit(f"bench: deploy/prod-check ended ({process.returncode}) before READY")
        if line.startswith("VARNISH "):
            varnish_url = line.split()[1]
        if line.startswith("READY "):
            _, url, work = line.split()
            return process, url, Path(work), varnish_url


def stop_stack(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def read_env(path):
    values = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key] = value
    return values


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse_wrk(output):
    """Requests/s, p50 and p99 in ms, and errors (non-2xx/3xx + socket errors) of wrk --latency."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = 0
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non2xx:
        errors += int(non2xx.group(1))
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if sockets:
        errors += sum(int(n) for n in sockets.groups())
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "errors": errors, "requests": requests}


def run_wrk(wrk, url, connections):
    threads = min(2, connections)
    result = subprocess.run(  # noqa: S603 (wrk against our own stack)
        [wrk, f"-t{threads}", f"-c{connections}", f"-d{DURATION}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(result.stdout)


def cache_header(url):
    """The X-Cache-style headers of a second request (after one that may fill a cache).

    Also lets the server drain the queue the previous wrk run may have left (a slow page at 64
    connections), so it does not weigh on the next row."""
    headers = {}
    for _ in range(2):
        try:
            with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 - our own 127.0.0.1 stack
                response.read()
                headers = response.headers
        except OSError as error:
            return f"probe failed: {error}"
    found = [f"{name}: {headers[name]}" for name in ("X-Cache", "X-Page-Cache", "Age") if headers.get(name)]
    if headers.get("X-Varnish") and len(headers["X-Varnish"].split()) == 2:
        found.append("X-Varnish: hit")
    return ", ".join(found) or "-"


def setup_django(env):
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "nexus_cms.settings.production"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def page_urls(search_term):
    """(label, path) of the pages the issue names, found in the database the stack serves."""
    from django.apps import apps
    from wagtail.models import Page

    def first(app, model, language="sv"):
        page = (
            apps.get_model(app, model)
            .objects.live()
            .public()
            .filter(locale__language_code=language)
            .order_by("-first_published_at", "path")
            .first()
        )
        return page.url if page else None

    home = Page.objects.live().filter(depth=2, locale__language_code="sv").first().url
    rows = [
        ("home", home),
        ("news index", first("news", "NewsIndexPage")),
        ("news page", first("news", "NewsPage")),
        ("trainings index", first("training", "TrainingIndexPage")),
        ("training page", first("training", "TrainingPage")),
        ("press room", first("press", "PressRoomPage")),
        ("audience page (ar)", first("home", "AudiencePage", "ar")),
        ("search", f"{home}sok/?q={urllib.parse.quote(search_term)}"),
    ]
    return [(label, path) for label, path in rows if path]


def count_queries(client, path, host):
    from django.db import connection

    executed = []

    def wrapper(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        status = client.get(path, HTTP_HOST=host).status_code
    return status, len(executed)


def cpu_ms(client, path, host, rounds, before=None):
    timings = []
    for _ in range(rounds):
        if before:
            before()
        start = time.process_time()
        client.get(path, HTTP_HOST=host)
        timings.append((time.process_time() - start) * 1000)
    return statistics.median(timings)


def clear_caches():
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()


def in_process(rows, host, static_path):
    """Queries and CPU ms per uncached render (page cache middleware left out), warm and cold."""
    from django.conf import settings
    from django.test import Client

    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "cache" not in m.lower()]
    client = Client()
    client.get(static_path, HTTP_HOST=host)
    static_ms = cpu_ms(client, static_path, host, WARM_ROUNDS * 3)
    results = {}
    for label, path in rows:
        client.get(path, HTTP_HOST=host)
        status, warm_queries = count_queries(client, path, host)
        warm = cpu_ms(client, path, host, WARM_ROUNDS)
        clear_caches()
        _, cold_queries = count_queries(client, path, host)
        cold = cpu_ms(client, path, host, COLD_ROUNDS, before=clear_caches)
        results[label] = {
            "status": status,
            "queries_warm": warm_queries,
            "queries_cold": cold_queries,
            "cpu_ms_warm": warm,
            "cpu_ms_cold": cold,
            "cpu_ratio_warm": warm / static_ms,
            "cpu_ratio_cold": cold / static_ms,
        }
    return static_ms, results


SEARCH_TERMS = (
    "stöd",
    "utbildning",
    "polis",
    "skola",
    "kommun",
    "hedersrelaterat våld",
    "förtryck",
    "socialtjänst",
    "region",
    "barn",
    "föräldrar",
    "samverkan",
    "handbok",
    "konferens",
    "uppsala",
    "tierp",
    "heby",
    "östhammar",
    "enköping",
    "knivsta",
)


def search_latency(home_path, host):
    """Wall-clock p50/p90 of search renders for terms never asked before in this run (the
    page cache is left out by in_process; the fragment caches are warm)."""
    from django.test import Client

    client = Client()
    timings = []
    for term in SEARCH_TERMS:
        start = time.perf_counter()
        client.get(f"{home_path}sok/", {"q": term}, HTTP_HOST=host)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "terms": len(timings),
        "p50_ms": statistics.median(timings),
        "p90_ms": timings[int(len(timings) * 0.9) - 1],
    }


def static_file(work):
    """A hashed CSS file of the collected static files (WhiteNoise's manifest)."""
    manifest = json.loads((work / "var" / "static" / "staticfiles.json").read_text())["paths"]
    return manifest["css/nexus.css"]


def ensure_scale():
    from django.apps import apps
    from django.core.management import call_command

    args = os.environ.get("BENCH_SCALE_ARGS", "--news 10000 --trainings 1000 --press 2000").split()
    wanted = int(args[args.index("--news") + 1]) if "--news" in args else 10000
    if not apps.get_model("home", "AudiencePage").objects.exists():
        call_command("load_demo")
    if apps.get_model("news", "NewsPage").objects.count() < wanted:
        start = time.monotonic()
        call_command("load_scale", *args)
        print(f"load_scale {' '.join(args)}: {time.monotonic() - start:.0f} s", file=sys.stderr)


def wait_for_the_task_worker(limit=600):
    """Measure the stack at rest: the work load_demo and publishing queued (renditions, mails)
    is done by the task worker first, or it would share the two cores with the first rows."""
    from django_tasks_db.models import DBTaskResult

    start = time.monotonic()
    while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
        if time.monotonic() - start > limit:
            print("bench: the task worker is still busy; measuring anyway", file=sys.stderr)
            return
        time.sleep(2)
    print(f"bench: the task worker was idle after {time.monotonic() - start:.0f} s", file=sys.stderr)


def page_counts():
    from django.apps import apps
    from wagtail.models import Page

    counts = {"all": Page.objects.count()}
    for app, model in (("news", "NewsPage"), ("training", "TrainingPage"), ("press", "PressReleasePage")):
        counts[model] = apps.get_model(app, model).objects.count()
    return counts


def ratio(value, reference):
    return value / reference if reference else float("nan")


def print_tables(meta, http_rows, renders, static_cpu):
    print(f"\nNexus HTTP benchmark — {meta['database']}, {meta['duration_s']} s per wrk run, {meta['label']}")
    print(f"pages: {meta['pages']}")
    print("reference: static file from gunicorn + WhiteNoise (×ref = figure / reference's)\n")
    head = f"{'row':30} {'conc':>4} {'req/s':>8} {'×ref':>6} {'p50 ms':>8} {'×ref':>6} {'p99 ms':>8} {'×ref':>6} {'errors':>6}  cache"
    print(head)
    print("-" * len(head))
    for row in http_rows:
        print(
            f"{row['label']:30} {row['concurrency']:>4} {row['rps']:>8.1f} {row['rps_ratio']:>6.3f} "
            f"{row['p50_ms']:>8.2f} {row['p50_ratio']:>6.1f} {row['p99_ms']:>8.2f} {row['p99_ratio']:>6.1f} "
            f"{row['errors']:>6}  {row['cache']}"
        )
    print(
        f"\nIn-process render (test client, page cache left out): SQL queries and CPU ms (median), "
        f"×ref = CPU ms / WhiteNoise static ({static_cpu:.2f} ms)\n"
    )
    head = f"{'row':30} {'caches':>6} {'status':>6} {'queries':>7} {'CPU ms':>8} {'×ref':>7}"
    print(head)
    print("-" * len(head))
    for label, r in renders.items():
        print(
            f"{label:30} {'warm':>6} {r['status']:>6} {r['queries_warm']:>7} {r['cpu_ms_warm']:>8.1f} {r['cpu_ratio_warm']:>7.1f}"
        )
        print(
            f"{'':30} {'cold':>6} {'':>6} {r['queries_cold']:>7} {r['cpu_ms_cold']:>8.1f} {r['cpu_ratio_cold']:>7.1f}"
        )


def main():
    if SCALE and not DATABASE_URL:
        sys.exit("bench: BENCH_SCALE=1 needs BENCH_DATABASE_URL (a PostgreSQL database to fill)")
    wrk = find_wrk()
    if DATABASE_URL:
        ensure_database(DATABASE_URL)
    process, public_url, work, varnish_url = start_stack()
    try:
        env = read_env(work / "nexus.env")
        setup_django(env)
        if SCALE:
            ensure_scale()
        wait_for_the_task_worker()
        from django.db import connection

        rows = page_urls(SEARCH_TERM)
        rows.append(("cached page (home, repeated)", rows[0][1]))
        static_path = "/static/" + static_file(work)
        origin = public_url.rstrip("/")
        gunicorn = "http://" + env["GUNICORN_BIND"]
        targets = (
            [
                ("static: gunicorn + WhiteNoise", gunicorn + static_path, "ref"),
                ("static: nginx", origin + static_path, "ref"),
            ]
            + [(label, origin + path, "page") for label, path in rows]
            # Like for like with the reference: the cached page asked from the same gunicorn directly.
            + [("cached page (home), gunicorn", gunicorn + rows[0][1], "page")]
        )
        if varnish_url:
            targets += [
                ("varnish: static", varnish_url + static_path, "varnish"),
                ("varnish: home", varnish_url + rows[0][1], "varnish"),
            ]
        http_rows = []
        for connections in CONCURRENCY:
            reference = None
            varnish_reference = None
            for label, url, kind in targets:
                cache = cache_header(url)
                figures = run_wrk(wrk, url, connections)
                if reference is None:
                    reference = figures
                if label == "varnish: static":
                    varnish_reference = figures
                ref = varnish_reference if kind == "varnish" and label != "varnish: static" else reference
                http_rows.append(
                    {
                        "label": label,
                        "url": url,
                        "concurrency": connections,
                        **figures,
                        "rps_ratio": ratio(figures["rps"], ref["rps"]),
                        "p50_ratio": ratio(figures["p50_ms"], ref["p50_ms"]),
                        "p99_ratio": ratio(figures["p99_ms"], ref["p99_ms"]),
                        "reference": "varnish: static" if ref is varnish_reference else targets[0][0],
                        "cache": cache,
                    }
                )
        host = urllib.parse.urlsplit(public_url).netloc
        static_cpu, renders = in_process(rows[:-1], host, static_path)
        search = search_latency(rows[0][1], host)
        meta = {
            "database": connection.vendor,
            "duration_s": DURATION,
            "concurrency": CONCURRENCY,
            "label": "scale" if SCALE else "demo content",
            "pages": page_counts(),
        }
        print_tables(meta, http_rows, renders, static_cpu)
        print(
            f"\nUncached search ({search['terms']} different terms, in-process, page cache left out): "
            f"p50 {search['p50_ms']:.1f} ms, p90 {search['p90_ms']:.1f} ms wall time"
        )
        if os.environ.get("BENCH_OUTPUT"):
            Path(os.environ["BENCH_OUTPUT"]).write_text(
                json.dumps(
                    {
                        "meta": meta,
                        "http": http_rows,
                        "render": renders,
                        "render_static_cpu_ms": static_cpu,
                        "search_uncached": search,
                    },
                    indent=2,
                    ensure_ascii=False,
                )
            )
    finally:
        stop_stack(process)


if __name__ == "__main__":
    main()
