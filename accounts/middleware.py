"""Admin sessions: sign in again after inactivity, and no admin page without a second factor."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import devices
from .audit import log_export

LAST_SEEN_KEY = "nexus_last_seen"
# Write the activity stamp at most this often (seconds), not on every request.
LAST_SEEN_RESOLUTION = 60
GUARDED_PREFIXES = ("/admin/", "/documents/")


def _exempt_paths():
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_password_reset"),
        reverse("nexus_accounts:enrol"),
    )


class AdminSessionMiddleware:
    """After django-otp's OTPMiddleware (``request.user.is_verified()``) and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            refused = self.expire_idle(request) or self.require_second_factor(request)
            if refused is not None:
                return refused
        response = self.get_response(request)
        if self.is_export(request, response):
            log_export(request, request.path, request.GET["export"])
        return response

    @staticmethod
    def is_export(request, response):
        # Every admin listing and report exports through Wagtail's SpreadsheetExportMixin (?export=).
        return (
            request.user.is_authenticated
            and request.path.startswith("/admin/")
            and request.GET.get("export") in ("csv", "xlsx")
            and "attachment" in response.get("Content-Disposition", "")
        )

    def expire_idle(self, request):
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > settings.NEXUS_ADMIN_IDLE_TIMEOUT:
            logout(request)
            messages.info(request, _("Du har loggats ut eftersom du inte har varit aktiv på en stund."))
            if request.path.startswith(GUARDED_PREFIXES):
                return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
            return None
        if last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION:
            request.session[LAST_SEEN_KEY] = now
        return None

    def require_second_factor(self, request):
        if not settings.NEXUS_REQUIRE_MFA or request.user.is_verified():
            return None
        if not request.path.startswith(GUARDED_PREFIXES) or request.path.startswith(_exempt_paths()):
            return None
        if devices.has_second_factor(request.user):
            # Signed in without the code (a session from before the requirement): start again.
            logout(request)
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return redirect(reverse("nexus_accounts:enrol"))
