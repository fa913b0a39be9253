"""Back up the database and the media files (django-dbbackup) into NEXUS_BACKUP_DIR.

One database archive (SQLite: a consistent copy through SQLite's backup API; PostgreSQL:
``pg_dump -Fc``, which needs postgresql-client) and one compressed tar of MEDIA_ROOT per run;
older ones beyond NEXUS_BACKUP_KEEP of each kind are deleted. Rendition files are included (they
can be regenerated, but a restore then serves at once). Run daily (deploy/systemd/nexus-backup.*).
"""

import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

logger = logging.getLogger("nexus.backup")


class Command(BaseCommand):
    help = "Back up the database and the media into NEXUS_BACKUP_DIR, keeping the newest NEXUS_BACKUP_KEEP of each."

    def handle(self, *args, **options):
        settings.NEXUS_BACKUP_DIR.mkdir(parents=True, exist_ok=True)
        call_command("dbbackup", "--clean", "--noinput", "--quiet")
        call_command("mediabackup", "--clean", "--compress", "--noinput", "--quiet")
        names = sorted(path.name for path in settings.NEXUS_BACKUP_DIR.iterdir())
        message = f"backup: database and media saved in {settings.NEXUS_BACKUP_DIR} ({len(names)} archives kept)"
        logger.info(message)
        self.stdout.write(message)
