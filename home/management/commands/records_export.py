"""``manage.py records_export <page id> --from YYYY-MM-DD --to YYYY-MM-DD [--output FILE]``: a page's public records as JSON."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Page

from home import records


def day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Export one page's revisions, workflow history and audit log (for a date range) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int)
        parser.add_argument(
            "--from", dest="date_from", type=day, help="First day of the audit log (default: the page's first revision)"
        )
        parser.add_argument("--to", dest="date_to", type=day, help="Last day of the audit log (default: today)")
        parser.add_argument("--output", help="Write to this file instead of standard output")

    def handle(self, page_id, date_from=None, date_to=None, output=None, **options):
        page = Page.objects.filter(pk=page_id).first()
        if page is None or page.is_root():
            raise CommandError(f"No page with id {page_id}")
        if date_from is None:
            first = page.revisions.order_by("created_at").values_list("created_at", flat=True).first()
            date_from = timezone.localdate(first) if first else timezone.localdate()
        date_to = date_to or timezone.localdate()
        if date_from > date_to:
            raise CommandError("--from is after --to")
        body = records.export_json(page, date_from, date_to)
        records.log_export(page, None, date_from, date_to)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(body + "\n")
        else:
            self.stdout.write(body)
