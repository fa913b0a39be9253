"""Checks that keep bad input out of the database and out of the mail server.

Every public form that stores an e-mail address (press subscription, booking, training request)
uses ``deliverable_email``: Django's ``EmailField`` accepts addresses the database or the mail
code cannot take (an address that grows past 254 characters when lower-cased, an internationalised
domain that IDNA cannot encode), and those used to end in a 500 with the row half-stored.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# RFC 5321: 254 characters for the address, 253 for the domain, 63 per domain label.
MAX_EMAIL_LENGTH = 254
MAX_DOMAIN_LENGTH = 253
MAX_LABEL_LENGTH = 63
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

INVALID_EMAIL = _("Kontrollera adressen och försök igen.")


def has_control_characters(value):
    return bool(CONTROL_CHARACTERS.search(value or ""))


def deliverable_email(value):
    """Refuse an address that cannot be stored as given or cannot be sent to."""
    if not value or len(value) > MAX_EMAIL_LENGTH or has_control_characters(value) or value.count("@") != 1:
        raise ValidationError(INVALID_EMAIL, code="invalid")
    local, domain = value.rsplit("@", 1)
    try:
        local.encode("ascii")
        # The same codec Django's mail code uses for the domain (django.utils.encoding.punycode).
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValidationError(INVALID_EMAIL, code="invalid") from error
    labels = ascii_domain.split(".")
    if len(ascii_domain) > MAX_DOMAIN_LENGTH or any(not label or len(label) > MAX_LABEL_LENGTH for label in labels):
        raise ValidationError(INVALID_EMAIL, code="invalid")
    return value
