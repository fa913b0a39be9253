"""The public snippets' admin doors, for every organisation pair and the translator.

Communicators of organisation A (against B's spokesperson, a draft one of B's included, and the
central help numbers) and the translator are refused on every snippet route: nothing changes,
and no name of B's spokespersons shows in any answer. A project leader opening the same doors is
the positive control.
"""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry, Workflow

from channels.models import Campaign
from home.models import CollaborationSentence, FAQEntry, HelpNumber, SiteNotice
from press.models import Spokesperson
from tests.helpers.admin import is_denied
from tests.helpers.snippets import snippet_edit_blind, snippet_snapshot, snippet_url
from workflows.editorial import APPROVAL_WORKFLOW, ORGANISATIONS
from workflows.models import Organisation
from workflows.snippets import publish_initial

SLUGS = [slug for slug, *_ in ORGANISATIONS]
PAIRS = [(a, SLUGS[(i + 1) % len(SLUGS)]) for i, a in enumerate(SLUGS)]
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def targets(org_b, leader):
    """B's live spokesperson under review, B's draft spokesperson and a help number under review."""
    live = publish_initial(Spokesperson.objects.create(organisation=org_b, name=f"Hemlig {org_b.slug}", title="Chef"))
    draft = Spokesperson.objects.create(organisation=org_b, name=f"Utkast {org_b.slug}", title="Chef", live=False)
    draft.save_revision()
    number = HelpNumber.objects.get(service=HelpNumber.Service.KVINNOFRIDSLINJEN)
    workflow = Workflow.objects.get(name=APPROVAL_WORKFLOW)
    for instance in (live, number):
        workflow.start(instance, leader)
    return live, draft, number


def attempts(client, instance):
    """Every snippet route against ``instance``: (what, response)."""
    model = type(instance)
    pk = instance.pk
    revision = instance.latest_revision_id
    task_state = instance.current_workflow_task_state
    yield "list", client.get(snippet_url(model, "list"))
    yield "add", client.get(snippet_url(model, "add"))
    yield "add post", client.post(snippet_url(model, "add"), {"name": "Ny", "number": "1", "action-publish": "1"})
    yield "edit", client.get(snippet_url(model, "edit", pk))
    for action in (None, "publish", "submit"):
        yield f"edit {action}", snippet_edit_blind(client, instance, action=action, name="Ändrad", number="000")
    for name in ("delete", "unpublish", "copy", "history", "usage", "workflow_history"):
        yield name, client.get(snippet_url(model, name, pk))
    for name in ("delete", "unpublish", "lock", "unlock"):
        yield f"{name} post", client.post(snippet_url(model, name, pk))
    yield "revert", client.get(snippet_url(model, "revisions_revert", pk, revision))
    compare = f"{snippet_url(model, 'history', pk)}revisions/compare/earliest...latest/"
    yield "compare", client.get(compare)
    bulk = reverse("wagtail_bulk_action", args=(model._meta.app_label, model._meta.model_name, "delete"))
    yield "bulk delete", client.post(f"{bulk}?id={pk}")
    if task_state is not None:
        for action in ("approve", "reject"):
            url = snippet_url(model, "workflow_action", pk, action, task_state.id)
            yield f"workflow {action}", client.post(url, {"comment": "x"}, **XHR)
            yield f"workflow {action} form", client.post(url, {"comment": "x"})
        yield "cancel", client.get(snippet_url(model, "confirm_workflow_cancellation", pk))
        edit = snippet_url(model, "edit", pk)
        data = {"action-workflow-action": "1", "workflow-action-name": "approve"}
        yield "approve on edit", client.post(edit, {**data, "workflow-action-extra-data": json.dumps({})})
        yield "cancel on edit", client.post(edit, {"action-cancel-workflow": "1"})


