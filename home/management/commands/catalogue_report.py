"""Regenerate the .po catalogues and report what is untranslated.

    python manage.py catalogue_report            # makemessages for every site language, then report
    python manage.py catalogue_report --no-extract --strict

``--strict`` exits with an error while a safety-critical string (home.catalogues.SAFETY_CRITICAL)
lacks a translation in any language. Fill the msgstr lines (Poedit, or polib), then run
``manage.py compile_catalogues``.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home.catalogues import MAKEMESSAGES_IGNORE, report


class Command(BaseCommand):
    help = "Run makemessages for every site language and list untranslated strings."

    def add_arguments(self, parser):
        parser.add_argument("--no-extract", action="store_true", help="Only report; do not run makemessages.")
        parser.add_argument("--strict", action="store_true", help="Fail if a safety-critical string is missing.")
        parser.add_argument("--verbose-list", action="store_true", help="List every untranslated public string.")

    def handle(self, *args, **options):
        codes = [code for code, _name in settings.LANGUAGES]
        if not options["no_extract"]:
            call_command(
                "makemessages", locale=codes, ignore_patterns=MAKEMESSAGES_IGNORE, no_obsolete=True, verbosity=0
            )
        failures = []
        for code in codes:
            result = report(code)
            self.stdout.write(
                f"{code}: {result['total']} strings, {result['untranslated']} untranslated, "
                f"{len(result['public_untranslated'])} of them in public templates, "
                f"{len(result['safety_critical_missing'])} safety-critical missing"
            )
            for msgid in result["safety_critical_missing"]:
                self.stdout.write(f"  SAFETY-CRITICAL: {msgid}")
                failures.append((code, msgid))
            if options["verbose_list"]:
                for msgid in result["public_untranslated"]:
                    self.stdout.write(f"  public: {msgid}")
        if failures and options["strict"]:
            raise CommandError(f"{len(failures)} safety-critical translations missing.")
