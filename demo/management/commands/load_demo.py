from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.loader import load_demo


class Command(BaseCommand):
    help = "Build the installation (setup_site), the demo users and the demo content (idempotent)."

    def handle(self, *args, **options):
        load_demo()
        # Publishing queued them for the worker; make them now so the first views render none.
        call_command("generate_renditions", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demoinnehållet är på plats."))
