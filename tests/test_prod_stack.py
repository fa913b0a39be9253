"""The production stack as deployed: gunicorn with the production settings behind a real nginx.

deploy/prod-check (`make prod-check`) builds the site in a temp dir (temp SQLite database, demo
content), renders deploy/nginx/nexus.conf for a non-root nginx and serves on 127.0.0.1; these
tests read it through nginx, at the root and under a path prefix, and run every scheduled job as
its systemd unit does. Slow (an installation per stack), so it runs once per CI run: in the
PostgreSQL pass (skipped unless DATABASE_URL is PostgreSQL) or when NEXUS_PROD_CHECK=1
(`make prod-check`). Without nginx it skips locally and fails in CI (CI=true).
"""

import base64
import binascii
import email
import email.policy
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/nexus-hedersvald"
# Variables of the test run that would change what the script builds.
FOREIGN = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "MEDIA_ROOT", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"}
FOREIGN |= {"NEXUS_PUBLIC_URL", "NEXUS_VAR_DIR", "WAGTAILADMIN_BASE_URL", "AWS_STORAGE_BUCKET_NAME"}


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def wanted():
    return os.environ.get("NEXUS_PROD_CHECK") == "1" or os.environ.get("DATABASE_URL", "").startswith("postgres")


pytestmark = pytest.mark.skipif(not wanted(), reason="runs once: on PostgreSQL or with NEXUS_PROD_CHECK=1")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, headers=None):
    """(status, headers, body) of a GET, without following redirects."""
    try:
        with OPENER.open(urllib.request.Request(url, headers=headers or {}), timeout=30) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def start_stack(prefix, log_path):
    have_nginx = shutil.which("nginx") or Path("/usr/sbin/nginx").exists()
    if not have_nginx and os.geteuid() != 0:
        if in_ci():
            pytest.fail("nginx is missing: .ci/run installs it (APT_PACKAGES)")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    env = {k: v for k, v in os.environ.items() if k not in FOREIGN}
    env["PYTHON"] = sys.executable
    log = log_path.open("w")
    args = [str(ROOT / "deploy" / "prod-check"), *(["--prefix", prefix] if prefix else [])]
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 900
    line = ""
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("READY ") or not line and process.poll() is not None:
            break
    if not line.startswith("READY "):
        os.killpg(process.pid, signal.SIGTERM)
        pytest.fail(f"prod-check did not start: {log_path.read_text()[-3000:]}")
    _, url, work = line.split()
    return process, url, Path(work), log


def stop_stack(process, log):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)
    log.close()


@pytest.fixture
def serve(tmp_path):
    """Start deploy/prod-check (optionally under a prefix); stopped and removed after the test."""
    started = []

    def start(prefix=""):
        process, url, work, log = start_stack(prefix, tmp_path / "prod-check.log")
        started.append((process, log))
        return url, work

    yield start
    for process, log in started:
        stop_stack(process, log)


