"""Who may see which bookings: the training's organisation's communicators and Projektledning.

Booking rows belong to trainings in the default-language tree, under an organisation section;
a user sees the bookings of trainings below the sections of the organisations whose
communicators group they belong to. Projektledning and superusers see all.
"""

from django.db.models import Q

from workflows.editorial import is_project_leader
from workflows.models import Organisation, Role

from .models import Booking, TrainingRequest, TrainingSectionPage


def bookings_visible_to(user):
    queryset = Booking.objects.select_related("training", "organisation")
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if is_project_leader(user):
        return queryset
    # Bookings are personal data: communicators only, not the organisation's reviewers.
    organisations = list(Organisation.objects.of_member(user, Role.COMMUNICATORS))
    if not organisations:
        return queryset.none()
    paths = TrainingSectionPage.objects.filter(organisation__in=organisations).values_list("path", flat=True)
    condition = Q()
    for path in paths:
        condition |= Q(training__path__startswith=path)
    return queryset.filter(condition) if condition else queryset.none()


def requests_visible_to(user):
    if user.is_authenticated and is_project_leader(user):
        return TrainingRequest.objects.select_related("organisation")
    return TrainingRequest.objects.none()
