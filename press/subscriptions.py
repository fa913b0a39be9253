"""Journalists' e-mail subscription: signed link tokens, the confirmation mail and release mails.

The machinery is ``home.subscriptions`` (shared with the newsletter); these are the press
room's salts, templates and release mails.

The confirmation mail is sent after the commit (``transaction.on_commit`` in the view). If it
cannot be sent, the failure is logged and the subscriber stays unconfirmed: an unconfirmed row
receives nothing, and subscribing again with the same address sends a new link.
"""

import logging

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from django_tasks import task

from home import subscriptions
from home.addresses import public_url

logger = logging.getLogger(__name__)

CONFIRM_SALT = "press.subscription.confirm"
UNSUBSCRIBE_SALT = "press.subscription.unsubscribe"
# A confirmation link is valid for settings.PRESS_CONFIRM_MAX_AGE; an unsubscribe link as long
# as the subscription. The subscribe form's token is press.forms (the site's form-token scheme).


def address_check(email, salt, secret=None):
    return subscriptions.address_check(email, salt, secret)


def confirm_token(subscriber):
    return subscriptions.make_token(subscriber, CONFIRM_SALT)


def unsubscribe_token(subscriber):
    return subscriptions.make_token(subscriber, UNSUBSCRIBE_SALT)


def subscriber_from_token(token, salt, max_age=None):
    """The subscriber a token names, or None when it is forged, expired or the subscriber is gone."""
    from .models import PressSubscriber

    return subscriptions.subscriber_from_token(PressSubscriber, token, salt, max_age=max_age)


def send_confirmation(subscriber):
    """The double-opt-in mail; False (logged, without the address) when it cannot be sent."""
    return subscriptions.send_confirmation(
        subscriber,
        public_url(reverse("press:confirm", args=[confirm_token(subscriber)])),
        "press/mail/confirm.txt",
        gettext_lazy("Bekräfta din prenumeration på Nexus pressmeddelanden"),
    )


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
        headers=subscriptions.list_headers(unsubscribe_url),
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
