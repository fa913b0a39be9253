"""Account lifecycle for the partner organisations: invite, and deactivate a leaver."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Page

from workflows.models import Organisation, Role

from . import devices


def set_password_url(account):
    """A one-time link: Django's reset token changes once the password is set (or the user signs in)."""
    uidb64 = urlsafe_base64_encode(force_bytes(account.pk))
    token = default_token_generator.make_token(account)
    path = reverse("wagtailadmin_password_reset_confirm", args=(uidb64, token))
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invite(request, data):
    """A new account without a password in ``data["group"]``, and a mail with the one-time link."""
    User = get_user_model()
    with transaction.atomic():
        account = User(
            username=data["email"].lower(),
            email=data["email"].lower(),
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
        account.set_unusable_password()
        account.save()
        account.groups.add(data["group"])
    context = {"account": account, "url": set_password_url(account), "site_name": settings.WAGTAIL_SITE_NAME}
    transaction.on_commit(
        lambda: send_mail(
            render_to_string("accounts/invite_subject.txt", context).strip(),
            render_to_string("accounts/invite_email.txt", context),
            None,
            [account.email],
        )
    )
    return account


def organisations_of(account):
    return Organisation.objects.of_member(account, Role.COMMUNICATORS, Role.REVIEWERS)


def colleagues_of(account):
    """Active users who may take over ``account``'s drafts: people of the same organisation, or,
    for someone without one (Projektledning, translators), of the same groups."""
    User = get_user_model()
    organisations = organisations_of(account)
    if organisations.exists():
        groups = [o.communicators_group_id for o in organisations] + [o.reviewers_group_id for o in organisations]
    else:
        groups = list(account.groups.values_list("pk", flat=True))
    return User.objects.filter(is_active=True, groups__in=groups).exclude(pk=account.pk).distinct()


def drafts_of(account):
    """Pages ``account`` owns that have never been published."""
    return Page.objects.filter(owner=account, live=False, first_published_at__isnull=True)


def deactivate(account, colleague):
    """Deactivate a leaver (their sessions end, they cannot sign in) and hand their drafts over."""
    with transaction.atomic():
        moved = drafts_of(account).update(owner=colleague)
        account.is_active = False
        account.save(update_fields=["is_active"])
        devices.remove_all(account)
    return moved
