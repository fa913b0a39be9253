"""Media under the one publishing rule, and other organisations' drafts kept out of sight.

- What a live page shows of an image or a document (the file, the public text) changes only
  through Projektledning; a communicator uploads a new one and uses it in a new revision.
- Documents used only by unpublished pages are not served to other organisations; embargoed
  ones only to Projektledning and administrators.
- Other organisations' draft titles do not show in the explorer or the page chooser.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from news.models import NewsIndexPage
from tests.factories import organisation, section_of
from tests.helpers.admin import is_denied
from tests.helpers.media import document_in, embargoed_release_with, image_in
from tests.helpers.media import news_using as live_news_using

MEDIA_REFUSED = "används på en publicerad sida"


def image_form(image, **changes):
    data = {
        "title": image.title,
        "description": image.description,
        "credit": image.credit,
        "licence": image.licence,
        "caption": image.caption,
        "collection": image.collection_id,
        "tags": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def police():
    return organisation("polismyndigheten")


# --- defect 2: live media change only through Projektledning --------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Ny titel"},
        {"credit": "Foto: Någon annan"},
        {"caption": "Ny bildtext"},
        {"licence": "Fri användning"},
        {"description": "Ny alt-text"},
    ],
    ids=lambda c: next(iter(c)),
)
def test_communicator_cannot_change_public_text_of_an_image_a_live_page_shows(client, communicator_of, police, changes):
    image = image_in(police)
    live_news_using(police, image=image)
    client.force_login(communicator_of(police))
    response = client.post(reverse("wagtailimages:edit", args=(image.id,)), image_form(image, **changes))
    assert response.status_code == 200
    assert MEDIA_REFUSED in response.content.decode()
    fresh = get_image_model().objects.get(pk=image.pk)
    for field in changes:
        assert getattr(fresh, field) == getattr(image, field)


def test_communicator_cannot_replace_the_file_of_a_live_image(client, communicator_of, police):
    image = image_in(police)
    live_news_using(police, image=image)
    client.force_login(communicator_of(police))
    data = image_form(image, file=get_test_image_file(filename="ny.png", size=(9, 9)))
    response = client.post(reverse("wagtailimages:edit", args=(image.id,)), data)
    assert response.status_code == 200 and MEDIA_REFUSED in response.content.decode()
    assert get_image_model().objects.get(pk=image.pk).file.name == image.file.name


def test_communicator_cannot_replace_the_file_of_a_linked_document(client, communicator_of, police):
    document = document_in(police)
    live_news_using(police, document=document)
    client.force_login(communicator_of(police))
    response = client.post(
        reverse("wagtaildocs:edit", args=(document.id,)),
        {
            "title": document.title,
            "collection": document.collection_id,
            "tags": "",
            "file": ContentFile(b"%PDF-1.4 utbytt", name="utbytt.pdf"),
        },
    )
    assert response.status_code == 200 and MEDIA_REFUSED in response.content.decode()
    fresh = get_document_model().objects.get(pk=document.pk)
    assert fresh.file.name == document.file.name
    assert fresh.file.read() == b"%PDF-1.4 faktablad"


def test_communicator_cannot_delete_media_a_live_page_uses(client, communicator_of, police):
    image, document = image_in(police), document_in(police)
    live_news_using(police, image=image, document=document)
    client.force_login(communicator_of(police))
    for url in (
        reverse("wagtailimages:delete", args=(image.id,)),
        reverse("wagtaildocs:delete", args=(document.id,)),
        reverse("wagtailimages:delete_multiple", args=(image.id,)),
        reverse("wagtaildocs:delete_multiple", args=(document.id,)),
        reverse("wagtail_bulk_action", args=("home", "nexusimage", "delete")) + f"?id={image.id}",
        reverse("wagtail_bulk_action", args=("wagtaildocs", "document", "delete")) + f"?id={document.id}",
    ):
        response = client.post(url)
        assert response.status_code in (302, 400, 403, 404), url
    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert get_document_model().objects.filter(pk=document.pk).exists()


def test_communicator_changes_media_only_drafts_use_and_uses_a_new_upload(client, communicator_of, police):
    """Media of drafts stay editable; tags (not shown publicly) stay editable on live media."""
    draft_image = image_in(police, title="Utkastbild")
    live_news_using(police, image=draft_image, publish=False)
    image = image_in(police)
    live_news_using(police, image=image, title="Publicerad")
    client.force_login(communicator_of(police))

    response = client.post(
        reverse("wagtailimages:edit", args=(draft_image.id,)), image_form(draft_image, title="Ny utkasttitel")
    )
    assert response.status_code == 302 and not is_denied(response)
    assert get_image_model().objects.get(pk=draft_image.pk).title == "Ny utkasttitel"

    response = client.post(reverse("wagtailimages:edit", args=(image.id,)), image_form(image, tags="polis"))
    assert response.status_code == 302 and not is_denied(response)
    assert list(get_image_model().objects.get(pk=image.pk).tags.names()) == ["polis"]

    response = client.post(reverse("wagtailimages:delete", args=(draft_image.id,)))
    assert response.status_code == 302
    assert not get_image_model().objects.filter(pk=draft_image.pk).exists()


def test_project_leader_may_change_and_delete_live_media(client, project_leader, police):
    image, document = image_in(police), document_in(police)
    live_news_using(police, image=image, document=document)
    client.force_login(project_leader)
    response = client.post(reverse("wagtailimages:edit", args=(image.id,)), image_form(image, credit="Foto: Ny"))
    assert response.status_code == 302 and not is_denied(response)
    assert get_image_model().objects.get(pk=image.pk).credit == "Foto: Ny"
    response = client.post(reverse("wagtaildocs:delete", args=(document.id,)))
    assert response.status_code == 302
    assert not get_document_model().objects.filter(pk=document.pk).exists()


# --- defect 5: embargoed documents -----------------------------------------------------------


def test_other_organisations_do_not_list_or_download_an_embargoed_document(
    client, communicator_of, project_leader, police
):
    document = document_in(police, title="Rapport under embargo", name="rapport.pdf")
    embargoed_release_with(document, police, project_leader)
    other = communicator_of(organisation("region-uppsala"))
    client.force_login(other)
    listing = client.get("/admin/api/main/documents/")
    assert listing.status_code == 200
    assert "Rapport under embargo" not in listing.content.decode()
    assert client.get(f"/admin/api/main/documents/{document.pk}/").status_code == 404
    assert client.get(document.url).status_code == 404


def test_embargoed_document_is_served_only_to_project_leaders_and_administrators(
    client, communicator_of, project_leader, make_user, police
):
    document = document_in(police, title="Rapport under embargo", name="rapport.pdf")
    embargoed_release_with(document, police, project_leader)
    client.force_login(communicator_of(police))
    assert client.get(document.url).status_code == 404
    for user in (project_leader, make_user("admin", superuser=True)):
        client.force_login(user)
        assert client.get(document.url).status_code == 200


def test_document_of_a_draft_is_served_to_its_own_organisation_only(client, communicator_of, police):
    document = document_in(police, title="Utkastbilaga", name="utkast.pdf")
    live_news_using(police, document=document, publish=False)
    client.force_login(communicator_of(police))
    assert client.get(document.url).status_code == 200
    client.force_login(communicator_of(organisation("region-uppsala")))
    assert client.get(document.url).status_code == 404
    client.logout()
    assert client.get(document.url).status_code == 404


def test_admin_image_api_lists_only_usable_collections(client, communicator_of, police):
    image_in(police, title="Polisens bild")
    client.force_login(communicator_of(organisation("region-uppsala")))
    listing = client.get("/admin/api/main/images/")
    assert listing.status_code == 200
    assert "Polisens bild" not in listing.content.decode()
    client.force_login(communicator_of(police))
    assert "Polisens bild" in client.get("/admin/api/main/images/").content.decode()


# --- defect 6: draft titles in the explorer and the page chooser ----------------------------


def test_other_organisations_draft_titles_do_not_show_in_explorer_or_chooser(client, communicator_of, police):
    draft = live_news_using(police, publish=False, title="Hemligt polisutkast")
    client.force_login(communicator_of(organisation("region-uppsala")))
    section = section_of(NewsIndexPage, police)
    urls = [
        reverse("wagtailadmin_explore", args=(draft.id,)),
        reverse("wagtailadmin_choose_page_child", args=(draft.id,)),
        reverse("wagtailadmin_explore", args=(section.id,)),
        reverse("wagtailadmin_choose_page_child", args=(section.id,)),
        reverse("wagtailadmin_choose_page_search") + "?q=polisutkast",
        reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={draft.id}",
        f"/admin/api/main/pages/{draft.id}/",
        "/admin/api/main/pages/?search=polisutkast",
    ]
    leaked = {url: r.status_code for url in urls if "Hemligt polisutkast" in (r := client.get(url)).content.decode()}
    assert leaked == {}
    client.force_login(communicator_of(police))
    assert "Hemligt polisutkast" in client.get(reverse("wagtailadmin_explore", args=(section.id,))).content.decode()
