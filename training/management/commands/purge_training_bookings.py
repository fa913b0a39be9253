"""Remove participants' personal data N days after their training ended.

Bookings are anonymised, not deleted: the row keeps the training, the status, the partner
organisation and the dates, so Nexus can still count how many from each partner attended,
while name, e-mail, role, free-text needs and a free-text organisation are blanked. Nothing
left identifies a person. Idempotent: already anonymised rows are skipped. The log lines carry
counts only.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone

from training.models import Booking, TrainingSession

logger = logging.getLogger("training.retention")


def expired_bookings(days, now=None):
    """Bookings with personal data whose training's last session ended more than ``days`` days ago."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    last_end = (
        TrainingSession.objects.filter(page=OuterRef("training_id"))
        .order_by()
        .values("page")
        .annotate(v=Max("end"))
        .values("v")
    )
    return (
        Booking.objects.filter(anonymised_at__isnull=True)
        .annotate(training_end=Subquery(last_end))
        .filter(training_end__lte=cutoff)
    )


class Command(BaseCommand):
    help = "Anonymise training bookings N days (default TRAINING_BOOKING_RETENTION_DAYS) after the training ended."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Days after the training's end (default: the setting)."
        )

    def handle(self, *args, days=None, **options):
        if days is None:
            days = settings.TRAINING_BOOKING_RETENTION_DAYS
        if days < 0:
            raise CommandError("--days must be zero or more")
        now = timezone.now()
        with transaction.atomic():
            pks = list(expired_bookings(days, now).values_list("pk", flat=True))
            count = Booking.objects.filter(pk__in=pks).update(**Booking.anonymised_values(now))
        message = f"purge_training_bookings: anonymised {count} bookings (retention {days} days)"
        logger.info(message)
        self.stdout.write(message)
