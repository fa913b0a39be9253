"""The partners' read API (/api/v2/pages/): only live, public news, trainings, press releases and
audience pages; filters; bad parameters a 400 (never a 500); read-only; the same for everyone."""

import datetime
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction

from home.models import AudiencePage, HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.training import make_training

API = "/api/v2/pages/"


def news(org, title, language="sv", publish=True, **fields):
    fields.setdefault("date", timezone.now())
    fields.setdefault("lead", f"Ingress för {title}.")
    fields.setdefault("live", publish)
    return add_page(section_of(NewsIndexPage, org, language), NewsPage, title, publish=publish, **fields)


def release(org, title, publish=True, **fields):
    fields.setdefault("live", publish)
    return add_page(section_of(PressRoomPage, org), PressReleasePage, title, publish=publish, **fields)


def ids(response):
    assert response.status_code == 200, response.content[:300]
    return {item["id"] for item in response.json()["items"]}


@pytest.fixture
def site(home):
    """One live page of each of the four types, and everything that must never be listed."""
    police, heby = organisation("polismyndigheten"), organisation("heby-kommun")
    future = timezone.now() + datetime.timedelta(days=3)
    pages = {
        "news": news(police, "Polisens nyhet"),
        "english": news(police, "Police news", language="en"),
        "heby_news": news(heby, "Hebys nyhet"),
        "release": release(police, "Polisens pressmeddelande"),
        "training": make_training("heby-kommun", "Hebys utbildning", slug="hebys-utbildning"),
        "audience": add_page(home, AudiencePage, "Utsatt", slug="utsatt-api"),
        # Never in the API:
        "draft": news(police, "Utkast", publish=False),
        "unpublished": news(police, "Avpublicerad"),
        "private": news(police, "Privat"),
        "under_private": None,
        "embargoed": release(police, "Under embargo", publish=False, go_live_at=future),
        "expired": news(police, "Utgången", expire_at=timezone.now() - datetime.timedelta(minutes=1)),
        "standard": add_page(home, StandardPage, "Om oss", slug="om-oss-api"),
    }
    pages["unpublished"].unpublish()
    PageViewRestriction.objects.create(page=pages["private"], restriction_type=PageViewRestriction.LOGIN)
    private_audience = add_page(home, AudiencePage, "Skyddad", slug="skyddad-api")
    PageViewRestriction.objects.create(
        page=private_audience, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    pages["under_private"] = add_page(private_audience, AudiencePage, "Under skyddad", slug="under-skyddad")
    pages["embargoed"].get_latest_revision().publish()
    pages["embargoed"].refresh_from_db()
    assert not pages["embargoed"].live
    return pages


VISIBLE = {"news", "english", "heby_news", "release", "training", "audience"}


def test_the_listing_holds_only_live_public_pages_of_the_four_types(client, site):
    response = client.get(API)
    assert ids(response) == {site[name].pk for name in VISIBLE}
    assert response.json()["meta"]["total_count"] == len(VISIBLE)
    types = {item["meta"]["type"] for item in response.json()["items"]}
    assert types == {"news.NewsPage", "training.TrainingPage", "press.PressReleasePage", "home.AudiencePage"}


HIDDEN = {
    "draft": "news.NewsPage",
    "unpublished": "news.NewsPage",
    "private": "news.NewsPage",
    "under_private": "home.AudiencePage",
    "embargoed": "press.PressReleasePage",
    "expired": "news.NewsPage",
}


@pytest.mark.parametrize(("name", "model"), HIDDEN.items())
def test_a_hidden_page_is_never_listed_or_retrievable(client, site, name, model):
    response = client.get(f"{API}{site[name].pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    for query in ({"id": site[name].pk}, {"slug": site[name].slug}, {"type": model}, {"type": model, "fields": "*"}):
        assert site[name].pk not in ids(client.get(API, query)), query


def test_other_page_types_are_never_retrievable(client, site):
    assert client.get(f"{API}{site['standard'].pk}/").status_code == 404
    assert site["standard"].pk not in ids(client.get(API, {"slug": site["standard"].slug}))
    assert client.get(API, {"type": "home.StandardPage"}).status_code == 400


def test_structure_pages_are_never_retrievable(client, site, home):
    structure = [home, NewsIndexPage.objects.get(locale=home.locale), section_of(NewsIndexPage, organisation("nck"))]
    for page in [*structure, Page.objects.get(depth=1)]:
        assert client.get(f"{API}{page.pk}/").status_code == 404


def test_a_live_page_with_a_newer_draft_shows_its_published_text(client, site):
    page = site["news"]
    page.title = "Ändrad rubrik, inte godkänd"
    page.lead = "Hemlig ingress i utkastet."
    page.save_revision()
    detail = client.get(f"{API}{page.pk}/")
    assert detail.status_code == 200
    assert detail.json()["title"] == "Polisens nyhet"
    assert detail.json()["lead"] == "Ingress för Polisens nyhet."
    listing = client.get(API, {"type": "news.NewsPage", "fields": "*"}).content.decode()
    assert "Ändrad rubrik" not in listing and "Hemlig ingress" not in listing


def test_detail_fields_are_the_declared_ones_only(client, site):
    detail = client.get(f"{API}{site['training'].pk}/").json()
    assert set(detail) == {"id", "meta", "title", "lead", "training_format", "place", "cost", "cancelled", "dates"}
    assert set(detail["meta"]) == {
        "type",
        "detail_url",
        "html_url",
        "slug",
        "search_description",
        "first_published_at",
        "last_published_at",
        "locale",
    }
    assert len(detail["dates"]) == 1 and detail["dates"][0]["start"] < detail["dates"][0]["end"]
    assert detail["meta"]["html_url"] == site["training"].full_url
    assert detail["meta"]["detail_url"] == f"http://localhost{API}{site['training'].pk}/"
    release_detail = client.get(f"{API}{site['release'].pk}/").json()
    assert release_detail["organisations"] == ["polismyndigheten"]
    assert "body" not in release_detail


def test_a_signed_in_editor_gets_the_same_answer_as_anyone(client, site, make_user):
    queries = ["", "?type=news.NewsPage&fields=*", f"{site['draft'].pk}/", f"{site['news'].pk}/"]
    anonymous = [(r.status_code, r.content) for r in (client.get(API + q) for q in queries)]
    client.force_login(make_user("admin-api", superuser=True))
    signed_in = [(r.status_code, r.content) for r in (client.get(API + q) for q in queries)]
    assert signed_in == anonymous
    assert [status for status, _ in anonymous] == [200, 200, 404, 200]


def test_filter_by_type_several_types_and_language(client, site):
    assert ids(client.get(API, {"type": "news.NewsPage"})) == {site[n].pk for n in ("news", "english", "heby_news")}
    assert ids(client.get(API, {"type": "news.NewsPage,training.TrainingPage"})) == {
        site[n].pk for n in ("news", "english", "heby_news", "training")
    }
    assert ids(client.get(API, {"locale": "en"})) == {site["english"].pk}
    assert ids(client.get(API, {"type": "news.NewsPage", "locale": "sv"})) == {
        site[n].pk for n in ("news", "heby_news")
    }
    assert ids(client.get(API, {"type": "home.AudiencePage", "fields": "lead"})) == {site["audience"].pk}


def test_filter_by_organisation_follows_sections_and_joint_releases(client, site):
    heby = organisation("heby-kommun")
    assert ids(client.get(API, {"organisation": "polismyndigheten"})) == {
        site[n].pk for n in ("news", "english", "release")
    }
    assert ids(client.get(API, {"organisation": "heby-kommun"})) == {site[n].pk for n in ("heby_news", "training")}
    joint = site["release"]
    joint.issuing_organisations = [organisation("polismyndigheten"), heby]
    joint.save_revision().publish()
    assert ids(client.get(API, {"organisation": "heby-kommun", "type": "press.PressReleasePage"})) == {joint.pk}
    assert client.get(f"{API}{joint.pk}/").json()["organisations"] == ["heby-kommun", "polismyndigheten"]
    assert ids(client.get(API, {"organisation": "nck"})) == set()


def test_order_limit_and_offset(client, site):
    ordered = client.get(API, {"type": "news.NewsPage", "order": "title", "locale": "sv"}).json()["items"]
    assert [item["title"] for item in ordered] == ["Hebys nyhet", "Polisens nyhet"]
    page = client.get(API, {"limit": 2, "offset": 1}).json()
    assert len(page["items"]) == 2 and page["meta"]["total_count"] == len(VISIBLE)


BAD_LISTING_QUERIES = [
    {"type": "wagtailcore.Page"},
    {"type": "home.HomePage"},
    {"type": "home.StandardPage"},
    {"type": "news.NewsIndexPage"},
    {"type": "news.NewsPage,home.HomePage"},
    {"type": "nonsense"},
    {"type": "auth.User"},
    {"fields": "owner"},
    {"fields": "body"},
    {"fields": "lead"},
    {"fields": "title(id)"},
    {"fields": "*,latest_revision"},
    {"fields": "(("},
    {"search": "polis"},
    {"search": ""},
    {"order": "random"},
    {"order": "owner"},
    {"order": "-body"},
    {"offset": "9" * 30},
    {"offset": "-1"},
    {"offset": "1e3"},
    {"limit": "1000"},
    {"limit": "x"},
    {"organisation": "finns-inte"},
    {"organisation": "<script>"},
    {"organisation": "a" * 200},
    {"locale": "xx"},
    {"site": "localhost"},
    {"format": "api"},
    {"html_path": "/nyheter/"},
    {"owner": "1"},
    {"has_unpublished_changes": "true"},
    {"child_of": "abc"},
    {"descendant_of": "-3"},
    {"type": "news.NewsPage", "date": "i morgon"},
    {"type": "news.NewsPage", "first_published_at": "2026-13-45"},
    {"type": "training.TrainingPage", "cancelled": "kanske"},
    {"id": "abc"},
]


@pytest.mark.parametrize("query", BAD_LISTING_QUERIES, ids=lambda query: urlencode(query)[:40])
def test_bad_parameters_are_a_400_with_a_message(client, site, query):
    response = client.get(API, query)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


def test_parent_lookups_of_hidden_pages_are_a_400(client, site, home):
    for name in ("draft", "private", "embargoed", "standard"):
        for parameter in ("child_of", "descendant_of", "ancestor_of", "translation_of"):
            response = client.get(API, {parameter: site[name].pk})
            assert response.status_code == 400, (name, parameter)
    index = NewsIndexPage.objects.get(locale=home.locale)
    assert client.get(API, {"descendant_of": index.pk}).status_code == 400
    assert ids(client.get(API, {"child_of": "root"})) == {site["audience"].pk}


def test_fields_star_lists_only_declared_fields(client, site):
    items = client.get(API, {"type": "news.NewsPage", "fields": "*"}).json()["items"]
    assert {key for item in items for key in item} == {"id", "meta", "title", "lead", "date"}
    assert client.get(API, {"fields": "*"}).json()["items"][0].keys() == {"id", "meta", "title"}


@pytest.mark.parametrize(
    "path",
    [
        "abc/",
        "99999999999999999999999/",
        "9223372036854775808/",
        "0/",
        "find/?id=1",
        "%00/",
        "?title=%00",
    ],
)
def test_malformed_addresses_are_a_404(client, site, path):
    assert client.get(API + path).status_code == 404


def test_detail_refuses_unknown_parameters(client, site):
    response = client.get(f"{API}{site['news'].pk}/", {"owner": "1"})
    assert response.status_code == 400
    assert client.get(f"{API}{site['news'].pk}/", {"fields": "owner"}).status_code == 400
    assert client.get(f"{API}{site['news'].pk}/", {"fields": "lead"}).status_code == 200


def test_only_pages_are_exposed(client, site):
    for path in ("/api/v2/images/", "/api/v2/documents/", "/api/v2/", "/api/v2/pages/find/"):
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_read_only(client, site, method):
    for url in (API, f"{API}{site['news'].pk}/"):
        response = getattr(client, method)(url, data="{}", content_type="application/json")
        assert response.status_code == 405, (method, url)
    assert NewsPage.objects.filter(pk=site["news"].pk, live=True).exists()


def test_head_and_options_answer(client, site):
    assert client.head(API).status_code == 200
    options = client.options(API)
    assert options.status_code == 200
    assert "POST" not in options["Allow"] and "GET" in options["Allow"]


def test_responses_set_no_cookie_and_may_be_shared(client, site, make_user):
    for url in (API, f"{API}{site['news'].pk}/", f"{API}?type=nonsense"):
        response = client.get(url)
        assert not response.cookies, url
        # Nothing the answer depends on: the site's middleware adds Cookie and Accept-Language to
        # every response (the page cache ignores both), the API adds nothing (no Accept).
        assert {part.strip() for part in response["Vary"].split(",")} <= {"Cookie", "Accept-Language"}, url
        assert response["Cache-Control"] == "public"
        assert response["Content-Type"] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(API).json()["meta"]["total_count"] == len(VISIBLE)


def test_home_pages_stay_out_even_as_ancestors(client, site):
    response = client.get(API, {"ancestor_of": site["audience"].pk})
    assert ids(response) == set()
    assert not HomePage.objects.filter(pk__in=ids(client.get(API, {"limit": 20}))).exists()


# --- fuzz: any query string, never a 5xx ----------------------------------------------------

KEYS = [
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "locale",
    "organisation",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "id",
    "slug",
    "title",
    "date",
    "first_published_at",
    "cancelled",
    "search",
    "format",
    "site",
]
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
VALUES = st.one_of(
    ANY_TEXT,
    st.sampled_from(
        [
            "news.NewsPage",
            "training.TrainingPage",
            "wagtailcore.Page",
            "*",
            "-title",
            "random",
            "root",
            "sv",
            "en",
            "polismyndigheten",
            "99999999999999999999",
            "-1",
            "\x00",
            "<script>",
            "title(id)",
            "true",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


@given(
    query=st.lists(st.tuples(st.one_of(st.sampled_from(KEYS), ANY_TEXT), VALUES), max_size=4),
    detail=st.booleans(),
)
@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_fuzzed_query_strings_never_fail_the_server(client, site, query, detail):
    url = f"{API}{site['news'].pk}/" if detail else API
    response = client.get(url + "?" + urlencode(query))
    assert response.status_code in (200, 400, 404), (query, response.status_code, response.content[:300])
    if response.status_code == 200 and not detail:
        visible = {site[name].pk for name in VISIBLE}
        assert ids(response) <= visible, query
