"""Remove the contact person's data from training requests N days after they came in.

A request ("Beställ utbildning") is kept as a row: organisation, group size and date stay for
statistics, while name, e-mail, phone, wished dates and free-text needs are blanked, exactly as
on a data subject's erasure (the model's PERSONAL_DATA_FIELDS). Idempotent: rows already blank
are not touched again. The log lines carry counts only.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from training.models import TrainingRequest

logger = logging.getLogger("training.retention")


def expired_requests(days, now=None):
    """Requests older than ``days`` days that still hold any personal data."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    holds_data = Q()
    for field in TrainingRequest.PERSONAL_DATA_FIELDS:
        holds_data |= ~Q(**{field: ""})
    return TrainingRequest.objects.filter(holds_data, created_at__lte=cutoff)


class Command(BaseCommand):
    help = "Blank the contact data of training requests N days (default TRAINING_REQUEST_RETENTION_DAYS) after they came in."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Days after the request came in (default: the setting)."
        )

    def handle(self, *args, days=None, **options):
        if days is None:
            days = settings.TRAINING_REQUEST_RETENTION_DAYS
        if days < 0:
            raise CommandError("--days must be zero or more")
        with transaction.atomic():
            pks = list(expired_requests(days).values_list("pk", flat=True))
            count = TrainingRequest.objects.filter(pk__in=pks).update(**TrainingRequest.anonymised_values())
        message = f"purge_training_requests: anonymised {count} training requests (retention {days} days)"
        logger.info(message)
        self.stdout.write(message)
