"""The communication plan's activities: who sees and records what, the notice, the calendar.

- Everyone in the communicators' network (the organisations' communicators, Projektledning,
  administrators) sees every activity; activity-only accounts see their own organisation's.
- Activities are created, changed and deleted only for one's own organisation (Projektledning
  for all): the admin form offers only those organisations and every object view checks the
  instance, so a posted or guessed id of another organisation's row is refused.
- A new activity of an organisation without a communicator in the network is announced by
  e-mail to the people named in ``NEXUS_ACTIVITY_NOTIFY`` (after the commit, in Swedish).
- Each user may have one secret iCalendar address (only its hash is stored; a new address
  revokes the old one). Nothing about activities is ever served without it.
"""

import calendar
import datetime
import hashlib
import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies.base import ModelPermissionPolicy

from .editorial import is_project_leader
from .models import ActivityFeedToken, CommunicationActivity, Organisation, Role

logger = logging.getLogger(__name__)


# --- who sees and records what ------------------------------------------------------------------


def is_network_member(user):
    """In the communicators' network: a communicator of any organisation, Projektledning, admin."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return is_project_leader(user) or Organisation.objects.of_member(user, Role.COMMUNICATORS).exists()


def recordable_organisations(user):
    """The organisations whose activities ``user`` may record (and change)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if is_project_leader(user):
        return Organisation.objects.all()
    return Organisation.objects.of_member(user, Role.COMMUNICATORS, Role.ACTIVITY_REPORTERS)


def visible_activities(user):
    """Every activity for the network, an activity-only account's own, nothing for others."""
    activities = CommunicationActivity.objects.select_related("organisation", "minutes")
    if is_network_member(user):
        return activities.all()
    if user is None or not user.is_authenticated or not user.is_active:
        return activities.none()
    return activities.filter(organisation__in=Organisation.objects.of_member(user, Role.ACTIVITY_REPORTERS))


class ActivityPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the groups, narrowed per instance to the user's organisations."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "view":
            return visible_activities(user).filter(pk=instance.pk).exists()
        return recordable_organisations(user).filter(pk=instance.organisation_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        condition = Q(pk__in=[])
        for action in actions:
            if not self.user_has_permission(user, action):
                continue
            if action == "view":
                condition |= Q(pk__in=visible_activities(user).values("pk"))
            else:
                condition |= Q(organisation__in=recordable_organisations(user))
        return CommunicationActivity.objects.filter(condition)


activity_permission_policy = ActivityPermissionPolicy(CommunicationActivity)


class ActivityForm(WagtailAdminModelForm):
    """The organisation field offers only organisations the user records activities for.

    A POST naming another organisation fails validation ("not one of the available choices"):
    nothing is stored.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = recordable_organisations(self.for_user)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("minutes") and cleaned.get("kind") != CommunicationActivity.Kind.NETWORK_MEETING:
            self.add_error("minutes", _("Protokoll hör till nätverksmöten."))
        return cleaned


def activity_edit_handler():
    """The model's panels with ``ActivityForm`` (the admin viewset's edit handler)."""
    return ObjectList(CommunicationActivity.panels, base_form_class=ActivityForm)


def may_read_minutes(user, document):
    """Minutes of a network meeting: for the network only. None when ``document`` is no minutes."""
    if not CommunicationActivity.objects.filter(minutes=document).exists():
        return None
    return is_network_member(user)


# --- the notice for organisations without a communicator ----------------------------------------


def notification_recipients():
    """E-mail addresses for ``NEXUS_ACTIVITY_NOTIFY``: usernames of active users, or addresses."""
    addresses = []
    users = get_user_model().objects.filter(is_active=True)
    for entry in settings.NEXUS_ACTIVITY_NOTIFY:
        if "@" in entry:
            addresses.append(entry)
            continue
        user = users.filter(username=entry).exclude(email="").first()
        if user is None:
            logger.warning("NEXUS_ACTIVITY_NOTIFY names %r, who is no active user with an e-mail address", entry)
        else:
            addresses.append(user.email)
    return list(dict.fromkeys(addresses))


def notify_without_communicator(activity):
    """After the commit, tell the project leader and the coordinator about ``activity``.

    Only for organisations without a communicator in the network; a failing mail server is
    logged and never undoes the recorded activity.
    """
    if activity.organisation.has_network_communicator:
        return False
    recipients = notification_recipients()
    if not recipients:
        return False
    with translation.override("sv"):
        context = {"activity": activity}
        subject = render_to_string("workflows/activities/notification_subject.txt", context).strip()
        body = render_to_string("workflows/activities/notification.txt", context)

    def send():
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        except Exception:
            logger.exception("Activity notice for activity %s could not be sent", activity.pk)

    transaction.on_commit(send)
    return True


# --- the secret calendar address ----------------------------------------------------------------


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue_feed_token(user):
    """A new secret for ``user`` (returned once, stored hashed); the previous one stops working."""
    token = secrets.token_urlsafe(32)
    ActivityFeedToken.objects.update_or_create(user=user, defaults={"token_hash": _hash(token)})
    return token


def revoke_feed_token(user):
    ActivityFeedToken.objects.filter(user=user).delete()


def feed_user(token):
    """The active user whose secret ``token`` is, or None."""
    if not token or len(token) > 100:
        return None
    row = ActivityFeedToken.objects.select_related("user").filter(token_hash=_hash(token)).first()
    if row is None or not row.user.is_active:
        return None
    return row.user


ICAL_STATUS = {
    CommunicationActivity.Status.PLANNED: "TENTATIVE",
    CommunicationActivity.Status.DONE: "CONFIRMED",
    CommunicationActivity.Status.CANCELLED: "CANCELLED",
}


def activities_calendar(activities):
    """An iCalendar (RFC 5545) of whole-day events, one per activity."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Nexus resurscentrum//Kommunikationsaktiviteter//SV")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Nexus kommunikationsaktiviteter")
    for activity in activities:
        event = Event()
        event.add("uid", f"aktivitet-{activity.pk}@nexus")
        event.add("dtstamp", activity.updated_at)
        event.add("dtstart", activity.date)
        event.add("dtend", activity.date + datetime.timedelta(days=1))
        event.add("summary", f"{activity.title} ({activity.organisation.short_name})")
        lines = [
            f"{activity.get_kind_display()} · {activity.get_channel_display()} · {activity.get_audience_display()}",
            activity.get_status_display(),
        ]
        if activity.message:
            lines.append(activity.message)
        event.add("description", "\n".join(lines))
        event.add("status", ICAL_STATUS[activity.status])
        if activity.link:
            event.add("url", activity.link)
        cal.add_component(event)
    return cal.to_ical()


def activity_feed(request, token):
    """``/kalender/aktiviteter/<secret>.ics``: 404 unless the secret is valid and its user may see."""
    user = feed_user(token)
    if user is None or not activity_permission_policy.user_has_permission(user, "view"):
        raise Http404
    with translation.override("sv"):
        body = activities_calendar(visible_activities(user).order_by("date", "pk"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- the month view -----------------------------------------------------------------------------


def month_grid(activities, year, month):
    """Weeks (Monday first) of (date, in this month, activities of that day) for ``year``-``month``."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    by_day = {}
    for activity in activities.filter(date__gte=first, date__lte=last).order_by("date", "organisation__sort_order"):
        by_day.setdefault(activity.date, []).append(activity)
    return [[(day, day.month == month, by_day.get(day, [])) for day in week] for week in weeks]


def this_month():
    today = timezone.localdate()
    return today.year, today.month
