"""Permissions for the home app's models, granted when setup_editorial runs."""

from django.contrib.auth.models import Permission
from django.dispatch import receiver

from workflows.setup_signals import editorial_setup


@receiver(editorial_setup, dispatch_uid="home_help_number_permissions")
def grant_help_number_permissions(sender, leaders, translators, **kwargs):
    """Only Projektledning edits the central help numbers (labels are translated in .po files)."""
    leaders.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="home", codename__in=["add_helpnumber", "change_helpnumber", "delete_helpnumber"]
        )
    )