class FormFields(HTMLParser):
    """The fields of the forms in a page: {action: {name: value}} (the first option of a select)."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = self.forms.setdefault(attrs.get("action", ""), {})
        elif self.current is not None and tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind == "checkbox":
                self.current[attrs["name"]] = attrs.get("value", "on")
            elif kind not in ("submit", "button"):
                self.current[attrs["name"]] = attrs.get("value", "")
        elif self.current is not None and tag in ("select", "textarea") and attrs.get("name"):
            self.select = attrs["name"]
            self.current.setdefault(self.select, "")
        elif tag == "option" and self.select and attrs.get("value") and not self.current[self.select]:
            self.current[self.select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag in ("select", "textarea"):
            self.select = None
        elif tag == "form":
            self.current = None


def form_on(url, page, action_part):
    parser = FormFields()
    parser.feed(fetch(f"{url}{page}")[2].decode())
    action = next(action for action in parser.forms if action_part in action)
    return action, parser.forms[action]


def post(url, path, fields):
    """(status, headers, body) of a form POST through nginx, without following redirects."""
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(f"{url}{path}", data=data, method="POST")  # noqa: S310 (local stack)
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def mails(work):
    """Every message the stack sent (the file e-mail backend: one file per connection)."""
    messages = []
    for path in sorted((work / "mail").glob("*.log")):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
    return messages


def mail_to(work, address, seconds=0, containing=""):
    deadline = time.monotonic() + seconds
    while True:
        for message in mails(work):
            body = message.get_body(("plain",)).get_content()
            if message["To"] == address and containing in body + str(message["Subject"]):
                return message, body
        if time.monotonic() >= deadline:
            raise AssertionError(f"no mail to {address} containing {containing!r}: {[m['To'] for m in mails(work)]}")
        time.sleep(1)


def assert_security_headers(headers):
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    # No Strict-Transport-Security: Django sends it on HTTPS only, and this stack is plain HTTP.
    assert "camera=()" in headers["Permissions-Policy"]
    # nginx names itself without a version; gunicorn's own Server header is replaced.
    assert headers["Server"] == "nginx"


def check_home_page_through_nginx_with_the_security_headers_and_no_cookie(url, work):
    status, headers, body = fetch(f"{url}/")
    assert status == 200
    assert '<html lang="sv" dir="ltr">' in body.decode()
    assert_security_headers(headers)
    assert headers.get("Set-Cookie") is None
    # The public address comes from the configuration, not from the Site's demo host.
    assert f'<link rel="canonical" href="{url}/"' in body.decode()


def check_static_files_come_from_nginx_with_long_caching(url, work):
    html = fetch(f"{url}/")[2].decode()
    css = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    status, headers, body = fetch(f"{url}{css}")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Server"] == "nginx" and headers["X-Content-Type-Options"] == "nosniff"
    # Served from the collected files, not by WhiteNoise behind it (gunicorn's log never sees it).
    assert (work / "var" / "static" / css.removeprefix("/static/")).read_bytes() == body
    assert css not in (work / "log" / "gunicorn.log").read_text()


def check_media_images_are_images_anything_else_a_sandboxed_download(url, work):
    html = fetch(f"{url}/")[2].decode() + fetch(f"{url}/nyheter/")[2].decode()
    image = re.search(r'src="(/media/images/[^"]+)"', html).group(1)
    status, headers, body = fetch(f"{url}{image}")
    assert status == 200 and headers["Content-Type"].startswith("image/")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert headers.get("Content-Disposition") is None
    # A planted HTML file in media never renders in the site's origin.
    (work / "media" / "images" / "planted.html").write_text("<script>alert(1)</script>")
    status, headers, _ = fetch(f"{url}/media/images/planted.html")
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Disposition"] == "attachment"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]


def check_documents_only_through_the_serve_view_as_attachments(url, work):
    documents = sorted((work / "media" / "documents").iterdir())
    assert documents
    assert fetch(f"{url}/media/documents/{documents[0].name}")[0] == 404
    html = fetch(f"{url}/nyheter/")[2].decode()
    news = re.findall(r'href="(/nyheter/[^"?#]+/[^"?#]+/)"', html)
    links = [m for page in news for m in re.findall(r'href="(/documents/[^"]+)"', fetch(f"{url}{page}")[2].decode())]
    assert links
    status, headers, body = fetch(f"{url}{links[0]}")
    assert status == 200 and body.startswith(b"%PDF")
    assert headers["Content-Disposition"].startswith("attachment")
    assert headers["X-Content-Type-Options"] == "nosniff"


def check_the_sites_own_404_and_the_probes(url, work):
    status, headers, body = fetch(f"{url}/finns-inte/")
    assert status == 404
    assert '<html lang="sv" dir="ltr">' in body.decode() and "URLconf" not in body.decode()
    assert_security_headers(headers)
    for probe in ("/healthz", "/readyz"):
        status, headers, body = fetch(f"{url}{probe}")
        assert status == 200 and b'"status": "ok"' in body
        assert "no-store" in headers["Cache-Control"] and headers.get("Set-Cookie") is None


def check_a_request_log_line_per_request_without_query_strings(url, work):
    fetch(f"{url}/sok/?q=hemlig-sokterm")
    time.sleep(0.5)
    gunicorn_log = (work / "log" / "gunicorn.log").read_text()
    nginx_log = (work / "log" / "nexus.access.log").read_text()
    assert '"GET /sok/" 200' in gunicorn_log and '"GET /sok/" 200' in nginx_log
    assert "hemlig-sokterm" not in gunicorn_log + nginx_log


def check_one_request_id_in_the_lines_of_nginx_gunicorn_and_the_app(url, work):
    # A client's own X-Request-ID is replaced by nginx's (32 hex characters, random).
    status, headers, _ = fetch(f"{url}/utbildningar/", headers={"X-Request-ID": "forged-by-the-client"})
    request_id = headers["X-Request-ID"]
    assert status == 200 and re.fullmatch(r"[0-9a-f]{32}", request_id), request_id
    time.sleep(0.5)
    nginx_lines = [line for line in (work / "log" / "nexus.access.log").read_text().splitlines() if request_id in line]
    gunicorn_lines = [line for line in (work / "log" / "gunicorn.log").read_text().splitlines() if request_id in line]
    assert len(nginx_lines) == 1 and '"GET /utbildningar/" 200' in nginx_lines[0]
    assert len(gunicorn_lines) == 1 and gunicorn_lines[0].endswith(f"request_id={request_id}")
    assert "forged-by-the-client" not in (work / "log" / "gunicorn.log").read_text()


def manage(work, *args, check=True):
    """manage.py in the stack's tree with the environment file the units read."""
    env = {"PATH": os.environ["PATH"]}
    for line in (work / "nexus.env").read_text().splitlines():
        key, _, value = line.partition("=")
        env[key] = value
    assert env["DJANGO_SETTINGS_MODULE"] == "nexus_cms.settings.production"
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", *args], cwd=work / "srv", env=env, capture_output=True, text=True, timeout=300
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def check_backup_then_restore_brings_back_a_deleted_page_and_image(url, work):
    image = sorted((work / "media" / "original_images").iterdir())[0]
    original = hashlib.sha256(image.read_bytes()).hexdigest()
    assert fetch(f"{url}/sakerhet/")[0] == 200
    refused = manage(work, "restore", check=False)
    assert refused.returncode != 0 and "--force" in refused.stderr
    manage(work, "backup")
    archives = sorted(path.name for path in (work / "backups").iterdir())
    assert any(name.endswith(".sqlite3") for name in archives) and any(".tar" in name for name in archives)
    manage(
        work,
        "shell",
        "-c",
        "from home.models import StandardPage; StandardPage.objects.get(slug='sakerhet', locale__language_code='sv').delete()",
    )
    image.unlink()
    assert fetch(f"{url}/sakerhet/")[0] == 404
    manage(work, "restore", "--force")
    # Restored while gunicorn runs and has the database open (home/backup.py).
    status = fetch(f"{url}/sakerhet/")[0]
    assert status == 200, (work / "log" / "gunicorn.log").read_text()[-4000:]
    assert fetch(f"{url}/")[0] == 200
    assert hashlib.sha256(image.read_bytes()).hexdigest() == original


