"""Rights on the screens' campaigns, granted by the installation (manage.py setup_site); the
newsletter's mails queued when an issue is published.

Communicators add and change campaigns (``channels.screens`` narrows every admin door to their
own organisation's); Projektledning holds every right, publish included, only so that its
approval publishes (``workflows.snippet_admin`` refuses direct publishing).
"""

from django.contrib.auth.models import Permission
from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from workflows.models import Organisation
from workflows.setup_signals import editorial_setup

from .models import NewsletterPage

COMMUNICATOR_CAMPAIGN_PERMISSIONS = ["add_campaign", "change_campaign"]
LEADER_CAMPAIGN_PERMISSIONS = [
    f"{action}_campaign" for action in ("add", "change", "delete", "publish", "lock", "unlock", "view")
]


def _permissions(codenames):
    return list(Permission.objects.filter(content_type__app_label="channels", codename__in=codenames))


@receiver(editorial_setup, dispatch_uid="channels_campaign_permissions")
def grant_campaign_permissions(sender, leaders, translators, **kwargs):
    leaders.permissions.add(*_permissions(LEADER_CAMPAIGN_PERMISSIONS))
    communicator_permissions = _permissions(COMMUNICATOR_CAMPAIGN_PERMISSIONS)
    for organisation in Organisation.objects.exclude(communicators_group=None).select_related("communicators_group"):
        organisation.communicators_group.permissions.add(*communicator_permissions)


@receiver(page_published, sender=NewsletterPage, dispatch_uid="channels_newsletter_published")
def send_newsletter_issue(sender, instance, **kwargs):
    """Queue the issue's mails after the commit, so publishing never waits on SMTP.

    Every publication queues the task; it mails only subscribers without a delivery of this issue.
    """
    from .newsletter import send_issue

    page_id = instance.pk
    transaction.on_commit(lambda: send_issue.enqueue(page_id))
