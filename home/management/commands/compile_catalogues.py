"""Compile the project's .po catalogues to .mo with polib: no GNU gettext needed on the machine.

Django's ``compilemessages`` does the same through ``msgfmt``; this command keeps ``make run``
free of system packages. Invalid catalogues make it fail loudly.
"""

from django.core.management.base import BaseCommand, CommandError

from home.catalogues import compile_all


class Command(BaseCommand):
    help = "Compile every locale/<lang>/LC_MESSAGES/*.po of the project to .mo."

    def handle(self, *args, **options):
        try:
            count = compile_all()
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{count} catalogues compiled.")
