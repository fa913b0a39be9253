"""The material kit page: every organisation's logo, the collaboration sentence, shared documents."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Workflow

from home.installation import setup_site
from home.models import CollaborationSentence, MaterialKitDocument, MaterialKitPage
from workflows.editorial import APPROVAL_WORKFLOW
from workflows.models import Organisation

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def document(title, content, name):
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=name), collection=Collection.get_first_root_node()
    )


def kit():
    return MaterialKitPage.objects.get(locale__language_code="sv")


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_installation_creates_the_kit_in_every_language_once(db):
    count = MaterialKitPage.objects.count()
    setup_site()
    assert MaterialKitPage.objects.count() == count == Locale.objects.count()
    assert all(page.live for page in MaterialKitPage.objects.all())


def test_the_kit_lists_every_organisation_and_its_logos_download(client, db):
    heby = Organisation.objects.get(slug="heby-kommun")
    heby.logo_svg = document("Heby kommuns logotyp", SVG, "heby.svg")
    heby.save()
    html = client.get(kit().url).content.decode()
    for organisation in Organisation.objects.all():
        assert organisation.name in html
    assert heby.logo_svg.url in html
    response = client.get(heby.logo_svg.url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]  # never rendered inline
    assert download(client, heby.logo_svg.url) == SVG


def test_shared_documents_are_listed_and_download(client, db):
    page = kit()
    leaflet = document("Broschyr om Nexus", b"Broschyren", "broschyr.txt")
    MaterialKitDocument.objects.create(page=page, document=leaflet, description="Till receptionen")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Broschyr om Nexus" in html
    assert "Till receptionen" in html
    assert download(client, leaflet.url) == b"Broschyren"


def test_the_collaboration_sentence_is_on_the_kit_and_in_the_footer(client, home):
    sentence = CollaborationSentence.objects.get(locale__language_code="sv")
    assert sentence.live
    for url in (kit().url, home.url):
        assert sentence.text in client.get(url).content.decode()


def test_a_change_of_the_sentence_is_public_only_after_approval(client, home, project_leader, make_user):
    sentence = CollaborationSentence.objects.get(locale__language_code="sv")
    sentence.text = "Ny mening om pingvinsamarbetet."
    revision = sentence.save_revision(user=project_leader)
    Workflow.objects.get(name=APPROVAL_WORKFLOW).start(
        CollaborationSentence.objects.get(pk=sentence.pk), project_leader
    )
    assert "pingvinsamarbetet" not in client.get(home.url).content.decode()
    sentence = CollaborationSentence.objects.get(pk=sentence.pk)
    sentence.current_workflow_task_state.approve(user=make_user("samordnare", ["Projektledning"]))
    assert CollaborationSentence.objects.get(pk=sentence.pk).live_revision_id == revision.pk
    assert "Ny mening om pingvinsamarbetet." in client.get(home.url).content.decode()


def test_the_kit_is_linked_from_the_footer_and_in_the_sitemap(client, home):
    page = kit()
    assert f'href="{page.url}"' in client.get(home.url).content.decode()
    assert page.full_url in client.get("/sitemap.xml").content.decode()
    english = MaterialKitPage.objects.get(locale__language_code="en")
    assert f'href="{english.url}"' in client.get("/en/").content.decode()


def test_the_kit_lists_an_organisations_png_logo_and_it_downloads(client, db, settings, tmp_path):
    import io

    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 10), (0, 90, 160)).save(buffer, "PNG")
    png = buffer.getvalue()
    heby = Organisation.objects.get(slug="heby-kommun")
    heby.logo = get_image_model().objects.create(
        title="Heby kommuns logotyp",
        file=ContentFile(png, name="heby.png"),
        collection=Collection.get_first_root_node(),
    )
    heby.save()
    html = client.get(kit().url).content.decode()
    url = heby.logo.file.url
    assert f'href="{url}" download' in html
    assert download(client, url) == png
