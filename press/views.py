"""Public endpoints of the journalists' subscription (outside the language prefix).

The forms are POSTed by anonymous visitors from pages that must set no cookie, so there is no
CSRF cookie to check: the views are CSRF-exempt and protected instead by what CSRF would give
us here: a signed, expiring form token (subscribe) or the signed per-subscriber token in the URL
(confirm, unsubscribe), plus a honeypot and a per-address rate limit. None of them acts on a
logged-in session, so a forged cross-site POST can do nothing the link's holder could not.
"""

from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home import throttle

from .forms import SubscribeForm
from .models import PressSubscriber
from .subscriptions import CONFIRM_SALT, UNSUBSCRIBE_SALT, send_confirmation, subscriber_from_token


def _message(request, title, text, status=200, form_action=None, button=None):
    response = render(
        request,
        "press/subscription_message.html",
        {"title": title, "text": text, "form_action": form_action, "button": button},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _subscribe_form(request):
    code = request.GET.get("sprak", "")
    language = code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    translation.activate(language)
    return render(
        request,
        "press/subscription_message.html",
        {
            "title": _("Prenumerera på pressmeddelanden"),
            "text": _(
                "Få varje nytt pressmeddelande med e-post. Du bekräftar din adress via en länk och kan "
                "avsluta när du vill med en länk i varje e-postmeddelande."
            ),
            "subscribe_again": True,
            "email": "",
            "language": language,
        },
    )


def _rate_limited(request):
    limit, window = settings.PRESS_SUBSCRIBE_RATE_LIMIT
    return throttle.rate_limited(request, "press-subscribe", limit, window)


@csrf_exempt  # anonymous form on a cookie-less page: signed form token + honeypot + rate limit instead
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def subscribe(request):
    """GET: the subscribe form with this visitor's token (the press room is cached for every
    reader and links here, ``?sprak=<language>``); POST: the subscription."""
    if request.method != "POST":
        return _subscribe_form(request)
    form = SubscribeForm(request.POST)
    valid = form.is_valid()
    language = form.chosen_language
    translation.activate(language)
    if form.token_expired:
        # Perhaps a page cached for long: offer the form again with a fresh token.
        response = render(
            request,
            "press/subscription_message.html",
            {
                "title": _("Formuläret har gått ut"),
                "text": _("Skicka formuläret en gång till."),
                "subscribe_again": True,
                "email": (form.data.get("email") or "")[:254],
                "language": language,
            },
            status=400,
        )
        add_never_cache_headers(response)
        return response
    done = _message(
        request,
        _("Kolla din e-post"),
        _("Om adressen är rätt har vi skickat en länk. Prenumerationen börjar först när du klickat på den."),
    )
    if form.is_bot:
        return done  # a bot: answer as if it worked, do nothing
    if _rate_limited(request):
        return _message(request, _("För många försök"), _("Vänta en stund och försök igen."), status=429)
    if not valid:
        return _message(request, _("Ogiltig e-postadress"), " ".join(form.errors.get("email", [])), status=400)
    email = form.cleaned_data["email"]
    subscriber, _created = PressSubscriber.objects.get_or_create(email=email, defaults={"language": language})
    if subscriber.confirmed_at is None:
        if not _created:
            # A new link: the unconfirmed subscription's expiry (expire_press_subscriptions) restarts.
            PressSubscriber.objects.filter(pk=subscriber.pk).update(created_at=timezone.now())
        # The same answer whether or not the address was known: nothing to learn about others.
        transaction.on_commit(lambda: send_confirmation(subscriber))
    return done


@csrf_exempt  # the signed token in the URL is the credential; see the module docstring
@require_http_methods(["GET", "POST"])
@never_cache
def confirm(request, token):
    subscriber = subscriber_from_token(token, CONFIRM_SALT, max_age=settings.PRESS_CONFIRM_MAX_AGE)
    if subscriber is None:
        return _message(
            request,
            _("Länken fungerar inte"),
            _("Länken är ogiltig, för gammal eller redan använd. Anmäl dig igen från pressrummet."),
            status=404,
        )
    if subscriber.confirmed_at is not None:
        return _message(request, _("Länken är redan använd"), _("Prenumerationen är redan bekräftad."), status=400)
    translation.activate(subscriber.language)
    if request.method == "GET":
        # Mail scanners follow links: only the button (a POST) confirms.
        return _message(
            request,
            _("Bekräfta prenumerationen"),
            _("Du får då ett e-postmeddelande för varje nytt pressmeddelande från Nexus."),
            form_action=request.path,
            button=_("Bekräfta"),
        )
    PressSubscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    return _message(request, _("Tack!"), _("Prenumerationen är bekräftad."))


@csrf_exempt  # RFC 8058 one-click: mail clients POST without any cookie; the signed token is the credential
@require_http_methods(["GET", "POST"])
@never_cache
def unsubscribe(request, token):
    subscriber = subscriber_from_token(token, UNSUBSCRIBE_SALT)
    if subscriber is None:
        return _message(
            request,
            _("Länken fungerar inte"),
            _("Länken är ogiltig eller så är prenumerationen redan avslutad."),
            status=404,
        )
    translation.activate(subscriber.language)
    if request.method == "GET":
        return _message(
            request,
            _("Avsluta prenumerationen"),
            _("Vill du sluta få pressmeddelanden från Nexus till %(email)s?") % {"email": subscriber.email},
            form_action=request.path,
            button=_("Avsluta prenumerationen"),
        )
    # Nothing kept: the address and its delivery records go.
    subscriber.delete()
    return _message(request, _("Prenumerationen är avslutad"), _("Du får inga fler pressmeddelanden från oss."))
