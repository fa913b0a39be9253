"""Journalists' e-mail subscription: signed link tokens, the confirmation mail and release mails.

The confirmation mail is sent after the commit (``transaction.on_commit`` in the view). If it
cannot be sent, the failure is logged and the subscriber stays unconfirmed: an unconfirmed row
receives nothing, and subscribing again with the same address sends a new link.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django_tasks import task

from home.addresses import public_url

logger = logging.getLogger(__name__)

CONFIRM_SALT = "press.subscription.confirm"
UNSUBSCRIBE_SALT = "press.subscription.unsubscribe"
# A confirmation link is valid for settings.PRESS_CONFIRM_MAX_AGE; an unsubscribe link as long
# as the subscription. The subscribe form's token is press.forms (the site's form-token scheme).


def address_check(email, salt, secret=None):
    """A keyed digest of the address, in the link instead of the address itself.

    A signed token is readable by anyone who has it (base64, not encryption), and links end up in
    the access logs of nginx and gunicorn, in browser histories and in mail scanners' reports: the
    token names the subscription and the digest ties it to the address it was sent to (a changed
    address invalidates it), without carrying the address.
    """
    return salted_hmac(f"{salt}.address", email, secret=secret, algorithm="sha256").hexdigest()[:32]


def _token(subscriber, salt):
    return signing.dumps([subscriber.pk, address_check(subscriber.email, salt)], salt=salt)


def confirm_token(subscriber):
    return _token(subscriber, CONFIRM_SALT)


def unsubscribe_token(subscriber):
    return _token(subscriber, UNSUBSCRIBE_SALT)


def _names_address(check, email, salt):
    if "@" in check:
        # Links sent before the address left the token carried the address itself.
        return constant_time_compare(check, email)
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return any(constant_time_compare(check, address_check(email, salt, key)) for key in keys)


def subscriber_from_token(token, salt, max_age=None):
    """The subscriber a token names, or None when it is forged, expired or the subscriber is gone."""
    from .models import PressSubscriber

    try:
        pk, check = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscriber = PressSubscriber.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if subscriber is None or not isinstance(check, str) or not _names_address(check, subscriber.email, salt):
        return None
    return subscriber


def send_confirmation(subscriber):
    """The double-opt-in mail; False (logged, without the address) when it cannot be sent."""
    try:
        url = public_url(reverse("press:confirm", args=[confirm_token(subscriber)]))
        with translation.override(subscriber.language):
            body = render_to_string("press/mail/confirm.txt", {"url": url})
            subject = str(translation.gettext("Bekräfta din prenumeration på Nexus pressmeddelanden"))
        EmailMultiAlternatives(subject, body, to=[subscriber.email]).send()
    except Exception:
        logger.exception("Could not send the confirmation e-mail to subscriber %s", subscriber.pk)
        return False
    return True


def release_message(release, subscriber, connection=None):
    unsubscribe_url = public_url(reverse("press:unsubscribe", args=[unsubscribe_token(subscriber)]))
    with translation.override(release.locale.language_code):
        context = {
            "release": release,
            "release_url": release.get_full_url(),
            "issuers": list(release.issuing_organisations.all()),
            "unsubscribe_url": unsubscribe_url,
        }
        body = render_to_string("press/mail/release.txt", context)
        subject = str(translation.gettext("Pressmeddelande: %(title)s") % {"title": release.title})
    return EmailMultiAlternatives(
        subject,
        body,
        to=[subscriber.email],
        connection=connection,
        # RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the URL.
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@task()
def send_release_to_subscribers(release_id):
    """E-mail a newly published release to every confirmed subscriber, once per release and subscriber.

    The release's translation key is recorded first (unique), so a re-publish, an edit or a
    published translation of the same release sends nothing; deliveries are recorded per
    subscriber, so a retried task never mails anyone twice.
    """
    from .models import PressReleaseDelivery, PressReleaseMailing, PressReleasePage, PressSubscriber

    release = PressReleasePage.objects.live().public().filter(pk=release_id).first()
    if release is None:
        return 0
    try:
        with transaction.atomic():
            mailing = PressReleaseMailing.objects.create(translation_key=release.translation_key, release=release)
    except IntegrityError:
        return 0
    sent = 0
    connection = get_connection()
    for subscriber in PressSubscriber.objects.filter(confirmed_at__isnull=False).order_by("pk"):
        try:
            with transaction.atomic():
                PressReleaseDelivery.objects.create(mailing=mailing, subscriber=subscriber)
        except IntegrityError:
            continue
        try:
            release_message(release, subscriber, connection).send()
        except Exception:
            # Not delivered, so not recorded as delivered: a rerun of the task tries again.
            PressReleaseDelivery.objects.filter(mailing=mailing, subscriber=subscriber).delete()
            logger.exception("Could not send release %s to subscriber %s", release_id, subscriber.pk)
            continue
        sent += 1
    return sent
