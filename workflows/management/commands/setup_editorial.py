from django.core.management.base import BaseCommand

from workflows.editorial import setup_editorial


class Command(BaseCommand):
    help = (
        "Create (idempotently) the partner organisations, their groups, sections in every "
        "language tree, collections, permissions and the project leader's approval workflow."
    )

    def handle(self, *args, **options):
        setup_editorial()
        self.stdout.write(self.style.SUCCESS("Redaktionell uppsättning klar."))
