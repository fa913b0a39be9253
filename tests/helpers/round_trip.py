"""The two halves of tests/test_backup_round_trip.py that run inside ``manage.py shell``.

``build()`` makes a site with something of every kind a backup must keep: the installation
(``setup_site``: every language's home page and sections, their revisions), the demo users, a
training with bookings (the demo's own helpers), a news page with a published revision and a
later draft, an image with a rendition and a document in an organisation's collection, and press
subscribers, confirmed and not. ``snapshot()`` prints, as JSON, the row count and a digest of the
rows of every table in the database, and the sha256 of every file under MEDIA_ROOT.
"""

import hashlib
import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Collection

from demo.loader import (
    data,
    ensure_bookings,
    ensure_demo_document,
    ensure_demo_users,
    ensure_news_image,
    ensure_training,
    news_body,
)
from home.installation import setup_site
from news.models import NewsIndexPage, NewsPage, NewsSectionPage
from press.models import PressSubscriber
from workflows.models import Organisation

# Who the round trip's people are (the test looks for them in the restored database).
SUBSCRIBER = "journalist.rundresa@example.org"
UNCONFIRMED = "obekraftad.rundresa@example.org"


def build():
    call_command("migrate", "--noinput", verbosity=0)
    setup_site()
    ensure_demo_users()
    common = data("trainings")
    spec = next(s for s in common["trainings"] if s.get("bookings"))
    training = ensure_training(spec, common)
    ensure_bookings(training, 3)
    organisation = Organisation.objects.get(slug=spec["organisation"])
    collection = Collection.objects.get(name=organisation.name)
    collection.add_child(name=f"{organisation.name} – arkiv")
    image = ensure_news_image("Rundresans bild", "Cirklar och staplar i Nexus färger", organisation)
    image.get_rendition("fill-320x180")
    document = ensure_demo_document(
        {"title": "Rundresans faktablad", "filename": "rundresa.pdf", "lines": ["Säkerhetskopia och återläsning."]},
        organisation,
    )
    index = NewsIndexPage.objects.get(locale__language_code="sv")
    section = NewsSectionPage.objects.child_of(index).get(organisation=organisation)
    page = NewsPage(
        title="Rundresan",
        slug="rundresan",
        lead="Publicerad version.",
        body=news_body(["Första stycket."], document, "Faktabladet"),
        date=timezone.now() - timedelta(days=1),
        image=image,
        live=False,
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    page.lead = "Senare utkast."
    page.save_revision()
    PressSubscriber.objects.create(email=SUBSCRIBER, language="sv", confirmed_at=timezone.now())
    PressSubscriber.objects.create(email=UNCONFIRMED, language="en")


def _plain(value):
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def snapshot():
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (introspected names)
            rows = sorted(repr(tuple(_plain(value) for value in row)) for row in cursor.fetchall())
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            tables[table] = {"rows": len(rows), "sha256": digest}
    media = Path(settings.MEDIA_ROOT)
    files = {
        str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }
    print(json.dumps({"tables": tables, "media": files}))  # noqa: T201 (read by the test)
