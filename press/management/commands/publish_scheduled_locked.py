"""Run Wagtail's publish_scheduled under a lock, once or every N seconds.

Wagtail's command takes no lock, so two concurrent runs could publish one revision twice
(duplicate log entries, signals, subscriber mails). Here one runner at a time: a PostgreSQL
advisory lock (shared by every machine on the database) or, on other databases, an exclusive
file lock in ``NEXUS_LOCK_DIR``, var/ by default (one machine). A runner that does not get the lock skips this round.
Production: cron or a systemd timer every minute; `make run` starts it with --every 60.
"""

import contextlib
import fcntl
import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import DatabaseError, close_old_connections, connection

logger = logging.getLogger(__name__)

# Arbitrary constant that names this lock among the database's advisory locks.
ADVISORY_LOCK_KEY = 7_302_918_110


@contextlib.contextmanager
def scheduled_publishing_lock():
    """Yield True when this process holds the lock, False when another runner has it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
            acquired = cursor.fetchone()[0]
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        return
    lock_dir = Path(settings.NEXUS_LOCK_DIR)
    lock_dir.mkdir(parents=True, exist_ok=True)
    with open(lock_dir / "publish_scheduled.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Command(BaseCommand):
    help = "Publish scheduled content (embargoed press releases) under a lock; --every N to loop."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="Repeat every SECONDS seconds (0: run once)."
        )

    def handle(self, *args, every=0, **options):
        if not every:
            self.run_once()
            return
        while True:
            try:
                self.run_once()
            except DatabaseError:
                # A lost connection must not end the loop: log it and try again next round.
                logger.exception("Scheduled publishing failed; retrying in %s s", every)
            close_old_connections()
            time.sleep(every)

    def run_once(self):
        with scheduled_publishing_lock() as acquired:
            if not acquired:
                self.stdout.write("Another runner holds the lock; skipping.")
                return False
            call_command("publish_scheduled", stdout=self.stdout)
            return True
