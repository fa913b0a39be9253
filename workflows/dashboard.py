"""Dashboard panels: communicators start work in their own sections and see their drafts and
submissions and what they published recently; Projektledning sees what awaits approval, what
goes live in the coming days and the overview of the communication activities."""

import datetime
from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TaskState, WorkflowState

from .editorial import organisation_sections, section_index_models

PANEL_LIMIT = 10
# "Publicerat nyligen" looks back this far; "Schemalagt" looks ahead this far.
RECENT_DAYS = 14
SCHEDULED_DAYS = 7


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
        drafts = list(
            pages.filter(unpublished)
            .exclude(in_review)
            .order_by("-latest_revision_created_at")
            .select_related("locale")[:PANEL_LIMIT]
        )
        reviewing = list(
            pages.filter(in_review).order_by("-latest_revision_created_at").select_related("locale")[:PANEL_LIMIT]
        )
        published = list(
            pages.filter(live=True, last_published_at__gte=timezone.now() - datetime.timedelta(days=RECENT_DAYS))
            .order_by("-last_published_at")
            .select_related("locale")[:PANEL_LIMIT]
        )
        comments = _latest_comments([*drafts, *reviewing])
        tasks = dict(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(page.pk) for page in reviewing],
            ).values_list("object_id", "current_task_state__task__name")
        )
        context.update(
            {
                "organisations": self.organisations,
                "drafts": [
                    {"page": page, "status": _("Utkast"), "comment": comments.get(page.pk, "")} for page in drafts
                ],
                "in_review": [
                    {
                        "page": page,
                        "status": tasks.get(str(page.pk), ""),
                        "comment": comments.get(page.pk, ""),
                    }
                    for page in reviewing
                ],
                "published": published,
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


def _section_models():
    return [apps.get_model(model.organisation_section_model) for model in section_index_models()]


def _add_links(user, organisation):
    """One "add" link per kind of content (news, training, press release) into the
    organisation's own sections: the default language first, then the other languages."""
    default = Locale.get_default()
    kinds = []
    for section_model in _section_models():
        sections = sorted(
            section_model.objects.filter(organisation=organisation).select_related("locale"),
            key=lambda s: (s.locale_id != default.pk, s.locale.language_code),
        )
        child_models = [m for m in section_model.allowed_subpage_models() if m.is_creatable]
        for child_model in child_models:
            links = [
                {
                    "language": section.locale.language_code,
                    "url": reverse(
                        "wagtailadmin_pages:add",
                        args=(child_model._meta.app_label, child_model._meta.model_name, section.pk),
                    ),
                }
                for section in sections
                if section.permissions_for_user(user).can_add_subpage()
            ]
            if links:
                kinds.append({"label": capfirst(child_model._meta.verbose_name), "links": links})
    return kinds


def _latest_comments(pages):
    """{page id: the newest reviewer's comment} over every workflow the pages went through."""
    ids = [str(page.pk) for page in pages]
    comments = {}
    states = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=ids,
        )
        .exclude(comment="")
        .order_by("-finished_at", "-pk")
        .values_list("workflow_state__object_id", "comment")
    )
    for object_id, comment in states:
        comments.setdefault(int(object_id), comment)
    return comments


class QuickStartPanel(Component):
    """For communicators: start a news item, a training or a press release in one click, in
    their own organisation's section (never another's)."""

    name = "nexus_quick_start"
    template_name = "workflows/dashboard/quick_start.html"
    order = 195

    def __init__(self, user, organisations):
        self.user = user
        self.organisations = organisations

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["starts"] = [
            {"organisation": organisation, "kinds": _add_links(self.user, organisation)}
            for organisation in self.organisations
        ]
        return context


class ApprovalQueuePanel(Component):
    """For Projektledning: every page waiting in a workflow, grouped by organisation and
    language, with the comparison against the live version."""

    name = "nexus_approval_queue"
    template_name = "workflows/dashboard/approval_queue.html"
    order = 190

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = list(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
            ).select_related("current_task_state__task")
        )
        pages = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[int(s.object_id) for s in states]).select_related("locale")
        }
        sections = [
            section
            for section_model in _section_models()
            for section in section_model.objects.select_related("organisation").only("path", "organisation")
        ]
        groups = {}
        for state in states:
            page = pages.get(int(state.object_id))
            if page is None:
                continue
            section = next((s for s in sections if page.path.startswith(s.path) and page.depth > s.depth), None)
            organisation = section.organisation.name if section else _("Nexus (centrala sidor)")
            task = state.current_task_state.task.name if state.current_task_state else ""
            compare = (
                reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, "live", "latest")) if page.live else None
            )
            groups.setdefault((str(organisation), page.locale.language_code), []).append(
                {
                    "page": page,
                    "task": task,
                    "compare_url": compare,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                }
            )
        context["groups"] = [
            {"organisation": organisation, "language": language, "items": items}
            for (organisation, language), items in sorted(groups.items())
        ]
        return context


class ScheduledPanel(Component):
    """For Projektledning: approved pages that go live in the coming days (embargoes), with the
    time. Titles of every organisation, so for Projektledning only."""

    name = "nexus_scheduled"
    template_name = "workflows/dashboard/scheduled.html"
    order = 191

    def get_context_data(self, parent_context):
        from wagtail.models import Revision

        context = super().get_context_data(parent_context)
        now = timezone.now()
        revisions = (
            Revision.page_revisions.filter(
                approved_go_live_at__gt=now, approved_go_live_at__lte=now + datetime.timedelta(days=SCHEDULED_DAYS)
            )
            .order_by("approved_go_live_at")
            .only("object_id", "object_str", "approved_go_live_at")[:PANEL_LIMIT]
        )
        context["scheduled"] = [
            {
                "title": revision.object_str,
                "go_live_at": revision.approved_go_live_at,
                "edit_url": reverse("wagtailadmin_pages:edit", args=(int(revision.object_id),)),
            }
            for revision in revisions
        ]
        return context


class OverdueReviewPanel(Component):
    """For Projektledning: audience pages and help numbers past their review-by date, oldest first,
    with their owner. The models come from the home app (the layer above), looked up by name."""

    name = "nexus_overdue_review"
    template_name = "workflows/dashboard/overdue_review.html"
    order = 192

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        items = []
        audience_page = apps.get_model("home", "AudiencePage")
        for page in (
            audience_page.objects.filter(review_by__lte=today)
            .select_related("content_owner", "locale")
            .order_by("review_by")[:PANEL_LIMIT]
        ):
            items.append(
                {
                    "title": f"{page.title} ({page.locale.language_code})",
                    "kind": audience_page._meta.verbose_name,
                    "review_by": page.review_by,
                    "owner": page.content_owner,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                }
            )
        help_number = apps.get_model("home", "HelpNumber")
        for number in (
            help_number.objects.filter(review_by__lte=today)
            .select_related("content_owner")
            .order_by("review_by")[:PANEL_LIMIT]
        ):
            items.append(
                {
                    "title": f"{number} {number.number}",
                    "kind": help_number._meta.verbose_name,
                    "review_by": number.review_by,
                    "owner": number.content_owner,
                    "edit_url": reverse("wagtailsnippets_home_helpnumber:edit", args=(number.pk,)),
                }
            )
        context["items"] = sorted(items, key=lambda item: item["review_by"])
        return context
