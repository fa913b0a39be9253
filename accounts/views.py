"""Admin views: enrolling a second factor, and the administrators' account pages (Konton)."""

import base64
from functools import wraps

import segno
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from . import devices, lifecycle
from .audit import log_account_change
from .forms import ConfirmCodeForm, DeactivateForm, InviteForm


def enrol(request):
    """Set up the TOTP app: scan the code, confirm with a first code, note the recovery codes."""
    device = devices.pending_totp(request.user)
    form = ConfirmCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = devices.confirm(request.user, device, form.cleaned_data["otp_token"])
        if codes is not None:
            otp_login(request, device)
            log_account_change(request.user, "nexus.mfa_enrol", by=request.user)
            return render(request, "accounts/recovery_codes.html", {"recovery_codes": codes})
        form.add_error("otp_token", _("Koden stämmer inte. Kontrollera klockan i telefonen och försök igen."))
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_uri": segno.make(device.config_url, error="m").svg_data_uri(scale=5),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "required": settings.NEXUS_REQUIRE_MFA,
    }
    return render(request, "accounts/enrol.html", context)


def superuser_required(view):
    # User management stays with the administrators: whoever may change users could make
    # themselves superuser.
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@superuser_required
def index(request):
    User = get_user_model()
    accounts = User.objects.filter(is_active=True).order_by("username").prefetch_related("groups")
    enrolled = set(
        devices.TOTPDevice.objects.filter(confirmed=True, user__in=accounts).values_list("user_id", flat=True)
    )
    lockouts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT).order_by(
        "-attempt_time"
    )
    return render(
        request,
        "accounts/index.html",
        {"accounts": [(account, account.pk in enrolled) for account in accounts], "lockouts": lockouts},
    )


@superuser_required
def invite(request):
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        account = lifecycle.invite(request, form.cleaned_data)
        log_account_change(account, "nexus.invite", by=request.user, group=form.cleaned_data["group"].name)
        messages.success(request, _("En inbjudan har skickats till %(email)s.") % {"email": account.email})
        return redirect("nexus_accounts:index")
    return render(request, "accounts/invite.html", {"form": form})


@superuser_required
@require_POST
def reset_second_factor(request, user_id):
    account = get_object_or_404(get_user_model(), pk=user_id)
    devices.remove_all(account)
    log_account_change(account, "nexus.mfa_reset", by=request.user)
    messages.success(
        request,
        _("Tvåstegsverifieringen för %(user)s är borttagen. Hen ställer in den igen vid nästa inloggning.")
        % {"user": account.get_username()},
    )
    return redirect("nexus_accounts:index")


@superuser_required
def deactivate(request, user_id):
    account = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    if account == request.user:
        raise PermissionDenied
    form = DeactivateForm(account, request.POST or None)
    if request.method == "POST" and form.is_valid():
        colleague = form.cleaned_data["colleague"]
        moved = lifecycle.deactivate(account, colleague)
        log_account_change(
            account, "nexus.deactivate", by=request.user, handed_to=colleague.get_username(), drafts=moved
        )
        messages.success(
            request,
            _("%(user)s är inaktiverad; %(count)s utkast har lämnats över till %(colleague)s.")
            % {"user": account.get_username(), "count": moved, "colleague": colleague.get_username()},
        )
        return redirect("nexus_accounts:index")
    return render(
        request,
        "accounts/deactivate.html",
        {"form": form, "account": account, "drafts": lifecycle.drafts_of(account).count()},
    )


@superuser_required
@require_POST
def unlock(request, attempt_id):
    attempt = get_object_or_404(AccessAttempt, pk=attempt_id)
    axes_reset(ip=attempt.ip_address, username=attempt.username)
    account = get_user_model().objects.filter(username=attempt.username).first()
    if account is not None:
        log_account_change(account, "nexus.unlock", by=request.user, ip_address=attempt.ip_address)
    messages.success(request, _("Inloggningen för %(user)s är upplåst.") % {"user": attempt.username})
    return redirect(reverse("nexus_accounts:index"))