def timed_fetch(url):
    start = time.monotonic()
    status, headers, body = fetch(url)
    return status, headers, body, time.monotonic() - start


# The people of the outage test: none of them may appear in any log of the stack.
PARTICIPANT = "Ingrid Loggsdotter"
PARTICIPANT_EMAIL = "ingrid.loggsdotter@example.org"
JOURNALIST = "redaktion.loggkoll@example.org"
# The demo's embargoed press release, made due (as if its go-live time had come): the scheduled
# publishing job publishes it, and the task worker mails it to the confirmed subscribers.
MAKE_THE_EMBARGO_DUE = """
import json
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Revision
past = timezone.now() - timedelta(minutes=1)
revision = Revision.page_revisions.filter(approved_go_live_at__isnull=False).order_by("pk").first()
revision.approved_go_live_at = past
revision.content["go_live_at"] = past.isoformat()
revision.save()
page = revision.content_object.specific
type(page).objects.filter(pk=page.pk).update(go_live_at=past)
print("DUE " + json.dumps({"url": page.url, "title": page.title}))
"""


def subscribe_and_confirm_through_nginx(url, work):
    # The press room (cached for every reader) links to the form page, which carries the token.
    assert 'href="/press/prenumeration/?sprak=sv"' in fetch(f"{url}/press/")[2].decode()
    action, fields = form_on(url, "/press/prenumeration/?sprak=sv", "/press/prenumeration/")
    fields["email"] = JOURNALIST
    status, _, body = post(url, action, fields)
    assert status == 200, body.decode()[-2000:]
    _, text = mail_to(work, JOURNALIST, seconds=10, containing="/press/prenumeration/bekrafta/")
    link = re.search(r"https?://\S+/press/prenumeration/bekrafta/\S+/", text).group(0)
    action, fields = form_on(url, urllib.parse.urlsplit(link).path, "/press/prenumeration/bekrafta/")
    status, _, body = post(url, action, fields)
    assert status == 200 and "bekräftad" in body.decode()


