"""E-mail subscriptions with double opt-in and one-click unsubscribe, shared by every list.

The press room's journalists (``press.subscriptions``) and the newsletter
(``channels.newsletter``) use this one copy: signed link tokens that carry a keyed digest of the
address instead of the address, the subscriber a token names, the confirmation mail, and the
RFC 2369 / RFC 8058 headers of every list mail. Each list passes its own salts, model and
templates, so a token of one list never works for another.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac

logger = logging.getLogger(__name__)


def address_check(email, salt, secret=None):
    """A keyed digest of the address, in the link instead of the address itself.

    A signed token is readable by anyone who has it (base64, not encryption), and links end up in
    the access logs of nginx and gunicorn, in browser histories and in mail scanners' reports: the
    token names the subscription and the digest ties it to the address it was sent to (a changed
    address invalidates it), without carrying the address.
    """
    return salted_hmac(f"{salt}.address", email, secret=secret, algorithm="sha256").hexdigest()[:32]


def make_token(subscriber, salt):
    """The signed token naming ``subscriber`` for the purpose ``salt`` (confirm, unsubscribe)."""
    return signing.dumps([subscriber.pk, address_check(subscriber.email, salt)], salt=salt)


def _names_address(check, email, salt):
    if "@" in check:
        # Links sent before the address left the token carried the address itself.
        return constant_time_compare(check, email)
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return any(constant_time_compare(check, address_check(email, salt, key)) for key in keys)


def subscriber_from_token(model, token, salt, max_age=None):
    """The ``model`` row a token names, or None when it is forged, expired or the row is gone."""
    try:
        pk, check = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscriber = model._default_manager.filter(pk=pk).first() if isinstance(pk, int) else None
    if subscriber is None or not isinstance(check, str) or not _names_address(check, subscriber.email, salt):
        return None
    return subscriber


def send_confirmation(subscriber, url, template, subject):
    """The double-opt-in mail (``template`` gets ``url``; ``subject`` a lazy string), in the
    subscriber's language; False (logged, without the address) when it cannot be sent."""
    from django.template.loader import render_to_string

    try:
        with translation.override(subscriber.language):
            body = render_to_string(template, {"url": url})
            subject = str(subject)
        EmailMultiAlternatives(subject, body, to=[subscriber.email]).send()
    except Exception:
        logger.exception("Could not send the confirmation e-mail to %s %s", subscriber._meta.label, subscriber.pk)
        return False
    return True


def list_headers(unsubscribe_url):
    """RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the URL."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
