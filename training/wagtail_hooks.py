"""Admin for bookings and training requests.

Formulas in exports are neutralised for every admin export (``home.spreadsheets``).
Model permissions are model-wide, so every view is narrowed here: the listing and the export
show only the bookings the user may see (``permissions.bookings_visible_to``), and every URL
that opens one booking by primary key (edit, delete, inspect, history, usage) answers 404 for a
booking outside that set.
"""

import logging
from functools import wraps

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import DeleteView
from wagtail.admin.views.generic.models import IndexView as ModelIndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import bookings
from .models import Booking, TrainingRequest
from .permissions import bookings_visible_to, requests_visible_to

logger = logging.getLogger(__name__)


class ScopedViewSetMixin:
    """Every view that takes a primary key checks it against the user's visible queryset first."""

    def visible_queryset(self, user):
        raise NotImplementedError

    def scoped(self, view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None and not self.visible_queryset(request.user).filter(pk=unquote(str(pk))).exists():
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    def get_urlpatterns(self):
        return [
            path(str(pattern.pattern), self.scoped(pattern.callback), name=pattern.name)
            for pattern in super().get_urlpatterns()
        ]


class BookingIndexView(ModelIndexView):
    def get_base_queryset(self):
        return bookings_visible_to(self.request.user).prefetch_related("training__sessions")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Audit trail without personal data: who exported how many rows.
        logger.info(
            "Booking export (%s) by user %s: %s rows", spreadsheet_format, self.request.user.pk, queryset.count()
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class BookingDeleteView(DeleteView):
    def delete_action(self):
        # Deleting a confirmed participant frees the seat like a cancellation does.
        bookings.cancel(self.object.pk)
        return super().delete_action()


class BookingViewSet(ScopedViewSetMixin, ModelViewSet):
    model = Booking
    icon = "calendar-check"
    menu_label = _("Bokningar")
    name = "bookings"
    index_view_class = BookingIndexView
    delete_view_class = BookingDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "training", "status", "organisation_name", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "role"]
    search_backend_name = None
    form_fields = ["name", "email", "other_organisation", "role", "needs"]
    inspect_view_fields = [
        "training",
        "status",
        "name",
        "email",
        "organisation",
        "other_organisation",
        "role",
        "needs",
        "created_at",
        "promoted_at",
        "cancelled_at",
    ]
    list_export = [
        "training_title",
        "session_text",
        "status_label",
        "name",
        "email",
        "organisation_name",
        "role",
        "needs",
    ]
    export_headings = {
        "training_title": _("Utbildning"),
        "session_text": _("Tillfällen"),
        "status_label": _("Status"),
        "name": _("Namn"),
        "email": _("E-post"),
        "organisation_name": _("Organisation"),
        "role": _("Yrkesroll"),
        "needs": _("Behov"),
    }
    export_filename = "bokningar"

    def visible_queryset(self, user):
        return bookings_visible_to(user)


class TrainingRequestIndexView(ModelIndexView):
    def get_base_queryset(self):
        return requests_visible_to(self.request.user)


class TrainingRequestViewSet(ScopedViewSetMixin, ModelViewSet):
    model = TrainingRequest
    icon = "mail"
    menu_label = _("Beställningar")
    name = "training_requests"
    index_view_class = TrainingRequestIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["organisation_name", "contact_name", "group_size", "created_at"]
    form_fields = ["contact_name", "contact_email", "contact_phone", "group_size", "preferred_dates", "needs"]
    list_export = [
        "organisation_name",
        "contact_name",
        "contact_email",
        "contact_phone",
        "group_size",
        "preferred_dates",
        "needs",
        "created_at",
    ]
    export_filename = "bestallningar"

    def visible_queryset(self, user):
        return requests_visible_to(user)


booking_viewset = BookingViewSet()
request_viewset = TrainingRequestViewSet()


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Utbildningar")
    menu_icon = "calendar"
    menu_order = 250
    items = (booking_viewset, request_viewset)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
