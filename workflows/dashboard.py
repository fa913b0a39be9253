"""Dashboard panels: a communicator's organisation's drafts and submissions; Projektledning's
overview of the communication activities."""

import datetime
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from .editorial import organisation_sections

PANEL_LIMIT = 10


def organisation_pages(organisations):
    """Pages inside the organisations' sections (the sections themselves excluded)."""
    sections = [section for o in organisations for section in organisation_sections(o)]
    if not sections:
        return Page.objects.none()
    inside = reduce(or_, (Q(path__startswith=s.path, depth__gt=s.depth) for s in sections))
    return Page.objects.filter(inside)


class OrganisationPagesPanel(Component):
    name = "nexus_organisation_pages"
    template_name = "workflows/dashboard/organisation_pages.html"
    order = 205

    def __init__(self, organisations):
        self.organisations = organisations

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pages = organisation_pages(self.organisations)
        # WorkflowState.object_id is a string: a join on it fails on PostgreSQL, so collect ids.
        in_review = Q(
            pk__in=[
                int(object_id)
                for object_id in WorkflowState.objects.filter(
                    status=WorkflowState.STATUS_IN_PROGRESS,
                    base_content_type=ContentType.objects.get_for_model(Page),
                ).values_list("object_id", flat=True)
            ]
        )
        unpublished = Q(live=False) | Q(has_unpublished_changes=True)
        context.update(
            {
                "organisations": self.organisations,
                "drafts": pages.filter(unpublished)
                .exclude(in_review)
                .order_by("-latest_revision_created_at")
                .select_related("locale")[:PANEL_LIMIT],
                "in_review": pages.filter(in_review)
                .order_by("-latest_revision_created_at")
                .select_related("locale")[:PANEL_LIMIT],
            }
        )
        return context


class ActivitiesPanel(Component):
    """Projektledning's view of the communication plan: this month by channel and organisation,
    and the organisations with no activity this quarter (cancelled ones do not count)."""

    name = "nexus_activities"
    template_name = "workflows/dashboard/activities.html"
    order = 150

    def get_context_data(self, parent_context):
        from .models import CommunicationActivity, Organisation

        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        month_start = today.replace(day=1)
        next_month = (month_start + datetime.timedelta(days=32)).replace(day=1)
        quarter_start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        quarter_end = (quarter_start + datetime.timedelta(days=95)).replace(day=1)
        counted = CommunicationActivity.objects.exclude(status=CommunicationActivity.Status.CANCELLED)
        this_month = counted.filter(date__gte=month_start, date__lt=next_month)
        channels = dict(CommunicationActivity.Channel.choices)
        by_channel = [
            (channels[row["channel"]], row["count"])
            for row in this_month.values("channel").annotate(count=Count("pk")).order_by("-count", "channel")
        ]
        by_organisation = list(
            this_month.values("organisation__name")
            .annotate(count=Count("pk"))
            .order_by("-count", "organisation__name")
            .values_list("organisation__name", "count")
        )
        active = counted.filter(date__gte=quarter_start, date__lt=quarter_end).values("organisation")
        context.update(
            {
                "month_start": month_start,
                "by_channel": by_channel,
                "by_organisation": by_organisation,
                "month_total": this_month.count(),
                "quiet": Organisation.objects.exclude(pk__in=active),
                "quarter": (today.month - 1) // 3 + 1,
                "year": today.year,
            }
        )
        return context
