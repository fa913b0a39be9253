"""Restore the database and the media files from NEXUS_BACKUP_DIR (the newest, or the named ones).

Refuses to overwrite a database that holds content (any user, or any page beyond Wagtail's
initial tree) unless --force is given: restoring over a live site is a decision, not a default.
Stop the web server, the worker and the timers first; run ``migrate`` afterwards when the backup
is older than the code.
"""

import logging

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections
from wagtail.models import Page

logger = logging.getLogger("nexus.backup")


def holds_content():
    """True when the database has users or pages of the site (a fresh migrate has neither)."""
    try:
        if get_user_model().objects.exists():
            return True
        return Page.objects.filter(depth__gte=2).exclude(content_type__app_label="wagtailcore").exists()
    except DatabaseError:  # no tables yet: an empty database
        return False


class Command(BaseCommand):
    help = "Restore the database and the media from NEXUS_BACKUP_DIR; --force to replace a database with content."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Replace a database that holds content.")
        parser.add_argument("--database-file", help="Name of the database archive (default: the newest).")
        parser.add_argument("--media-file", help="Name of the media archive (default: the newest).")

    def handle(self, *args, force=False, database_file=None, media_file=None, **options):
        if holds_content() and not force:
            raise CommandError(
                "The database holds content (users or pages). Restoring would replace it: "
                "run again with --force if that is what you want."
            )
        connections.close_all()
        call_command("dbrestore", "--noinput", "--quiet", *(["-i", database_file] if database_file else []))
        connections.close_all()
        media = ["-i", media_file] if media_file else []
        call_command("mediarestore", "--noinput", "--quiet", "--uncompress", "--replace", *media)
        message = "restore: database and media restored from the backup"
        logger.info(message)
        self.stdout.write(message)
