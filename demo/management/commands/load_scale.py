"""Fill the database with many live pages, fast, to see how cost grows with content (`make bench-scale`).

    manage.py load_scale [--news 10000] [--trainings 1000] [--press 2000]

Runs ``setup_site`` first, then adds news items, trainings (one session each, in the coming
months) and press releases, spread evenly over the organisations (page i goes to organisation
i mod 14) and the languages (language i mod 8), in the organisations' sections. Bulk, not through
``add_child``: the treebeard paths are built here, the ``Page`` rows are bulk-inserted, then the
specific rows (multi-table inheritance: only the child table's own columns), one live revision
per page (the admin, the records export and the revision purge expect one), the sections'
``numchild`` and the search index entries (``add_bulk``). Every page is live, public, approved
content in the eyes of the site; nothing passes the workflow (this is test data, for benchmarks,
never for a production database). Adds to what is there; run it on an empty or a demo database.
"""

import time
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backend

from home.installation import setup_site
from news.models import NewsPage, NewsSectionPage
from press.models import PressReleasePage, PressSectionPage
from training.models import TrainingPage, TrainingSectionPage, TrainingSession

BATCH = 1000
WORDS = {
    "news": "Nyhet om stöd och skydd mot hedersrelaterat våld",
    "training": "Utbildning om hedersrelaterat våld och förtryck",
    "press": "Pressmeddelande om arbetet mot hedersrelaterat våld",
}


def sections_by_organisation_and_language(section_model):
    """{(organisation slug, language code): section page}, in a stable order."""
    sections = section_model.objects.select_related("organisation", "locale").order_by("path")
    return {(s.organisation.slug, s.locale.language_code): s for s in sections}


def distribute(count, sections):
    """The section of each of ``count`` new pages: organisation i mod n, language i mod m."""
    organisations = sorted({org for org, _ in sections})
    languages = sorted({language for _, language in sections})
    targets = []
    for i in range(count):
        key = (organisations[i % len(organisations)], languages[i % len(languages)])
        targets.append(sections[key])
    return targets


class Command(BaseCommand):
    help = "Add many live news items, trainings and press releases in bulk (benchmarks, never production)."

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=10000)
        parser.add_argument("--trainings", type=int, default=1000)
        parser.add_argument("--press", type=int, default=2000)

    def handle(self, *args, **options):
        started = time.monotonic()
        setup_site()
        plan = [
            ("news", NewsPage, NewsSectionPage, options["news"]),
            ("training", TrainingPage, TrainingSectionPage, options["trainings"]),
            ("press", PressReleasePage, PressSectionPage, options["press"]),
        ]
        for kind, model, section_model, count in plan:
            if count <= 0:
                continue
            targets = distribute(count, sections_by_organisation_and_language(section_model))
            for start in range(0, count, BATCH):
                with transaction.atomic():
                    self.add_batch(kind, model, targets[start : start + BATCH], start)
            self.stdout.write(f"{count} {model.__name__} ({time.monotonic() - started:.0f} s)")
        problems = Page.find_problems()
        if any(problems):
            raise RuntimeError(f"The page tree has problems: {problems}")
        if connection.vendor == "postgresql":
            # Bulk inserts leave the planner's statistics at the old sizes until autovacuum
            # comes by; a benchmark right after the load would measure plans made for a tiny site.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Klart på {time.monotonic() - started:.0f} s."))

    def add_batch(self, kind, model, targets, offset):
        now = timezone.now()
        content_type = ContentType.objects.get_for_model(model)
        page_type = ContentType.objects.get_for_model(Page)
        # The next free step under every parent of this batch (treebeard's materialised path).
        parents = {}
        for parent in {t.pk: t for t in targets}.values():
            last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
            parents[parent.pk] = [parent, Page._str2int(last.path[-Page.steplen :]) if last else 0, 0]
        pages, specifics = [], []
        for number, parent in enumerate(targets, start=offset + 1):
            entry = parents[parent.pk]
            entry[1] += 1
            entry[2] += 1
            title = f"{WORDS[kind]} {number}"
            slug = f"{kind}-{number}-{uuid.uuid4().hex[:6]}"
            published = now - timedelta(minutes=number)
            fields = {
                "title": title,
                "draft_title": title,
                "slug": slug,
                "path": Page._get_path(parent.path, parent.depth + 1, entry[1]),
                "depth": parent.depth + 1,
                "numchild": 0,
                "url_path": f"{parent.url_path}{slug}/",
                "content_type_id": content_type.pk,
                "locale_id": parent.locale_id,
                "translation_key": uuid.uuid4(),
                "live": True,
                "has_unpublished_changes": False,
                "first_published_at": published,
                "last_published_at": published,
                "latest_revision_created_at": published,
            }
            pages.append(Page(**fields))
            specifics.append((fields, self.own_fields(kind, title, published, now, number)))
        Page.objects.bulk_create(pages, batch_size=BATCH)
        objects = []
        for page, (fields, own) in zip(pages, specifics, strict=True):
            obj = model(id=page.pk, page_ptr_id=page.pk, **fields, **own)
            obj._state.adding = False
            objects.append(obj)
        local_fields = list(model._meta.local_concrete_fields)
        model.objects.all()._batched_insert(objects, local_fields, BATCH)
        if kind == "training":
            TrainingSession.objects.bulk_create(
                [
                    TrainingSession(
                        page_id=obj.pk,
                        sort_order=0,
                        start=now + timedelta(days=7 + i % 180, hours=9),
                        end=now + timedelta(days=7 + i % 180, hours=12),
                    )
                    for i, obj in enumerate(objects)
                ],
                batch_size=BATCH,
            )
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type_id=content_type.pk,
                    base_content_type_id=page_type.pk,
                    object_id=str(obj.pk),
                    created_at=obj.first_published_at,
                    approved_go_live_at=None,
                    object_str=obj.title,
                    content=obj.serializable_data(),
                )
                for obj in objects
            ],
            batch_size=BATCH,
        )
        for obj, revision in zip(objects, revisions, strict=True):
            obj.live_revision_id = obj.latest_revision_id = revision.pk
        Page.objects.bulk_update(objects, ["live_revision", "latest_revision"], batch_size=BATCH)
        for parent, _, added in parents.values():
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + added)
        get_search_backend().add_bulk(model, list(model.objects.filter(pk__in=[o.pk for o in objects])))

    def own_fields(self, kind, title, published, now, number):
        lead = f"{title}: samverkan, stöd till utsatta och kunskap för yrkesverksamma i Uppsala län."
        if kind == "news":
            return {"lead": lead, "date": published}
        if kind == "training":
            return {
                "lead": lead,
                "place": "Uppsala",
                "capacity": 30,
                "registration_closes": now + timedelta(days=5 + number % 180),
                "contact_name": "Nexus",
                "contact_email": "utbildning@nexus.example",
            }
        return {"lead": lead}
