"""Dashboard panel for partner communicators: their organisation's drafts and submissions."""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
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
