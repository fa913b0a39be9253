"""Signed tokens for the public booking flow, each with its own salt.

- form tokens: rendered into the booking/request forms; time-limited; their random nonce makes
  a repeated submission of the same form idempotent;
- receipt tokens: the redirect target after a booking (no personal data in the URL);
- cancel tokens: the personal cancel link in the confirmation e-mail (no login).
"""

import hashlib
import secrets

from django.conf import settings
from django.core import signing

BOOKING_FORM_SALT = "nexus.training.booking-form"
REQUEST_FORM_SALT = "nexus.training.request-form"
RECEIPT_SALT = "nexus.training.booking-receipt"
CANCEL_SALT = "nexus.training.booking-cancel"


def form_token_max_age():
    return getattr(settings, "TRAINING_FORM_TOKEN_MAX_AGE", 24 * 60 * 60)


def make_form_token(salt, subject):
    return signing.dumps({"s": str(subject), "n": secrets.token_urlsafe(16)}, salt=salt)


def read_form_token(salt, subject, token):
    """The token's nonce if it is genuine, fresh and made for ``subject``; else None."""
    try:
        data = signing.loads(token or "", salt=salt, max_age=form_token_max_age())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("s") != str(subject) or not isinstance(data.get("n"), str):
        return None
    return data["n"]


def idempotency_key(nonce, *parts):
    """One submission of one rendered form by one person (the same cached page can reach many)."""
    material = "\x1f".join([nonce, *(str(part).strip().lower() for part in parts)])
    return hashlib.sha256(material.encode()).hexdigest()


def make_signed_id(salt, pk):
    return signing.dumps(int(pk), salt=salt)


def read_signed_id(salt, token, max_age=None):
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return value if isinstance(value, int) else None


def make_receipt_token(booking_pk, page_pk):
    """The booking and the language version of the page it was made on (for the receipt's language)."""
    return signing.dumps([int(booking_pk), int(page_pk)], salt=RECEIPT_SALT)


def read_receipt_token(token, max_age):
    try:
        value = signing.loads(token, salt=RECEIPT_SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None, None
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return value[0], value[1]
    return None, None
