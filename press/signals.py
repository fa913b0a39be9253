"""Press permissions at set-up, and subscriber mails when a release is first published."""

from django.contrib.auth.models import Permission
from django.db import transaction
from django.dispatch import receiver
from wagtail.models import Collection
from wagtail.signals import page_published

from workflows.setup_signals import editorial_setup

from .models import PRESS_IMAGES_COLLECTION, PressReleaseMailing, PressReleasePage

# Publish lets a project leader's approval publish; direct publishing is refused in the admin.
SPOKESPERSON_PERMISSIONS = [
    f"{action}_spokesperson" for action in ("add", "change", "delete", "publish", "lock", "unlock")
]


@receiver(editorial_setup, dispatch_uid="press_editorial_setup")
def grant_press_permissions(sender, leaders, translators, **kwargs):
    """Projektledning maintains spokespersons; the image bank collection exists. Idempotent.

    Projektledning's image rights on the root collection already cover "Pressbilder".
    """
    leaders.permissions.add(
        *Permission.objects.filter(content_type__app_label="press", codename__in=SPOKESPERSON_PERMISSIONS)
    )
    if not Collection.objects.filter(name=PRESS_IMAGES_COLLECTION).exists():
        Collection.get_first_root_node().add_child(name=PRESS_IMAGES_COLLECTION)


@receiver(page_published, sender=PressReleasePage, dispatch_uid="press_release_published")
def announce_release(sender, instance, **kwargs):
    """Queue the subscriber mails after commit, so publishing never waits on SMTP."""
    if PressReleaseMailing.objects.filter(translation_key=instance.translation_key).exists():
        return
    from .subscriptions import send_release_to_subscribers

    release_id = instance.pk
    transaction.on_commit(lambda: send_release_to_subscribers.enqueue(release_id))
