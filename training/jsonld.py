"""schema.org Event data for a training page (the digital link is never included)."""

from .models import TrainingFormat, TrainingStatus

ATTENDANCE_MODE = {
    TrainingFormat.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    TrainingFormat.DIGITAL: "https://schema.org/OnlineEventAttendanceMode",
    TrainingFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def training_event(training, request=None, sessions=None):
    sessions = list(training.sessions.all()) if sessions is None else sessions
    url = training.get_full_url(request=request)
    locations = []
    if training.format in (TrainingFormat.ON_SITE, TrainingFormat.HYBRID):
        locations.append({"@type": "Place", "name": training.place or training.title, "address": training.place})
    if training.format in (TrainingFormat.DIGITAL, TrainingFormat.HYBRID):
        # The meeting link goes only to confirmed participants; the page stands in for it.
        locations.append({"@type": "VirtualLocation", "url": url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": training.title,
        "description": training.lead,
        "url": url,
        "inLanguage": training.locale.language_code,
        "eventAttendanceMode": ATTENDANCE_MODE.get(training.format, ATTENDANCE_MODE[TrainingFormat.ON_SITE]),
        "eventStatus": "https://schema.org/EventCancelled"
        if training.cancelled
        else "https://schema.org/EventScheduled",
        "location": locations[0] if len(locations) == 1 else locations,
        "maximumAttendeeCapacity": training.capacity,
        "remainingAttendeeCapacity": training.seats_left,
        "isAccessibleForFree": (training.cost or "").strip().lower() in ("", "kostnadsfri", "gratis", "free"),
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": "0" if (training.cost or "").strip().lower() in ("", "kostnadsfri", "gratis", "free") else None,
            "priceCurrency": "SEK",
            "availability": "https://schema.org/InStock"
            if training.status == TrainingStatus.OPEN
            else (
                "https://schema.org/SoldOut"
                if training.status == TrainingStatus.FULL
                else "https://schema.org/Discontinued"
            ),
        },
    }
    if sessions:
        data["startDate"] = min(s.start for s in sessions).isoformat()
        data["endDate"] = max(s.end for s in sessions).isoformat()
    if data["offers"]["price"] is None:
        del data["offers"]["price"]
    organisation = training.organisation()
    if organisation is not None:
        data["organizer"] = {"@type": "Organization", "name": organisation.name, "url": organisation.website or None}
    return data
