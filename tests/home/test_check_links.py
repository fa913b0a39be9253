"""check_links and Rapporter → Brutna länkar: which links fail, what the checker sends, who sees what.

A local HTTP server on 127.0.0.1 answers 200, 404, and 405 to HEAD (200 to GET); a closed port
stands for a host that does not answer. The page links to all of them, to a live page and to an
unpublished one.
"""

import csv
import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from home.links import USER_AGENT
from home.models import FAQEntry, LinkCheck
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import is_denied


class Handler(BaseHTTPRequestHandler):
    seen = []

    def _answer(self, with_body):
        Handler.seen.append((self.command, self.path, dict(self.headers)))
        if self.path == "/ok":
            status = 200
        elif self.path == "/slow":
            time.sleep(2)
            status = 200
        elif self.path == "/no-head":
            status = 405 if self.command == "HEAD" else 200
        else:
            status = 404
        self.send_response(status)
        self.send_header("Set-Cookie", "tracker=1; Path=/")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rich(html):
    return [("paragraph", RichText(html))]


@pytest.fixture
def site_with_links(organisations, server, closed_port):
    section = section_of(NewsIndexPage, organisation("heby-kommun"))
    live = add_page(section, NewsPage, "Levande mål")
    draft = add_page(section, NewsPage, "Opublicerat mål", publish=False)
    html = (
        f'<p><a href="{server}/ok">fungerar</a> <a href="{server}/saknas">saknas</a> '
        f'<a href="{server}/no-head">bara GET</a> <a href="http://127.0.0.1:{closed_port}/x">stängd</a> '
        f'<a href="{server}/ok">samma igen</a> '
        f'<a linktype="page" id="{live.pk}">levande</a> <a linktype="page" id="{draft.pk}">utkast</a></p>'
    )
    page = add_page(section, NewsPage, "Sida med länkar", body=rich(html))
    return {"page": page, "live": live, "draft": draft, "server": server, "closed": closed_port}


def failures():
    return sorted((row.page_id, row.kind, row.url, row.error) for row in LinkCheck.objects.all())


def test_exactly_the_404_the_closed_port_and_the_unpublished_page_are_reported(site_with_links, settings):
    settings.NEXUS_LINK_CHECK_EXTERNAL = True
    s = site_with_links
    out = io.StringIO()
    call_command("check_links", stdout=out)
    page_id = s["page"].pk
    rows = failures()
    assert [(kind, url) for _, kind, url, _ in rows] == sorted(
        [
            ("external", f"{s['server']}/saknas"),
            ("external", f"http://127.0.0.1:{s['closed']}/x"),
            ("page", f"Opublicerat mål (#{s['draft'].pk})"),
        ]
    )
    assert {pid for pid, *_ in rows} == {page_id}
    errors = {url: error for _, _, url, error in rows}
    assert errors[f"{s['server']}/saknas"] == "HTTP 404"
    assert errors[f"Opublicerat mål (#{s['draft'].pk})"] == "Sidan är inte publicerad."
    assert errors[f"http://127.0.0.1:{s['closed']}/x"].startswith("Kunde inte ansluta")
    assert LinkCheck.objects.get(url=f"{s['server']}/saknas").status == 404
    assert "7 links checked, 3 failing" in out.getvalue()


def test_each_url_once_head_then_get_and_nothing_but_the_url(site_with_links, settings):
    settings.NEXUS_LINK_CHECK_EXTERNAL = True
    call_command("check_links", stdout=io.StringIO())
    requests = [(method, path) for method, path, _ in Handler.seen]
    # /ok twice on the page, asked once; HEAD refused with 405 gives way to GET, which answers 200.
    assert sorted(requests) == sorted([("HEAD", "/ok"), ("HEAD", "/saknas"), ("HEAD", "/no-head"), ("GET", "/no-head")])
    for _, _, headers in Handler.seen:
        names = {name.lower() for name in headers}
        assert names <= {"host", "user-agent", "accept-encoding", "connection"}, names
        assert headers["User-Agent"] == USER_AGENT
    assert not LinkCheck.objects.filter(url__endswith="/no-head").exists()


