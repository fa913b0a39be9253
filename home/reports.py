"""Rapporter → Brutna länkar: the failures the last ``check_links`` run found (``home/links.py``).

Projektledning and administrators see every failure (pages and FAQ answers) and may filter by
organisation; a communicator sees only the failures on pages in their own organisation's
sections; the translator, reviewers and everyone else are refused. CSV/XLSX export as Wagtail's
reports offer it, limited the same way.
"""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from workflows.editorial import is_project_leader, organisation_sections
from workflows.models import Organisation, Role

from .models import LinkCheck


def sections_filter(organisations):
    """Rows whose page lies in one of ``organisations``' sections (nothing when there are none)."""
    condition = Q(pk__in=[])
    for organisation in organisations:
        for section in organisation_sections(organisation):
            condition |= Q(page__path__startswith=section.path)
    return condition


def may_see_report(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return is_project_leader(user) or Organisation.objects.of_member(user, Role.COMMUNICATORS).exists()


class OrganisationFilter(django_filters.ModelChoiceFilter):
    def filter(self, qs, value):
        if value:
            return qs.filter(sections_filter([value]))
        return qs


class BrokenLinksFilterSet(WagtailFilterSet):
    organisation = OrganisationFilter(
        label=_("Organisation"),
        empty_label=_("Alla"),
        queryset=lambda request: visible_organisations(request.user),
    )
    kind = django_filters.ChoiceFilter(label=_("Typ"), choices=LinkCheck.Kind.choices, empty_label=_("Alla"))

    class Meta:
        model = LinkCheck
        fields = ["organisation", "kind"]


def visible_organisations(user):
    if is_project_leader(user):
        return Organisation.objects.order_by("name")
    return Organisation.objects.of_member(user, Role.COMMUNICATORS).order_by("name")


def edit_url(row):
    return reverse("wagtailadmin_pages:edit", args=(row.page_id,)) if row.page_id else None


class BrokenLinksView(ReportView):
    page_title = _("Brutna länkar")
    header_icon = "warning"
    model = LinkCheck
    filterset_class = BrokenLinksFilterSet
    index_url_name = "broken_links"
    index_results_url_name = "broken_links_results"
    columns = [
        TitleColumn("where", label=_("Sida"), accessor="where", get_url=edit_url),
        Column("url", label=_("Länk")),
        Column("get_kind_display", label=_("Typ")),
        Column("error_display", label=_("Fel")),
        DateColumn("checked_at", label=_("Kontrollerad")),
    ]
    list_export = ["where", "url", "get_kind_display", "status", "error_display", "checked_at"]
    export_headings = {
        "where": _("Sida"),
        "url": _("Länk"),
        "get_kind_display": _("Typ"),
        "status": _("HTTP-status"),
        "error_display": _("Fel"),
        "checked_at": _("Kontrollerad"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"brutna-lankar-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        rows = LinkCheck.objects.select_related("page").order_by("page__title", "source", "url", "pk")
        user = self.request.user
        if not is_project_leader(user):
            rows = rows.filter(sections_filter(Organisation.objects.of_member(user, Role.COMMUNICATORS)))
        self.queryset = rows
        return super().get_queryset()