def assert_refused_everywhere(client, instances, secrets, draft_secret):
    before = snippet_snapshot(*instances)
    for instance in instances:
        for what, response in attempts(client, instance):
            # Bulk delete answers a refused selection by sending the user back (the snapshot
            # below shows nothing was deleted); every other route denies outright.
            refused = response.status_code == 302 if what == "bulk delete" else is_denied(response)
            assert refused, (type(instance).__name__, what, response.status_code)
            body = response.content.decode()
            for secret in secrets:
                assert secret not in body, (what, secret)
    for model in (Spokesperson, HelpNumber):
        chooser = reverse(f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:choose")
        response = client.get(chooser, **XHR)
        # The chooser lists published spokespersons (public on the press room), never drafts.
        assert response.status_code == 200
        assert draft_secret not in response.content.decode()
    assert snippet_snapshot(*instances) == before


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS, ids=[f"{a}-vs-{b}" for a, b in PAIRS])
def test_communicators_are_refused_on_every_snippet_route(client, communicator_of, project_leader, slug_a, slug_b):
    org_a, org_b = Organisation.objects.get(slug=slug_a), Organisation.objects.get(slug=slug_b)
    live, draft, number = targets(org_b, project_leader)
    client.force_login(communicator_of(org_a))
    assert_refused_everywhere(client, [live, draft, number], [live.name, draft.name], draft.name)


def test_the_translator_is_refused_on_every_snippet_route(client, translator, project_leader):
    live, draft, number = targets(Organisation.objects.get(slug="region-uppsala"), project_leader)
    client.force_login(translator)
    assert_refused_everywhere(client, [live, draft, number], [live.name, draft.name], draft.name)


def test_positive_control_a_project_leader_opens_the_same_doors(client, make_user, project_leader):
    live, draft, number = targets(Organisation.objects.get(slug="region-uppsala"), project_leader)
    client.force_login(make_user("samordnare", ["Projektledning"]))
    for instance in (live, draft, number):
        response = client.get(snippet_url(type(instance), "edit", instance.pk))
        assert response.status_code == 200
    assert live.name in client.get(snippet_url(Spokesperson, "list")).content.decode()


# --- the FAQ for responders and the collaboration sentence ----------------------------------------
# Every communicator reads and searches the FAQ (list, search, chooser); nobody but Projektledning
# changes it or the collaboration sentence, on any door. The translator reads neither.


def plan_targets(leader):
    """A live FAQ entry and the Swedish collaboration sentence, both under review; a draft entry."""
    live = publish_initial(
        FAQEntry.objects.create(
            question="Hemlig fråga?", answer="<p>Hemligt svar.</p>", topic="Stöd", audience="utsatta"
        )
    )
    draft = FAQEntry.objects.create(
        question="Utkastfråga?", answer="<p>Utkastsvar.</p>", topic="Stöd", audience="utsatta", live=False
    )
    draft.save_revision()
    sentence = CollaborationSentence.objects.get(locale__language_code="sv")
    workflow = Workflow.objects.get(name=APPROVAL_WORKFLOW)
    for instance in (live, sentence):
        workflow.start(instance, leader)
    return live, draft, sentence


def plan_write_attempts(client, instance):
    """Every route that would add, change, publish, lock, translate or delete ``instance``."""
    model = type(instance)
    pk = instance.pk
    fields = {"question": "Ändrad?", "answer": "<p>Ändrat.</p>", "text": "Ändrad mening."}
    yield "add", client.get(snippet_url(model, "add"))
    yield "add post", client.post(snippet_url(model, "add"), {**fields, "action-publish": "1"})
    for action in (None, "publish", "submit"):
        yield f"edit {action}", snippet_edit_blind(client, instance, action=action, **fields)
    for name in ("delete", "unpublish", "copy"):
        yield name, client.get(snippet_url(model, name, pk))
    for name in ("delete", "unpublish", "lock", "unlock"):
        yield f"{name} post", client.post(snippet_url(model, name, pk))
    yield "revert", client.get(snippet_url(model, "revisions_revert", pk, instance.latest_revision_id))
    bulk = reverse("wagtail_bulk_action", args=(model._meta.app_label, model._meta.model_name, "delete"))
    yield "bulk delete", client.post(f"{bulk}?id={pk}")
    localize = reverse(
        "wagtail_localize:submit_snippet_translation", args=(model._meta.app_label, model._meta.model_name, pk)
    )
    yield "localize submit", client.get(localize)
    yield "localize submit post", client.post(localize, {"locales": [Locale.objects.get(language_code="en").pk]})
    task_state = instance.current_workflow_task_state
    if task_state is not None:
        for action in ("approve", "reject"):
            url = snippet_url(model, "workflow_action", pk, action, task_state.id)
            yield f"workflow {action}", client.post(url, {"comment": "x"}, **XHR)
            yield f"workflow {action} form", client.post(url, {"comment": "x"})
        yield "cancel", client.get(snippet_url(model, "confirm_workflow_cancellation", pk))
        edit = snippet_url(model, "edit", pk)
        data = {"action-workflow-action": "1", "workflow-action-name": "approve"}
        yield "approve on edit", client.post(edit, {**data, "workflow-action-extra-data": json.dumps({})})
        yield "cancel on edit", client.post(edit, {"action-cancel-workflow": "1"})


