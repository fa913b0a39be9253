"""Demo content for the press room, built from code; idempotent (called by ``load_demo``).

Releases (one joint, one under embargo: approved and scheduled three days ahead), spokespersons
for several organisations, press images drawn with Pillow, and one release in English and Arabic.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from workflows.editorial import PROJECT_LEADERS_GROUP
from workflows.models import Organisation

from .models import PRESS_IMAGES_COLLECTION, PressReleasePage, PressRoomPage, PressSectionPage, Spokesperson

SPOKESPERSONS = [
    # organisation slug, name, title, phone, e-mail, topics, languages, availability
    (
        "nexus",
        "Maria Lindqvist",
        "Verksamhetschef, Nexus resurscentrum",
        "018-727 00 01",
        "maria.lindqvist@nexus.example",
        "Hedersrelaterat våld, stöd till yrkesverksamma, länets samverkan",
        "svenska, engelska",
        "Vardagar 8–17",
    ),
    (
        "nexus",
        "Ahmad Karimi",
        "Utbildningsansvarig",
        "018-727 00 02",
        "ahmad.karimi@nexus.example",
        "Förebyggande arbete i skolan, utbildningar",
        "svenska, arabiska, persiska",
        "Vardagar 9–16",
    ),
    (
        "polismyndigheten",
        "Johan Ek",
        "Presstalesperson, polisregion Mitt",
        "010-114 14 00",
        "press.mitt@polisen.example",
        "Brott med hedersmotiv, polisens arbete",
        "svenska, engelska",
        "Dygnet runt via pressjouren",
    ),
    (
        "region-uppsala",
        "Sara Holm",
        "Kurator och sakkunnig",
        "018-611 00 00",
        "sara.holm@region.example",
        "Vårdens bemötande, barn och unga",
        "svenska",
        "Vardagar 8–16",
    ),
    (
        "uppsala-kommun",
        "Erik Sandberg",
        "Kommunikationschef, socialförvaltningen",
        "018-727 00 00",
        "erik.sandberg@uppsala.example",
        "Socialtjänstens arbete, skyddat boende",
        "svenska, finska",
        "Vardagar 8–17",
    ),
]

IMAGES = [
    # title, alt text, caption, colours
    (
        "Samtal",
        "Två stolar vid ett runt bord i ett ljust samtalsrum",
        "Samtalsrum på Nexus resurscentrum.",
        (107, 45, 92),
    ),
    (
        "Utbildning",
        "Ett klassrum med en tom tavla och bänkar",
        "Nexus utbildar skolpersonal i hela länet.",
        (36, 92, 120),
    ),
    (
        "Samverkan",
        "Fem pusselbitar som passar ihop",
        "Kommunerna, polisen, regionen och länsstyrelsen samverkar.",
        (40, 110, 70),
    ),
]
CREDIT = "Nexus resurscentrum"
LICENCE = "Fri att använda i redaktionella sammanhang om Nexus arbete, med fotografens namn. Får inte beskäras så att bildtexten blir missvisande."

ROOM_TEXTS = {
    "service_hours": "Vardagar 8–17",
    "service_phone": "018-727 00 00",
    "service_email": "press@nexus.example",
    "on_call_phone": "070-727 00 00",
    "guidance": (
        "<p>Hedersrelaterat våld drabbar ofta personer som lever under hot. Ett namn, en bild på "
        "ett hus eller en detalj om en skola kan räcka för att någon ska hittas.</p>"
        "<ul><li>Publicera inga uppgifter som kan identifiera den utsatta, familjen, skolan eller "
        "bostadsorten.</li><li>Undvik att peka ut en hel grupp: våldet förekommer i många "
        "sammanhang.</li><li>Låt de utsattas egna ord få plats, med deras samtycke.</li></ul>"
    ),
}
FACTS = [
    {
        "figure": "1 av 10",
        "text": "unga i Uppsala län uppger att de inte själva får välja vem de ska gifta sig med.",
        "source": "Demouppgift: kartläggning bland gymnasieelever, 2024",
        "source_url": "",
    },
    {
        "figure": "020-50 50 50",
        "text": "Kvinnofridslinjen svarar dygnet runt, gratis och anonymt.",
        "source": "Kvinnofridslinjen",
        "source_url": "https://kvinnofridslinjen.se/",
    },
]


def _png(colour, seed):
    image = Image.new("RGB", (2400, 1600), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 90) for c in colour)
    for step in range(5):
        left = 200 + step * 380 + seed * 20
        draw.ellipse((left, 500 + (step % 2) * 200, left + 320, 820 + (step % 2) * 200), fill=light)
    draw.rectangle((0, 1350, 2400, 1600), fill=tuple(max(0, c - 40) for c in colour))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=f"pressbild-{seed}.png")


def ensure_images():
    collection = Collection.objects.filter(name=PRESS_IMAGES_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PRESS_IMAGES_COLLECTION)
    model = get_image_model()
    images = []
    for seed, (title, alt, caption, colour) in enumerate(IMAGES):
        image = model.objects.filter(title=title, collection=collection).first()
        if image is None:
            image = model.objects.create(
                title=title,
                file=_png(colour, seed),
                collection=collection,
                description=alt,
                caption=caption,
                credit=CREDIT,
                licence=LICENCE,
            )
        images.append(image)
    return images


def ensure_spokespersons():
    people = {}
    for slug, name, title, phone, email, topics, languages, availability in SPOKESPERSONS:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        people[name], _created = Spokesperson.objects.get_or_create(
            name=name,
            organisation=organisation,
            defaults={
                "title": title,
                "phone": phone,
                "email": email,
                "topics": topics,
                "languages": languages,
                "availability": availability,
            },
        )
    return people


def _section(room, slug):
    return PressSectionPage.objects.child_of(room).filter(organisation__slug=slug).first()


def _release(section, slug, title, lead, paragraphs, issuers, contacts, images=(), publish=True):
    existing = PressReleasePage.objects.child_of(section).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = PressReleasePage(
        title=title,
        slug=slug,
        lead=lead,
        live=False,
        locale=section.locale,
        body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
        images=[("image", image) for image in images],
    )
    page.issuing_organisations = issuers
    page.spokespersons = contacts
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page, True


def _translate(page, language, title, lead, paragraphs):
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or page.has_translation(locale):
        return
    if not PressSectionPage.objects.filter(translation_key=page.get_parent().translation_key, locale=locale).exists():
        return
    translated = page.copy_for_translation(locale)
    translated.title = title
    translated.lead = lead
    translated.body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    translated.save_revision().publish()


def ensure_room_texts(room):
    if room.service_hours:
        return
    for field, value in ROOM_TEXTS.items():
        setattr(room, field, value)
    room.facts = [("statistic", fact) for fact in FACTS]
    room.save_revision().publish()


def load_demo(home):
    room = PressRoomPage.objects.child_of(home).first()
    if room is None:
        return
    ensure_room_texts(room)
    images = ensure_images()
    people = ensure_spokespersons()
    orgs = {org.slug: org for org in Organisation.objects.all()}

    nexus = _section(room, "nexus")
    police = _section(room, "polismyndigheten")
    municipality = _section(room, "uppsala-kommun")
    if not (nexus and police and municipality):
        return
    joint, created = _release(
        nexus,
        "gemensam-kraftsamling-mot-hedersrelaterat-vald",
        "Gemensam kraftsamling mot hedersrelaterat våld i Uppsala län",
        "Länets kommuner, Polismyndigheten och Region Uppsala samordnar stödet till unga som lever under hedersnormer.",
        [
            "Från i dag finns en gemensam väg in för yrkesverksamma som möter unga som utsätts för hedersrelaterat våld.",
            "Nexus resurscentrum samordnar arbetet och erbjuder konsultation, utbildning och stöd i enskilda ärenden.",
        ],
        [orgs["nexus"], orgs["polismyndigheten"], orgs["region-uppsala"]],
        [people[name] for name in ("Maria Lindqvist", "Johan Ek", "Sara Holm") if name in people],
        images=images[2:3],
    )
    if created:
        _translate(
            joint,
            "en",
            "Joint effort against honour-related violence in Uppsala County",
            "The county's municipalities, the Police and Region Uppsala coordinate support for young people living under honour norms.",
            ["From today professionals have one shared point of contact.", "Nexus coordinates the work."],
        )
        _translate(
            joint,
            "ar",
            "جهود مشتركة ضد العنف المرتبط بالشرف في مقاطعة أوبسالا",
            "تنسق بلديات المقاطعة والشرطة ومنطقة أوبسالا الدعم للشباب الذين يعيشون تحت معايير الشرف.",
            ["اعتبارًا من اليوم هناك نقطة اتصال مشتركة للمهنيين.", "يقوم مركز نكسوس بتنسيق العمل."],
        )
    _release(
        police,
        "fler-anmalningar-med-hedersmotiv",
        "Fler anmälningar med hedersmotiv – polisen ser att fler vågar berätta",
        "Antalet anmälda brott med hedersmotiv i länet ökade under året. Polisen tolkar det som att fler vågar söka hjälp.",
        ["Polisen i Uppsala län har särskilt utbildade utredare för brott med hedersmotiv."],
        [orgs["polismyndigheten"]],
        [people["Johan Ek"]] if "Johan Ek" in people else [],
        images=images[:1],
    )
    embargoed, created = _release(
        municipality,
        "nytt-skyddat-boende-for-unga",
        "Nytt skyddat boende för unga öppnar i Uppsala",
        "Uppsala kommun öppnar ett skyddat boende för unga som behöver lämna sin familj på grund av hedersrelaterat våld.",
        ["Boendet har plats för sex ungdomar och bemannas dygnet runt."],
        [orgs["uppsala-kommun"]],
        [people["Erik Sandberg"]] if "Erik Sandberg" in people else [],
        publish=False,
    )
    if created:
        _schedule_through_workflow(embargoed, municipality)


def _schedule_through_workflow(page, section):
    """Embargo three days ahead: the communicator submits, Projektledning approves, it is scheduled."""
    User = get_user_model()
    page.go_live_at = (timezone.now() + datetime.timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    author = User.objects.filter(groups__name=section.organisation.communicators_group_name).first()
    leader = User.objects.filter(groups__name=PROJECT_LEADERS_GROUP).first()
    page.save_revision(user=author)
    workflow = Page.objects.get(pk=page.pk).get_workflow()
    if workflow is not None and author is not None and leader is not None:
        workflow.start(page, author)
        page.refresh_from_db()
        page.current_workflow_task_state.approve(user=leader)
    else:
        page.get_latest_revision().publish()
