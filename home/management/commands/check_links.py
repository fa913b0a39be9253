"""check_links: the weekly broken-link check (Rapporter → Brutna länkar), ``home/links.py``."""

from django.conf import settings
from django.core.management.base import BaseCommand

from home import links


class Command(BaseCommand):
    help = "Checks the links of every live public page and stores the failing ones (Rapporter → Brutna länkar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-external",
            action="store_true",
            help="Check internal page and document links only (default: NEXUS_LINK_CHECK_EXTERNAL).",
        )

    def handle(self, *args, no_external=False, **options):
        external = settings.NEXUS_LINK_CHECK_EXTERNAL and not no_external
        checked, failing = links.run(external=external)
        self.stdout.write(f"check_links: {checked} links checked, {failing} failing (external: {external}).")
