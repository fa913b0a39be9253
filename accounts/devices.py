"""Second factors: a TOTP app and one-time recovery codes (django-otp devices)."""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def verify(user, code):
    """The device that accepts ``code`` (app code or unused recovery code), or None.

    A TOTP code is accepted once: django-otp remembers the last time step used. A recovery code
    is deleted when used.
    """
    code = "".join(code.split()).lower()
    if not code:
        return None
    with transaction.atomic():
        if code.isdigit():
            for device in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
                if device.verify_token(code):
                    return device
            return None
        for device in StaticDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(code):
                return device
    return None


def pending_totp(user):
    """The user's unconfirmed TOTP device, created on first call (enrolment in progress)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="app", confirmed=False)


def confirm(user, device, code):
    """Confirm an enrolment with a first code; returns the new recovery codes, or None if wrong."""
    with transaction.atomic():
        if not device.verify_token("".join(code.split())):
            return None
        device.confirmed = True
        device.save()
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        return new_recovery_codes(user)


def new_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="reservkoder", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def remove_all(user):
    """Forget every second factor of ``user`` (lost phone): they enrol again at next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
