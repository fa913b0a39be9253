"""Signed tokens for the public booking flow, each with its own salt.

- form salts: the booking and request forms' tokens (the scheme is ``home.form_tokens``);
- receipt tokens: the redirect target after a booking (no personal data in the URL);
- cancel tokens: the personal cancel link in the confirmation e-mail (no login).
"""

from django.core import signing

BOOKING_FORM_SALT = "nexus.training.booking-form"
REQUEST_FORM_SALT = "nexus.training.request-form"
RECEIPT_SALT = "nexus.training.booking-receipt"
CANCEL_SALT = "nexus.training.booking-cancel"


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
