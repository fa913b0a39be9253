"""Delete press subscriptions that were never confirmed once their confirmation link has expired.

An unconfirmed subscription receives nothing and its link stops working after
PRESS_CONFIRM_MAX_AGE, so keeping the address any longer serves no purpose. Confirmed
subscriptions stay until the subscriber unsubscribes. Idempotent; the log lines carry counts only.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from press.models import PressSubscriber

logger = logging.getLogger("press.retention")


def expired_subscriptions(now=None):
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.PRESS_CONFIRM_MAX_AGE)
    return PressSubscriber.objects.filter(confirmed_at__isnull=True, created_at__lte=cutoff)


class Command(BaseCommand):
    help = "Delete unconfirmed press subscriptions older than PRESS_CONFIRM_MAX_AGE (their link no longer works)."

    def handle(self, *args, **options):
        count = expired_subscriptions().delete()[1].get(PressSubscriber._meta.label, 0)
        message = f"expire_press_subscriptions: deleted {count} unconfirmed subscriptions (older than {settings.PRESS_CONFIRM_MAX_AGE} s)"
        logger.info(message)
        self.stdout.write(message)
