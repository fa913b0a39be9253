"""The demo's documents: a fact sheet a live news page links, a report of the embargoed release."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from demo.loader import load_news, load_press
from news.models import NewsPage
from press.models import PressReleasePage
from tests.factories import organisation
from workflows.media import is_live_use


def demo_user(username):
    return get_user_model().objects.get(username=username)


FACT_SHEET = "Faktablad: Hedersrelaterat våld i skolan"
REPORT = "Rapport: Skyddat boende för unga i Uppsala län"


def test_demo_documents_live_in_the_owners_collections_under_the_rules(home, client, demo_people):
    load_news(home, *demo_people)
    load_press(home, *demo_people)
    count = get_document_model().objects.count()
    load_news(home, *demo_people)
    load_press(home, *demo_people)
    assert get_document_model().objects.count() == count

    uppsala = organisation("uppsala-kommun")
    fact_sheet = get_document_model().objects.get(title=FACT_SHEET)
    report = get_document_model().objects.get(title=REPORT)
    assert fact_sheet.collection == report.collection == Collection.objects.get(name=uppsala.name)

    # The fact sheet: linked from the live news page, public, and frozen for communicators.
    news = NewsPage.objects.get(slug="ny-vagledning-for-skolor", locale__language_code="sv")
    assert news.live
    page_html = client.get(news.url).content.decode()
    assert f'href="{fact_sheet.url}"' in page_html
    download = client.get(fact_sheet.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.4")
    assert is_live_use(fact_sheet)
    client.force_login(demo_user("kommunikator-uppsala-kommun"))
    response = client.post(
        reverse("wagtaildocs:edit", args=(fact_sheet.id,)),
        {"title": "Annat faktablad", "collection": fact_sheet.collection_id, "tags": ""},
    )
    assert response.status_code == 200
    assert get_document_model().objects.get(pk=fact_sheet.pk).title == FACT_SHEET

    # The report: attached to the embargoed release, for Projektledning only until go-live.
    release = PressReleasePage.objects.get(slug="nytt-skyddat-boende-for-unga")
    assert not release.live
    assert [block.value for block in release.get_latest_revision_as_object().attachments] == [report]
    assert client.get(report.url).status_code == 404  # not even Uppsala kommun's communicator
    client.force_login(demo_user("kommunikator-region-uppsala"))
    assert client.get(report.url).status_code == 404
    assert REPORT not in client.get("/admin/api/main/documents/").content.decode()
    client.force_login(demo_user("projektledare"))
    assert client.get(report.url).status_code == 200
    client.logout()
    assert client.get(report.url).status_code == 404
