"""Demo trainings, built from code; idempotent (called by ``home.demo.load_demo``).

Past and future trainings across organisations: one full with a waiting list (fake
participants "Testdeltagare N"), one digital, one cancelled, and one translated into English
and Arabic.
"""

import hashlib
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale, Page

from workflows.models import Organisation

from .models import Booking, TrainingIndexPage, TrainingPage, TrainingSectionPage, TrainingSession


def _at(days, hour, minute=0):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


DEMO_TRAININGS = [
    {
        "organisation": "nexus",
        "title": "Grundutbildning om hedersrelaterat våld och förtryck",
        "slug": "grundutbildning-hedersrelaterat-vald",
        "lead": "En heldag om vad hedersrelaterat våld är, hur du ser tecknen och vad du gör när du möter en utsatt.",
        "target_groups": ["socialtjanst", "skola", "halso-och-sjukvard"],
        "format": "pa-plats",
        "place": "Stadshuset, Stationsgatan 12, Uppsala",
        "capacity": 30,
        "sessions": [(21, 9, 16)],
        "bookings": 4,
        "translate": True,
    },
    {
        "organisation": "region-uppsala",
        "title": "Att ställa frågan om våld i vården",
        "slug": "stalla-fragan-om-vald-i-varden",
        "lead": "En kort utbildning för vårdpersonal om att fråga om våld, också när hedersnormer finns i familjen.",
        "target_groups": ["halso-och-sjukvard"],
        "format": "digitalt",
        "place": "",
        "digital_link": "https://mote.example/nexus-varden",
        "capacity": 50,
        "sessions": [(14, 13, 15)],
        "bookings": 2,
    },
    {
        "organisation": "polismyndigheten",
        "title": "Barnäktenskap och bortförande – samverkan mellan polis och socialtjänst",
        "slug": "barnaktenskap-och-bortforande",
        "lead": "Två halvdagar om riskbedömning och samverkan inför sommarlovet.",
        "target_groups": ["polis", "socialtjanst"],
        "format": "hybrid",
        "place": "Polishuset, Svartbäcksgatan 49, Uppsala",
        "digital_link": "https://mote.example/nexus-samverkan",
        "capacity": 6,
        "sessions": [(30, 9, 12), (37, 9, 12)],
        "bookings": 9,
    },
    {
        "organisation": "enkopings-kommun",
        "title": "Hedersnormer i skolan",
        "slug": "hedersnormer-i-skolan",
        "lead": "För elevhälsa och lärare: hur hedersnormer syns i skolan och hur skolan kan agera.",
        "target_groups": ["skola"],
        "format": "pa-plats",
        "place": "Enköpings stadshus, Kungsgatan 42, Enköping",
        "capacity": 25,
        "sessions": [(45, 13, 16)],
        "cancelled": True,
    },
    {
        "organisation": "nexus",
        "title": "Stöd till unga i ideell sektor",
        "slug": "stod-till-unga-ideell-sektor",
        "lead": "För ideella organisationer som möter unga som lever med hedersnormer.",
        "target_groups": ["ideell-sektor"],
        "format": "pa-plats",
        "place": "Nexus, Kungsängsgatan 8, Uppsala",
        "capacity": 20,
        "sessions": [(-60, 13, 16)],
        "bookings": 3,
    },
    {
        "organisation": "lansstyrelsen-uppsala-lan",
        "title": "Länsgemensam konferens om hedersrelaterat våld",
        "slug": "lansgemensam-konferens",
        "lead": "Årets konferens för alla yrkesverksamma i länet.",
        "target_groups": ["socialtjanst", "skola", "halso-och-sjukvard", "polis", "ideell-sektor", "ovriga"],
        "format": "pa-plats",
        "place": "Uppsala konsert och kongress, Vaksala torg 1, Uppsala",
        "capacity": 200,
        "sessions": [(-20, 9, 16)],
    },
]

TRANSLATIONS = {
    "en": ("Basic training on honour-related violence and oppression", "basic-training-honour-related-violence"),
    "ar": ("تدريب أساسي حول العنف والقمع المرتبطين بالشرف", "basic-training"),
}


def _section(organisation_slug):
    index = TrainingIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return None
    return TrainingSectionPage.objects.child_of(index).filter(organisation__slug=organisation_slug).first()


def _ensure_training(spec):
    section = _section(spec["organisation"])
    if section is None:
        return None
    existing = TrainingPage.objects.child_of(section).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    training = TrainingPage(
        title=spec["title"],
        slug=spec["slug"],
        lead=spec["lead"],
        locale=section.locale,
        target_groups=spec["target_groups"],
        format=spec["format"],
        place=spec["place"],
        digital_link=spec.get("digital_link", ""),
        capacity=spec["capacity"],
        cancelled=spec.get("cancelled", False),
        contact_name="Kim Kontakt",
        contact_email="utbildning@nexus.example",
        accessibility="Lokalen är tillgänglig med rullstol och har hörselslinga. Meddela behov av tolk vid anmälan.",
        sessions=[TrainingSession(start=_at(days, start), end=_at(days, end)) for days, start, end in spec["sessions"]],
    )
    section.add_child(instance=training)
    training.save_revision().publish()
    training.refresh_from_db()
    return training


def _ensure_bookings(training, count):
    organisations = list(Organisation.objects.all()[:5])
    for number in range(1, count + 1):
        key = hashlib.sha256(f"demo-{training.translation_key}-{number}".encode()).hexdigest()
        if Booking.objects.filter(idempotency_key=key).exists():
            continue
        confirmed = Booking.objects.filter(training=training, status=Booking.Status.CONFIRMED).count()
        Booking.objects.create(
            training=training,
            status=Booking.Status.CONFIRMED if confirmed < training.capacity else Booking.Status.WAITING,
            name=f"Testdeltagare {number}",
            email=f"testdeltagare{number}@example.org",
            organisation=organisations[number % len(organisations)] if organisations else None,
            role="Socialsekreterare",
            consent_at=timezone.now(),
            idempotency_key=key,
        )


def _ensure_translations(training):
    for code, (title, slug) in TRANSLATIONS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or training.has_translation(locale):
            continue
        parent = Page.objects.get(pk=training.get_parent().pk)
        if not parent.has_translation(locale):
            continue
        translated = training.copy_for_translation(locale)
        translated.title = title
        translated.slug = slug
        translated.save_revision().publish()


def load_demo(home):
    for spec in DEMO_TRAININGS:
        training = _ensure_training(spec)
        if training is None:
            continue
        _ensure_bookings(training, spec.get("bookings", 0))
        if spec.get("translate"):
            _ensure_translations(training)
