"""View restrictions are read once per request, and a restricted section leaves every listing at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of

# These tests measure the render: the page cache would answer the warm request (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("no_page_cache")


def restriction_queries(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]]


def test_a_page_render_reads_the_view_restrictions_at_most_twice(client, home):
    # Once for the listings, menu, language links and footer; once in Wagtail's own serve check.
    add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "En nyhet")
    for url in ("/", "/nyheter/", "/utbildningar/", "/press/"):
        assert len(restriction_queries(client, url)) <= 2, url


def test_a_restricted_section_leaves_the_listings_and_the_home_page_at_once(client, home):
    section = section_of(NewsIndexPage, organisation("polismyndigheten"))
    add_page(section, NewsPage, "Hemlig nyhet")
    assert "Hemlig nyhet" in client.get("/nyheter/").content.decode()
    assert "Hemlig nyhet" in client.get("/").content.decode()
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="password", password="hemligt")
    assert "Hemlig nyhet" not in client.get("/nyheter/").content.decode()
    assert "Hemlig nyhet" not in client.get("/").content.decode()
    restriction.delete()
    assert "Hemlig nyhet" in client.get("/nyheter/").content.decode()
