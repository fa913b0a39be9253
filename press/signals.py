"""Press permissions at set-up, subscriber mails when a release is first published, image bank renditions."""

from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.signals import page_published

from home.tasks import make_image_renditions
from workflows.setup_signals import editorial_setup

from . import renditions
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


@receiver(post_save, sender=get_image_model(), dispatch_uid="press_bank_image_renditions")
def make_bank_renditions(sender, instance, **kwargs):
    """An image in the image bank is on the press room at once: make its renditions now, not on a view."""
    bank = Collection.objects.filter(name=PRESS_IMAGES_COLLECTION).first()
    if bank is not None and instance.collection_id in {c.pk for c in bank.get_descendants(inclusive=True)}:
        make_image_renditions.enqueue(instance.pk, list(renditions.ALL))