def test_a_second_run_replaces_the_results(site_with_links, settings):
    settings.NEXUS_LINK_CHECK_EXTERNAL = True
    call_command("check_links", stdout=io.StringIO())
    assert LinkCheck.objects.count() == 3
    first = set(LinkCheck.objects.values_list("pk", flat=True))
    draft = site_with_links["draft"]
    draft.save_revision().publish()
    call_command("check_links", stdout=io.StringIO())
    assert not LinkCheck.objects.filter(pk__in=first).exists()
    assert [url for _, _, url, _ in failures()] == sorted(
        [f"{site_with_links['server']}/saknas", f"http://127.0.0.1:{site_with_links['closed']}/x"]
    )


def test_without_external_checks_no_request_leaves_the_machine(site_with_links, settings):
    settings.NEXUS_LINK_CHECK_EXTERNAL = False
    call_command("check_links", stdout=io.StringIO())
    assert Handler.seen == []
    assert [kind for _, kind, _, _ in failures()] == ["page"]
    settings.NEXUS_LINK_CHECK_EXTERNAL = True
    call_command("check_links", "--no-external", stdout=io.StringIO())
    assert Handler.seen == []


def test_missing_and_private_targets_fail_and_private_or_draft_pages_are_not_walked(organisations, settings):
    settings.NEXUS_LINK_CHECK_EXTERNAL = False
    section = section_of(NewsIndexPage, organisation("tierps-kommun"))
    private = add_page(section, NewsPage, "Lösenordsskyddad")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    html = f'<p><a linktype="page" id="{private.pk}">privat</a> <a linktype="page" id="999999">borta</a> '
    html += '<a linktype="document" id="999998">dokument</a></p>'
    page = add_page(section, NewsPage, "Länkar inåt", body=rich(html))
    add_page(section, NewsPage, "Utkast med trasig länk", publish=False, body=rich(html))
    private_child = add_page(private, NewsPage, "Under skyddet", body=rich(html))
    call_command("check_links", stdout=io.StringIO())
    assert failures() == sorted(
        [
            (page.pk, "page", f"Lösenordsskyddad (#{private.pk})", "Sidan är inte öppen för alla."),
            (page.pk, "page", "#999999", "Sidan finns inte."),
            (page.pk, "document", "#999998", "Dokumentet finns inte."),
        ]
    )
    assert not LinkCheck.objects.filter(page=private_child).exists()


def test_live_faq_answers_are_checked(db, settings):
    settings.NEXUS_LINK_CHECK_EXTERNAL = False
    from wagtail.models import Locale

    entry = FAQEntry.objects.create(
        question="Vart vänder jag mig?",
        answer='<p><a linktype="page" id="999997">här</a></p>',
        topic="Stöd",
        audience="yrkesverksamma",
        locale=Locale.objects.get(language_code="sv"),
    )
    entry.save_revision().publish()
    call_command("check_links", stdout=io.StringIO())
    row = LinkCheck.objects.get()
    assert row.page_id is None and row.url == "#999997" and "Vart vänder jag mig?" in row.source


# --- The report ----------------------------------------------------------------------------------


def broken_row(org_slug, title):
    section = section_of(NewsIndexPage, organisation(org_slug))
    page = add_page(section, NewsPage, title)
    return LinkCheck.objects.create(
        page=page,
        url=f"https://{org_slug}.example/saknas",
        kind="external",
        status=404,
        error="HTTP 404",
        checked_at="2026-01-05T04:30:00Z",
    )


@pytest.fixture
def two_organisations(organisations):
    return broken_row("heby-kommun", "Hebys trasiga sida"), broken_row("knivsta-kommun", "Knivstas trasiga sida")