def plan_read_doors(instance):
    model = type(instance)
    app, name = model._meta.app_label, model._meta.model_name
    return {
        "list": snippet_url(model, "list"),
        "edit view": snippet_url(model, "edit", instance.pk),
        # wagtail-localize's snippet API lists every row, drafts included: readers of the list only.
        "localize api": f"/admin/localize/api/snippets/{app}/{name}/",
        "localize api item": f"/admin/localize/api/snippets/{app}/{name}/{instance.pk}/",
    }


def assert_choosers_show_no_draft(client, draft_secret):
    """Any editor's chooser answers (it lists what pages already show publicly), never with a draft."""
    for model in (FAQEntry, CollaborationSentence):
        chooser = reverse(f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:choose")
        response = client.get(chooser, **XHR)
        assert response.status_code == 200
        assert draft_secret not in response.content.decode()


def assert_plan_writes_refused(client, instances, secrets):
    before = snippet_snapshot(*instances)
    for instance in instances:
        for what, response in plan_write_attempts(client, instance):
            refused = response.status_code == 302 if what == "bulk delete" else is_denied(response)
            assert refused, (type(instance).__name__, what, response.status_code)
            body = response.content.decode()
            for secret in secrets:
                assert secret not in body, (type(instance).__name__, what, secret)
    assert snippet_snapshot(*instances) == before
    assert not FAQEntry.objects.filter(locale__language_code="en").exists()


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS, ids=[f"{a}-vs-{b}" for a, b in PAIRS])
def test_communicators_are_refused_every_change_of_the_faq_and_the_collaboration_sentence(
    client, communicator_of, project_leader, slug_a, slug_b
):
    live, draft, sentence = plan_targets(project_leader)
    client.force_login(communicator_of(Organisation.objects.get(slug=slug_a)))
    assert_plan_writes_refused(client, [live, draft, sentence], [live.answer, draft.question, sentence.text])
    # Reading the FAQ is their right (the list they answer comments with); the sentence's admin is not.
    assert live.question in client.get(snippet_url(FAQEntry, "list")).content.decode()
    assert_choosers_show_no_draft(client, draft.question)
    for what, url in plan_read_doors(sentence).items():
        response = client.get(url, **XHR)
        assert response.status_code in (302, 403, 404), (what, response.status_code)
        assert sentence.text not in response.content.decode(), what


def test_the_translator_is_refused_the_faq_and_the_collaboration_sentence_on_every_door(
    client, translator, project_leader
):
    live, draft, sentence = plan_targets(project_leader)
    client.force_login(translator)
    secrets = [live.question, live.answer, draft.question, sentence.text]
    assert_plan_writes_refused(client, [live, draft, sentence], secrets)
    assert_choosers_show_no_draft(client, draft.question)
    for instance in (live, sentence):
        for what, url in plan_read_doors(instance).items():
            response = client.get(url, **XHR)
            assert response.status_code in (302, 403, 404), (type(instance).__name__, what, response.status_code)
            body = response.content.decode()
            for secret in secrets:
                assert secret not in body, (what, secret)


def test_positive_control_projektledning_edits_the_faq_and_the_sentence(client, make_user, project_leader):
    live, draft, sentence = plan_targets(project_leader)
    client.force_login(make_user("samordnare", ["Projektledning"]))
    for instance in (live, draft, sentence):
        assert client.get(snippet_url(type(instance), "edit", instance.pk)).status_code == 200
    assert draft.question in client.get(snippet_url(FAQEntry, "list")).content.decode()


