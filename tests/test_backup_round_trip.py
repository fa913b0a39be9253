"""Backup, then restore into an empty database and an empty media folder, reproduces the whole site.

Everything runs as on a server: ``manage.py`` in subprocesses with the production settings. The
first environment builds a site (tests/helpers/round_trip.py: every language's pages and their
revisions, a training with bookings, press subscribers, an image with its rendition, a document,
collections) and runs ``manage.py backup``. The archives are copied to a second environment, as
from the off-site copy to a new server: an EMPTY database (a new SQLite file; on the PostgreSQL
pass a database created for the test with nothing in it, not even migrations) and an empty media
folder, where ``manage.py restore`` runs. Every table's row count and a digest of its rows, and
the sha256 of every media file, are then the same on both sides.

On the SQLite pass it uses SQLite; when DATABASE_URL is PostgreSQL it uses that server
(``pg_dump``/``pg_restore`` from postgresql-client), with two databases named after
DATABASE_URL's, dropped afterwards.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = URL.startswith(("postgres://", "postgresql://"))
# The tables and media folders a backup must keep, each with something in it.
KEPT = {
    "wagtailcore_page": "pages",
    "wagtailcore_revision": "revisions",
    "training_booking": "bookings",
    "press_presssubscriber": "subscribers",
    "home_nexusimage": "images",
    "home_nexusrendition": "renditions",
    "wagtaildocs_document": "documents",
    "wagtailcore_collection": "collections",
}
SECRET = secrets.token_urlsafe(64)
NEW_ROWS = """
from press.models import PressSubscriber
from wagtail.models import Page
PressSubscriber.objects.create(email="ny.efter.aterlasning@example.org")
Page.objects.get(slug="rundresan").specific.save_revision()
print("ok")
"""


def postgres_url(name):
    parts = urlsplit(URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


def admin_connection():
    return psycopg.connect(postgres_url("postgres"), autocommit=True)


@pytest.fixture
def databases(tmp_path):
    """(source URL, target URL): new SQLite files, or two fresh PostgreSQL databases."""
    if not ON_POSTGRES:
        yield f"sqlite:///{tmp_path / 'source.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    base = urlsplit(URL).path.lstrip("/") or "nexus"
    names = [f"{base}_backup_source", f"{base}_backup_restore"]
    with admin_connection() as connection:
        for name in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    yield tuple(postgres_url(name) for name in names)
    with admin_connection() as connection:
        for name in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(folder, database_url):
    """The production settings, as the units read them from the environment file."""
    env = {key: value for key, value in os.environ.items() if key in {"PATH", "LANG", "HOME"} or key.startswith("PG")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "nexus_cms.settings.production",
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "WAGTAILADMIN_BASE_URL": "https://nexus.example.se",
            "NEXUS_PUBLIC_URL": "https://nexus.example.se",
            "EMAIL_URL": "dummymail://",
            "NEXUS_VAR_DIR": str(folder / "var"),
            "MEDIA_ROOT": str(folder / "media"),
            "NEXUS_BACKUP_DIR": str(folder / "backups"),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(env, *args, check=True):
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    if check:
        assert result.returncode == 0, result.stderr[-4000:]
    return result


def snapshot(env):
    out = manage(env, "shell", "-c", "from tests.helpers.round_trip import snapshot; snapshot()").stdout
    return json.loads(out.strip().splitlines()[-1])


def test_backup_then_restore_into_an_empty_database_reproduces_the_whole_site(tmp_path, databases):
    source_url, target_url = databases
    source = environment(tmp_path / "source", source_url)
    target = environment(tmp_path / "target", target_url)
    manage(source, "shell", "-c", "from tests.helpers.round_trip import build; build()")
    backed_up = manage(source, "backup")
    assert "backup: database and media saved" in backed_up.stdout
    before = snapshot(source)

    # The archives, copied to the new server; nothing else is there.
    shutil.copytree(tmp_path / "source" / "backups", tmp_path / "target" / "backups")
    (tmp_path / "target" / "media").mkdir()
    archives = sorted(path.name for path in (tmp_path / "target" / "backups").iterdir())
    assert any(name.endswith(".psql.bin" if ON_POSTGRES else ".sqlite3") for name in archives), archives
    assert any(name.endswith(".tar.gz") for name in archives), archives
    restored = manage(target, "restore")
    assert "restore: database and media restored" in restored.stdout
    after = snapshot(target)

    for table, kind in KEPT.items():
        assert before["tables"][table]["rows"] > 0, kind
    assert before["tables"]["wagtailcore_page"]["rows"] > 100
    assert before["tables"]["training_booking"]["rows"] >= 3
    # Every table, row for row; every media file, byte for byte.
    assert after["tables"] == before["tables"]
    assert after["media"] == before["media"]
    kinds = {path.split("/")[0] for path in before["media"]}
    assert {"original_images", "images", "documents"} <= kinds, kinds

    # A second restore over the restored site is refused without --force, and changes nothing.
    refused = manage(target, "restore", check=False)
    assert refused.returncode != 0 and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert snapshot(target) == after
    # The restored site takes new rows (PostgreSQL: the sequences came back with the tables).
    added = manage(target, "shell", "-c", NEW_ROWS)
    assert added.stdout.split()[-1] == "ok"
