"""Public records: published revisions stay as published, and a page's records export (allmän handling).

The page goes through the admin as editors use it: a communicator submits, Projektledning
approves (published), the communicator edits and resubmits, it is approved again, Projektledning
unpublishes it, and a third text is approved (re-published). Every earlier published revision is
then unchanged, Wagtail's ``purge_revisions`` cannot remove them, and the export lists them all.
"""

import copy
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models.deletion import ProtectedError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from home.records import EXPORT_ACTION
from news.models import NewsIndexPage, NewsPage
from tests.factories import organisation, section_of
from tests.helpers.admin import admin_create, admin_edit, workflow_action
from tests.helpers.training import booking_data, form_token, make_training

TITLES = ["Första texten", "Andra texten", "Tredje texten"]


def approve(client, leader, page, comment):
    client.force_login(leader)
    assert workflow_action(client, page, "approve", comment=comment).status_code == 302
    page.refresh_from_db()
    assert page.live
    revision = page.live_revision
    return {"id": revision.pk, "content": copy.deepcopy(revision.content), "created_at": revision.created_at}


def submit(client, author, page, title):
    client.force_login(author)
    assert admin_edit(client, page, action="submit", title=title).status_code == 302


@pytest.fixture
def history(client, communicator_of, project_leader):
    """A news page published twice, unpublished, edited and re-published: (page, published revisions)."""
    heby = organisation("heby-kommun")
    author = communicator_of(heby)
    client.force_login(author)
    admin_create(client, section_of(NewsIndexPage, heby), title=TITLES[0], action="submit")
    page = NewsPage.objects.get(title=TITLES[0])
    published = [approve(client, project_leader, page, "Godkänd första gången")]
    submit(client, author, page, TITLES[1])
    published.append(approve(client, project_leader, page, "Godkänd andra gången"))
    client.force_login(project_leader)
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=(page.id,))).status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert Client().get(Page.objects.get(pk=page.pk).get_url()).status_code == 404
    submit(client, author, page, TITLES[2])
    published.append(approve(client, project_leader, page, "Godkänd efter avpublicering"))
    return page, published


def export_download(client, page, date_from="2000-01-01", date_to=None):
    date_to = date_to or timezone.localdate().isoformat()
    return client.get(reverse("records_export"), {"page": page.pk, "date_from": date_from, "date_to": date_to})


def test_every_published_revision_survives_edits_unpublishing_and_republishing(client, history):
    page, published = history
    assert [entry["content"]["title"] for entry in published] == TITLES
    assert len({entry["id"] for entry in published}) == 3
    for entry in published:
        revision = Revision.objects.get(pk=entry["id"])
        assert revision.content == entry["content"]
        assert revision.created_at == entry["created_at"]
    assert TITLES[2] in Client().get(Page.objects.get(pk=page.pk).get_url()).content.decode()


def test_purge_revisions_and_direct_changes_leave_published_revisions_alone(client, history):
    page, published = history
    client.force_login(page.owner)
    admin_edit(client, page, title="Utkast som aldrig publiceras")
    admin_edit(client, page, title="Ett till utkast")
    draft = Revision.page_revisions.filter(object_id=str(page.pk), content__title="Utkast som aldrig publiceras").get()

    out = io.StringIO()
    call_command("purge_revisions", stdout=out)
    assert out.getvalue().startswith("Deleted ")

    assert not Revision.objects.filter(pk=draft.pk).exists()  # working material goes
    for entry in published:
        assert Revision.objects.get(pk=entry["id"]).content == entry["content"]
    first = Revision.objects.get(pk=published[0]["id"])
    first.content = {**first.content, "title": "Omskriven historia"}
    with pytest.raises(ProtectedError), transaction.atomic():
        first.save()
    with pytest.raises(ProtectedError), transaction.atomic():
        Revision.objects.get(pk=published[1]["id"]).delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        Revision.objects.filter(pk=published[1]["id"]).delete()
    assert Revision.objects.get(pk=published[0]["id"]).content["title"] == TITLES[0]
    assert Revision.objects.get(pk=published[1]["id"]).content["title"] == TITLES[1]


