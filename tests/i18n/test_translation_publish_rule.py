"""Nobody publishes a translation through wagtail-localize's own publish routes.

Projektledning holds publish rights on every locale tree (its approval publishes as the
approver), and wagtail-localize lets anyone with those rights publish a translation at once: the
"publish" of the update-translations view, the translation editor's "publish" action and
"convert to alias" (an alias shows the source's live content at once). None asks for the reason
an administrator's publish outside the workflow must carry. Here a Projektledning member, a
translator and an administrator try each of them against localize's real views; nothing changes,
and the translation still goes draft → workflow → another person's approval.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from tests.helpers.i18n import (
    approve,
    state,
    submit_for_approval,
    submit_translation,
    translate_strings,
    translation_of,
)
from tests.i18n.test_translation_approval import _new_arabic, _update_swedish_source, arabic_text, create_live_arabic


@pytest.fixture
def second_leader(make_user):
    from workflows.editorial import PROJECT_LEADERS_GROUP

    return make_user("projektledare-2", [PROJECT_LEADERS_GROUP])


@pytest.fixture(params=["project_leader", "translator", "administrator"])
def non_administrator(request, make_user, project_leader, translator):
    """Everyone who could press one of localize's publish buttons. Administrators too: those
    routes ask for no reason, and a publish outside the workflow needs one in the audit log
    (administrators stop the synced translation and publish from the page editor with it)."""
    if request.param == "administrator":
        return make_user("admin", superuser=True)
    return {"project_leader": project_leader, "translator": translator}[request.param]


def draft_arabic(client, translator, swedish_page, arabic):
    client.force_login(translator)
    submit_translation(client, swedish_page, arabic)
    translation = translation_of(swedish_page, arabic)
    translate_strings(translation, arabic_text)
    client.logout()
    return translation, swedish_page.get_translation(arabic).specific


def public(client, url):
    client.logout()
    response = client.get(url)
    return response.status_code, response.content.decode()


def assert_editor_refused(response, target):
    """The translation editor answers the refusal on itself, with the reason, not localize's success."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.id])
    assert response.status_code == 302
    assert response.url == edit_url
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Skicka översättningen för godkännande" in text for text in texts), texts
    assert not any("Published" in text or "Publicerade" in text for text in texts), texts


def test_nobody_publishes_a_draft_translation_by_syncing(
    client, non_administrator, translator, swedish_page, arabic, django_capture_on_commit_callbacks
):
    translation, target = draft_arabic(client, translator, swedish_page, arabic)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    before = state(target)
    client.force_login(non_administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 403
    assert state(target) == before
    assert before["live"] is False
    assert public(client, "/ar/utsatt/")[0] == 404


def test_projektledning_syncs_a_live_translation_without_publishing_it(
    client, translator, project_leader, swedish_page, arabic, django_capture_on_commit_callbacks
):
    translation, target = create_live_arabic(client, translator, project_leader, swedish_page, arabic)
    _update_swedish_source(swedish_page, project_leader)
    translate_strings(translation, _new_arabic)
    live_before = public(client, "/ar/utsatt/")
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    client.force_login(project_leader)
    before = state(target)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 403
    assert state(target) == before
    assert public(client, "/ar/utsatt/") == live_before
    # Syncing alone stays open to Projektledning and changes nothing public.
    client.force_login(project_leader)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {}).status_code == 302
    assert state(target) == before
    assert public(client, "/ar/utsatt/") == live_before


def test_nobody_publishes_from_the_translation_editor(
    client, non_administrator, translator, swedish_page, arabic, django_capture_on_commit_callbacks
):
    translation, target = draft_arabic(client, translator, swedish_page, arabic)
    before = state(target)
    client.force_login(non_administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[target.id]), {"action": "publish"})
    assert_editor_refused(response, target)
    assert state(target) == before
    assert Page.objects.get(pk=target.pk).revisions.count() == target.revisions.count()
    assert public(client, "/ar/utsatt/")[0] == 404


def test_projektledning_cannot_publish_new_strings_of_a_live_translation_from_the_editor(
    client, translator, project_leader, swedish_page, arabic, django_capture_on_commit_callbacks
):
    translation, target = create_live_arabic(client, translator, project_leader, swedish_page, arabic)
    _update_swedish_source(swedish_page, project_leader)
    client.force_login(project_leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtail_localize:update_translations", args=[translation.source_id]), {})
    translate_strings(translation, _new_arabic)
    live_before = public(client, "/ar/utsatt/")
    before = state(target)
    client.force_login(project_leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[target.id]), {"action": "publish"})
    assert_editor_refused(response, target)
    assert state(target) == before
    assert public(client, "/ar/utsatt/") == live_before
    assert "النص الجديد" not in live_before[1]


def test_nobody_converts_a_translation_into_a_live_alias(client, non_administrator, translator, swedish_page, arabic):
    translation, target = draft_arabic(client, translator, swedish_page, arabic)
    before = state(target)
    client.force_login(non_administrator)
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[target.id]))
    assert response.status_code == 403
    target = Page.objects.get(pk=target.pk)
    assert target.alias_of_id is None
    assert state(target) == before
    assert public(client, "/ar/utsatt/")[0] == 404


def test_projektledning_translation_goes_to_another_leader_for_approval(
    client, project_leader, second_leader, swedish_page, arabic
):
    """Projektledning's own translation: draft → workflow → the other leader's approval."""
    translation, target = draft_arabic(client, project_leader, swedish_page, arabic)
    client.force_login(project_leader)
    assert submit_for_approval(client, translation).status_code == 302
    target = Page.objects.get(pk=target.pk).specific
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not target.live
    # The author's own approval is refused …
    before = state(target)
    approve(client, target)
    assert state(target) == before
    # … the other leader's publishes.
    client.force_login(second_leader)
    assert approve(client, target).status_code == 302
    assert state(target)["live"] is True
    assert public(client, "/ar/utsatt/")[0] == 200
