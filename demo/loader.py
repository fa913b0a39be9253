"""The demo: ``setup_site``, the demo users and believable content read from ``demo/data/*.json``.

Idempotent: a page that exists (by slug under its parent, or as a translation) is left as the
editors made it. Swedish source pages are published directly (they are the demo's starting
point); every translation goes the translators' way: the strings go into wagtail-localize as a
PO file, the translation is saved as a draft, the translator submits it to the page's workflow
and a Projektledning user approves it, which publishes it. The embargoed press release is
submitted by a communicator and approved with a go-live time.
"""

import datetime
import hashlib
import io
import json
import os
import random
from datetime import time, timedelta
from pathlib import Path

import polib
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from home.blocks import RICH_TEXT_FEATURES
from home.installation import setup_site
from home.models import AudiencePage, FAQEntry, HelpNumber, StandardPage
from news.models import NewsIndexPage, NewsPage, NewsSectionPage
from press.models import PRESS_IMAGES_COLLECTION, PressReleasePage, PressRoomPage, PressSectionPage, Spokesperson
from training.models import Booking, TrainingIndexPage, TrainingPage, TrainingSectionPage, TrainingSession
from workflows.editorial import PROJECT_LEADERS_GROUP, TRANSLATORS_GROUP
from workflows.models import CommunicationActivity, Organisation
from workflows.snippets import publish_initial
from workflows.translations import save_translation_draft

DATA = Path(__file__).resolve().parent / "data"
PALETTE = [(90, 42, 130), (62, 26, 92), (179, 38, 30), (244, 241, 247), (255, 191, 71), (36, 94, 120)]


