"""Rapporter → Brutna länkar: a communicator sees the failures on their own organisation's pages only.

Matrix: for every organisation pair (A, B), A's communicator finds A's failures (Swedish and
English sections, news and trainings) in the report, its results view and its CSV and XLSX
exports, and nothing of B's: not the page titles, not the links, not when asking for B's
organisation in the filter. Reviewers, the translator and anonymous visitors are refused.
"""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from home.models import LinkCheck
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import is_denied
from training.models import TrainingIndexPage, TrainingPage
from workflows.editorial import ORGANISATIONS

SLUGS = [slug for slug, *_ in ORGANISATIONS]
PAIRS = [(a, SLUGS[(i + 1) % len(SLUGS)]) for i, a in enumerate(SLUGS)]


def failures_of(slug):
    """Two broken links of ``slug``: a Swedish news page and an English training."""
    org = organisation(slug)
    rows = []
    for index, model, language in ((NewsIndexPage, NewsPage, "sv"), (TrainingIndexPage, TrainingPage, "en")):
        page = add_page(section_of(index, org, language), model, f"Trasig {language} {slug}")
        rows.append(
            LinkCheck.objects.create(
                page=page,
                url=f"https://{slug}.example/{language}/saknas",
                kind="external",
                status=404,
                error="HTTP 404",
                checked_at="2026-01-05T04:30:00Z",
            )
        )
    return rows


def exported_text(client, fmt):
    response = client.get(reverse("broken_links"), {"export": fmt})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return "\n".join(",".join(row) for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return "\n".join(
        ",".join(str(cell) for cell in row if cell is not None) for row in sheet.iter_rows(values_only=True)
    )


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS)
def test_a_communicator_sees_only_the_own_organisations_failures(client, communicator_of, slug_a, slug_b):
    own, other = failures_of(slug_a), failures_of(slug_b)
    client.force_login(communicator_of(organisation(slug_a)))
    answers = {
        "report": client.get(reverse("broken_links")).content.decode(),
        "results": client.get(reverse("broken_links_results")).content.decode(),
        "filtered for B": client.get(
            reverse("broken_links"), {"organisation": organisation(slug_b).pk}
        ).content.decode(),
        "csv": exported_text(client, "csv"),
        "xlsx": exported_text(client, "xlsx"),
    }
    for what, text in answers.items():
        for row in own:
            if what != "filtered for B":
                assert row.page.title in text and row.url in text, what
        for row in other:
            assert row.page.title not in text and row.url not in text, what


DOORS = ("broken_links", "broken_links_results", "export")


def door(name):
    return reverse("broken_links") + "?export=xlsx" if name == "export" else reverse(name)


@pytest.mark.parametrize("who", ["translator", "reviewer"])
@pytest.mark.parametrize("name", DOORS)
def test_the_translator_and_reviewers_are_refused(client, make_user, translator, organisations, who, name):
    rows = failures_of("region-uppsala")
    reviewer = make_user("granskare", [organisation("region-uppsala").reviewers_group_name])
    client.force_login({"translator": translator, "reviewer": reviewer}[who])
    response = client.get(door(name))
    assert is_denied(response), response.status_code
    assert not response.streaming
    assert all(row.page.title not in response.content.decode() for row in rows)


@pytest.mark.parametrize("name", DOORS)
def test_anonymous_visitors_are_sent_to_the_login(client, organisations, name):
    failures_of("region-uppsala")
    response = client.get(door(name))
    assert response.status_code == 302 and "/admin/login/" in response.url
