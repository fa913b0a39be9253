"""Public endpoints of the training calendar outside the page tree.

The POST endpoints are ``csrf_exempt`` on purpose: anonymous visitors have no cookie and no
session, so there is no ambient authority a forged cross-site request could use (CSRF protects
cookie-authenticated requests). Putting a CSRF cookie on the public pages would break the
"no cookies for anonymous readers" promise. Instead every form carries a signed, time-limited
token (``home.form_tokens``), a honeypot field, and each client is rate limited.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from home import form_tokens, throttle
from home.listing import subpage_url
from workflows.editorial import PROJECT_LEADERS_GROUP

from . import bookings, ical, tokens
from .forms import BookingForm, TrainingRequestForm
from .models import Booking, TrainingIndexPage, TrainingPage, TrainingRequest

logger = logging.getLogger(__name__)


def _no_store(response):
    add_never_cache_headers(response)
    return response


def rate_limited(request, scope):
    """True when this client has posted too often (see home.throttle)."""
    limit, window = settings.TRAINING_RATE_LIMIT
    return throttle.rate_limited(request, f"training-{scope}", limit, window)


def too_many_requests():
    response = HttpResponse(
        _("För många försök på kort tid. Vänta en stund och försök igen."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(settings.TRAINING_RATE_LIMIT[1])
    return _no_store(response)


def _public_training(pk):
    return get_object_or_404(TrainingPage.objects.live().public().select_related("locale"), pk=pk)


def _render_training(request, training, status=200, **context):
    """The booking form page: the training with its form and a fresh token, for this visitor only."""
    with translation.override(training.locale.language_code):
        response = TemplateResponse(
            request,
            training.get_template(request),
            training.get_context(request, booking_form_page=True, **context),
            status=status,
        )
        response.render()
    return _no_store(response)


@csrf_exempt  # anonymous, cookie-less form: signed form token + honeypot + rate limit instead
def book(request, training_id):
    """GET: the booking form page (never cached, the token is this visitor's); POST: the booking.

    The training page itself is cached and shared by every reader, so it only links here.
    """
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    training = _public_training(training_id)
    if request.method != "POST":
        return _render_training(request, training)
    if rate_limited(request, "booking"):
        return too_many_requests()
    with translation.override(training.locale.language_code):
        form = BookingForm(request.POST, training=training)
        if not form.is_valid():
            return _render_training(request, training, status=400, form=form)
        try:
            result = bookings.book(training, form.cleaned_data, form.nonce)
        except bookings.BookingRefused as refused:
            return _render_training(request, training, status=409, form=None, refusal=refused.message)
    url = reverse("training:receipt", args=[bookings.receipt_token(result.booking, training)])
    return _no_store(HttpResponseRedirect(url))


@require_GET
def receipt(request, token):
    booking_pk, page_pk = tokens.read_receipt_token(token, max_age=7 * 24 * 60 * 60)
    booking = get_object_or_404(Booking.objects.select_related("training__locale"), pk=booking_pk)
    # The receipt speaks the language of the page the visitor booked on.
    training = (
        TrainingPage.objects.live()
        .select_related("locale")
        .filter(pk=page_pk, translation_key=booking.training.translation_key)
        .first()
        or booking.training
    )
    with translation.override(training.locale.language_code):
        response = TemplateResponse(
            request, "training/receipt.html", {"booking": booking, "training": training, "Status": Booking.Status}
        )
        response.render()
    return _no_store(response)


@csrf_exempt  # the signed token in the URL is the credential (see the module docstring)
def cancel(request, token):
    """GET shows a confirmation (mail scanners prefetch links); only the POST cancels."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    booking_pk = tokens.read_signed_id(tokens.CANCEL_SALT, token)
    booking = get_object_or_404(Booking.objects.select_related("training__locale"), pk=booking_pk)
    done = False
    if request.method == "POST":
        if rate_limited(request, "cancel"):
            return too_many_requests()
        bookings.cancel(booking.pk)
        booking.refresh_from_db()
        done = True
    with translation.override(booking.training.locale.language_code):
        response = TemplateResponse(
            request,
            "training/cancel.html",
            {"booking": booking, "training": booking.training, "done": done, "Status": Booking.Status},
        )
        response.render()
    return _no_store(response)


def _host(request):
    return request.get_host().split(":")[0] or "nexus"


@require_GET
def training_ics(request, training_id):
    training = _public_training(training_id)
    body = ical.training_calendar(training, request=request, host=_host(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="utbildning-{training.pk}.ics"'
    return response


@require_GET
def calendar_redirect(request, language):
    """The former per-language calendar file: now ``kalender.ics`` below that language's index."""
    index = TrainingIndexPage.objects.live().filter(locale__language_code=language).first()
    if index is None:
        raise Http404
    return HttpResponsePermanentRedirect(subpage_url(index, "ical"))


def _index_for_language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    return (
        TrainingIndexPage.objects.live().filter(locale__language_code=language).first()
        or TrainingIndexPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def _requested_language(request):
    """The ?sprak= of links from a translated index (these URLs sit outside the language prefix)."""
    code = request.GET.get("sprak", "")
    return code if code in dict(settings.LANGUAGES) else translation.get_language() or settings.LANGUAGE_CODE


@csrf_exempt  # anonymous, cookie-less form: signed form token + honeypot + rate limit instead
def request_training(request):
    """ "Beställ utbildning": GET shows the form (no cookie), POST stores and notifies Projektledning."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    with translation.override(_requested_language(request)):
        return _request_training(request)


def _request_training(request):
    status = 200
    if request.method == "POST":
        if rate_limited(request, "request"):
            return too_many_requests()
        form = TrainingRequestForm(request.POST)
        if form.is_valid():
            store_request(form)
            thanks = reverse("training:request_thanks") + f"?sprak={translation.get_language()}"
            return _no_store(HttpResponseRedirect(thanks))
        status = 400
    else:
        form = TrainingRequestForm()
    response = TemplateResponse(
        request, "training/request_form.html", {"form": form, "index": _index_for_language()}, status=status
    )
    response.render()
    return _no_store(response)


@require_GET
def request_thanks(request):
    with translation.override(_requested_language(request)):
        response = TemplateResponse(request, "training/request_thanks.html", {"index": _index_for_language()})
        response.render()
    return _no_store(response)


def store_request(form):
    from django.db import IntegrityError, transaction

    data = form.cleaned_data
    key = form_tokens.idempotency_key(form.nonce, data["contact_email"])
    try:
        with transaction.atomic():
            if TrainingRequest.objects.filter(idempotency_key=key).exists():
                return None
            training_request = TrainingRequest.objects.create(
                organisation=data["organisation"],
                other_organisation=data["other_organisation"] if data["organisation"] is None else "",
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
                group_size=data["group_size"],
                preferred_dates=data["preferred_dates"],
                needs=data["needs"],
                idempotency_key=key,
            )
            transaction.on_commit(lambda: notify_project_leaders(training_request.pk))
            return training_request
    except IntegrityError:
        return None


def notify_project_leaders(request_pk):
    """Staff notifications carry no personal data, only a link into the admin."""
    from django.contrib.auth import get_user_model

    recipients = list(
        get_user_model()
        .objects.filter(groups__name=PROJECT_LEADERS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    from .wagtail_hooks import request_viewset

    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        request_viewset.get_url_name("inspect"), args=[request_pk]
    )
    try:
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(
                _("Ny beställning av utbildning"),
                _("En ny beställning av utbildning har kommit in. Läs den i administrationen:\n\n%(link)s\n")
                % {"link": link},
                None,
                recipients,
            )
    except Exception:
        logger.exception("Could not notify project leaders of training request %s", request_pk)
