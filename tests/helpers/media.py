"""Images and documents in an organisation's collection, used by live, draft or embargoed pages."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail.rich_text import RichText

from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage
from tests.factories import add_page, section_of


def collection_of(org):
    return Collection.objects.get(name=org.name)


def image_in(org, title="Bild i bruk"):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(size=(8, 8)), collection=collection_of(org), credit="Foto: Anna Berg"
    )


def document_in(org, title="Faktablad i bruk", name="faktablad.pdf"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 faktablad", name=name), collection=collection_of(org)
    )


def news_using(org, image=None, document=None, publish=True, title="Nyhet med media"):
    """A news page of ``org`` showing ``image`` and linking ``document`` from its body."""
    body = []
    if document is not None:
        body.append(("paragraph", RichText(f'<p><a linktype="document" id="{document.pk}">Faktablad</a></p>')))
    return add_page(section_of(NewsIndexPage, org), NewsPage, title, publish=publish, image=image, body=body)


def embargoed_release_with(document, org, approver, title="Release under embargo"):
    """A press release of ``org`` attaching ``document``, approved for a go-live in three days."""
    page = add_page(section_of(PressRoomPage, org), PressReleasePage, title, publish=False)
    page.attachments = [("document", document)]
    page.go_live_at = timezone.now() + datetime.timedelta(days=3)
    page.save()
    page.save_revision().publish(user=approver)
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().approved_go_live_at is not None
    return page


def media_state():
    """Every image's and document's public fields and file: what a refused change leaves alone."""
    images = get_image_model().objects.order_by("pk")
    documents = get_document_model().objects.order_by("pk")
    return {
        "images": list(images.values_list("pk", "title", "file", "credit", "caption", "licence", "collection_id")),
        "documents": list(documents.values_list("pk", "title", "file", "collection_id")),
    }
