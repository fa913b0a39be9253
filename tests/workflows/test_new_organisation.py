"""An organisation created in the admin gets everything at once; the command adds nothing after."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, WorkflowPage

from news.models import NewsIndexPage, NewsSectionPage
from press.models import PressSectionPage
from tests.factories import section_of
from tests.helpers.admin import admin_create, admin_edit, is_denied
from tests.helpers.counts import counts
from training.models import TrainingSectionPage
from workflows.editorial import APPROVAL_WORKFLOW, SHARED_COLLECTION, section_index_models
from workflows.models import Organisation


def create_in_admin(client):
    return client.post(
        reverse("wagtailsnippets_workflows_organisation:add"),
        {
            "name": "Sala kommun",
            "short_name": "Sala",
            "slug": "sala-kommun",
            "kind": "kommun",
            "website": "https://www.sala.se/",
            "logo": "",
            "in_communicators_network": "on",
            "sort_order": "200",
        },
    )


def test_new_organisation_in_the_admin_gets_everything(client, make_user, communicator_of, project_leader):
    client.force_login(make_user("admin", superuser=True))
    response = create_in_admin(client)
    assert response.status_code == 302
    sala = Organisation.objects.get(slug="sala-kommun")

    communicators = Group.objects.get(name="Sala kommun – kommunikatörer")
    reviewers = Group.objects.get(name="Sala kommun – granskare")
    assert not reviewers.user_set.exists()
    for group in (communicators, reviewers):
        assert group.permissions.filter(codename="access_admin").exists()

    # A section under every index in every locale tree that has it, with rights and workflow.
    expected = sum(model.objects.count() for model in section_index_models())
    sections = [
        s
        for model in (NewsSectionPage, TrainingSectionPage, PressSectionPage)
        for s in model.objects.filter(organisation=sala)
    ]
    assert len(sections) == expected and expected >= 9
    for section in sections:
        assert section.live and section.slug == "sala-kommun" and section.title == "Sala kommun"
        assert set(
            GroupPagePermission.objects.filter(group=communicators, page=section).values_list(
                "permission__codename", flat=True
            )
        ) == {"add_page", "change_page", "lock_page"}
        assert WorkflowPage.objects.get(page=section).workflow.name == APPROVAL_WORKFLOW
    assert not GroupPagePermission.objects.filter(group=communicators, permission__codename="publish_page").exists()
    sv = NewsSectionPage.objects.get(organisation=sala, locale__language_code="sv")
    en = NewsSectionPage.objects.get(organisation=sala, locale__language_code="en")
    assert sv.translation_key == en.translation_key

    collection = Collection.objects.get(name="Sala kommun")
    assert set(
        GroupCollectionPermission.objects.filter(group=communicators, collection=collection).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"}
    shared = Collection.objects.get(name=SHARED_COLLECTION)
    assert set(
        GroupCollectionPermission.objects.filter(group=communicators, collection=shared).values_list(
            "permission__codename", flat=True
        )
    ) == {"choose_image", "choose_document"}

    # And it works: Sala's communicator drafts and submits; it cannot touch Heby.
    author = communicator_of(sala)
    client.force_login(author)
    section = section_of(NewsIndexPage, sala)
    admin_create(client, section, title="Första nyheten från Sala")
    page = Page.objects.get(slug="första-nyheten-från-sala")
    admin_edit(client, page, action="submit")
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress" and not page.live
    heby = section_of(NewsIndexPage, Organisation.objects.get(slug="heby-kommun"))
    assert is_denied(client.get(reverse("wagtailadmin_pages:add", args=("news", "newspage", heby.id))))

    # Re-running the set-up command changes nothing.
    before = counts()
    call_command("setup_site")
    assert counts() == before


def test_non_superusers_cannot_create_organisations(client, project_leader):
    client.force_login(project_leader)
    before = Organisation.objects.count()
    assert is_denied(create_in_admin(client))
    assert Organisation.objects.count() == before
