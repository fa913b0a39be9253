"""Model permissions for bookings and training requests, granted by the installation (manage.py setup_site)."""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from workflows.models import Organisation
from workflows.setup_signals import editorial_setup

# Communicators see and correct their own organisation's bookings (the queryset is narrowed in
# wagtail_hooks); nobody adds bookings in the admin, they come from the public form.
BOOKING_PERMISSIONS = ["view_booking", "change_booking", "delete_booking"]
REQUEST_PERMISSIONS = ["view_trainingrequest", "delete_trainingrequest"]


def _permissions(codenames):
    return list(Permission.objects.filter(content_type__app_label="training", codename__in=codenames))


@receiver(editorial_setup, dispatch_uid="training_grant_permissions")
def grant_training_permissions(sender, leaders, translators, **kwargs):
    booking_permissions = _permissions(BOOKING_PERMISSIONS)
    leaders.permissions.add(*booking_permissions, *_permissions(REQUEST_PERMISSIONS))
    for organisation in Organisation.objects.select_related("communicators_group"):
        group = organisation.communicators_group
        if group is not None:
            group.permissions.add(*booking_permissions)


@receiver(post_save, sender=Organisation, dispatch_uid="training_grant_new_organisation")
def grant_new_organisation(sender, instance, created, raw=False, **kwargs):
    # workflows' own post_save receiver (connected first) has created the group by now.
    if raw or not created:
        return
    group = instance.communicators_group
    if group is not None:
        group.permissions.add(*_permissions(BOOKING_PERMISSIONS))
