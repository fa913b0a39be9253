"""Forget every page in the anonymous page cache (home/page_cache.py): the next reader of each
address gets it rendered afresh. Publishing does this by itself; this is for a change made
outside the admin (a database edit, a deployment that changes templates)."""

from django.core.management.base import BaseCommand

from home import page_cache


class Command(BaseCommand):
    help = "Make every page in the anonymous page cache stale (a new generation)."

    def handle(self, *args, **options):
        page_cache.flush()
        self.stdout.write("Page cache flushed.")
