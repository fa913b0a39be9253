from django.core.management.base import BaseCommand

from home.installation import setup_site


class Command(BaseCommand):
    help = (
        "Build the installation (idempotent): a locale, home page and section indexes per site language, "
        "the partner organisations with their groups, sections, collections, permissions and approval "
        "workflow, and the national help numbers. Creates no users and no content."
    )

    def handle(self, *args, **options):
        setup_site()
        self.stdout.write(self.style.SUCCESS("Webbplatsen är uppsatt."))