def book_through_nginx(url, work):
    listing = fetch(f"{url}/utbildningar/")[2].decode()
    pages = re.findall(r'href="(/utbildningar/[^"/?]+/[^"/?]+/)"', listing)
    page = next(page for page in pages if "/utbildningar/anmalan/" in fetch(f"{url}{page}")[2].decode())
    # The training page (cached for every reader) links to its booking form page.
    form_page = re.search(r'href="(/utbildningar/anmalan/\d+/)"', fetch(f"{url}{page}")[2].decode()).group(1)
    action, fields = form_on(url, form_page, "/utbildningar/anmalan/")
    fields.update(name=PARTICIPANT, email=PARTICIPANT_EMAIL, role="Skolkurator", consent="on")
    status, headers, body = post(url, action, fields)
    assert status == 302 and "/utbildningar/kvitto/" in headers["Location"], body.decode()[-2000:]
    _, text = mail_to(work, PARTICIPANT_EMAIL, seconds=10)
    assert PARTICIPANT in text


def run_unit(work, service, check=True):
    """The unit's ExecStart, in the unit's working directory, with the environment file the units read."""
    text = (ROOT / "deploy" / "systemd" / service).read_text()
    command = re.search(r"^ExecStart=/srv/nexus/\.venv/bin/python manage\.py (.+)$", text, re.M).group(1).split()
    return manage(work, *command, check=check)


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.5)


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def check_a_database_outage_answers_503_quickly_and_the_site_recovers_without_restart(url, work):
    subscribe_and_confirm_through_nginx(url, work)
    book_through_nginx(url, work)
    due = json.loads(manage(work, "shell", "-c", MAKE_THE_EMBARGO_DUE).stdout.split("DUE ", 1)[1])
    assert fetch(f"{url}{due['url']}")[0] == 404
    worker = int((work / "worker.pid").read_text())
    worker_log = work / "log" / "worker.log"
    assert alive(worker) and "Starting worker" in worker_log.read_text()
    database = work / "db"
    database.rename(work / "db-away")
    try:
        status, headers, body, seconds = timed_fetch(f"{url}/readyz")
        assert status == 503 and seconds < 2
        assert json.loads(body)["failing"][0] == "database"
        assert "no-store" in headers["Cache-Control"]
        status, headers, body, seconds = timed_fetch(f"{url}/utbildningar/")
        assert status == 503 and seconds < 2
        html = body.decode()
        assert '<html lang="sv" dir="ltr">' in html and "020-50 50 50" in html and "Traceback" not in html
        assert headers["Retry-After"] == "30" and headers["Server"] == "nginx"
        # The error is logged by the app with the request's id, the one nginx logged.
        failed_request = headers["X-Request-ID"]
        assert fetch(f"{url}/healthz")[0] == 200
        # The scheduler's job, run by its timer now: one line, a non-zero exit, no traceback.
        failed = run_unit(work, "nexus-publish-scheduled.service", check=False)
        assert failed.returncode != 0
        assert failed.stderr.strip().splitlines() == [
            "publish_scheduled_locked: the database does not answer (OperationalError); "
            "the job stopped, the next run tries again."
        ]
        # The worker meets the outage and stays: the same process, waiting.
        wait_until(lambda: "db_worker: the database does not answer" in worker_log.read_text(), 20)
        assert alive(worker)
    finally:
        (work / "db-away").rename(database)
    assert fetch(f"{url}/readyz")[0] == 200
    assert fetch(f"{url}/utbildningar/")[0] == 200
    # The same gunicorn: no restart was needed.
    gunicorn_log = (work / "log" / "gunicorn.log").read_text()
    assert gunicorn_log.count("Listening at") == 1
    assert f"ERROR django.request request_id={failed_request} Service Unavailable: /utbildningar/" in gunicorn_log
    assert f"request_id={failed_request}" in (work / "log" / "nexus.access.log").read_text()
    # The next run of the job publishes the release; the same worker mails it to the subscriber.
    run_unit(work, "nexus-publish-scheduled.service")
    assert fetch(f"{url}{due['url']}")[0] == 200
    _, text = mail_to(work, JOURNALIST, seconds=90, containing=due["title"])
    assert "/press/prenumeration/avsluta/" in text
    assert int((work / "worker.pid").read_text()) == worker and alive(worker)
    log = worker_log.read_text()
    assert "the worker ended" not in log
    # A task that was running when the database went away fails with its traceback (logged by the
    # tasks package); every traceback in the worker's log is such a database error, nothing else.
    records = re.split(r"\n(?=(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) )", log)
    assert all("OperationalError" in record for record in records if "Traceback" in record)


