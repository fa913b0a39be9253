"""Snippets under approval, through every door: approving from the edit form publishes exactly as
the workflow-action view does, the author cannot by either, and the chooser never shows readers'
values that nobody approved.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from home.models import HelpNumber
from press.models import Spokesperson
from tests.factories import organisation
from tests.helpers.admin import is_denied
from tests.helpers.snippets import snippet_edit, snippet_snapshot, snippet_workflow_action
from workflows.editorial import PROJECT_LEADERS_GROUP
from workflows.snippets import publish_initial

OLD_NUMBER, NEW_NUMBER = "020-50 50 50", "020-11 22 33"


@pytest.fixture
def colleague(make_user):
    return make_user("samordnare", [PROJECT_LEADERS_GROUP])


def kvinnofridslinjen():
    return HelpNumber.objects.get(service=HelpNumber.Service.KVINNOFRIDSLINJEN)


def public_html(page):
    response = Client().get(page.get_url())
    assert response.status_code == 200
    return response.content.decode()


def submitted_change(client, author, django_capture_on_commit_callbacks):
    number = kvinnofridslinjen()
    client.force_login(author)
    snippet_edit(client, number, number=NEW_NUMBER)
    with django_capture_on_commit_callbacks(execute=True):
        snippet_edit(client, number, action="submit")
    return HelpNumber.objects.get(pk=number.pk)


def approve_from_edit_form(client, instance, comment):
    return snippet_edit(
        client,
        instance,
        action="workflow-action",
        extra={"workflow-action-name": "approve", "workflow-action-extra-data": json.dumps({"comment": comment})},
    )


def outcome(number):
    """What an approval leaves behind: the row, the public side, the log, the workflow."""
    number = HelpNumber.objects.get(pk=number.pk)
    log = ModelLogEntry.objects.filter(content_type__model="helpnumber", object_id=str(number.pk))
    return {
        "number": number.number,
        "live": number.live,
        "live_is_latest": number.live_revision_id == number.latest_revision_id,
        "unpublished_changes": number.has_unpublished_changes,
        "workflow": number.workflow_states.order_by("-pk").first().status,
        "approved_by": list(log.filter(action="wagtail.workflow.approve").values_list("user__username", flat=True)),
        "published_by": list(log.filter(action="wagtail.publish").values_list("user__username", flat=True)),
    }


@pytest.mark.parametrize("door", ["edit_form", "workflow_action"])
def test_a_second_leader_approves_from_either_door_with_the_same_result(
    door, client, home, project_leader, colleague, mailoutbox, django_capture_on_commit_callbacks
):
    number = submitted_change(client, project_leader, django_capture_on_commit_callbacks)
    client.force_login(colleague)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        if door == "edit_form":
            response = approve_from_edit_form(client, number, "Kontrollerat")
        else:
            response = snippet_workflow_action(client, number, "approve", comment="Kontrollerat")
    assert response.status_code == 302
    assert not is_denied(response)
    assert outcome(number) == {
        "number": NEW_NUMBER,
        "live": True,
        "live_is_latest": True,
        "unpublished_changes": False,
        "workflow": "approved",
        "approved_by": [colleague.username],
        "published_by": [colleague.username],
    }
    html = public_html(home)
    assert NEW_NUMBER in html
    assert OLD_NUMBER not in html
    [mail] = mailoutbox
    assert mail.to == [project_leader.email]
    assert "Ändringen är publicerad på webbplatsen." in mail.body
    assert "Kontrollerat" in mail.body


def test_the_author_cannot_approve_from_the_edit_form(
    client, home, project_leader, mailoutbox, django_capture_on_commit_callbacks
):
    number = submitted_change(client, project_leader, django_capture_on_commit_callbacks)
    before = snippet_snapshot(number)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve_from_edit_form(client, number, "Självgodkänt")
    number = HelpNumber.objects.get(pk=number.pk)
    assert number.number == OLD_NUMBER
    assert number.current_workflow_state.status == "in_progress"
    assert snippet_snapshot(number)[("HelpNumber", number.pk)] == before[("HelpNumber", number.pk)]
    assert not ModelLogEntry.objects.filter(
        content_type__model="helpnumber", object_id=str(number.pk), action="wagtail.workflow.approve"
    ).exists()
    assert mailoutbox == []
    html = public_html(home)
    assert OLD_NUMBER in html
    assert NEW_NUMBER not in html


# --- the chooser ----------------------------------------------------------------------------


def chosen_url(model, pk):
    return reverse(f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:chosen", args=[pk])


def chosen_multiple_url(model, *pks):
    url = reverse(f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:chosen_multiple")
    return url + "?" + "&".join(f"id={pk}" for pk in pks)


def choose_url(model):
    return reverse(f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:choose")


@pytest.fixture
def police(db):
    return organisation("polismyndigheten")


@pytest.fixture
def never_approved(police):
    """A spokesperson a project leader added and nobody approved yet."""
    return Spokesperson.objects.create(organisation=police, name="Hemlig Utkastsson", title="Presschef", live=False)


@pytest.fixture
def live_with_draft(police, project_leader):
    """A live spokesperson with an unapproved change (a new name) waiting as a revision."""
    person = publish_initial(Spokesperson.objects.create(organisation=police, name="Karin Polis", title="Presschef"))
    person.name = "Ej Godkänd Namnändring"
    person.save_revision(user=project_leader)
    return Spokesperson.objects.get(pk=person.pk)


@pytest.fixture(params=["communicator", "translator"])
def reader_editor(request, communicator_of, translator):
    """Admin users who may not edit spokespersons (they only choose live ones)."""
    if request.param == "translator":
        return translator
    return communicator_of(organisation("heby-kommun"))


def test_the_chooser_never_shows_an_unapproved_spokesperson_to_non_editors(
    client, reader_editor, never_approved, live_with_draft
):
    client.force_login(reader_editor)
    for url in (
        chosen_url(Spokesperson, never_approved.pk),
        chosen_multiple_url(Spokesperson, never_approved.pk, live_with_draft.pk),
        choose_url(Spokesperson),
        chosen_url(Spokesperson, live_with_draft.pk),
    ):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code in (200, 302, 403, 404), url
        assert "Hemlig Utkastsson" not in html, url
        assert "Ej Godkänd Namnändring" not in html, url
    assert client.get(chosen_url(Spokesperson, never_approved.pk)).status_code == 404
    # The live row still reads as approved.
    response = client.get(chosen_url(Spokesperson, live_with_draft.pk))
    assert response.status_code == 200
    assert "Karin Polis" in response.content.decode()


def test_editors_choosing_in_their_draft_see_the_draft_spokesperson(client, project_leader, never_approved):
    client.force_login(project_leader)
    response = client.get(chosen_url(Spokesperson, never_approved.pk))
    assert response.status_code == 200
    assert "Hemlig Utkastsson" in response.content.decode()


def test_readers_never_see_unapproved_spokesperson_values(client, live_with_draft, never_approved, home):
    from press.models import PressRoomPage

    html = public_html(PressRoomPage.objects.get(locale=home.locale))
    assert "Karin Polis" in html
    assert "Hemlig Utkastsson" not in html
    assert "Ej Godkänd Namnändring" not in html
