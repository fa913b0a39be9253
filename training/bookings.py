"""Booking, cancelling and promoting from the waiting list; the participant e-mails.

Capacity rule: one transaction locks the training row (``select_for_update`` on PostgreSQL;
SQLite's ``transaction_mode = "IMMEDIATE"`` serialises writers), counts confirmed bookings and
creates the new one as confirmed or waiting. Two requests for the last seat can therefore never
both see it free. E-mail goes out only after the commit, and a mail failure never loses a booking.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from home import form_tokens
from home.addresses import public_host, public_url

from . import ical, tokens
from .models import Booking, TrainingPage

logger = logging.getLogger(__name__)


class BookingRefused(Exception):
    """Registration is closed or the training is cancelled; nothing was stored."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class FormAlreadyUsed(BookingRefused):
    """The form's token has already made a booking (for another address); nothing was stored."""

    def __init__(self):
        super().__init__(
            _(
                "Formuläret har redan använts för en anmälan. Ladda om sidan om du vill anmäla "
                "ytterligare en person. Ingen ny anmälan har sparats."
            )
        )


@dataclass
class BookingResult:
    booking: Booking
    created: bool


def _locked_training(pk):
    return TrainingPage.objects.select_for_update().get(pk=pk)


def book(training, data, nonce):
    """Book ``training`` (any language version) for the participant in ``data`` (cleaned form data)."""
    target = training.booking_target()
    key = form_tokens.idempotency_key(nonce, target.pk, data["email"])
    used_key = form_tokens.token_key(nonce)
    try:
        with transaction.atomic():
            locked = _locked_training(target.pk)
            existing = Booking.objects.filter(idempotency_key=key).first()
            if existing is not None:
                return BookingResult(existing, created=False)
            if Booking.objects.filter(form_token_key=used_key).exists():
                raise FormAlreadyUsed
            reason = locked.refusal_reason()
            if reason:
                raise BookingRefused(reason)
            confirmed = Booking.objects.filter(training=locked, status=Booking.Status.CONFIRMED).count()
            status = Booking.Status.CONFIRMED if confirmed < locked.capacity else Booking.Status.WAITING
            booking = Booking.objects.create(
                training=locked,
                status=status,
                name=data["name"],
                email=data["email"],
                organisation=data.get("organisation"),
                other_organisation=data.get("other_organisation", "") if data.get("organisation") is None else "",
                role=data["role"],
                needs=data.get("needs", ""),
                consent_at=timezone.now(),
                idempotency_key=key,
                form_token_key=used_key,
            )
            language = translation.get_language()
            transaction.on_commit(lambda: send_booking_mail(booking.pk, "booked", language))
            return BookingResult(booking, created=True)
    except IntegrityError:
        # A concurrent retry of the same form won the race for the unique key.
        existing = Booking.objects.filter(idempotency_key=key).first()
        if existing is not None:
            return BookingResult(existing, created=False)
        if Booking.objects.filter(form_token_key=used_key).exists():
            raise FormAlreadyUsed from None
        raise


def cancel(booking_pk):
    """Cancel a booking; a freed seat goes to the first on the waiting list. Returns False if already cancelled."""
    with transaction.atomic():
        training_pk = Booking.objects.filter(pk=booking_pk).values_list("training_id", flat=True).first()
        if training_pk is None:
            return False
        training = _locked_training(training_pk)
        booking = Booking.objects.get(pk=booking_pk)
        if booking.status == Booking.Status.CANCELLED:
            return False
        was_confirmed = booking.status == Booking.Status.CONFIRMED
        now = timezone.now()
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = now
        # A cancelled booking needs no personal data any more.
        booking.anonymise(now)
        booking.save()
        if was_confirmed:
            promote_waiting(training)
        return True


def promote_waiting(training):
    """Fill free seats from the waiting list, first come first served. Call with the training locked."""
    if training.cancelled or training.is_finished():
        return []
    confirmed = Booking.objects.filter(training=training, status=Booking.Status.CONFIRMED).count()
    free = training.capacity - confirmed
    if free <= 0:
        return []
    promoted = list(
        Booking.objects.filter(training=training, status=Booking.Status.WAITING).order_by("created_at", "pk")[:free]
    )
    now = timezone.now()
    language = translation.get_language()
    for booking in promoted:
        booking.status = Booking.Status.CONFIRMED
        booking.promoted_at = now
        booking.save(update_fields=["status", "promoted_at"])
        transaction.on_commit(lambda pk=booking.pk: send_booking_mail(pk, "promoted", language))
    return promoted


def cancel_url(booking):
    token = tokens.make_signed_id(tokens.CANCEL_SALT, booking.pk)
    return public_url(reverse("training:cancel", args=[token]))


def receipt_token(booking, page=None):
    return tokens.make_receipt_token(booking.pk, (page or booking.training).pk)


def send_booking_mail(booking_pk, kind, language=None):
    """The participant's mail ("booked" or "promoted"); logged, never raised, on failure."""
    try:
        with translation.override(language or settings.LANGUAGE_CODE):
            booking = Booking.objects.select_related("training").get(pk=booking_pk)
            if booking.status == Booking.Status.CANCELLED or not booking.email:
                return False
            training = booking.training
            confirmed = booking.status == Booking.Status.CONFIRMED
            context = {
                "booking": booking,
                "training": training,
                "sessions": list(training.sessions.all()),
                "kind": kind,
                "confirmed": confirmed,
                "cancel_url": cancel_url(booking),
                "training_url": training.get_full_url(),
                "digital_link": training.digital_link if confirmed else "",
            }
            subject = render_to_string("training/mail/booking_subject.txt", context).strip()
            body = render_to_string("training/mail/booking.txt", context)
            message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[booking.email])
            if confirmed:
                host = public_host()
                message.attach(
                    "utbildning.ics",
                    ical.training_calendar(training, host=host, include_link=True),
                    "text/calendar; charset=utf-8; method=PUBLISH",
                )
            message.send()
            return True
    except Exception:
        # The booking stays; staff see it in the admin. No personal data in the log line.
        logger.exception("Could not send the %s e-mail for booking %s", kind, booking_pk)
        return False
