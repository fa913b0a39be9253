"""Embargo: a release approved now with a future go_live_at stays invisible until its time."""

import contextlib
import datetime
import io
import threading

import feedparser
import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from press.management.commands.publish_scheduled_locked import scheduled_publishing_lock
from press.models import PressReleasePage, PressRoomPage, PressSubscriber
from tests.factories import organisation, section_of
from tests.helpers.press import approve

TITLE = "Gemensam satsning mot hedersrelaterat våld i skolan"
EMBARGO = datetime.datetime(2031, 3, 4, 9, 0, tzinfo=datetime.UTC)


def press_mails(outbox):
    """Mails to subscribers (not the workflow's notifications to editors)."""
    return [message for message in outbox if message.subject.startswith("Pressmeddelande:")]


def png_file(name="embargo-bild.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (120, 40, 90)).save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


def make_media():
    image = get_image_model().objects.create(title="Embargobild", file=png_file(), credit="Foto: Anna Berg")
    document = get_document_model().objects.create(
        title="Rapport under embargo", file=ContentFile(b"%PDF-1.4 rapport", name="rapport-embargo.pdf")
    )
    return image, document


def create_through_admin(client, communicator, org, image, document, go_live_at):
    """The communicator writes the release in the admin and submits it for approval."""
    section = section_of(PressRoomPage, org)
    client.force_login(communicator)
    data = nested_form_data(
        {
            "title": TITLE,
            "slug": "gemensam-satsning",
            "lead": "Polisen och Region Uppsala startar en gemensam satsning.",
            "body": streamfield([]),
            "images": streamfield([("image", image.pk)]),
            "attachments": streamfield([("document", document.pk)]),
            "go_live_at": timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M"),
            "comments": inline_formset([]),
        }
    )
    data["action-submit"] = "Skicka"
    data["issuing_organisations"] = [org.pk, organisation("region-uppsala").pk]
    response = client.post(reverse("wagtailadmin_pages:add", args=["press", "pressreleasepage", section.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = PressReleasePage.objects.get(slug="gemensam-satsning")
    assert page.current_workflow_state.status == "in_progress"
    return page


def public_places(client, page, image, document):
    """What an anonymous visitor (or a crawler) can see of the release, place by place."""
    client.logout()
    room_html = client.get("/press/").content.decode()
    feed_xml = client.get("/press/rss/").content.decode()
    feed = feedparser.parse(feed_xml)
    atom = feedparser.parse(client.get("/press/atom/").content)
    org_feed = feedparser.parse(client.get("/press/rss/?organisation=region-uppsala").content)
    section_html = client.get(section_of(PressRoomPage, organisation("polismyndigheten")).url).content.decode()
    # The sitemap and the search the site serves, as a crawler and a visitor meet them.
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    search = client.get("/sok/", {"q": TITLE})
    assert search.status_code == 200
    return {
        "page": client.get(page.url).status_code,
        "press room": TITLE in room_html,
        "filtered press room": TITLE in client.get("/press/?organisation=region-uppsala").content.decode(),
        "section listing": TITLE in section_html,
        "feed": any(entry.title == TITLE for entry in feed.entries),
        "atom feed": any(entry.title == TITLE for entry in atom.entries),
        "organisation feed": any(entry.title == TITLE for entry in org_feed.entries),
        "sitemap": f"<loc>{page.get_full_url()}</loc>" in sitemap.content.decode(),
        "search": f'href="{page.get_url()}"' in search.content.decode(),
        # The partners' read API: listed, and retrievable by its id.
        "api": TITLE in client.get("/api/v2/pages/", {"type": "press.PressReleasePage"}).content.decode(),
        "api detail": client.get(f"/api/v2/pages/{page.pk}/").status_code,
        "document": client.get(document.url).status_code,
        # The image file (original or any rendition: they share the random stem) in any public output.
        "image anywhere": any(
            image.file.name.rsplit("/", 1)[1].split(".")[0] in text for text in (room_html, section_html, feed_xml)
        ),
    }


HIDDEN = {
    "page": 404,
    "press room": False,
    "filtered press room": False,
    "section listing": False,
    "feed": False,
    "atom feed": False,
    "organisation feed": False,
    "sitemap": False,
    "search": False,
    "api": False,
    "api detail": 404,
    "document": 404,
    "image anywhere": False,
}


def test_embargoed_release_is_invisible_until_its_time_then_appears(
    client, communicator_of, project_leader, mailoutbox, django_capture_on_commit_callbacks
):
    police = organisation("polismyndigheten")
    PressSubscriber.objects.create(email="reporter@example.org", confirmed_at=timezone.now())
    image, document = make_media()
    with time_machine.travel(EMBARGO - datetime.timedelta(days=1), tick=False):
        page = create_through_admin(client, communicator_of(police), police, image, document, EMBARGO)
        with django_capture_on_commit_callbacks(execute=True):
            approve(client, page, project_leader)
        assert not page.live
        assert page.get_latest_revision().approved_go_live_at == EMBARGO
        # The files named in it are referenced from the (non-live) page.
        assert ReferenceIndex.get_references_to(document).exists()
        assert public_places(client, page, image, document) == HIDDEN
        # The runner before the time changes nothing, and nobody is mailed.
        call_command("publish_scheduled_locked")
        page.refresh_from_db()
        assert not page.live
        assert public_places(client, page, image, document) == HIDDEN
        assert press_mails(mailoutbox) == []

    with time_machine.travel(EMBARGO - datetime.timedelta(seconds=30), tick=False):
        call_command("publish_scheduled_locked")
        page.refresh_from_db()
        assert not page.live

    with time_machine.travel(EMBARGO + datetime.timedelta(seconds=20), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled_locked")
        page.refresh_from_db()
        assert page.live
        assert page.first_published_at == EMBARGO + datetime.timedelta(seconds=20)
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1
        seen = public_places(client, page, image, document)
        assert seen == {
            "page": 200,
            "press room": True,
            "filtered press room": True,
            "section listing": True,
            "feed": True,
            "atom feed": True,
            "organisation feed": True,
            "sitemap": True,
            "search": True,
            "api": True,
            "api detail": 200,
            "document": 200,
            "image anywhere": False,  # listings show no release images; only the release page does
        }
        html = client.get(page.url).content.decode()
        assert image.file.name.rsplit("/", 1)[1].split(".")[0] in html
        assert image.credit in html
        assert "Region Uppsala" in html and "Polismyndigheten" in html
        assert [m.to for m in press_mails(mailoutbox)] == [["reporter@example.org"]]


def test_release_images_get_unguessable_file_names(db):
    image, _document = make_media()
    name = image.file.name.rsplit("/", 1)[1]
    assert "embargo" not in name
    assert len(name.split(".")[0]) == 32  # a random uuid4 hex


def test_documents_of_draft_releases_are_refused_but_editors_and_other_documents_pass(
    client, make_release, police, project_leader
):
    _image, document = make_media()
    library_document = get_document_model().objects.create(
        title="Faktablad", file=ContentFile(b"%PDF-1.4 fakta", name="faktablad.pdf")
    )
    draft = make_release(police, "Utkast med bilaga", publish=False, attachments=[("document", document)])
    assert ReferenceIndex.get_references_to(document).exists()
    assert client.get(document.url).status_code == 404
    assert client.get(library_document.url).status_code == 200
    client.force_login(project_leader)
    assert client.get(document.url).status_code == 200
    client.logout()
    draft.save_revision().publish()
    assert client.get(document.url).status_code == 200


def test_admin_form_explains_the_embargo(client, project_leader, police):
    client.force_login(project_leader)
    section = section_of(PressRoomPage, police)
    html = client.get(reverse("wagtailadmin_pages:add", args=["press", "pressreleasepage", section.pk])).content
    assert "Embargo: ange under Inställningar" in html.decode()


# --- the runner ------------------------------------------------------------------------------


def scheduled_release(make_release, police, project_leader):
    page = make_release(police, TITLE, publish=False)
    page.go_live_at = EMBARGO
    page.save_revision(user=project_leader).publish(user=project_leader)
    page.refresh_from_db()
    assert not page.live
    return page


@contextlib.contextmanager
def lock_held_elsewhere():
    acquired, done = threading.Event(), threading.Event()
    result = []

    def hold():
        try:
            with scheduled_publishing_lock() as got:
                result.append(got)
                acquired.set()
                done.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    acquired.wait(30)
    assert result == [True]
    try:
        yield
    finally:
        done.set()
        thread.join()


def test_runner_skips_while_another_runner_holds_the_lock(make_release, police, project_leader):
    page = scheduled_release(make_release, police, project_leader)
    with time_machine.travel(EMBARGO + datetime.timedelta(minutes=1), tick=False):
        # Another runner (its own thread, so its own database session) holds the lock.
        with lock_held_elsewhere():
            call_command("publish_scheduled_locked")
            page.refresh_from_db()
            assert not page.live
        call_command("publish_scheduled_locked")
        page.refresh_from_db()
        assert page.live
        call_command("publish_scheduled_locked")  # a rerun is a no-op
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runners_publish_once(transactional_site, make_user, mailoutbox):
    from workflows.editorial import PROJECT_LEADERS_GROUP

    leader = make_user("ledare", [PROJECT_LEADERS_GROUP])
    police = organisation("polismyndigheten")
    PressSubscriber.objects.create(email="reporter@example.org", confirmed_at=timezone.now())
    from tests.factories import add_page

    page = add_page(section_of(PressRoomPage, police), PressReleasePage, TITLE, publish=False)
    page.go_live_at = EMBARGO
    page.save_revision(user=leader).publish(user=leader)
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            call_command("publish_scheduled_locked")
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    with time_machine.travel(EMBARGO + datetime.timedelta(minutes=1), tick=False):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1
    assert len(press_mails(mailoutbox)) == 1


def test_runner_loop_publishes_every_round(make_release, police, project_leader, monkeypatch):
    from press.management.commands import publish_scheduled_locked as runner

    page = scheduled_release(make_release, police, project_leader)
    sleeps = []

    class Stop(Exception):
        pass

    def fake_sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 2:
            raise Stop

    monkeypatch.setattr(runner.time, "sleep", fake_sleep)
    monkeypatch.setattr(runner, "close_old_connections", lambda: None)  # keep the test's transaction
    with time_machine.travel(EMBARGO + datetime.timedelta(minutes=1), tick=False), pytest.raises(Stop):
        call_command("publish_scheduled_locked", every=60)
    assert sleeps == [60, 60]
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1
