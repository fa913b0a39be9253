"""The FAQ for responders: under approval, searchable in the admin, on pages with FAQPage JSON-LD."""

import json
import re

from django.urls import reverse
from wagtail.models import Locale, Workflow

from home.models import FAQEntry, StandardPage
from tests.factories import add_page
from tests.helpers.admin import is_denied
from workflows.editorial import APPROVAL_WORKFLOW
from workflows.models import Organisation
from workflows.snippets import publish_initial

LIST_URL = reverse("wagtailsnippets_home_faqentry:list")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def entry(question, answer="<p>Ring oss, du kan vara anonym.</p>", live=True, **fields):
    values = {"topic": "Stöd", "audience": "utsatta", "locale": Locale.get_default(), **fields}
    row = FAQEntry.objects.create(question=question, answer=answer, live=live, **values)
    if live:
        return publish_initial(row)
    row.save_revision()
    return row


def faq_page(home, topic=""):
    return add_page(
        home, StandardPage, "Frågor och svar", body=[("faq", {"heading": "Vanliga frågor", "topic": topic})]
    )


def faq_json_ld(html):
    for text in JSON_LD.findall(html):
        data = json.loads(text)
        if data.get("@type") == "FAQPage":
            return data
    raise AssertionError("no FAQPage JSON-LD")


def test_approved_entries_render_with_valid_faqpage_json_ld(client, home):
    entry("Kan jag vara anonym?", "<p>Ja, du behöver inte säga ditt namn.</p>")
    entry("Vad kostar det?", "<p>Ingenting.</p>", sort_order=200)
    page = faq_page(home)
    html = client.get(page.url).content.decode()
    assert "<summary>Kan jag vara anonym?</summary>" in html
    data = faq_json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert [q["name"] for q in data["mainEntity"]] == ["Kan jag vara anonym?", "Vad kostar det?"]
    first = data["mainEntity"][0]
    assert first["@type"] == "Question"
    assert first["acceptedAnswer"]["@type"] == "Answer"
    assert "du behöver inte säga ditt namn" in first["acceptedAnswer"]["text"]


def test_a_draft_entry_never_appears_publicly(client, home):
    entry("Kan jag vara anonym?")
    entry("Hemligt utkast om kolibrier?", "<p>Kolibrisvaret.</p>", live=False)
    page = faq_page(home)
    html = client.get(page.url).content.decode()
    assert "Kan jag vara anonym?" in html
    assert "kolibri" not in html.lower()
    assert all(q["name"] != "Hemligt utkast om kolibrier?" for q in faq_json_ld(html)["mainEntity"])


def test_an_unapproved_change_of_a_live_entry_stays_off_the_page(client, home, project_leader):
    live = entry("Kan jag vara anonym?", "<p>Ja.</p>")
    live.answer = "<p>Ändrat svar om pingviner.</p>"
    live.save_revision(user=project_leader)  # a draft revision: the row keeps its live version
    Workflow.objects.get(name=APPROVAL_WORKFLOW).start(FAQEntry.objects.get(pk=live.pk), project_leader)
    html = client.get(faq_page(home).url).content.decode()
    assert "pingviner" not in html
    assert "<p>Ja.</p>" in html


def test_the_block_shows_only_its_topic_and_nothing_without_entries(client, home):
    entry("Hur bokar jag en utbildning?", topic="Utbildningar")
    entry("Kan jag vara anonym?", topic="Stöd")
    html = client.get(faq_page(home, topic="utbildningar").url).content.decode()
    assert "Hur bokar jag en utbildning?" in html
    assert "Kan jag vara anonym?" not in html
    empty = add_page(home, StandardPage, "Tomt", body=[("faq", {"heading": "Vanliga frågor", "topic": "Inget"})])
    assert "FAQPage" not in client.get(empty.url).content.decode()


def test_the_admin_search_finds_an_entry_by_a_word_in_its_answer(client, communicator_of):
    entry("Vad gör Nexus?", "<p>Vi stödjer utsatta och ger konsultation till yrkesverksamma.</p>")
    entry("Vad kostar det?", "<p>Ingenting.</p>")
    client.force_login(communicator_of(Organisation.objects.get(slug="heby-kommun")))
    response = client.get(LIST_URL, {"q": "konsultation"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vad gör Nexus?" in html
    assert "Vad kostar det?" not in html


def test_communicators_read_the_faq_but_cannot_change_it(client, communicator_of):
    row = entry("Vad gör Nexus?")
    client.force_login(communicator_of(Organisation.objects.get(slug="heby-kommun")))
    before = FAQEntry.objects.count()
    assert is_denied(client.get(reverse("wagtailsnippets_home_faqentry:add")))
    response = client.post(
        reverse("wagtailsnippets_home_faqentry:add"),
        {"question": "Inskjuten?", "answer": "x", "topic": "x", "audience": "media", "sort_order": "1"},
    )
    assert is_denied(response)
    edit = reverse("wagtailsnippets_home_faqentry:edit", args=(row.pk,))
    assert is_denied(client.post(edit, {"question": "Ändrad?", "answer": "x", "topic": "x", "audience": "media"}))
    assert is_denied(client.post(reverse("wagtailsnippets_home_faqentry:delete", args=(row.pk,))))
    assert FAQEntry.objects.count() == before
    row.refresh_from_db()
    assert row.question == "Vad gör Nexus?"
    assert row.latest_revision_id == row.live_revision_id


def test_the_translator_is_refused_the_faq_list(client, translator):
    entry("Vad gör Nexus?")
    client.force_login(translator)
    response = client.get(LIST_URL)
    assert is_denied(response)
    assert "Vad gör Nexus?" not in response.content.decode()