# --- the site notice ---------------------------------------------------------------------------
# Shown on every public page: only Projektledning writes it, on every door; nobody else reads its
# drafts or its pending changes, the translator included.


def notice_targets(leader):
    """A live notice with a change awaiting approval, and a draft notice."""
    live = publish_initial(
        SiteNotice.objects.create(text="Telefonen är öppen som vanligt.", locale=Locale.get_default())
    )
    live.text = "Väntande ändring om stängd telefonlinje."
    live.save_revision(user=leader)
    Workflow.objects.get(name=APPROVAL_WORKFLOW).start(SiteNotice.objects.get(pk=live.pk), leader)
    draft = SiteNotice.objects.create(text="Utkast om julstängning.", locale=Locale.get_default(), live=False)
    draft.save_revision(user=leader)
    return SiteNotice.objects.get(pk=live.pk), SiteNotice.objects.get(pk=draft.pk)


NOTICE_SECRETS = ["Väntande ändring om stängd telefonlinje.", "Utkast om julstängning."]


def assert_notice_doors_closed(client, live, draft):
    assert_plan_writes_refused(client, [live, draft], NOTICE_SECRETS)
    for instance in (live, draft):
        for what, url in plan_read_doors(instance).items():
            response = client.get(url, **XHR)
            assert response.status_code in (302, 403, 404), (what, response.status_code)
            for secret in NOTICE_SECRETS:
                assert secret not in response.content.decode(), (what, secret)
    chooser = reverse("wagtailsnippetchoosers_home_sitenotice:choose")
    response = client.get(chooser, **XHR)
    assert all(secret not in response.content.decode() for secret in NOTICE_SECRETS)
    # Nothing changed on the public site either.
    html = client.get("/").content.decode()
    assert "Telefonen är öppen som vanligt." in html
    assert all(secret not in html for secret in NOTICE_SECRETS)


@pytest.mark.parametrize("slug", SLUGS[:3])
def test_communicators_are_refused_every_door_of_the_site_notice(client, communicator_of, project_leader, slug):
    live, draft = notice_targets(project_leader)
    client.force_login(communicator_of(Organisation.objects.get(slug=slug)))
    assert_notice_doors_closed(client, live, draft)


def test_the_translator_is_refused_every_door_of_the_site_notice(client, translator, project_leader):
    live, draft = notice_targets(project_leader)
    client.force_login(translator)
    assert_notice_doors_closed(client, live, draft)


def test_positive_control_projektledning_edits_the_site_notice(client, make_user, project_leader):
    live, draft = notice_targets(project_leader)
    client.force_login(make_user("samordnare", ["Projektledning"]))
    for instance in (live, draft):
        assert client.get(snippet_url(SiteNotice, "edit", instance.pk)).status_code == 200
    listing = client.get(snippet_url(SiteNotice, "list")).content.decode()
    assert "Utkast om julstängning." in listing


# --- the screens' campaigns --------------------------------------------------------------------
# Communicators write their own organisation's campaigns: they list, add and edit those, and no
# door shows or changes another organisation's (its live one with a change under review, or its
# draft): a guessed address answers 404, the list and the chooser leave them out, the form offers
# only their own organisation. The translator has no campaign door at all.

CAMPAIGN_SECRETS = ("Hemlig kampanj", "Hemlig bildtext", "Väntande kampanjtext", "Utkastkampanj")


def campaign_targets(org_b, leader):
    """B's live campaign with a change under review, and B's draft campaign."""
    from tests.helpers.campaigns import campaign_in

    live = campaign_in(org_b, texts=("Hemlig bildtext",), slug=f"live-{org_b.slug}", live=True)
    live.title = f"Hemlig kampanj {org_b.slug}"
    live.slides = [("slide", {**dict(live.slides[0].value), "text": "Väntande kampanjtext"})]
    live.save_revision(user=leader)
    Workflow.objects.get(name=APPROVAL_WORKFLOW).start(Campaign.objects.get(pk=live.pk), leader)
    draft = campaign_in(org_b, texts=("Utkastkampanj text",), slug=f"utkast-{org_b.slug}", live=False)
    Campaign.objects.filter(pk=draft.pk).update(title=f"Utkastkampanj {org_b.slug}")
    draft = Campaign.objects.get(pk=draft.pk)
    # The site history holds the draft's title, as an edit in the admin would leave it.
    ModelLogEntry.objects.log_action(draft, "wagtail.edit", user=leader)
    return Campaign.objects.get(pk=live.pk), draft


