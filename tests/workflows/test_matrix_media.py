"""The organisation boundary for images and documents, over every organisation pair.

For each pair (A, B) A's communicator, and for every organisation the translator, tries B's
media through every media door of the admin: edit, delete (view, multiple uploader, bulk), the
admin API listings and details, the image and document choosers, and the download of B's
embargoed report. Everything is refused or empty, nothing changes and no title or file name of
B's leaks. A's own media are listed, choosable and (a draft's document) downloadable.
"""

import pytest
from django.urls import reverse

from tests.helpers.admin import is_denied
from tests.helpers.media import document_in, embargoed_release_with, image_in, media_state, news_using
from tests.workflows.test_permission_matrix import PAIRS
from workflows.models import Organisation


def media_of(org, project_leader):
    """B's media: a live page's image and fact sheet, and the embargoed release's report."""
    image = image_in(org, title=f"Bild från {org.short_name} i bruk")
    fact_sheet = document_in(org, title=f"Faktablad från {org.short_name}", name="faktablad.pdf")
    news_using(org, image=image, document=fact_sheet, title=f"Nyhet från {org.short_name}")
    report = document_in(org, title=f"Rapport från {org.short_name} under embargo", name="embargorapport.pdf")
    embargoed_release_with(report, org, project_leader, title=f"Pressmeddelande från {org.short_name}")
    return image, fact_sheet, report


def doors(client, image, documents):
    """Every media door, against ``image`` and ``documents``; name -> response."""
    bulk = "wagtail_bulk_action"
    responses = {
        "image edit": client.get(reverse("wagtailimages:edit", args=(image.id,))),
        "image edit post": client.post(
            reverse("wagtailimages:edit", args=(image.id,)),
            {"title": "Kapad bild", "credit": "Kapad", "collection": image.collection_id, "tags": ""},
        ),
        "image delete": client.post(reverse("wagtailimages:delete", args=(image.id,))),
        "image delete multiple": client.post(reverse("wagtailimages:delete_multiple", args=(image.id,))),
        "image bulk delete": client.post(reverse(bulk, args=("home", "nexusimage", "delete")) + f"?id={image.id}"),
        "image usage": client.get(reverse("wagtailimages:image_usage", args=(image.id,))),
        "images api": client.get("/admin/api/main/images/"),
        "image api detail": client.get(f"/admin/api/main/images/{image.id}/"),
        "image chooser": client.get(reverse("wagtailimages_chooser:choose")),
        "image chooser search": client.get(
            reverse("wagtailimages_chooser:choose_results"), {"q": image.title.split()[2]}
        ),
        "image chosen": client.get(reverse("wagtailimages_chooser:chosen", args=(image.id,))),
        "image chosen multiple": client.get(reverse("wagtailimages_chooser:chosen_multiple"), {"id": image.id}),
        "documents api": client.get("/admin/api/main/documents/"),
        "document chooser": client.get(reverse("wagtaildocs_chooser:choose")),
    }
    for document in documents:
        key = document.file.name
        responses |= {
            f"document edit {key}": client.get(reverse("wagtaildocs:edit", args=(document.id,))),
            f"document edit post {key}": client.post(
                reverse("wagtaildocs:edit", args=(document.id,)),
                {"title": "Kapat dokument", "collection": document.collection_id, "tags": ""},
            ),
            f"document delete {key}": client.post(reverse("wagtaildocs:delete", args=(document.id,))),
            f"document delete multiple {key}": client.post(reverse("wagtaildocs:delete_multiple", args=(document.id,))),
            f"document bulk delete {key}": client.post(
                reverse(bulk, args=("wagtaildocs", "document", "delete")) + f"?id={document.id}"
            ),
            f"document api detail {key}": client.get(f"/admin/api/main/documents/{document.id}/"),
            f"document chooser search {key}": client.get(
                reverse("wagtaildocs_chooser:choose_results"), {"q": document.title.split()[2]}
            ),
            f"document chosen {key}": client.get(reverse("wagtaildocs_chooser:chosen", args=(document.id,))),
            f"document chosen multiple {key}": client.get(
                reverse("wagtaildocs_chooser:chosen_multiple"), {"id": document.id}
            ),
        }
    return responses


