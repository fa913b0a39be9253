"""The audit log of sign-ins, lockouts, account changes and exports.

Entries go into Wagtail's own log (``ModelLogEntry``, against the user concerned), so
administrators read them in Rapporter → Webbplatshistorik next to every content change. Wagtail's
user and group views already log their creates, edits and deletes there.
"""

import logging

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from wagtail.log_actions import log

from .clientip import client_ip

logger = logging.getLogger(__name__)


def _account(username):
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD: username}).first()


def _address(request):
    return client_ip(request) if request is not None else ""


@receiver(user_logged_in, dispatch_uid="nexus-audit-login")
def log_login(sender, request, user, **kwargs):
    log(user, "nexus.login", user=user, data={"ip_address": _address(request)})


@receiver(user_login_failed, dispatch_uid="nexus-audit-login-failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    account = _account(credentials.get("username"))
    if account is None:
        logger.info("Failed sign-in for an unknown username from %s", _address(request))
        return
    log(account, "nexus.login_failed", user=None, data={"ip_address": _address(request)})


@receiver(user_locked_out, dispatch_uid="nexus-audit-lockout")
def log_lockout(sender, request, username, ip_address, **kwargs):
    account = _account(username)
    logger.warning("Sign-in locked out for %r from %s", username, ip_address)
    if account is not None:
        log(account, "nexus.lockout", user=None, data={"ip_address": ip_address})


def log_export(request, listing, spreadsheet_format):
    """One entry per export: who exported which admin list, in which format (no row data)."""
    # The real user, not request.user's lazy wrapper (Wagtail's log registry skips that one).
    account = get_user_model().objects.get(pk=request.user.pk)
    log(account, "nexus.export", user=account, data={"listing": listing, "format": spreadsheet_format})


def log_account_change(account, action, by, **data):
    log(account, action, user=by, data=data)
