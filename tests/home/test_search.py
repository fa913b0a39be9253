"""Site search at /sok/: live, public pages of the current language only; any query answers 200."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage
from home.views import MAX_QUERY_LENGTH
from tests.factories import add_page

postgres_only = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="Swedish stemming needs PostgreSQL's full-text search",
)
sqlite_only = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] not in ("django.db.backends.sqlite3", "nexus_cms.sqlite"),
    reason="what SQLite's FTS5 (unicode61 tokenizer, no stemming) does",
)


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def search(client, query, prefix="", **params):
    response = client.get(f"{prefix}/sok/", {"q": query, **params})
    assert response.status_code == 200
    return response


def result_titles(response):
    results = response.context["results"]
    return [] if results is None else [result["page"].title for result in results.object_list]


def test_a_word_in_the_body_of_a_live_page_finds_it_with_title_and_excerpt(client, home):
    add_page(
        home, StandardPage, "Stöd för anhöriga", lead="Så kan du hjälpa en vän.", body=body("Ordet kolibrifjäder.")
    )
    response = search(client, "kolibrifjäder")
    assert result_titles(response) == ["Stöd för anhöriga"]
    html = response.content.decode()
    assert 'href="/stod-for-anhoriga/"' in html
    assert "Så kan du hjälpa en vän." in html


def test_the_excerpt_prefers_the_search_description(client, home):
    add_page(
        home,
        StandardPage,
        "Om oss",
        lead="Ingressen.",
        search_description="Beskrivningen för sökresultat.",
        body=body("pelikanvinge"),
    )
    html = search(client, "pelikanvinge").content.decode()
    assert "Beskrivningen för sökresultat." in html
    assert "Ingressen." not in html


@pytest.mark.postgres_only
@postgres_only
def test_swedish_stemming_finds_inflected_forms(client, home):
    add_page(home, StandardPage, "Kurser", body=body("Vi ordnar en utbildning om hedersrelaterat våld."))
    # The body says "utbildning"; the training index ("Utbildningar") matches by its title too.
    assert "Kurser" in result_titles(search(client, "utbildningar"))


def language_home(language):
    return HomePage.objects.get(depth=2, locale__language_code=language)


# Each language's own text search configuration on PostgreSQL (home/search_backend.py): Arabic
# stems ("بالمساعدة", "with the help", and "المساعدة", "the help", share the stem "مساعد");
# Somali has no configuration and is searched word for word, never with Swedish stemming.
ARABIC_TEXT = "نقدم الدعم بالمساعدة للأسر"


@pytest.mark.postgres_only
@postgres_only
def test_arabic_query_finds_an_arabic_page_by_an_inflected_form(client, db):
    add_page(language_home("ar"), StandardPage, "صفحة الدعم", body=body(ARABIC_TEXT))
    assert result_titles(search(client, "المساعدة", prefix="/ar")) == ["صفحة الدعم"]
    assert result_titles(search(client, "مساعدة", prefix="/ar")) == ["صفحة الدعم"]


@sqlite_only
def test_on_sqlite_an_arabic_page_is_found_by_its_exact_word_only(client, db):
    add_page(language_home("ar"), StandardPage, "صفحة الدعم", body=body(ARABIC_TEXT))
    assert result_titles(search(client, "بالمساعدة", prefix="/ar")) == ["صفحة الدعم"]
    # FTS5 does not stem: the inflected form finds nothing on SQLite.
    assert result_titles(search(client, "المساعدة", prefix="/ar")) == []


def test_somali_query_finds_a_somali_page_by_an_exact_word(client, db):
    add_page(language_home("so"), StandardPage, "Taageerada qoysaska", body=body("Waxaan caawinnaa qoysas badan."))
    assert result_titles(search(client, "qoysas", prefix="/so")) == ["Taageerada qoysaska"]
    assert result_titles(search(client, "qoysas")) == []  # not a Swedish page


@pytest.mark.postgres_only
@postgres_only
def test_somali_text_is_never_stemmed_as_swedish(client, db):
    # Swedish stemming cuts "qoysas" to "qoys" (a different Somali word, "family"): a search for
    # "qoys" would find the page. Somali is searched with PostgreSQL's "simple" configuration.
    add_page(language_home("so"), StandardPage, "Taageerada qoysaska", body=body("Waxaan caawinnaa qoysas badan."))
    assert result_titles(search(client, "qoys", prefix="/so")) == []
    assert result_titles(search(client, "qoysas", prefix="/so")) == ["Taageerada qoysaska"]


@pytest.mark.postgres_only
@postgres_only
def test_english_pages_are_searched_with_english_stemming(client, db):
    add_page(language_home("en"), StandardPage, "Courses", body=body("We organise trainings for schools."))
    assert result_titles(search(client, "organising training", prefix="/en")) == ["Courses"]


def test_a_draft_page_is_never_found(client, home):
    add_page(home, StandardPage, "Utkast", publish=False, live=False, body=body("hemligtutkastord"))
    assert result_titles(search(client, "hemligtutkastord")) == []


def test_a_draft_change_to_a_live_page_is_not_found(client, home):
    page = add_page(home, StandardPage, "Publicerad", body=body("gammaltord"))
    page.body = body("nyttutkastord")
    page.save_revision()
    assert result_titles(search(client, "nyttutkastord")) == []
    assert result_titles(search(client, "gammaltord")) == ["Publicerad"]


def test_a_scheduled_page_is_not_found_before_it_goes_live(client, home):
    page = add_page(
        home,
        StandardPage,
        "Embargo",
        live=False,
        go_live_at=timezone.now() + timedelta(days=1),
        body=body("embargoord"),
    )
    assert page.live is False
    assert result_titles(search(client, "embargoord")) == []


def test_an_unpublished_page_is_no_longer_found(client, home):
    page = add_page(home, StandardPage, "Tillbakadragen", body=body("tillbakaord"))
    assert result_titles(search(client, "tillbakaord")) == ["Tillbakadragen"]
    page.unpublish()
    assert result_titles(search(client, "tillbakaord")) == []


def test_a_private_page_is_not_found(client, home):
    page = add_page(home, StandardPage, "Privat", body=body("privatord"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert result_titles(search(client, "privatord")) == []


def test_pages_of_other_languages_are_not_found(client, home):
    english_home = HomePage.objects.get(depth=2, locale__language_code="en")
    add_page(english_home, StandardPage, "English page", body=body("zebrafinch"))
    assert result_titles(search(client, "zebrafinch")) == []
    assert result_titles(search(client, "zebrafinch", prefix="/en")) == ["English page"]


def test_results_are_paginated_by_ten(client, home):
    for number in range(12):
        add_page(home, StandardPage, f"Sida {number:02}", body=body("sidnumreringsord"))
    first = search(client, "sidnumreringsord")
    assert len(result_titles(first)) == 10
    assert first.context["results"].paginator.count == 12
    assert "page=2" in first.content.decode()
    second = search(client, "sidnumreringsord", page=2)
    assert len(result_titles(second)) == 2
    # Out of range or nonsense page numbers fall back to a real page.
    assert len(result_titles(search(client, "sidnumreringsord", page=99))) == 2
    assert len(result_titles(search(client, "sidnumreringsord", page="abc"))) == 10


def test_an_empty_query_shows_the_form(client, db):
    for query in ("", "   "):
        response = search(client, query)
        assert response.context["results"] is None
        assert "Skriv ett sökord" in response.content.decode()
    assert client.get("/sok/").status_code == 200


def test_a_5000_character_query_is_cut_and_answers_200(client, home):
    response = search(client, "våld " * 1000)
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH
    response = search(client, "x" * 5000)
    assert response.context["query"] == "x" * MAX_QUERY_LENGTH
    assert result_titles(response) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        '"hej',
        "hej AND",
        "OR",
        "NOT våld",
        "NEAR(a b)",
        "*",
        "våld*",
        "-våld",
        "a:b",
        "(",
        ")",
        "100%",
        "%s",
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        "<script>alert(1)</script>",
        "&amp; &lt;",
        "\\",
        "\u202e\u200f",
        "😀",
        "^~!@#$",
        "ab|cd & !ef <-> gh",
    ],
)
def test_odd_queries_answer_200_without_cookie(client, home, query):
    response = search(client, query)
    assert response.cookies == {}
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_html_in_the_query_is_escaped(client, db):
    html = search(client, '<img src=x onerror="alert(1)">').content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html


def test_searching_writes_nothing_and_sets_no_cookie(client, home):
    add_page(home, StandardPage, "Skrivskydd", body=body("skrivskyddsord"))
    search(client, "skrivskyddsord")  # the first request of a site creates its settings row
    with CaptureQueriesContext(connection) as queries:
        response = search(client, "skrivskyddsord")
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


def test_the_search_page_is_not_indexed_by_robots(client, db):
    assert '<meta name="robots" content="noindex">' in search(client, "våld").content.decode()


def test_every_page_has_a_get_search_form_without_csrf_token(client, home):
    for url in ["/", "/en/", "/ar/", "/sida-som-inte-finns/"]:
        html = client.get(url).content.decode()
        assert 'role="search"' in html, url
        assert 'method="get"' in html, url
        assert "csrfmiddlewaretoken" not in html, url
    assert 'action="/en/sok/"' in client.get("/en/").content.decode()


def test_swedish_interface_strings(client, home):
    html = search(client, "inget-som-finns-qqq").content.decode()
    for text in ("Sök", "Sökord", "Sökresultat", "Inga träffar"):
        assert text in html


@pytest.mark.postgres_only
@postgres_only
def test_the_search_match_is_served_by_the_title_and_body_index(client, home):
    # The site's own search query, as the page runs it: its match must be able to use the GIN
    # index on (title || body) (home/migrations/0011), or every search reads every entry.
    from home.views import searchable_pages

    add_page(home, StandardPage, "Stöd till föräldrar", body=body("Samtal om hedersrelaterat våld."))
    found = searchable_pages().search("föräldrar", operator="and")
    with CaptureQueriesContext(connection) as queries:
        assert [page.title for page in found] == ["Stöd till föräldrar"]
    [search_query] = [q["sql"] for q in queries.captured_queries if "wagtailsearch_indexentry" in q["sql"]]
    match = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert match in search_query
    # That expression, the only way to the entries but a full scan, is the index's.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE {match} plainto_tsquery('swedish', 'föräldrar')"  # noqa: S608 (fixed text)
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "nexus_indexentry_title_body_gin" in plan