# Listings answer 200 with nothing of B's in them (an empty "chosen" result included).
LISTINGS = (
    "images api",
    "image chooser",
    "image chooser search",
    "image chosen multiple",
    "documents api",
    "document chooser",
    "document chooser search",
    "document chosen multiple",
)
# Refused deletions of media in live use go back to the media index with a message; a bulk
# action over objects the user may not touch goes back to itself. media_state() proves nothing
# was deleted.
MEDIA_INDEXES = {reverse("wagtailimages:index"), reverse("wagtaildocs:index")}


def refused(name, response):
    if is_denied(response):
        return True
    if response.status_code != 302:
        return False
    return response.url in MEDIA_INDEXES or ("bulk delete" in name and response.url.startswith("/admin/bulk/"))


def assert_refused_and_nothing_leaked(client, org_b, project_leader):
    image, fact_sheet, report = media_of(org_b, project_leader)
    before = media_state()
    responses = doors(client, image, [fact_sheet, report])
    allowed = {
        name: r.status_code for name, r in responses.items() if not name.startswith(LISTINGS) and not refused(name, r)
    }
    assert allowed == {}
    secrets = [image.title, fact_sheet.title, report.title, image.file.name, fact_sheet.file.name, report.file.name]
    leaks = {name: s for name, r in responses.items() for s in secrets if s in r.content.decode()}
    assert leaks == {}
    assert media_state() == before
    # The report of the embargoed release: served to nobody outside Projektledning.
    assert client.get(report.url).status_code == 404
    return image, fact_sheet, report


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS, ids=[f"{a}-vs-{b}" for a, b in PAIRS])
def test_media_doors_refuse_other_organisations(client, communicator_of, project_leader, slug_a, slug_b):
    org_a, org_b = Organisation.objects.get(slug=slug_a), Organisation.objects.get(slug=slug_b)
    client.force_login(communicator_of(org_a))
    assert_refused_and_nothing_leaked(client, org_b, project_leader)

    # Positive control: A's own uploads are listed, choosable, and a draft's document downloads.
    own_image = image_in(org_a, title=f"Egen bild {org_a.short_name}")
    own_document = document_in(org_a, title=f"Eget underlag {org_a.short_name}", name="underlag.pdf")
    news_using(org_a, document=own_document, publish=False, title="Eget utkast")
    assert own_image.title in client.get("/admin/api/main/images/").content.decode()
    assert own_document.title in client.get("/admin/api/main/documents/").content.decode()
    chooser = client.get(reverse("wagtailimages_chooser:choose_results"), {"q": own_image.title})
    assert own_image.title in chooser.content.decode()
    assert client.get(reverse("wagtaildocs_chooser:chosen", args=(own_document.id,))).status_code == 200
    assert client.get(own_document.url).status_code == 200


def test_media_doors_refuse_the_translator(client, translator, project_leader, organisations):
    client.force_login(translator)
    for org in organisations:
        assert_refused_and_nothing_leaked(client, org, project_leader)


def test_embargoed_report_reaches_projektledning_and_administrators_only(
    client, communicator_of, project_leader, make_user, organisations
):
    admin = make_user("administrator", superuser=True)
    for org in organisations:
        _image, fact_sheet, report = media_of(org, project_leader)
        client.force_login(communicator_of(org))
        assert client.get(report.url).status_code == 404  # not even the own organisation
        assert client.get(fact_sheet.url).status_code == 200  # a live page links it: public
        for user in (project_leader, admin):
            client.force_login(user)
            assert client.get(report.url).status_code == 200
        client.logout()
        assert client.get(report.url).status_code == 404
