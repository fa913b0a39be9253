"""Wagtail's ``purge_revisions``, keeping public records: a revision that was ever published stays.

Wagtail's own command deletes every superseded revision, once-published ones included; this
command (``home`` comes before ``wagtail`` in INSTALLED_APPS, so it takes the name) leaves those
out and deletes only working material (drafts never published, not latest, not scheduled, not in
a workflow). ``home.records`` refuses the deletion of a published revision anyway.
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.deletion import ProtectedError
from django.utils import timezone
from wagtail.management.commands import purge_revisions as wagtail_purge
from wagtail.models import Revision, WorkflowState

from home import records


def purge_revisions(days=None, pages=True, non_pages=True):
    if pages == non_pages:
        objects = Revision.objects.all()
    elif pages:
        objects = Revision.objects.page_revisions()
    else:
        objects = Revision.objects.not_page_revisions()
    candidates = objects.exclude(approved_go_live_at__isnull=False).exclude(
        Q(task_states__workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)
        | Q(task_states__workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES)
    )
    if days:
        candidates = candidates.filter(created_at__lt=timezone.now() - timezone.timedelta(days=days))
    ids = list(candidates.values_list("pk", flat=True))
    keep = records.published_revision_ids(ids)
    deleted = protected = 0
    for revision in Revision.objects.filter(pk__in=set(ids) - keep).iterator():
        if revision.is_latest_revision():
            continue
        try:
            with transaction.atomic():
                revision.delete()
            deleted += 1
        except ProtectedError:
            protected += 1
    return deleted, protected + len(keep)


class Command(wagtail_purge.Command):
    help = "Delete revisions that were never published and are not the latest, scheduled or in moderation"

    def handle(self, *args, **options):
        deleted, kept = purge_revisions(
            days=options.get("days"), pages=options.get("pages"), non_pages=options.get("non_pages")
        )
        self.stdout.write(f"Deleted {deleted} revisions; kept {kept} published or protected ones")