def data(name):
    with (DATA / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


# --- users -----------------------------------------------------------------------------------


def demo_password():
    return os.environ.get("NEXUS_DEMO_PASSWORD", "nexus-demo")


def ensure_demo_users():
    """The demo logins from the README. Never created by setup_site."""
    User = get_user_model()
    password = demo_password()

    def user(username, first_name, last_name, groups=(), superuser=False):
        account, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@nexus.example",
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        if created:
            account.set_password(password)
            account.save()
        for name in groups:
            account.groups.add(Group.objects.get(name=name))
        return account

    user("admin", "Ada", "Administratör", superuser=True)
    user("projektledare", "Parisa", "Projektledare", [PROJECT_LEADERS_GROUP])
    user("samordnare", "Sami", "Samordnare", [PROJECT_LEADERS_GROUP])
    user("oversattare", "Omid", "Översättare", [TRANSLATORS_GROUP])
    for organisation in Organisation.objects.all():
        user(
            f"kommunikator-{organisation.slug}",
            "Kommunikatör",
            organisation.short_name,
            [organisation.communicators_group_name],
        )


def translator_and_approver():
    User = get_user_model()
    translator = User.objects.filter(groups__name=TRANSLATORS_GROUP).order_by("id").first()
    approver = User.objects.filter(groups__name=PROJECT_LEADERS_GROUP).order_by("id").first()
    return translator, approver


# --- translations through the workflow --------------------------------------------------------


def translate_through_approval(source_page, code, strings, translator, approver, update=False):
    """Translate ``source_page`` the way translators do, then approve it as Projektledning.

    ``strings`` maps source strings to their translation; a string it leaves out stays as in
    the source (names, addresses). Returns the translated page, or None if its parent has no
    translation in that language. ``update`` translates an existing translation again (the
    home pages, which the installation creates).
    """
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        return None
    if source_page.has_translation(locale) and not update:
        return source_page.get_translation(locale)
    # A home page's parent is the tree root, which has no translations.
    if source_page.depth > 2 and not source_page.get_parent().has_translation(locale):
        return None
    source, created = TranslationSource.get_or_create_from_instance(source_page)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = polib.POFile(wrapwidth=200)
    po.metadata = {"MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8"}
    for segment in extract_segments(source_page):
        if isinstance(segment, StringSegmentValue):
            text = segment.string.data
            po.append(polib.POEntry(msgid=text, msgctxt=segment.path, msgstr=strings.get(text, text)))
    translation.import_po(po, user=translator, tool_name="Nexus demo")
    page = save_translation_draft(translation, translator)
    page.get_workflow().start(page, translator)
    page = Page.objects.get(pk=page.pk).specific
    page.current_workflow_task_state.approve(user=approver)
    return Page.objects.get(pk=page.pk).specific


def translate_all(page, translations, translator, approver):
    if translator is None or approver is None:
        return
    for code, strings in translations.items():
        translate_through_approval(page, code, strings, translator, approver)


# --- documents -------------------------------------------------------------------------------


def _pdf_text(text):
    return text.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def simple_pdf(title, lines):
    """A one-page PDF (Helvetica, WinAnsi: Swedish letters) that any reader opens: the demo's documents."""
    text = [b"BT /F1 16 Tf 56 780 Td (" + _pdf_text(title) + b") Tj /F1 10 Tf"]
    text += [b"0 -24 Td (" + _pdf_text(line) + b") Tj" for line in lines]
    stream = b"\n".join([*text, b"ET"])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (sv) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title (" + _pdf_text(title) + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def ensure_demo_document(spec, organisation):
    """A document in the organisation's own collection, as its communicator would upload it."""
    Document = get_document_model()
    collection = Collection.objects.filter(name=organisation.name).first() or Collection.get_first_root_node()
    document = Document.objects.filter(title=spec["title"], collection=collection).first()
    if document is None:
        document = Document.objects.create(
            title=spec["title"],
            collection=collection,
            file=ContentFile(simple_pdf(spec["title"], spec["lines"]), name=spec["filename"]),
        )
    return document


# --- images ----------------------------------------------------------------------------------


def abstract_image(seed, size=(1600, 900)):
    """PNG bytes of a simple abstract graphic (circles and bars), reproducible per seed."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, *colours = rng.sample(PALETTE, len(PALETTE))
    image = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    width, height = size
    for index in range(7):
        colour = colours[index % len(colours)]
        if index % 2:
            x = rng.randint(0, width)
            draw.rectangle([x, 0, x + rng.randint(40, 220), height], fill=colour)
        else:
            r = rng.randint(80, 320)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer


def press_png(colour, seed):
    image = PILImage.new("RGB", (2400, 1600), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 90) for c in colour)
    for step in range(5):
        left = 200 + step * 380 + seed * 20
        draw.ellipse((left, 500 + (step % 2) * 200, left + 320, 820 + (step % 2) * 200), fill=light)
    draw.rectangle((0, 1350, 2400, 1600), fill=tuple(max(0, c - 40) for c in colour))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=f"pressbild-{seed}.png")


# --- help numbers ----------------------------------------------------------------------------


def ensure_demo_help_numbers():
    """Socialjour per municipality and Nexus: placeholders, stored unverified until checked."""
    numbers = data("help_numbers")
    for order, (slug, number) in enumerate(numbers["socialjour"].items()):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        help_number, _created = HelpNumber.objects.get_or_create(
            service=HelpNumber.Service.SOCIALJOUR,
            organisation=organisation,
            defaults={"number": number, "verified": False, "sort_order": 100 + order},
        )
        publish_initial(help_number)
    help_number, _created = HelpNumber.objects.get_or_create(
        service=HelpNumber.Service.NEXUS,
        organisation=None,
        defaults={"number": numbers["nexus"], "verified": False, "sort_order": 5},
    )
    publish_initial(help_number)


# --- home pages ------------------------------------------------------------------------------


def load_home_pages(home, translator, approver):
    """The heading and Nexus' contact on the home page, in every language that has a home page."""
    spec = data("home_pages")
    fields = ("heading", "contact_hours", "contact_text", "interpreter_text")
    if not home.contact_hours:
        for field in fields:
            setattr(home, field, spec[field])
        home.save_revision().publish()
        home.refresh_from_db()
    if translator is None or approver is None:
        return
    for code, strings in spec["translations"].items():
        locale = Locale.objects.filter(language_code=code).first()
        target = home.get_translation_or_none(locale) if locale else None
        if target is None or target.specific.contact_hours:
            continue
        # The installation's own title, lead and slug stay; the contact texts are translated.
        target = target.specific
        kept = {home.title: target.title, home.lead: target.lead, home.slug: target.slug}
        translate_through_approval(home, code, {**kept, **strings}, translator, approver, update=True)


# --- audience and standard pages -------------------------------------------------------------


def audience_body(texts):
    blocks = []
    for kind, value in texts["body"]:
        if kind == "h":
            blocks.append(("heading", {"text": value, "size": "h2"}))
        elif kind == "p":
            blocks.append(("paragraph", RichText("".join(f"<p>{escape(text)}</p>" for text in value))))
        elif kind == "faq":
            # The approved FAQ entries of the page's language (``value``: a topic, or "" for all).
            blocks.append(("faq", {"heading": "", "topic": value}))
        else:
            items = "".join(f"<li>{escape(text)}</li>" for text in value)
            blocks.append(("paragraph", RichText(f"<ul>{items}</ul>")))
    return blocks


def ensure_audience_page(parent, texts, easy_to_read=False):
    page = AudiencePage.objects.child_of(parent).filter(slug=texts["slug"]).first()
    if page is not None:
        return page
    page = AudiencePage(
        title=texts["title"],
        slug=texts["slug"],
        lead=texts["lead"],
        body=audience_body(texts),
        contact_hours=texts["hours"],
        contact_text=texts["contact"],
        easy_to_read=easy_to_read,
        show_in_menus=texts.get("menu", False),
        locale=parent.locale,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_audience_pages(home, translator, approver):
    """The five audience pages (all in Arabic), easy-to-read versions, two pages in all eight languages."""
    ensure_demo_help_numbers()
    spec = data("audience_pages")
    pages = {}
    for texts in spec["pages"]:
        page = ensure_audience_page(home, texts)
        pages[page.slug] = (page, texts)
        if "easy_to_read" in texts:
            ensure_audience_page(page, texts["easy_to_read"], easy_to_read=True)
    # Related pages, set once on the Swedish pages (translations map them to their language).
    for slug, related in spec["related"].items():
        page = pages[slug][0]
        if not page.related_pages:
            page.related_pages = [("page", pages[other][0]) for other in related]
            page.save_revision().publish()
            page.refresh_from_db()
    for slug, (_page, texts) in pages.items():
        translate_all(AudiencePage.objects.get(pk=pages[slug][0].pk), texts["translations"], translator, approver)


def load_standard_pages(home, translator, approver):
    """The service pages every visitor may need: about, safety, the accessibility statement."""
    for texts in data("standard_pages"):
        page = StandardPage.objects.child_of(home).filter(slug=texts["slug"]).first()
        if page is None:
            page = StandardPage(
                title=texts["title"],
                slug=texts["slug"],
                lead=texts["lead"],
                body=texts["body"],
                show_in_menus=texts.get("menu", False),
                locale=home.locale,
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        translate_all(page, texts["translations"], translator, approver)


# --- news ------------------------------------------------------------------------------------


def news_body(paragraphs, document=None, link_text=""):
    """Paragraphs, and a link to ``document`` (a fact sheet) at the end."""
    converter = DbHTMLConverter(features=RICH_TEXT_FEATURES)
    html = [f"<p>{text}</p>" for text in paragraphs]
    if document is not None:
        html.append(f'<p><a linktype="document" id="{document.pk}">{escape(link_text)}</a></p>')
    return [("paragraph", converter.to_database_format(fragment)) for fragment in html]


def ensure_news_image(title, description, organisation):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        collection = Collection.objects.filter(name=organisation.name).first() or Collection.get_first_root_node()
        image = Image.objects.create(
            title=title,
            description=description,
            credit="Nexus",
            collection=collection,
            file=ImageFile(abstract_image(title), name="nyhet.png"),
        )
    return image


def load_news(home, translator, approver):
    """A dozen Swedish news items from several partners, tags and images; one item translated."""
    spec = data("news")
    index = NewsIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        return
    if not index.lead:
        index.lead = spec["index_lead"]
        index.save_revision().publish()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for item in spec["items"]:
        organisation = Organisation.objects.filter(slug=item["organisation"]).first()
        section = NewsSectionPage.objects.child_of(index).filter(organisation=organisation).first()
        if organisation is None or section is None:
            continue
        page = NewsPage.objects.child_of(section).filter(slug=item["slug"]).first()
        if page is None:
            days_ago = item["days_ago"]
            document = ensure_demo_document(item["document"], organisation) if "document" in item else None
            link_text = item.get("document", {}).get("link_text", "")
            page = NewsPage(
                title=item["title"],
                slug=item["slug"],
                locale=index.locale,
                lead=item["lead"],
                body=news_body(item["paragraphs"], document, link_text),
                date=now - datetime.timedelta(days=days_ago, hours=days_ago % 7),
                image=ensure_news_image(f"Nyhetsbild: {item['title']}", item["image_description"], organisation),
                live=False,
            )
            section.add_child(instance=page)
            page.tags.add(*item["tags"])
            page.save_revision().publish()
        translate_all(page, item.get("translations", {}), translator, approver)


# --- trainings -------------------------------------------------------------------------------


def _at(days, hour, minute=0):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, time(hour, minute)))


def ensure_training(spec, common):
    index = TrainingIndexPage.objects.filter(locale=Locale.get_default()).first()
    section = (
        TrainingSectionPage.objects.child_of(index).filter(organisation__slug=spec["organisation"]).first()
        if index
        else None
    )
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
        contact_name=common["contact_name"],
        contact_email=common["contact_email"],
        accessibility=common["accessibility"],
        sessions=[TrainingSession(start=_at(days, start), end=_at(days, end)) for days, start, end in spec["sessions"]],
    )
    section.add_child(instance=training)
    training.save_revision().publish()
    training.refresh_from_db()
    return training


def ensure_bookings(training, count):
    """Fake participants ("Testdeltagare N"); past capacity they go on the waiting list."""
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


def load_trainings(translator, approver):
    """Past and future trainings: one full with a waiting list, one digital, one cancelled."""
    common = data("trainings")
    for spec in common["trainings"]:
        training = ensure_training(spec, common)
        if training is None:
            continue
        ensure_bookings(training, spec.get("bookings", 0))
        translate_all(training, spec.get("translations", {}), translator, approver)


# --- press -----------------------------------------------------------------------------------


def ensure_press_images(spec):
    collection = Collection.objects.filter(name=PRESS_IMAGES_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PRESS_IMAGES_COLLECTION)
    model = get_image_model()
    images = []
    for seed, item in enumerate(spec["images"]):
        image = model.objects.filter(title=item["title"], collection=collection).first()
        if image is None:
            image = model.objects.create(
                title=item["title"],
                file=press_png(tuple(item["colour"]), seed),
                collection=collection,
                description=item["description"],
                caption=item["caption"],
                credit=spec["credit"],
                licence=spec["licence"],
            )
        images.append(image)
    return images


def ensure_spokespersons(spec):
    people = {}
    for person in spec["spokespersons"]:
        organisation = Organisation.objects.filter(slug=person["organisation"]).first()
        if organisation is None:
            continue
        defaults = {key: person[key] for key in ("title", "phone", "email", "topics", "languages", "availability")}
        people[person["name"]], _created = Spokesperson.objects.get_or_create(
            name=person["name"], organisation=organisation, defaults=defaults
        )
        publish_initial(people[person["name"]])
    return people


def ensure_room_texts(room, spec):
    if room.service_hours:
        return
    for field, value in spec["room"].items():
        setattr(room, field, value)
    room.facts = [("statistic", fact) for fact in spec["facts"]]
    room.save_revision().publish()


def schedule_through_workflow(page, section, days):
    """Embargo ``days`` ahead: the communicator submits, Projektledning approves, it is scheduled."""
    User = get_user_model()
    page.go_live_at = (timezone.now() + datetime.timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
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


def load_press(home, translator, approver):
    """Releases (one joint, one embargoed and scheduled), spokespersons, press images, room texts."""
    spec = data("press")
    room = PressRoomPage.objects.child_of(home).first()
    if room is None:
        return
    ensure_room_texts(room, spec)
    images = ensure_press_images(spec)
    people = ensure_spokespersons(spec)
    organisations = {org.slug: org for org in Organisation.objects.all()}
    for release in spec["releases"]:
        section = PressSectionPage.objects.child_of(room).filter(organisation__slug=release["section"]).first()
        if section is None:
            continue
        page = PressReleasePage.objects.child_of(section).filter(slug=release["slug"]).first()
        if page is None:
            page = PressReleasePage(
                title=release["title"],
                slug=release["slug"],
                lead=release["lead"],
                live=False,
                locale=section.locale,
                body=[("paragraph", f"<p>{text}</p>") for text in release["paragraphs"]],
                images=[("image", images[number]) for number in release["images"]],
            )
            if "attachment" in release:
                page.attachments = [("document", ensure_demo_document(release["attachment"], section.organisation))]
            page.issuing_organisations = [organisations[slug] for slug in release["issuers"]]
            page.spokespersons = [people[name] for name in release["spokespersons"] if name in people]
            section.add_child(instance=page)
            revision = page.save_revision()
            if "embargo_days" in release:
                schedule_through_workflow(page, section, release["embargo_days"])
            else:
                revision.publish()
            page.refresh_from_db()
        translate_all(page, release.get("translations", {}), translator, approver)


# --- main navigation -------------------------------------------------------------------------

# The main menu's order in every language, by the Swedish pages' slugs (the index pages' too).
MENU_ORDER = ["fa-stod", "yrkesverksam", "utbildningar", "nyheter", "press", "om-nexus"]


def order_main_menus():
    """Put the menu pages first under every home page, in MENU_ORDER (what an editor does by
    dragging in the explorer). Only on the first load, so a later reordering by editors stays."""
    sources = {
        page.slug: page.translation_key
        for page in Page.objects.filter(depth=3, locale=Locale.get_default(), slug__in=MENU_ORDER)
    }
    keys = [sources[slug] for slug in MENU_ORDER if slug in sources]
    for home in Page.objects.filter(depth=2):
        children = {child.translation_key: child for child in home.get_children().in_menu()}
        for key in reversed(keys):
            if key in children:
                Page.objects.get(pk=children[key].pk).move(home, pos="first-child")


# --- all of it -------------------------------------------------------------------------------


def load_communication_plan():
    """Activities across channels and organisations (dates around today), network meetings with
    minutes, and the FAQ for responders (published). Idempotent by organisation and title."""
    spec = data("communication_plan")
    today = timezone.localdate()
    uppsala = Organisation.objects.get(slug="uppsala-kommun")
    for item in spec["activities"]:
        organisation = Organisation.objects.get(slug=item["organisation"])
        minutes = None
        if item.get("minutes"):
            minutes = ensure_demo_document(
                {"title": item["minutes"], "lines": [item["minutes"], item["message"]], "filename": "protokoll.pdf"},
                uppsala,
            )
        CommunicationActivity.objects.get_or_create(
            organisation=organisation,
            title=item["title"],
            defaults={
                "kind": item.get("kind", CommunicationActivity.Kind.ACTIVITY),
                "date": today + timedelta(days=item["days"]),
                "channel": item["channel"],
                "audience": item["audience"],
                "status": item["status"],
                "message": item["message"],
                "minutes": minutes,
            },
        )
    locale = Locale.get_default()
    for order, item in enumerate(spec["faq"]):
        entry = FAQEntry.objects.filter(question=item["question"], locale=locale).first()
        if entry is None:
            entry = FAQEntry.objects.create(locale=locale, sort_order=(order + 1) * 10, **item)
        publish_initial(entry)


def load_demo():
    first_load = not Page.objects.filter(depth=3, locale=Locale.get_default(), slug=MENU_ORDER[0]).exists()
    home = setup_site()
    ensure_demo_users()
    translator, approver = translator_and_approver()
    load_home_pages(home, translator, approver)
    load_news(home, translator, approver)
    load_trainings(translator, approver)
    load_press(home, translator, approver)
    load_audience_pages(home, translator, approver)
    load_standard_pages(home, translator, approver)
    load_communication_plan()
    if first_load:
        order_main_menus()
    return home
