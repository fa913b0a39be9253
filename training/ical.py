"""iCalendar (RFC 5545) files: one per training, a feed of upcoming trainings, mail attachments.

Times are written in UTC (``…Z``), which every calendar understands without a VTIMEZONE.
The digital meeting link is never part of a public file; only confirmation mails include it.
"""

from datetime import UTC

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Nexus resurscentrum//Utbildningar//SV"


def new_calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _utc(value):
    return value.astimezone(UTC)


def training_events(training, request=None, host="nexus", include_link=False, sessions=None):
    sessions = list(training.sessions.all()) if sessions is None else sessions
    url = training.get_full_url(request=request)
    stamp = _utc(timezone.now())
    events = []
    for number, session in enumerate(sessions, start=1):
        event = Event()
        event.add("uid", f"training-{training.pk}-{number}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", _utc(session.start))
        event.add("dtend", _utc(session.end))
        summary = training.title if len(sessions) == 1 else f"{training.title} ({number}/{len(sessions)})"
        event.add("summary", summary)
        description = training.lead or ""
        if include_link and training.digital_link:
            description = f"{description}\n\nLänk: {training.digital_link}".strip()
        if description:
            event.add("description", description)
        if training.place:
            event.add("location", training.place)
        elif include_link and training.digital_link:
            event.add("location", training.digital_link)
        else:
            event.add("location", "Digitalt")
        if url:
            event.add("url", url)
        event.add("status", "CANCELLED" if training.cancelled else "CONFIRMED")
        events.append(event)
    return events


def training_calendar(training, request=None, host="nexus", include_link=False):
    calendar = new_calendar()
    for event in training_events(training, request=request, host=host, include_link=include_link):
        calendar.add_component(event)
    return calendar.to_ical()


def feed_calendar(trainings, name, request=None, host="nexus"):
    calendar = new_calendar(name)
    for training in trainings:
        for event in training_events(training, request=request, host=host, sessions=training.prefetched_sessions):
            calendar.add_component(event)
    return calendar.to_ical()