def campaign_object_attempts(client, instance):
    """Every snippet route that names ``instance`` by its primary key: (what, response)."""
    model, pk = Campaign, instance.pk
    yield "edit", client.get(snippet_url(model, "edit", pk))
    for action in (None, "publish", "submit"):
        data = {"title": "Ändrad", "slug": instance.slug, "organisation": instance.organisation_id}
        if action:
            data[f"action-{action}"] = "1"
        yield f"edit {action}", client.post(snippet_url(model, "edit", pk), data)
    for name in ("delete", "unpublish", "history", "usage", "workflow_history"):
        yield name, client.get(snippet_url(model, name, pk))
    for name in ("delete", "unpublish", "lock", "unlock"):
        yield f"{name} post", client.post(snippet_url(model, name, pk))
    yield "revert", client.get(snippet_url(model, "revisions_revert", pk, instance.latest_revision_id))
    yield "compare", client.get(f"{snippet_url(model, 'history', pk)}revisions/compare/earliest...latest/")
    chosen = reverse("wagtailsnippetchoosers_channels_campaign:chosen", args=(pk,))
    yield "chosen", client.get(chosen, **XHR)
    task_state = instance.current_workflow_task_state
    if task_state is not None:
        for action in ("approve", "reject"):
            url = snippet_url(model, "workflow_action", pk, action, task_state.id)
            yield f"workflow {action}", client.post(url, {"comment": "x"}, **XHR)
            yield f"workflow {action} form", client.post(url, {"comment": "x"})
            collect = snippet_url(model, "collect_workflow_action_data", pk, action, task_state.id)
            yield f"collect {action}", client.get(collect, **XHR)
        yield "cancel", client.get(snippet_url(model, "confirm_workflow_cancellation", pk))


def assert_campaign_doors_closed(client, instances, secrets):
    before = snippet_snapshot(*instances)
    for instance in instances:
        for what, response in campaign_object_attempts(client, instance):
            assert is_denied(response), (what, response.status_code)
            body = response.content.decode()
            for secret in secrets:
                assert secret not in body, (what, secret)
        bulk = reverse("wagtail_bulk_action", args=("channels", "campaign", "delete"))
        response = client.post(f"{bulk}?id={instance.pk}")
        assert response.status_code in (302, 403), response.status_code
    for what, url in {
        "list": snippet_url(Campaign, "list"),
        "list results": snippet_url(Campaign, "list_results"),
        "chooser": reverse("wagtailsnippetchoosers_channels_campaign:choose"),
        "chooser results": reverse("wagtailsnippetchoosers_channels_campaign:choose_results"),
        "chooser search": reverse("wagtailsnippetchoosers_channels_campaign:choose_results") + "?q=Hemlig",
    }.items():
        response = client.get(url, **XHR)
        assert response.status_code in (200, 302, 403, 404), (what, response.status_code)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        body = content.decode()
        for secret in secrets:
            assert secret not in body, (what, secret)
    assert snippet_snapshot(*instances) == before
    # Wagtail lists the log entries of every model one holds a right on: campaign titles too.
    # (After the snapshot: an export is itself recorded in the audit log.)
    for what, url in {
        "site history": "/admin/reports/site-history/",
        "site history results": "/admin/reports/site-history/results/",
        "site history csv": "/admin/reports/site-history/?export=csv",
        "site history search": "/admin/reports/site-history/?label=kampanj",
    }.items():
        response = client.get(url)
        assert response.status_code in (200, 302, 403), (what, response.status_code)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        for secret in secrets:
            assert secret not in content.decode(), (what, secret)
    # The screens show the approved version only, whatever was tried.
    live = instances[0]
    assert Client().get(f"/skarm/{live.slug}/").content.decode().count("Hemlig bildtext") == 1
    assert Client().get(f"/skarm/{instances[1].slug}/").status_code == 404


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS, ids=[f"{a}-vs-{b}" for a, b in PAIRS])
def test_communicators_never_see_or_change_another_organisations_campaigns(
    client, communicator_of, project_leader, slug_a, slug_b
):
    from tests.helpers.campaigns import admin_add_campaign, slide
    from tests.helpers.media import image_in

    org_a, org_b = Organisation.objects.get(slug=slug_a), Organisation.objects.get(slug=slug_b)
    live, draft = campaign_targets(org_b, project_leader)
    client.force_login(communicator_of(org_a))
    assert_campaign_doors_closed(client, [live, draft], [*CAMPAIGN_SECRETS, live.slug, draft.slug])
    # Their own door is open: the add form offers their organisation only.
    add = client.get(snippet_url(Campaign, "add"))
    assert add.status_code == 200
    options = re.findall(
        r'<option value="(\d+)"', add.content.decode().split('name="organisation"', 1)[1].split("</select>")[0]
    )
    assert options == [str(org_a.pk)]
    # Posting another organisation's id stores nothing.
    image = image_in(org_a)
    response = admin_add_campaign(client, org_b, [slide(image, "Under fel namn")], slug="fel-organisation")
    assert response.status_code == 200
    assert not Campaign.objects.filter(slug="fel-organisation").exists()
    response = admin_add_campaign(client, org_a, [slide(image, "Egen kampanj")], slug="egen")
    assert response.status_code == 302
    own = Campaign.objects.get(slug="egen")
    assert own.organisation == org_a
    assert own.live is False
    assert client.get(snippet_url(Campaign, "edit", own.pk)).status_code == 200
    assert "egen" in client.get(snippet_url(Campaign, "list")).content.decode()