def decoded_tokens(text):
    """What every base64 run in the text says (signed tokens in logged paths), zlib-inflated if it was."""
    for run in re.findall(r"\.?[A-Za-z0-9_-]{16,}", text):
        compressed = run.startswith(".")
        try:
            raw = base64.urlsafe_b64decode(run.lstrip(".") + "=" * (-len(run.lstrip(".")) % 4))
            yield (zlib.decompress(raw) if compressed else raw).decode("utf-8", "replace")
        except (binascii.Error, ValueError, zlib.error):
            continue


def check_no_log_of_the_stack_names_a_participant_or_an_address(work, prod_check_log):
    logs = {path.name: path.read_text() for path in sorted((work / "log").glob("*.log"))}
    logs["prod-check.log"] = prod_check_log.read_text()
    assert {"gunicorn.log", "nexus.access.log", "nginx.error.log", "worker.log"} <= set(logs)
    # The requests and the jobs were logged, each on its line...
    assert '"POST /utbildningar/anmalan/' in logs["gunicorn.log"]
    assert '"POST /press/prenumeration/" 200' in logs["nexus.access.log"]
    assert "/press/prenumeration/bekrafta/" in logs["nexus.access.log"]
    # ...without the people: not as written, not inside a signed token of a logged address.
    everything = "\n".join(logs.values())
    for text in [everything, *decoded_tokens(everything)]:
        for personal in (PARTICIPANT, PARTICIPANT_EMAIL, JOURNALIST, "Loggsdotter", "loggkoll"):
            assert personal.lower() not in text.lower(), (personal, text[:300])


