"""Permissions for the home app's models, granted when setup_editorial runs."""

from django.contrib.auth.models import Permission
from django.dispatch import receiver

from workflows.models import Organisation
from workflows.setup_signals import editorial_setup

HELP_NUMBER_PERMISSIONS = [
    f"{action}_helpnumber" for action in ("add", "change", "delete", "publish", "lock", "unlock")
]


@receiver(editorial_setup, dispatch_uid="home_help_number_permissions")
def grant_help_number_permissions(sender, leaders, translators, **kwargs):
    """Only Projektledning edits the central help numbers (labels are translated in .po files).

    Publish is what lets a project leader's approval publish; publishing directly is refused in
    the admin (``workflows.snippet_admin``).
    """
    leaders.permissions.add(
        *Permission.objects.filter(content_type__app_label="home", codename__in=HELP_NUMBER_PERMISSIONS)
    )


FAQ_LEADER_PERMISSIONS = [f"{action}_faqentry" for action in ("add", "change", "delete", "publish", "lock", "unlock")]


@receiver(editorial_setup, dispatch_uid="home_faq_permissions")
def grant_faq_permissions(sender, leaders, translators, **kwargs):
    """Projektledning edits the FAQ; every organisation's communicators read and search it."""
    faq = Permission.objects.filter(content_type__app_label="home", content_type__model="faqentry")
    leaders.permissions.add(*faq.filter(codename__in=[*FAQ_LEADER_PERMISSIONS, "view_faqentry"]))
    leaders.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="home",
            codename__in=[
                f"{action}_collaborationsentence" for action in ("add", "change", "publish", "lock", "unlock")
            ],
        )
    )
    view = faq.get(codename="view_faqentry")
    for organisation in Organisation.objects.exclude(communicators_group=None).select_related("communicators_group"):
        organisation.communicators_group.permissions.add(view)
