"""Public endpoints of the newsletter subscription (outside the language prefix).

As the press room's (``press.views``): anonymous visitors on cookie-less pages, so no CSRF cookie;
the views are CSRF-exempt and protected instead by a signed, expiring form token (subscribe) or
the signed per-subscriber token in the URL (confirm, unsubscribe), a honeypot and a rate limit.
None of them acts on a logged-in session.
"""

from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home import throttle

from .models import NewsletterSubscriber
from .newsletter import (
    CONFIRM_SALT,
    UNSUBSCRIBE_SALT,
    SubscribeForm,
    form_token,
    language_or_default,
    send_confirmation,
    subscriber_from_token,
)

TEMPLATE = "channels/newsletter_subscription.html"


def _page(request, title, text="", status=200, form_action=None, button=None, subscribe_form=False, email=""):
    response = render(
        request,
        TEMPLATE,
        {
            "title": title,
            "text": text,
            "form_action": form_action,
            "button": button,
            "subscribe_form": subscribe_form,
            "token": form_token() if subscribe_form else "",
            "language": translation.get_language(),
            "email": email,
        },
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


def _rate_limited(request):
    limit, window = settings.PRESS_SUBSCRIBE_RATE_LIMIT
    return throttle.rate_limited(request, "newsletter-subscribe", limit, window)


@csrf_exempt  # anonymous form on a cookie-less page: signed form token + honeypot + rate limit instead
@require_http_methods(["GET", "POST"])
@never_cache
def subscribe(request):
    if request.method == "GET":
        translation.activate(language_or_default(request.GET.get("lang")))
        return _page(
            request,
            _("Prenumerera på nyhetsbrevet"),
            _("Nexus nyhetsbrev kommer med nyheter och utbildningar. Du bekräftar med en länk i din e-post."),
            subscribe_form=True,
        )
    form = SubscribeForm(request.POST)
    valid = form.is_valid()
    translation.activate(form.chosen_language)
    if form.token_expired:
        return _page(
            request,
            _("Formuläret har gått ut"),
            _("Skicka formuläret en gång till."),
            status=400,
            subscribe_form=True,
            email=(form.data.get("email") or "")[:254],
        )
    done = _page(
        request,
        _("Kolla din e-post"),
        _("Om adressen är rätt har vi skickat en länk. Prenumerationen börjar först när du klickat på den."),
    )
    if form.is_bot:
        return done  # a bot: answer as if it worked, do nothing
    if _rate_limited(request):
        return _page(request, _("För många försök"), _("Vänta en stund och försök igen."), status=429)
    if not valid:
        return _page(
            request,
            _("Ogiltig e-postadress"),
            " ".join(form.errors.get("email", [])),
            status=400,
            subscribe_form=True,
        )
    subscriber, created = NewsletterSubscriber.objects.get_or_create(
        email=form.cleaned_data["email"], language=form.chosen_language
    )
    if subscriber.confirmed_at is None or subscriber.unsubscribed:
        if not created:
            # Subscribing again (after leaving, or without having confirmed): a new opt-in from the start.
            NewsletterSubscriber.objects.filter(pk=subscriber.pk).update(
                created=timezone.now(), confirmed_at=None, unsubscribed=False
            )
        # The same answer whether or not the address was known: nothing to learn about others.
        transaction.on_commit(lambda: send_confirmation(subscriber))
    return done


def _bad_link(request):
    return _page(
        request,
        _("Länken fungerar inte"),
        _("Länken är ogiltig, för gammal eller redan använd. Anmäl dig igen till nyhetsbrevet."),
        status=404,
    )


@csrf_exempt  # the signed token in the URL is the credential; see the module docstring
@require_http_methods(["GET", "POST"])
@never_cache
def confirm(request, token):
    subscriber = subscriber_from_token(token, CONFIRM_SALT, max_age=settings.PRESS_CONFIRM_MAX_AGE)
    if subscriber is None or subscriber.unsubscribed:
        return _bad_link(request)
    translation.activate(subscriber.language)
    if subscriber.confirmed_at is not None:
        return _page(request, _("Länken är redan använd"), _("Prenumerationen är redan bekräftad."), status=400)
    if request.method == "GET":
        # Mail scanners follow links: only the button (a POST) confirms.
        return _page(
            request,
            _("Bekräfta prenumerationen"),
            _("Du får då Nexus nyhetsbrev med e-post."),
            form_action=request.path,
            button=_("Bekräfta"),
        )
    NewsletterSubscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    return _page(request, _("Tack!"), _("Prenumerationen är bekräftad."))


@csrf_exempt  # RFC 8058 one-click: mail clients POST without any cookie; the signed token is the credential
@require_http_methods(["GET", "POST"])
@never_cache
def unsubscribe(request, token):
    subscriber = subscriber_from_token(token, UNSUBSCRIBE_SALT)
    if subscriber is None:
        return _bad_link(request)
    translation.activate(subscriber.language)
    if subscriber.unsubscribed:
        return _page(request, _("Prenumerationen är avslutad"), _("Du får inga fler nyhetsbrev från oss."))
    if request.method == "GET":
        return _page(
            request,
            _("Avsluta prenumerationen"),
            _("Vill du sluta få Nexus nyhetsbrev till %(email)s?") % {"email": subscriber.email},
            form_action=request.path,
            button=_("Avsluta prenumerationen"),
        )
    NewsletterSubscriber.objects.filter(pk=subscriber.pk).update(unsubscribed=True)
    return _page(request, _("Prenumerationen är avslutad"), _("Du får inga fler nyhetsbrev från oss."))
