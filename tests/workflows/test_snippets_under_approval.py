"""Help numbers and spokespersons go live only on Projektledning's approval, never by their author.

Everything goes through the real snippet admin views and the public pages as an anonymous reader.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision, WorkflowContentType

from home.models import HelpNumber
from news.models import NewsIndexPage
from press.models import PressRoomPage, Spokesperson
from tests.factories import organisation, section_of
from tests.helpers.admin import is_denied
from tests.helpers.counts import counts
from tests.helpers.snippets import (
    snippet_edit,
    snippet_form,
    snippet_snapshot,
    snippet_url,
    snippet_workflow_action,
)
from workflows.editorial import APPROVAL_WORKFLOW, PROJECT_LEADERS_GROUP, setup_editorial
from workflows.snippets import first_revisions, publish_initial

OLD_NUMBER, NEW_NUMBER = "020-50 50 50", "020-11 22 33"


def public_html(page):
    response = Client().get(page.get_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def press_room(home):
    return PressRoomPage.objects.get(locale=home.locale)


@pytest.fixture
def colleague(make_user):
    """A second project leader: the four eyes."""
    return make_user("samordnare", [PROJECT_LEADERS_GROUP])


@pytest.fixture
def admin(make_user):
    return make_user("admin", superuser=True)


def kvinnofridslinjen():
    return HelpNumber.objects.get(service=HelpNumber.Service.KVINNOFRIDSLINJEN)


@pytest.fixture
def police(db):
    return organisation("polismyndigheten")


@pytest.fixture
def spokesperson(police):
    return publish_initial(Spokesperson.objects.create(organisation=police, name="Karin Polis", title="Presschef"))


def fresh(instance):
    return type(instance).objects.get(pk=instance.pk)


# --- the defect: an edit was public on save --------------------------------------------------


def test_editing_a_live_help_number_changes_nothing_public(client, home, project_leader):
    client.force_login(project_leader)
    response = snippet_edit(client, kvinnofridslinjen(), number=NEW_NUMBER)
    assert response.status_code == 302
    html = public_html(home)
    assert NEW_NUMBER not in html
    assert OLD_NUMBER in html


def test_editing_a_live_spokesperson_changes_nothing_public(client, press_room, project_leader, organisations):
    person = Spokesperson.objects.create(organisation=organisations[0], name="Karin Polis", title="Presschef")
    client.force_login(project_leader)
    response = snippet_edit(client, person, name="Ändrad Talesperson")
    assert response.status_code == 302
    html = public_html(press_room)
    assert "Ändrad Talesperson" not in html
    assert "Karin Polis" in html


# --- edit → not public → submit → another leader approves → public -------------------------


def test_help_number_change_goes_live_on_another_leaders_approval(
    client, home, project_leader, colleague, mailoutbox, django_capture_on_commit_callbacks
):
    number = kvinnofridslinjen()
    client.force_login(project_leader)
    snippet_edit(client, number, number=NEW_NUMBER)
    with django_capture_on_commit_callbacks(execute=True):
        response = snippet_edit(client, number, action="submit")
    assert response.status_code == 302 and not is_denied(response)
    number = fresh(number)
    assert number.number == OLD_NUMBER and number.has_unpublished_changes
    assert number.current_workflow_state.workflow.name == APPROVAL_WORKFLOW
    assert OLD_NUMBER in public_html(home) and NEW_NUMBER not in public_html(home)
    # The colleague is told that something waits for review, with a link to the editor.
    assert [m.to for m in mailoutbox] == [[colleague.email]]
    assert snippet_url(HelpNumber, "edit", number.pk) in mailoutbox[0].body

    # Four eyes: the author cannot approve, by either door; nothing changes.
    task = number.current_workflow_task.specific
    assert [name for name, *_ in task.get_actions(number, project_leader)] == ["reject"]
    before = snippet_snapshot(number)
    assert is_denied(snippet_workflow_action(client, number, "approve", xhr=True))
    assert is_denied(snippet_workflow_action(client, number, "approve", comment="Självgodkänt"))
    assert snippet_snapshot(number) == before
    assert NEW_NUMBER not in public_html(home)

    client.force_login(colleague)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        snippet_workflow_action(client, number, "approve", comment="Kontrollerat med linjen")
    number = fresh(number)
    assert number.live and number.number == NEW_NUMBER and not number.has_unpublished_changes
    html = public_html(home)
    assert NEW_NUMBER in html and OLD_NUMBER not in html
    log = ModelLogEntry.objects.filter(content_type__model="helpnumber", object_id=str(number.pk))
    assert log.get(action="wagtail.workflow.approve").user == colleague
    assert log.get(action="wagtail.publish").user == colleague
    # The author learns it in Swedish.
    [mail] = mailoutbox
    assert mail.to == [project_leader.email]
    assert "har godkänts av projektledningen" in mail.body
    assert "Ändringen är publicerad på webbplatsen." in mail.body
    assert "Kontrollerat med linjen" in mail.body


def test_a_new_help_number_is_public_only_after_approval(
    client, home, project_leader, colleague, organisations, django_capture_on_commit_callbacks
):
    heby = organisation("heby-kommun")
    client.force_login(project_leader)
    url = snippet_url(HelpNumber, "add")
    data = snippet_form(client, url)
    data["service"], data["organisation"], data["number"] = HelpNumber.Service.SOCIALJOUR, str(heby.pk), "0224-123 45"
    data["show_in_footer"] = "on"
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302 and not is_denied(response)
    number = HelpNumber.objects.get(number="0224-123 45")
    assert not number.live and number.workflow_in_progress
    assert "0224-123 45" not in public_html(home)

    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        snippet_workflow_action(client, number, "approve", comment="Ok")
    assert fresh(number).live
    assert "0224-123 45" in public_html(home)


def test_rejection_keeps_the_live_version(
    client, home, project_leader, colleague, mailoutbox, django_capture_on_commit_callbacks
):
    number = kvinnofridslinjen()
    client.force_login(project_leader)
    snippet_edit(client, number, action="submit", number=NEW_NUMBER)
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        snippet_workflow_action(client, number, "reject", comment="Fel nummer")
    number = fresh(number)
    assert number.live and number.number == OLD_NUMBER
    assert number.current_workflow_state.status == "needs_changes"
    assert NEW_NUMBER not in public_html(home)
    [mail] = mailoutbox
    assert mail.to == [project_leader.email] and "Fel nummer" in mail.body
    assert snippet_url(HelpNumber, "edit", number.pk) in mail.body


def test_spokesperson_change_goes_live_on_approval_and_drafts_never_show(
    client,
    press_room,
    police,
    spokesperson,
    project_leader,
    colleague,
    communicator_of,
    django_capture_on_commit_callbacks,
):
    client.force_login(project_leader)
    snippet_edit(client, spokesperson, action="submit", name="Karin Nypolis")
    Spokesperson.objects.create(organisation=police, name="Utkast Talesperson", title="Presschef", live=False)
    html = public_html(press_room)
    assert "Karin Polis" in html and "Karin Nypolis" not in html and "Utkast Talesperson" not in html

    # A communicator writing a press release can pick only published spokespersons.
    client.force_login(communicator_of(police))
    section = section_of(PressRoomPage, police)
    add_url = reverse("wagtailadmin_pages:add", args=("press", "pressreleasepage", section.pk))
    form = client.get(add_url).content.decode()
    assert "Karin Polis" in form and "Utkast Talesperson" not in form

    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        snippet_workflow_action(client, spokesperson, "approve")
    html = public_html(press_room)
    assert "Karin Nypolis" in html and "Karin Polis" not in html


# --- nobody but administrators publishes, unpublishes or deletes live ------------------------


def test_project_leaders_cannot_publish_directly(client, home, project_leader):
    number = kvinnofridslinjen()
    client.force_login(project_leader)
    edit_url = snippet_url(HelpNumber, "edit", number.pk)
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    before = snippet_snapshot(number)
    assert is_denied(snippet_edit(client, number, action="publish", number=NEW_NUMBER))
    assert snippet_snapshot(number) == before

    url = snippet_url(HelpNumber, "add")
    data = snippet_form(client, url)
    data["service"], data["number"], data["action-publish"] = HelpNumber.Service.NEXUS, "018-000 00 00", "1"
    assert is_denied(client.post(url, data))
    assert snippet_snapshot(number) == before
    assert NEW_NUMBER not in public_html(home)


def test_project_leaders_cannot_unpublish_or_delete_live_rows(client, project_leader, spokesperson):
    number = kvinnofridslinjen()
    client.force_login(project_leader)
    before = snippet_snapshot(number, spokesperson)
    for instance in (number, spokesperson):
        model = type(instance)
        for name in ("unpublish", "delete"):
            url = snippet_url(model, name, instance.pk)
            assert is_denied(client.get(url)), url
            assert is_denied(client.post(url)), url
        bulk = reverse("wagtail_bulk_action", args=(model._meta.app_label, model._meta.model_name, "delete"))
        assert is_denied(client.post(f"{bulk}?id={instance.pk}")), bulk
    assert snippet_snapshot(number, spokesperson) == before


def test_a_draft_that_was_never_live_can_be_deleted_by_a_project_leader(client, project_leader, police):
    draft = Spokesperson.objects.create(organisation=police, name="Utkast", title="Presschef", live=False)
    client.force_login(project_leader)
    response = client.post(snippet_url(Spokesperson, "delete", draft.pk))
    assert response.status_code == 302 and not is_denied(response)
    assert not Spokesperson.objects.filter(pk=draft.pk).exists()


def test_administrators_publish_unpublish_and_delete(client, home, admin, spokesperson):
    number = kvinnofridslinjen()
    client.force_login(admin)
    assert 'name="action-publish"' in client.get(snippet_url(HelpNumber, "edit", number.pk)).content.decode()
    snippet_edit(client, number, action="publish", number=NEW_NUMBER)
    assert fresh(number).number == NEW_NUMBER and NEW_NUMBER in public_html(home)
    client.post(snippet_url(HelpNumber, "unpublish", number.pk))
    assert not fresh(number).live and NEW_NUMBER not in public_html(home)
    client.post(snippet_url(Spokesperson, "delete", spokesperson.pk))
    assert not Spokesperson.objects.filter(pk=spokesperson.pk).exists()


# --- installation and migration ---------------------------------------------------------------


def test_public_snippets_use_the_approval_workflow_and_setup_stays_idempotent(db):
    call_command("setup_site")
    before = {**counts(), "workflow_content_types": WorkflowContentType.objects.count()}
    call_command("setup_site")
    setup_editorial()
    assert {**counts(), "workflow_content_types": WorkflowContentType.objects.count()} == before
    for model in (HelpNumber, Spokesperson):
        assignment = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(model))
        assert assignment.workflow.name == APPROVAL_WORKFLOW
    for number in HelpNumber.objects.all():
        assert number.live and number.live_revision_id == number.latest_revision_id is not None


def test_rows_from_before_the_rule_stay_live_with_a_first_revision(db, police):
    from django.apps import apps

    HelpNumber.objects.all().delete()
    old = HelpNumber.objects.create(service=HelpNumber.Service.NEXUS, number="018-727 00 00")
    person = Spokesperson.objects.create(organisation=police, name="Gammal Talesperson", title="Presschef")
    first_revisions("home", "helpnumber", "number")(apps, None)
    first_revisions("press", "spokesperson", "name")(apps, None)
    for instance in (fresh(old), fresh(person)):
        assert instance.live and instance.live_revision_id == instance.latest_revision_id
        assert instance.get_latest_revision_as_object().pk == instance.pk
    assert Revision.objects.get(pk=fresh(old).latest_revision_id).as_object().number == "018-727 00 00"
    first_revisions("home", "helpnumber", "number")(apps, None)
    assert Revision.objects.filter(object_id=str(old.pk), base_content_type__model="helpnumber").count() == 1


def test_news_sections_keep_their_page_workflow(db, police):
    # The snippet assignment is per model and leaves the page workflows alone.
    section = section_of(NewsIndexPage, police)
    assert section.get_workflow().name == APPROVAL_WORKFLOW
