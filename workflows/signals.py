"""A new organisation saved in the admin gets its groups, sections and permissions at once."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Organisation


@receiver(post_save, sender=Organisation, dispatch_uid="nexus_provision_organisation")
def provision_new_organisation(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    from .editorial import provision_organisation

    provision_organisation(instance)