def test_the_translator_has_no_campaign_door(client, translator, project_leader):
    live, draft = campaign_targets(Organisation.objects.get(slug="region-uppsala"), project_leader)
    client.force_login(translator)
    assert_campaign_doors_closed(client, [live, draft], CAMPAIGN_SECRETS)
    for url in (snippet_url(Campaign, "list"), snippet_url(Campaign, "add")):
        assert is_denied(client.get(url)), url


def test_an_author_cannot_approve_their_own_campaign(client, communicator_of, project_leader):
    region = Organisation.objects.get(slug="region-uppsala")
    live, _draft = campaign_targets(region, project_leader)
    client.force_login(project_leader)
    # The first request records the sign-in in the audit log; the snapshot starts after it.
    assert client.get(snippet_url(Campaign, "edit", live.pk)).status_code == 200
    task_state = live.current_workflow_task_state
    url = snippet_url(Campaign, "workflow_action", live.pk, "approve", task_state.id)
    before = snippet_snapshot(live)
    client.post(url, {"comment": "eget"}, **XHR)
    client.post(url, {"comment": "eget"})
    assert snippet_snapshot(live) == before
    assert "Väntande kampanjtext" not in Client().get(f"/skarm/{live.slug}/").content.decode()
    # The organisation's own communicator holds no approval either.
    client.force_login(communicator_of(region))
    assert is_denied(client.get(snippet_url(Campaign, "edit", live.pk))) is False
    before = snippet_snapshot(live)
    assert is_denied(client.post(url, {"comment": "x"}, **XHR))
    assert snippet_snapshot(live) == before


def test_positive_control_projektledning_sees_every_organisations_campaigns(client, make_user, project_leader):
    live, draft = campaign_targets(Organisation.objects.get(slug="region-uppsala"), project_leader)
    client.force_login(make_user("samordnare", ["Projektledning"]))
    for instance in (live, draft):
        assert client.get(snippet_url(Campaign, "edit", instance.pk)).status_code == 200
    listing = client.get(snippet_url(Campaign, "list")).content.decode()
    assert live.slug in listing
    assert draft.slug in listing
    assert draft.title in client.get("/admin/reports/site-history/").content.decode()
    url = snippet_url(Campaign, "workflow_action", live.pk, "approve", live.current_workflow_task_state.id)
    assert client.post(url, {"comment": "ok"}).status_code == 302
    assert "Väntande kampanjtext" in Client().get(f"/skarm/{live.slug}/").content.decode()
