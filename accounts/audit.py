"""The audit log of sign-ins, lockouts, account changes and exports.

Entries go into Wagtail's own log (``ModelLogEntry``, against the user concerned), so
administrators read them in Rapporter → Webbplatshistorik next to every content change. Wagtail's
user and group views log their creates, edits and deletes there ("edited"); what an audit needs
besides is *which* rights changed, so changes made by a signed-in person (the admin's log context
names them) are logged with their content:

* ``nexus.groups_changed`` on the user: the groups joined and left;
* ``nexus.account_changed`` on the user: administrator (``is_superuser``) or active status;
* ``nexus.permissions_changed`` on the group: the model permissions gained and lost.

The installation and other commands set rights in code, outside any log context: not logged.
"""

import logging

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from wagtail import hooks
from wagtail.log_actions import get_active_log_context, log

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


# --- rights changed in the admin ------------------------------------------------------------

ACCOUNT_FLAGS = ("is_superuser", "is_active")


def _acting_user():
    """The signed-in person making the change (Wagtail's admin views set the log context)."""
    return get_active_log_context().user


def _added_and_removed(action, names):
    names = sorted(names)
    return {"added": names if action == "post_add" else [], "removed": names if action == "post_remove" else []}


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="nexus-audit-groups")
def log_group_membership(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove") or not pk_set or _acting_user() is None:
        return
    if reverse:  # group.user_set.add(…): ``instance`` is the group, ``pk_set`` the users
        for account in get_user_model().objects.filter(pk__in=pk_set):
            log(account, "nexus.groups_changed", data=_added_and_removed(action, [instance.name]))
        return
    names = Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)
    log(instance, "nexus.groups_changed", data=_added_and_removed(action, names))


@receiver(pre_save, sender=get_user_model(), dispatch_uid="nexus-audit-account-flags-before")
def remember_account_flags(sender, instance, **kwargs):
    if instance.pk is None or _acting_user() is None:
        return
    before = sender.objects.filter(pk=instance.pk).values(*ACCOUNT_FLAGS).first()
    if before is not None:
        instance._nexus_flag_changes = {
            flag: getattr(instance, flag) for flag in ACCOUNT_FLAGS if before[flag] != getattr(instance, flag)
        }


@receiver(post_save, sender=get_user_model(), dispatch_uid="nexus-audit-account-flags")
def log_account_flags(sender, instance, created, **kwargs):
    changes = instance.__dict__.pop("_nexus_flag_changes", None)
    if changes and not created:
        log(instance, "nexus.account_changed", data=changes)


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="nexus-audit-group-permissions")
def log_group_permissions(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove") or not pk_set or reverse or _acting_user() is None:
        return
    # Only the permissions the admin's group form offers: the form takes the others off and puts
    # them back in one save (``GroupForm.save``), which changes nothing.
    offered = Permission.objects.filter(pk__in=pk_set) & _offered_permissions()
    names = [
        f"{app_label}.{codename}" for app_label, codename in offered.values_list("content_type__app_label", "codename")
    ]
    if names:
        log(instance, "nexus.permissions_changed", data=_added_and_removed(action, names))


def _offered_permissions():
    offered = Permission.objects.none()
    for permissions in hooks.get_hooks("register_permissions"):
        offered = offered | permissions()
    return offered
