"""Workflow e-mails in Swedish, sent after the database commit.

Wagtail sends its workflow notifications synchronously inside the request, before the commit.
We replace its four handlers (same ``dispatch_uid`` and sender, so whichever app is ready first,
only ours stay connected) with notifiers that work out recipients and context at once but send
from ``transaction.on_commit``. A failing mail server is logged and never undoes the editor's
work: the action has been committed by then, and every error is caught here.

The mails are plain text (templates in ``templates/workflows/notifications/``); keep
``WAGTAILADMIN_NOTIFICATION_USE_HTML = False`` (there are no HTML variants).
"""

import logging

from django.db import transaction
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

logger = logging.getLogger(__name__)


class OnCommitMixin:
    """Collect recipients and context during the signal, send after the commit."""

    template_directory = "workflows/notifications/"

    def send_notifications(self, template_set, context, recipients, **kwargs):
        recipients = list(recipients)

        def send():
            try:
                fresh = self.context_after_commit(context)
                if fresh is not None:
                    self.send_emails(template_set, fresh, recipients, **kwargs)
            except Exception:
                logger.exception("Workflow notification '%s' could not be sent", self.notification)

        transaction.on_commit(send)
        return True

    def context_after_commit(self, context):
        """The context as committed, or None when what the mail would say did not happen."""
        return context

    def __call__(self, instance=None, **kwargs):
        try:
            return super().__call__(instance=instance, **kwargs)
        except Exception:
            # Never let a notification problem break (or roll back) a workflow action.
            logger.exception("Workflow notification '%s' could not be prepared", self.notification)
            return False


class TaskSubmittedNotifier(OnCommitMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    """To the members of the task's group(s): something awaits your review."""


class WorkflowSubmittedNotifier(OnCommitMixin, WorkflowStateSubmissionEmailNotifier):
    """Superusers only, and only with WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS (off here)."""


class WorkflowApprovedNotifier(OnCommitMixin, WorkflowStateApprovalEmailNotifier):
    """To the author when the last task has approved (and published or scheduled)."""

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        last = workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED).order_by("-finished_at").first()
        context["comment"] = last.get_comment() if last else ""
        if "page" not in context and context.get("object") is not None:
            # A snippet: approval has just published it; read it afresh for the "published" line.
            # (Pages are re-read after the commit, in context_after_commit.)
            context["object"] = type(context["object"]).objects.get(pk=context["object"].pk)
        return context

    def context_after_commit(self, context):
        """Tell the author "published" only when the committed page serves what was approved.

        Approval publishes (or schedules) the latest revision; re-read after the commit, the page
        must be live with that revision, or have it scheduled.
        """
        if "page" not in context:
            return context
        page = context["page"].specific_class.objects.filter(pk=context["page"].pk).first()
        published = page is not None and page.live and page.live_revision_id == page.latest_revision_id
        if not (published or (page is not None and page.scheduled_revision)):
            logger.error("Approved page %s is neither live nor scheduled: no approval mail sent", context["page"].pk)
            return None
        return {**context, "page": page}


class WorkflowRejectedNotifier(OnCommitMixin, WorkflowStateRejectionEmailNotifier):
    """To the author, with the reviewer's comment."""


task_submitted_notifier = TaskSubmittedNotifier()
workflow_submitted_notifier = WorkflowSubmittedNotifier()
workflow_approved_notifier = WorkflowApprovedNotifier()
workflow_rejected_notifier = WorkflowRejectedNotifier()

# (signal, sender, Wagtail's dispatch_uid, our notifier)
HANDLERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", task_submitted_notifier),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", workflow_submitted_notifier),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", workflow_approved_notifier),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", workflow_rejected_notifier),
]


def register():
    """Replace Wagtail's handlers with ours (idempotent, independent of app order)."""
    for signal, sender, dispatch_uid, notifier in HANDLERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid, weak=False)