JOBS = sorted(p.name for p in (ROOT / "deploy" / "systemd").glob("*.service") if "Type=oneshot" in p.read_text())


def check_scheduled_job_runs_as_its_unit_runs_it(work, service):
    result = run_unit(work, service)
    assert "@" not in result.stdout + result.stderr


def test_production_stack_at_the_root(serve, tmp_path):
    url, work = serve()
    check_home_page_through_nginx_with_the_security_headers_and_no_cookie(url, work)
    check_static_files_come_from_nginx_with_long_caching(url, work)
    check_media_images_are_images_anything_else_a_sandboxed_download(url, work)
    check_documents_only_through_the_serve_view_as_attachments(url, work)
    check_the_sites_own_404_and_the_probes(url, work)
    check_a_request_log_line_per_request_without_query_strings(url, work)
    check_one_request_id_in_the_lines_of_nginx_gunicorn_and_the_app(url, work)
    check_a_database_outage_answers_503_quickly_and_the_site_recovers_without_restart(url, work)
    check_backup_then_restore_brings_back_a_deleted_page_and_image(url, work)
    assert len(JOBS) >= 5
    for service in JOBS:
        check_scheduled_job_runs_as_its_unit_runs_it(work, service)
    # The archive job wrote the public site under its public address.
    archive = next((work / "var" / "archive").glob("*.warc.gz"))
    with archive.open("rb") as stream:
        uris = {
            r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream) if r.rec_type == "response"
        }
    assert {f"{url}/", f"{url}/sakerhet/", f"{url}/nyheter/rss/"} <= uris
    check_no_log_of_the_stack_names_a_participant_or_an_address(work, tmp_path / "prod-check.log")


def test_under_a_path_prefix_pages_static_media_feeds_and_forms_stay_under_it(serve):
    url, _ = serve(PREFIX)
    status, headers, body = fetch(f"{url}/")
    html = body.decode()
    assert status == 200
    assert_security_headers(headers)
    assert f'<link rel="canonical" href="{url}/"' in html
    origin = url.removesuffix(PREFIX)
    pages = ["/", "/utbildningar/", "/press/", "/nyheter/"]
    trainings = fetch(f"{url}/utbildningar/")[2].decode()
    # A training with its booking form, and a press release.
    pages.append(re.search(rf'href="{PREFIX}(/utbildningar/[^"/?]+/[^"/?]+/)"', trainings).group(1))
    releases = fetch(f"{url}/press/")[2].decode()
    pages.append(re.search(rf'href="{PREFIX}(/press/[^"/?]+/[^"/?]+/)"', releases).group(1))
    local, actions = set(), set()
    for page in pages:
        html = fetch(f"{url}{page}")[2].decode()
        local |= set(re.findall(r'(?:href|src)="(/[^"]*)"', html))
        actions |= set(re.findall(r'action="(/[^"]*)"', html))
    assert local and all(link.startswith(f"{PREFIX}/") for link in local | actions), sorted(local | actions)
    # The training page links to its booking form page (the form is there, not on the cached page).
    assert any("/utbildningar/anmalan/" in link for link in local), sorted(local)
    checked = sorted(link for link in local if not link.startswith(f"{PREFIX}/documents/"))
    for link in checked:
        if "/media/" in link or "/static/" in link or link.endswith(("/", ".xml", ".ics")):
            status = fetch(f"{origin}{link}")[0]
            assert status == 200, link
    # Forms post to routes of the site (GET on a POST-only route: 405, never 404).
    for action in actions:
        assert fetch(f"{origin}{action}")[0] in (200, 405), action
    assert any("/static/" in link for link in checked) and any("/media/images/" in link for link in checked)
    assert fetch(f"{origin}{PREFIX}/finns-inte/")[0] == 404
    assert fetch(f"{origin}{PREFIX}/readyz")[0] == 200
