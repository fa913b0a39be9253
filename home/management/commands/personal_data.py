from django.core.management.base import BaseCommand, CommandError

from home import personal_data


class Command(BaseCommand):
    help = (
        "Answer a data subject's request for one e-mail address: 'find' prints what is held (counts), "
        "'export' prints it as JSON, 'erase' deletes or anonymises every record and logs the erasure "
        "without the address."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["find", "export", "erase"])
        parser.add_argument("address")

    def handle(self, *args, action, address, **options):
        address = personal_data.normalise(address)
        if "@" not in address:
            raise CommandError("Ange en e-postadress.")
        if action == "export":
            self.stdout.write(personal_data.export(address))
            return
        if action == "erase":
            result = personal_data.erase(address)
            for label, count in result.items():
                self.stdout.write(f"{label}: {count}")
            self.stdout.write(self.style.SUCCESS("Raderat."))
            return
        result = personal_data.counts(personal_data.find(address))
        for label, count in result.items():
            self.stdout.write(f"{label}: {count}")
        if not result:
            self.stdout.write("Inget hittades.")
