"""The organisation boundary, generated over every organisation.

Each organisation A is tested through the real admin views against the next organisation B in
the list (so every organisation is both A and B once): A's communicator can create, edit,
preview and submit in A's section, and every attempt on B's pages, images and documents is
refused with nothing changed. A cheaper full A×B loop over the permission API covers every pair
in every locale tree.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, Page

from news.models import NewsIndexPage, NewsPage, NewsSectionPage
from press.models import PressSectionPage
from tests.factories import add_page, section_of
from tests.helpers.admin import XHR, admin_create, admin_edit, admin_edit_blind, edit_form, is_denied, snapshot
from training.models import TrainingSectionPage
from workflows.editorial import ORGANISATIONS
from workflows.models import Organisation

SLUGS = [slug for slug, *_ in ORGANISATIONS]
PAIRS = [(a, SLUGS[(i + 1) % len(SLUGS)]) for i, a in enumerate(SLUGS)]


def collection_of(organisation):
    return Collection.objects.get(name=organisation.name)


def media_in(organisation):
    image = get_image_model().objects.create(
        title=f"Bild från {organisation.short_name}",
        file=get_test_image_file(size=(8, 8)),
        collection=collection_of(organisation),
    )
    document = get_document_model().objects.create(
        title=f"Dokument från {organisation.short_name}",
        file=ContentFile(b"hemligt", name="dokument.txt"),
        collection=collection_of(organisation),
    )
    return image, document


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS, ids=[f"{a}-vs-{b}" for a, b in PAIRS])
def test_communicator_works_in_own_section_and_is_refused_in_others(client, communicator_of, slug_a, slug_b):
    org_a, org_b = Organisation.objects.get(slug=slug_a), Organisation.objects.get(slug=slug_b)
    user = communicator_of(org_a)
    client.force_login(user)
    section_a, section_b = section_of(NewsIndexPage, org_a), section_of(NewsIndexPage, org_b)

    # --- A's own section: create, edit, preview, submit -------------------------------------
    response = admin_create(client, section_a, title="Eget utkast")
    assert response.status_code == 302 and not is_denied(response)
    own = NewsPage.objects.child_of(section_a).get(slug="eget-utkast")
    assert own.owner == user and not own.live

    edit_url = reverse("wagtailadmin_pages:edit", args=(own.id,))
    data = edit_form(client, edit_url)
    data["title"] = "Eget utkast, redigerat"
    response = client.post(edit_url, data)
    assert response.status_code == 302 and not is_denied(response)
    own.refresh_from_db()
    assert own.get_latest_revision_as_object().title == "Eget utkast, redigerat"

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(own.id,))
    data["title"] = "Förhandsvisad rubrik"
    assert client.post(preview_url, data).json()["is_valid"] is True
    preview = client.get(preview_url)
    assert preview.status_code == 200 and "Förhandsvisad rubrik" in preview.content.decode()

    response = admin_edit(client, own, action="submit")
    assert response.status_code == 302 and not is_denied(response)
    own.refresh_from_db()
    assert own.current_workflow_state.status == "in_progress" and not own.live

    image_a, document_a = media_in(org_a)
    response = client.post(
        reverse("wagtailimages:edit", args=(image_a.id,)),
        {"title": "Ny bildtitel", "collection": image_a.collection_id, "tags": ""},
    )
    assert response.status_code == 302 and not is_denied(response)
    image_a.refresh_from_db()
    assert image_a.title == "Ny bildtitel"

    # --- B's section: every attempt refused, nothing changed ---------------------------------
    live_b = add_page(section_b, NewsPage, f"Publicerat av {org_b.short_name}")
    live_b.title = "B:s opublicerade ändring"
    live_b.save_revision(user=None)
    draft_b = add_page(section_b, NewsPage, f"Utkast av {org_b.short_name}", publish=False)
    image_b, document_b = media_in(org_b)
    before = snapshot(live_b, draft_b, own)
    revision_ids = list(live_b.revisions.order_by("id").values_list("id", flat=True))

    attempts = {
        "edit view": client.get(reverse("wagtailadmin_pages:edit", args=(draft_b.id,))),
        "edit post": admin_edit_blind(client, draft_b, title="Kapad"),
        "submit": admin_edit_blind(client, draft_b, action="submit"),
        "delete": client.post(reverse("wagtailadmin_pages:delete", args=(draft_b.id,))),
        "delete live": client.post(reverse("wagtailadmin_pages:delete", args=(live_b.id,))),
        "move out": client.post(reverse("wagtailadmin_pages:move_confirm", args=(live_b.id, section_a.id))),
        "move in": client.post(reverse("wagtailadmin_pages:move_confirm", args=(own.id, section_b.id))),
        "unpublish": client.post(reverse("wagtailadmin_pages:unpublish", args=(live_b.id,))),
        "lock": client.post(reverse("wagtailadmin_pages:lock", args=(draft_b.id,))),
        "lock xhr": client.post(reverse("wagtailadmin_pages:lock", args=(live_b.id,)), **XHR),
        "add in B": client.get(reverse("wagtailadmin_pages:add", args=("news", "newspage", section_b.id))),
        "revisions": client.get(reverse("wagtailadmin_pages:revisions_index", args=(live_b.id,))),
        "revision view": client.get(reverse("wagtailadmin_pages:revisions_view", args=(live_b.id, revision_ids[-1]))),
        "compare": client.get(
            reverse("wagtailadmin_pages:revisions_compare", args=(live_b.id, revision_ids[0], revision_ids[-1]))
        ),
        "history": client.get(reverse("wagtailadmin_pages:history", args=(live_b.id,))),
        "preview": client.get(reverse("wagtailadmin_pages:view_draft", args=(draft_b.id,))),
        "image edit": client.post(
            reverse("wagtailimages:edit", args=(image_b.id,)),
            {"title": "Kapad bild", "collection": collection_of(org_a).id, "tags": ""},
        ),
        "image delete": client.post(reverse("wagtailimages:delete", args=(image_b.id,))),
        "document edit": client.post(
            reverse("wagtaildocs:edit", args=(document_b.id,)),
            {"title": "Kapat dokument", "collection": collection_of(org_a).id, "tags": ""},
        ),
        "document delete": client.post(reverse("wagtaildocs:delete", args=(document_b.id,))),
    }
    # revisions_index only redirects to the history view: follow it.
    attempts["revisions"] = client.get(attempts["revisions"].url)
    allowed = {name: r.status_code for name, r in attempts.items() if not is_denied(r)}
    assert allowed == {}
    assert attempts["lock xhr"].status_code in (403, 404)

    # Copy into B's section: the form refuses the destination.
    copy = client.post(
        reverse("wagtailadmin_pages:copy", args=(own.id,)),
        {"new_title": "Kopia", "new_slug": "kopia", "new_parent_page": section_b.id},
    )
    assert copy.status_code in (200, 302, 403, 404)
    assert not Page.objects.filter(slug="kopia").exists()

    assert snapshot(live_b, draft_b, own) == before
    image_b.refresh_from_db()
    document_b.refresh_from_db()
    assert image_b.title.startswith("Bild från") and image_b.collection == collection_of(org_b)
    assert document_b.title.startswith("Dokument från") and document_b.collection == collection_of(org_b)
    # B's draft title is not leaked to A anywhere they looked.
    for response in attempts.values():
        assert draft_b.title not in response.content.decode()


def test_every_pair_in_every_locale_tree_is_separated(organisations, communicator_of):
    """Full A×B loop on the permission API: no organisation can touch another's sections."""
    users = {o.pk: communicator_of(o) for o in organisations}
    section_models = (NewsSectionPage, TrainingSectionPage, PressSectionPage)
    locales = list(Locale.objects.filter(language_code__in=["sv", "en", "ar"]))
    checked = 0
    for model in section_models:
        for locale in locales:
            sections = {s.organisation_id: s for s in model.objects.filter(locale=locale)}
            assert set(sections) == set(users)
            for org_id, user in users.items():
                for other_id, section in sections.items():
                    perms = section.permissions_for_user(user)
                    own = org_id == other_id
                    assert perms.can_add_subpage() is own, (user, section)
                    assert perms.can_edit() is own
                    assert not perms.can_publish()
                    assert perms.can_lock() is own
                    checked += 1
    assert checked == len(section_models) * len(locales) * len(organisations) ** 2