def test_projektledning_sees_every_failure_filters_by_organisation_and_exports(
    client, project_leader, two_organisations
):
    heby, knivsta = two_organisations
    client.force_login(project_leader)
    html = client.get(reverse("broken_links")).content.decode()
    assert "Brutna länkar" in html
    for row in (heby, knivsta):
        assert row.page.title in html and row.url in html
        assert reverse("wagtailadmin_pages:edit", args=(row.page_id,)) in html
    filtered = client.get(reverse("broken_links"), {"organisation": organisation("heby-kommun").pk}).content.decode()
    assert heby.page.title in filtered and knivsta.page.title not in filtered
    export = client.get(reverse("broken_links"), {"export": "csv"})
    assert export.status_code == 200
    lines = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert lines[0] == ["Sida", "Länk", "Typ", "HTTP-status", "Fel", "Kontrollerad"]
    assert sorted(line[0] for line in lines[1:]) == ["Hebys trasiga sida", "Knivstas trasiga sida"]
    xlsx = client.get(reverse("broken_links"), {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("broken_links") in menu
    # Both exports are in the site history (who, which list, which format).
    logged = ModelLogEntry.objects.filter(action="nexus.export", user=project_leader)
    assert sorted((e.data["listing"], e.data["format"]) for e in logged) == [
        (reverse("broken_links"), "csv"),
        (reverse("broken_links"), "xlsx"),
    ]


def test_the_translator_and_anonymous_are_refused(client, translator, two_organisations):
    for url in (reverse("broken_links"), reverse("broken_links_results"), reverse("broken_links") + "?export=csv"):
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and "/admin/login/" in anonymous.url
    client.force_login(translator)
    for url in (reverse("broken_links"), reverse("broken_links_results"), reverse("broken_links") + "?export=csv"):
        response = client.get(url)
        assert is_denied(response)
        assert "trasiga sida" not in response.content.decode()
    assert reverse("broken_links") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_chooser_blocks_are_checked_document_and_page_choosers(organisations, settings):
    from press.models import PressReleasePage, PressRoomPage
    from tests.helpers.media import document_in

    settings.NEXUS_LINK_CHECK_EXTERNAL = False
    org = organisation("uppsala-kommun")
    kept, removed = document_in(org, "Faktablad kvar"), document_in(org, "Faktablad borttaget", name="borta.pdf")
    removed_id = removed.pk
    draft = add_page(section_of(NewsIndexPage, org), NewsPage, "Utkast i relaterade", publish=False)
    release = add_page(
        section_of(PressRoomPage, org),
        PressReleasePage,
        "Release med bilagor",
        attachments=[("document", kept), ("document", removed)],
        body=rich(f'<p><a linktype="document" id="{kept.pk}">kvar</a> <a linktype="page" id="{draft.pk}">u</a></p>'),
    )
    removed.delete()
    call_command("check_links", stdout=io.StringIO())
    assert failures() == sorted(
        [
            (release.pk, "document", f"#{removed_id}", "Dokumentet finns inte."),
            (release.pk, "page", f"Utkast i relaterade (#{draft.pk})", "Sidan är inte publicerad."),
        ]
    )


def test_a_slow_answer_is_a_timeout_and_the_run_does_not_wait_for_it(organisations, server, settings, monkeypatch):
    settings.NEXUS_LINK_CHECK_EXTERNAL = True
    monkeypatch.setattr("home.links.TIMEOUT", 0.5)
    section = section_of(NewsIndexPage, organisation("habo-kommun"))
    add_page(section, NewsPage, "Långsam länk", body=rich(f'<p><a href="{server}/slow">långsam</a></p>'))
    started = time.monotonic()
    call_command("check_links", stdout=io.StringIO())
    assert time.monotonic() - started < 1.8
    row = LinkCheck.objects.get()
    assert row.url == f"{server}/slow" and row.error == "Tidsgränsen överskreds." and row.status is None


def test_the_report_speaks_the_editors_language(client, make_user, organisations, settings):
    settings.NEXUS_LINK_CHECK_EXTERNAL = False
    section = section_of(NewsIndexPage, organisation("heby-kommun"))
    add_page(section, NewsPage, "Länk till ingenstans", body=rich('<p><a linktype="page" id="999996">x</a></p>'))
    call_command("check_links", stdout=io.StringIO())
    admin = make_user("admin", superuser=True)
    client.force_login(admin)
    swedish = client.get(reverse("broken_links")).content.decode()
    assert "Sidan finns inte." in swedish and "Brutna länkar" in swedish
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    english = client.get(reverse("broken_links")).content.decode()
    assert "The page does not exist." in english and "Broken links" in english
    assert "Sidan finns inte." not in english


def test_page_choosers_in_related_pages_are_checked(home, settings):
    from home.models import AudiencePage

    settings.NEXUS_LINK_CHECK_EXTERNAL = False
    draft = add_page(home, AudiencePage, "Utkast bland relaterade", slug="utkast-relaterad", publish=False)
    live = add_page(home, AudiencePage, "Levande relaterad", slug="levande-relaterad")
    page = add_page(
        home, AudiencePage, "Med relaterade", slug="med-relaterade", related_pages=[("page", draft), ("page", live)]
    )
    call_command("check_links", stdout=io.StringIO())
    assert failures() == [(page.pk, "page", f"Utkast bland relaterade (#{draft.pk})", "Sidan är inte publicerad.")]
