"""archive_site: the WARC holds every live public page as readers get it, and nothing else."""

import gzip
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from warcio.archiveiterator import ArchiveIterator

from home.models import StandardPage
from tests.factories import add_page

pytestmark = pytest.mark.django_db


def read_warc(path):
    records = {}
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                records[record.rec_headers.get_header("WARC-Target-URI")] = (
                    record.http_headers.get_statuscode(),
                    record.http_headers.get_header("Content-Type"),
                    record.content_stream().read(),
                )
    return records


def test_every_live_public_page_is_archived_with_its_html_drafts_and_private_pages_are_not(home, tmp_path):
    public = add_page(home, StandardPage, "Arkiverad sida")
    draft = add_page(home, StandardPage, "Utkast som aldrig publicerats", publish=False)
    private = add_page(home, StandardPage, "Bakom lösenord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")
    embargoed = add_page(home, StandardPage, "Embargo", publish=False, go_live_at=timezone.now() + timedelta(days=1))
    embargoed.save_revision().publish()  # approved, scheduled: not live until go_live_at

    output = tmp_path / "site.warc.gz"
    call_command("archive_site", "--output", str(output))
    with gzip.open(output) as handle:
        assert handle.read(7) == b"WARC/1."
    records = read_warc(output)

    live = Page.objects.live().public().filter(depth__gt=1)
    assert live.count() > 10
    for page in live:
        status, content_type, body = records[page.get_full_url()]
        assert status == "200" and content_type.startswith("text/html")
        assert f"<title>{page.title}".encode() in body or page.title.encode() in body
    assert records[public.get_full_url()][2].count(b"Arkiverad sida") >= 1
    for hidden in (draft, private, embargoed):
        assert hidden.get_full_url() not in records
        assert all(hidden.title.encode() not in body for _, _, body in records.values())
    # The files the pages use and their feeds come along.
    assert any("/static/css/" in url for url in records)
    assert "http://localhost/nyheter/rss/" in records and "http://localhost/utbildningar/kalender.ics" in records