def test_the_records_export_lists_every_revision_its_workflow_and_the_audit_log(client, history, project_leader):
    page, published = history
    client.force_login(project_leader)
    response = export_download(client, page)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="allman-handling-sida-')
    data = json.loads(response.content)

    assert data["page"]["id"] == page.pk and data["page"]["title"] == TITLES[2]
    by_id = {revision["id"]: revision for revision in data["revisions"]}
    assert set(by_id) == set(Revision.page_revisions.filter(object_id=str(page.pk)).values_list("pk", flat=True))
    for entry in published:
        revision = by_id[entry["id"]]
        assert revision["published"] is True
        assert revision["content"] == json.loads(json.dumps(entry["content"]))
        assert revision["published_at"][0]["by"]["username"] == project_leader.username
    assert [r["id"] for r in data["revisions"] if r["published"]] == [entry["id"] for entry in published]
    assert by_id[published[2]["id"]]["live"] is True
    assert all(r["author"]["username"] == page.owner.username for r in data["revisions"])

    comments = [task["comment"] for state in data["workflow"] for task in state["tasks"]]
    assert comments == ["Godkänd första gången", "Godkänd andra gången", "Godkänd efter avpublicering"]
    assert all(
        task["finished_by"]["username"] == project_leader.username for s in data["workflow"] for task in s["tasks"]
    )
    actions = [entry["action"] for entry in data["audit_log"]]
    assert actions.count("wagtail.publish") == 3 and actions.count("wagtail.unpublish") == 1
    assert actions.count("wagtail.workflow.approve") == 3
    # No e-mail address of anyone appears.
    assert "@" not in response.content.decode()
    # The export itself is logged on the page.
    assert PageLogEntry.objects.filter(page=page, action=EXPORT_ACTION, user=project_leader).count() == 1


def test_the_date_range_limits_the_audit_log_only(client, history, project_leader):
    page, _ = history
    client.force_login(project_leader)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    data = json.loads(export_download(client, page, date_from="2000-01-01", date_to=yesterday).content)
    assert data["audit_log"] == []
    assert len(data["revisions"]) == Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_the_form_in_swedish_and_refusing_an_inverted_range(client, history, project_leader):
    page, _ = history
    client.force_login(project_leader)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.id,))).content.decode()
    assert f"{reverse('records_export')}?page={page.pk}" in edit
    form = client.get(reverse("records_export"), {"page": page.pk})
    assert form.status_code == 200
    assert "Allmänna handlingar" in form.content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in form.content.decode()
    response = export_download(client, page, date_from="2026-12-31", date_to="2026-01-01")
    assert response.status_code == 200
    assert "Slutdatumet ligger före startdatumet." in response.content.decode()
    assert not PageLogEntry.objects.filter(page=page, action=EXPORT_ACTION).exists()


def test_the_command_writes_the_same_records(history, tmp_path):
    page, published = history
    output = tmp_path / "handling.json"
    call_command(
        "records_export",
        str(page.pk),
        "--from",
        "2000-01-01",
        "--to",
        timezone.localdate().isoformat(),
        "--output",
        str(output),
    )
    data = json.loads(output.read_text(encoding="utf-8"))
    assert [r["id"] for r in data["revisions"] if r["published"]] == [entry["id"] for entry in published]
    assert data["period"] == {"from": "2000-01-01", "to": timezone.localdate().isoformat()}


def test_participants_never_appear_in_a_trainings_records(client, project_leader, django_capture_on_commit_callbacks):
    training = make_training(title="Utbildning med deltagare")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("training:book", args=[training.pk]),
            booking_data(
                form_token(client, training), name="Zebulon Särskildsson", email="zebulon.sarskild@example.org"
            ),
        )
    assert response.status_code in (200, 302)
    assert training.bookings.filter(email="zebulon.sarskild@example.org").exists()
    client.force_login(project_leader)
    body = export_download(client, training).content.decode()
    assert "Utbildning med deltagare" in body
    assert "Zebulon" not in body and "zebulon.sarskild" not in body
