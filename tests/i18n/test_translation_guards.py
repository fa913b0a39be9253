"""wagtail-localize's create/sync/publish views respect page rights (they check only a global permission)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale, Page

from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.i18n import state, submit_translation, translation_of


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def a_communicator(communicator_of):
    """A communicator of organisation A who (wrongly) holds submit_translation."""
    user = communicator_of(organisation("heby-kommun"))
    user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    return user


@pytest.fixture
def b_page():
    return add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "Polisens nyhet")


@pytest.fixture
def b_translation(b_page, english, make_user, client):
    """B's page with a (draft) English translation, made by an administrator."""
    admin = make_user("admin", superuser=True)
    client.force_login(admin)
    submit_translation(client, b_page, english)
    client.logout()
    return translation_of(b_page, english)


def pages_in(locale):
    return Page.objects.filter(locale=locale).count()


def test_a_cannot_create_a_translation_of_b(client, a_communicator, b_page, english):
    before = pages_in(english)
    client.force_login(a_communicator)
    assert client.get(reverse("wagtail_localize:submit_page_translation", args=[b_page.id])).status_code == 403
    assert submit_translation(client, b_page, english).status_code == 403
    assert pages_in(english) == before
    assert not b_page.has_translation(english)


def test_a_cannot_sync_or_publish_translations_of_b(client, a_communicator, b_translation, english, b_page):
    target = b_page.get_translation(english)
    url = reverse("wagtail_localize:update_translations", args=[b_translation.source_id])
    client.force_login(a_communicator)
    for data in ({}, {"publish_translations": "on"}):
        before = state(target)
        assert client.post(url, data).status_code == 403
        assert state(target) == before
        assert state(target)["live"] is False
    assert client.get(url).status_code == 403


def test_a_cannot_open_the_translation_editor_tools_of_b(client, a_communicator, b_translation):
    client.force_login(a_communicator)
    for name in ("download_pofile", "machine_translate", "stop_translation"):
        method = client.get if name == "download_pofile" else client.post
        assert method(reverse(f"wagtail_localize:{name}", args=[b_translation.id])).status_code == 403, name
    b_translation.refresh_from_db()
    assert b_translation.enabled
    assert client.post(reverse("nexus_submit_translation", args=[b_translation.id])).status_code in (302, 403)
    target = b_translation.get_target_instance()
    assert target.current_workflow_state is None
    assert not target.live


def test_a_translates_its_own_page_but_cannot_publish_it(
    client, a_communicator, english, django_capture_on_commit_callbacks
):
    own = add_page(section_of(NewsIndexPage, organisation("heby-kommun")), NewsPage, "Hebys nyhet")
    client.force_login(a_communicator)
    assert submit_translation(client, own, english).status_code == 302
    target = own.get_translation(english)
    assert not target.live
    translation = translation_of(own, english)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {}).status_code == 302
        assert client.post(url, {"publish_translations": "on"}).status_code == 403
    assert state(target)["live"] is False
    assert state(target)["publish_logs"] == 0


def test_translators_cannot_translate_subtrees_or_into_missing_parents(client, translator, home):
    from home.models import AudiencePage

    parent = add_page(home, AudiencePage, "Är du utsatt?", slug="utsatt")
    add_page(parent, AudiencePage, "Lätt svenska", slug="latt-svenska", easy_to_read=True)
    persian = Locale.objects.get(language_code="fa")
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[parent.id])
    assert client.post(url, {"locales": [persian.id], "include_subtree": "on"}).status_code == 403
    assert not parent.has_translation(persian)
    # The easy-to-read child's parent has no Persian version: no live aliases get created.
    child = parent.get_children().get()
    assert submit_translation(client, child, persian).status_code == 403
    assert Page.objects.filter(locale=persian, alias_of__isnull=False).count() == 0


def test_translators_cannot_convert_a_translation_into_a_live_alias(client, translator, project_leader, english, home):
    from home.models import AudiencePage

    page = add_page(home, AudiencePage, "Om hedersrelaterat våld", slug="om")
    client.force_login(translator)
    submit_translation(client, page, english)
    target = page.get_translation(english)
    assert client.post(reverse("wagtail_localize:convert_to_alias", args=[target.id])).status_code == 403
    target.refresh_from_db()
    assert target.alias_of_id is None
    assert not target.live


def test_translators_cannot_translate_unpublished_drafts_of_others(client, translator, home, english):
    from home.models import AudiencePage

    draft = add_page(home, AudiencePage, "Utkast", slug="utkast", publish=False, live=False)
    client.force_login(translator)
    assert submit_translation(client, draft, english).status_code == 403
    assert not draft.has_translation(english)


def test_translators_use_po_files_and_machine_translation_without_publishing(client, translator, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from home.models import AudiencePage

    page = add_page(home, AudiencePage, "Till dig som är anhörig", slug="anhorig", lead="Du kan hjälpa.")
    somali = Locale.objects.get(language_code="so")
    client.force_login(translator)
    submit_translation(client, page, somali)
    translation = translation_of(page, somali)
    target = page.get_translation(somali)

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    po = response.content.decode().replace('msgstr ""\n\n', 'msgstr "Waxaad caawin kartaa."\n\n', 1)
    upload = SimpleUploadedFile("so.po", po.encode(), content_type="text/x-gettext-translation")
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.id]), {"file": upload})
    assert response.status_code == 302
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    assert response.status_code == 302
    assert translation.source.stringsegment_set.count() > 0
    assert state(target)["live"] is False
    assert state(target)["publish_logs"] == 0
    assert client.get("/so/anhorig/").status_code == 404
