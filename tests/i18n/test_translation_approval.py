"""A translation is a draft until Projektledning approves it: no localize or Wagtail route skips that."""

from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, WorkflowState

from home.models import AudiencePage
from tests.helpers.i18n import (
    approve,
    publish_log_count,
    state,
    submit_for_approval,
    submit_translation,
    translate_strings,
    translation_of,
)

ARABIC = {
    "Är du utsatt?": "هل تتعرض للعنف؟",
    "utsatt": "utsatt",
    "Du har rätt till stöd.": "لك الحق في الدعم.",
    "Vardagar 8–16": "أيام العمل 8–16",
}


def arabic_text(msgid):
    return ARABIC.get(msgid, msgid)


def create_live_arabic(client, translator, project_leader, swedish_page, arabic):
    client.force_login(translator)
    submit_translation(client, swedish_page, arabic)
    translation = translation_of(swedish_page, arabic)
    translate_strings(translation, arabic_text)
    submit_for_approval(client, translation)
    client.force_login(project_leader)
    approve(client, swedish_page.get_translation(arabic))
    client.logout()
    return translation, swedish_page.get_translation(arabic).specific


def test_translator_creates_arabic_translation_that_is_not_public(client, translator, swedish_page, arabic):
    client.force_login(translator)
    response = submit_translation(client, swedish_page, arabic)
    assert response.status_code == 302
    target = AudiencePage.objects.get(translation_key=swedish_page.translation_key, locale=arabic)
    assert not target.live
    assert PageLogEntry.objects.filter(page=target, action="wagtail.copy_for_translation").exists()
    assert publish_log_count(target) == 0
    client.logout()
    assert client.get("/ar/utsatt/").status_code == 404


def test_translator_cannot_publish_from_the_translation_editor(client, translator, swedish_page, arabic):
    client.force_login(translator)
    submit_translation(client, swedish_page, arabic)
    translation = translation_of(swedish_page, arabic)
    translate_strings(translation, arabic_text)
    target = swedish_page.get_translation(arabic)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[target.id]), {"action": "publish"})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[target.id])
    assert state(target)["live"] is False
    assert publish_log_count(target) == 0


def test_submit_for_approval_then_projektledning_approves(client, translator, project_leader, swedish_page, arabic):
    client.force_login(translator)
    submit_translation(client, swedish_page, arabic)
    translation = translation_of(swedish_page, arabic)
    translate_strings(translation, arabic_text)

    response = submit_for_approval(client, translation)
    assert response.status_code == 302
    target = Page.objects.get(translation_key=swedish_page.translation_key, locale=arabic).specific
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not target.live
    assert PageLogEntry.objects.filter(page=target, action="wagtail.workflow.start", user=translator).exists()
    client.logout()
    assert client.get("/ar/utsatt/").status_code == 404

    client.force_login(project_leader)
    assert approve(client, target).status_code == 302
    target.refresh_from_db()
    assert target.live
    assert PageLogEntry.objects.filter(page=target, action="wagtail.publish", user=project_leader).exists()
    assert not PageLogEntry.objects.filter(page=target, action__startswith="wagtail.publish", user=translator).exists()
    client.logout()
    response = client.get("/ar/utsatt/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "هل تتعرض للعنف؟" in html


def _update_swedish_source(page, project_leader):
    page = Page.objects.get(pk=page.pk).specific
    page.lead = "Du har alltid rätt till stöd."
    page.save_revision(user=project_leader).publish(user=project_leader)
    return page


def _new_arabic(msgid):
    return "النص الجديد" if msgid == "Du har alltid rätt till stöd." else arabic_text(msgid)


def test_syncing_an_updated_source_never_changes_the_live_arabic_page_until_approved(
    client, translator, project_leader, make_user, organisations, swedish_page, arabic
):
    translation, target = create_live_arabic(client, translator, project_leader, swedish_page, arabic)
    live_before = client.get("/ar/utsatt/").content.decode()
    assert "لك الحق في الدعم." in live_before
    _update_swedish_source(swedish_page, project_leader)
    update_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])

    communicator = make_user("kommunikator-nexus", [organisations[0].communicators_group_name])
    communicator.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    for user in (translator, communicator):
        for data in ({}, {"publish_translations": "on"}):
            before = state(target)
            client.force_login(user)
            response = client.post(update_url, data)
            assert response.status_code in (302, 403), (user, data)
            if data or user is communicator:
                # Publishing needs publish rights on every target; syncing needs edit rights on the source.
                assert response.status_code == 403, (user, data)
            assert state(target) == before, (user, data)
            client.logout()
            assert client.get("/ar/utsatt/").content.decode() == live_before

    # The translator translates the new string and submits: still the approved text in public.
    translation.source.refresh_from_db()
    translate_strings(translation, _new_arabic)
    client.force_login(translator)
    before = state(target)
    assert submit_for_approval(client, translation).status_code == 302
    assert state(target) == before
    client.logout()
    assert client.get("/ar/utsatt/").content.decode() == live_before

    client.force_login(project_leader)
    approve(client, target)
    client.logout()
    html = client.get("/ar/utsatt/").content.decode()
    assert "النص الجديد" in html
    assert PageLogEntry.objects.filter(page=target, action="wagtail.publish", user=project_leader).count() == 2


def test_rejected_translation_is_resubmitted_into_the_same_workflow(
    client, translator, project_leader, swedish_page, arabic
):
    client.force_login(translator)
    submit_translation(client, swedish_page, arabic)
    translation = translation_of(swedish_page, arabic)
    translate_strings(translation, arabic_text)
    submit_for_approval(client, translation)
    target = Page.objects.get(translation_key=swedish_page.translation_key, locale=arabic).specific
    workflow_state = target.current_workflow_state
    target.current_workflow_task_state.reject(user=project_leader, comment="Rubriken behöver ändras.")
    assert Page.objects.get(pk=target.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    assert submit_for_approval(client, translation).status_code == 302
    target = Page.objects.get(pk=target.pk).specific
    assert target.current_workflow_state.pk == workflow_state.pk
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not target.live
    # Submitting again while it waits changes nothing.
    revisions = target.revisions.count()
    assert submit_for_approval(client, translation).status_code == 302
    assert target.revisions.count() == revisions


def test_only_editors_of_the_target_may_submit_it(
    client, translator, communicator_of, organisations, swedish_page, arabic
):
    client.force_login(translator)
    submit_translation(client, swedish_page, arabic)
    translation = translation_of(swedish_page, arabic)
    client.force_login(communicator_of(organisations[1]))
    response = submit_for_approval(client, translation)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")
    target = swedish_page.get_translation(arabic)
    assert target.current_workflow_state is None
