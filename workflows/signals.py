"""A new organisation saved in the admin gets its groups, sections and permissions at once."""

from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from .models import Organisation

# Sent at the end of every setup_editorial() run with ``leaders`` and ``translators`` (the two
# central groups). Apps connect to it to grant their own model permissions (snippets, bookings)
# from their own modules, idempotently.
editorial_setup = Signal()


@receiver(post_save, sender=Organisation, dispatch_uid="nexus_provision_organisation")
def provision_new_organisation(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    from .editorial import provision_organisation

    provision_organisation(instance)
