"""Public records (allmän handling): published revisions kept as they were, and a page's records export.

A revision that was ever published is an official document: ``protect_published_revisions``
refuses to change its content or to delete it on its own (Wagtail's ``purge_revisions`` counts
it as protected and skips it). Deleting the whole page, which only administrators may do and
which is logged, still removes its revisions.

``export(page, date_from, date_to)`` answers a records request for one page: every revision
(content, author, time, whether and when it was published), the page's workflow history (tasks,
who approved or rejected, comments) and its audit log for a date range. Participants' personal
data (bookings, subscribers) is never part of a page's revisions or log, so it never appears here;
editors appear by user name and full name, never by e-mail address.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.db.models.deletion import ProtectedError
from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
from wagtail.models.audit_log import ModelLogEntry

PUBLISH_ACTION = "wagtail.publish"
EXPORT_ACTION = "nexus.records.export"


class PublishedRevisionChanged(ProtectedError):
    """A published revision's content was about to be rewritten or the revision deleted."""


def published_revision_ids(revision_ids):
    ids = set(
        PageLogEntry.objects.filter(revision_id__in=revision_ids, action=PUBLISH_ACTION).values_list(
            "revision_id", flat=True
        )
    )
    ids |= set(
        ModelLogEntry.objects.filter(revision_id__in=revision_ids, action=PUBLISH_ACTION).values_list(
            "revision_id", flat=True
        )
    )
    ids |= set(Page.objects.filter(live_revision_id__in=revision_ids).values_list("live_revision_id", flat=True))
    return ids


def was_published(revision):
    return bool(revision.pk) and revision.pk in published_revision_ids([revision.pk])


@receiver(pre_save, sender=Revision, dispatch_uid="nexus_protect_published_revision_content")
def protect_published_revision_content(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not instance.pk or (update_fields is not None and "content" not in update_fields):
        return
    stored = Revision.objects.filter(pk=instance.pk).values_list("content", flat=True).first()
    if stored is not None and stored != instance.content and was_published(instance):
        raise PublishedRevisionChanged("A published revision is a public record and cannot be changed.", [instance])


@receiver(pre_delete, sender=Revision, dispatch_uid="nexus_protect_published_revision_delete")
def protect_published_revision_delete(sender, instance, origin=None, **kwargs):
    # Only a deletion of revisions themselves is refused; a page deleted by an administrator
    # (logged) takes its revisions with it.
    own = isinstance(origin, Revision) or (isinstance(origin, QuerySet) and origin.model is Revision)
    if own and was_published(instance):
        raise PublishedRevisionChanged("A published revision is a public record and cannot be deleted.", [instance])


def person(user):
    if user is None:
        return None
    return {"id": user.pk, "username": user.get_username(), "name": user.get_full_name()}


def day_bounds(date_from, date_to):
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.datetime.combine(date_from, datetime.time.min), tz)
    end = timezone.make_aware(datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min), tz)
    return start, end


def export(page, date_from, date_to):
    """The records of one page as a JSON-serialisable dict; the audit log from ``date_from`` to ``date_to`` (days, inclusive)."""
    page = page.specific
    revisions = list(
        Revision.page_revisions.filter(object_id=str(page.pk)).select_related("user").order_by("created_at", "pk")
    )
    published = {}
    for entry in (
        PageLogEntry.objects.filter(page_id=page.pk, action=PUBLISH_ACTION).select_related("user").order_by("timestamp")
    ):
        published.setdefault(entry.revision_id, []).append({"time": entry.timestamp, "by": person(entry.user)})
    states = (
        WorkflowState.objects.for_instance(page)
        .select_related("workflow", "requested_by")
        .prefetch_related("task_states__task", "task_states__finished_by")
        .order_by("created_at", "pk")
    )
    start, end = day_bounds(date_from, date_to)
    log = PageLogEntry.objects.filter(page_id=page.pk, timestamp__gte=start, timestamp__lt=end).select_related("user")
    return {
        "page": {
            "id": page.pk,
            "title": page.title,
            "type": page.specific_class._meta.label,
            "locale": page.locale.language_code,
            "url": page.get_full_url(),
            "live": page.live,
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
        },
        "period": {"from": date_from, "to": date_to},
        "exported_at": timezone.now(),
        "revisions": [
            {
                "id": revision.pk,
                "created_at": revision.created_at,
                "author": person(revision.user),
                "published": revision.pk in published or revision.pk == page.live_revision_id,
                "published_at": published.get(revision.pk, []),
                "live": revision.pk == page.live_revision_id,
                "approved_go_live_at": revision.approved_go_live_at,
                "content": revision.content,
            }
            for revision in revisions
        ],
        "workflow": [
            {
                "workflow": state.workflow.name,
                "status": state.status,
                "started_at": state.created_at,
                "requested_by": person(state.requested_by),
                "tasks": [
                    {
                        "task": task_state.task.name,
                        "status": task_state.status,
                        "revision": task_state.revision_id,
                        "started_at": task_state.started_at,
                        "finished_at": task_state.finished_at,
                        "finished_by": person(task_state.finished_by),
                        "comment": task_state.comment,
                    }
                    for task_state in sorted(state.task_states.all(), key=lambda t: (t.started_at, t.pk))
                ],
            }
            for state in states
        ],
        "audit_log": [
            {
                "time": entry.timestamp,
                "action": entry.action,
                "label": entry.label,
                "user": person(entry.user),
                "revision": entry.revision_id,
                "data": entry.data,
            }
            for entry in log.order_by("timestamp", "pk")
        ],
    }


def export_json(page, date_from, date_to):
    return json.dumps(export(page, date_from, date_to), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def log_export(page, user, date_from, date_to):
    PageLogEntry.objects.log_action(
        instance=page,
        action=EXPORT_ACTION,
        user=user,
        data={"from": date_from.isoformat(), "to": date_to.isoformat()},
    )
