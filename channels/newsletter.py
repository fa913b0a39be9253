"""The newsletter's subscription and sending, on the shared machinery of ``home.subscriptions``.

Subscribers confirm by the link in a mail (double opt-in) and leave by the link in every issue
(RFC 8058 one-click POST included). An issue is mailed by a background task queued after the
commit of its publication: to every subscriber of the page's language confirmed by its first
publication and not unsubscribed, each exactly once (``NewsletterDelivery`` is unique per issue and subscriber, so a
republish or a retried task sends nothing twice), as text and HTML.
"""

import logging

from django import forms
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from home import subscriptions
from home.addresses import public_url
from home.form_tokens import SignedTokenForm
from home.validators import INVALID_EMAIL, deliverable_email

from .models import NewsletterDelivery, NewsletterPage, NewsletterSubscriber

logger = logging.getLogger(__name__)

CONFIRM_SALT = "channels.newsletter.confirm"
UNSUBSCRIBE_SALT = "channels.newsletter.unsubscribe"
SUBSCRIBE_FORM_SALT = "nexus.newsletter.subscribe-form"
SUBSCRIBE_SUBJECT = "newsletter"


class SubscribeForm(SignedTokenForm):
    """The site's signed form token, the honeypot (``webbplats``), the address and the language."""

    token_salt = SUBSCRIBE_FORM_SALT

    email = forms.EmailField(
        label=_("Din e-postadress"),
        max_length=254,
        error_messages={"required": INVALID_EMAIL, "invalid": INVALID_EMAIL},
    )
    language = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, token_subject=SUBSCRIBE_SUBJECT, **kwargs)
        self.is_bot = False

    def clean_webbplats(self):
        # A bot is answered as if it worked and learns nothing, so no error here.
        self.is_bot = bool(self.cleaned_data.get("webbplats"))
        return ""

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        deliverable_email(email)
        return email

    def clean_language(self):
        return language_or_default(self.cleaned_data.get("language"))

    @property
    def token_expired(self):
        return "token" in self.errors

    @property
    def chosen_language(self):
        return self.cleaned_data.get("language", settings.LANGUAGE_CODE)


def language_or_default(code):
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def form_token():
    return SubscribeForm.new_token(SUBSCRIBE_SUBJECT)


def confirm_token(subscriber):
    return subscriptions.make_token(subscriber, CONFIRM_SALT)


def unsubscribe_token(subscriber):
    return subscriptions.make_token(subscriber, UNSUBSCRIBE_SALT)


def subscriber_from_token(token, salt, max_age=None):
    return subscriptions.subscriber_from_token(NewsletterSubscriber, token, salt, max_age=max_age)


def send_confirmation(subscriber):
    return subscriptions.send_confirmation(
        subscriber,
        public_url(reverse("channels:newsletter_confirm", args=[confirm_token(subscriber)])),
        "channels/email/confirm.txt",
        _("Bekräfta din prenumeration på Nexus nyhetsbrev"),
    )


def issue_message(issue, subscriber, connection=None):
    """The issue as one e-mail to one subscriber: plain text, HTML alternative, list headers."""
    unsubscribe_url = public_url(reverse("channels:newsletter_unsubscribe", args=[unsubscribe_token(subscriber)]))
    with translation.override(issue.locale.language_code):
        context = {
            "issue": issue,
            "issue_url": issue.get_full_url(),
            "news": [(page, page.get_full_url()) for page in issue.chosen_news()],
            "trainings": [(page, page.get_full_url()) for page in issue.chosen_trainings()],
            "unsubscribe_url": unsubscribe_url,
            "subscribe_url": public_url(reverse("channels:newsletter_subscribe")),
            "LANGUAGE_BIDI": translation.get_language_bidi(),
            "LANGUAGE_CODE": issue.locale.language_code,
        }
        text = render_to_string("channels/email/newsletter.txt", context)
        html = render_to_string("channels/email/newsletter.html", context)
        subject = str(translation.gettext("Nyhetsbrev från Nexus: %(title)s") % {"title": issue.title})
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[subscriber.email],
        connection=connection,
        headers=subscriptions.list_headers(unsubscribe_url),
    )
    message.attach_alternative(html, "text/html")
    return message


def recipients(issue):
    """Confirmed before the issue first went out: a later republish reaches no newcomer either."""
    return NewsletterSubscriber.objects.filter(
        language=issue.locale.language_code,
        confirmed_at__isnull=False,
        confirmed_at__lte=issue.first_published_at,
        unsubscribed=False,
    ).order_by("pk")


@task()
def send_issue(page_id):
    """Mail a published issue to its language's confirmed subscribers, each once; the number sent."""
    issue = NewsletterPage.objects.live().public().filter(pk=page_id).first()
    if issue is None:
        return 0
    sent = 0
    connection = get_connection()
    for subscriber in recipients(issue):
        try:
            with transaction.atomic():
                NewsletterDelivery.objects.create(page=issue, subscriber=subscriber)
        except IntegrityError:
            continue  # already mailed this issue
        try:
            issue_message(issue, subscriber, connection).send()
        except Exception:
            # Not delivered, so not recorded as delivered: a rerun of the task tries again.
            NewsletterDelivery.objects.filter(page=issue, subscriber=subscriber).delete()
            logger.exception("Could not send newsletter %s to subscriber %s", page_id, subscriber.pk)
            continue
        sent += 1
    return sent
