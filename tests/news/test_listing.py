"""The news listing: index and sections, filters, pagination, bad input, query count, home page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.listing import NewsListing
from news.models import NewsIndexPage, NewsPage, NewsSectionPage
from tests.factories import organisation, section_of
from tests.helpers.news import make_image

# These tests measure the render: the page cache would answer the warm request (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("no_page_cache")


def titles(response):
    """Titles of the news cards, in order."""
    return re.findall(r'class="news-card__title"><a href="[^"]*">([^<]+)</a>', response.content.decode())


def test_index_lists_live_public_news_of_every_organisation_newest_first(client, make_news, police, heby):
    make_news(police, "Polisen tre dagar", days_ago=3)
    make_news(heby, "Heby i går", days_ago=1)
    make_news(organisation("region-uppsala"), "Regionen i dag", days_ago=0)
    response = client.get("/nyheter/")
    assert response.status_code == 200
    assert titles(response) == ["Regionen i dag", "Heby i går", "Polisen tre dagar"]
    html = response.content.decode()
    assert "Polismyndigheten" in html and "Heby kommun" in html


def test_drafts_unpublished_private_and_scheduled_news_are_not_listed(client, make_news, police):
    make_news(police, "Synlig nyhet")
    make_news(police, "Utkast", publish=False)
    unpublished = make_news(police, "Avpublicerad")
    unpublished.unpublish()
    private = make_news(police, "Privat")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    scheduled = make_news(police, "Schemalagd", publish=False, go_live_at=timezone.now() + timezone.timedelta(days=2))
    scheduled.get_latest_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live
    for url in ("/nyheter/", "/nyheter/polismyndigheten/", "/"):
        assert client.get(url).status_code == 200
        html = client.get(url).content.decode()
        assert "Synlig nyhet" in html, url
        for hidden in ("Utkast", "Avpublicerad", "Privat", "Schemalagd"):
            assert hidden not in html, (url, hidden)


def test_other_languages_list_only_their_own_tree(client, make_news, police):
    make_news(police, "Svensk nyhet")
    make_news(police, "English news", language="en")
    assert titles(client.get("/en/news/")) == ["English news"]
    assert titles(client.get("/nyheter/")) == ["Svensk nyhet"]
    assert client.get("/ar/news/").status_code == 200


def test_pagination_ten_per_page_with_links(client, make_news, police):
    for number in range(23):
        make_news(police, f"Nyhet {number:02d}", days_ago=number)
    first = client.get("/nyheter/")
    assert titles(first) == [f"Nyhet {n:02d}" for n in range(10)]
    assert 'href="/nyheter/?page=2" rel="next"' in first.content.decode()
    third = client.get("/nyheter/?page=3")
    assert titles(third) == ["Nyhet 20", "Nyhet 21", "Nyhet 22"]
    assert 'href="/nyheter/?page=2" rel="prev"' in third.content.decode()


def test_a_long_listing_links_the_ends_and_the_neighbours_of_the_current_page_only(
    client, make_news, police, monkeypatch
):
    monkeypatch.setattr(NewsListing, "per_page", 1)  # 14 pages from 14 news
    for number in range(14):
        make_news(police, f"Nyhet {number:02d}", days_ago=number)
    html = client.get("/nyheter/?page=7").content.decode()
    pagination = html.split('class="pagination"', 1)[1].split("</nav>", 1)[0]
    linked = re.findall(r'href="/nyheter/(?:\?page=(\d+))?"', pagination)
    # 1 … 5 6 [7] 8 9 … 14, with "previous" (6) and "next" (8): never one link per page.
    assert sorted({int(n or 1) for n in linked}) == [1, 5, 6, 7, 8, 9, 14]
    assert pagination.count('class="pagination__gap"') == 2
    assert 'href="/nyheter/?page=7" aria-current="page"' in pagination
    last = client.get("/nyheter/?page=14")
    assert titles(last) == ["Nyhet 13"]
    assert 'href="/nyheter/?page=13" rel="prev"' in last.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?page=4",
        "?page=0",
        "?page=-1",
        "?page=abc",
        "?page=99999999999999999999",
        "?organisation=finns-inte",
        "?tag=finns-inte",
        "?organisation=polismyndigheten&tag=finns-inte",
        "?tag=%00",
        "?organisation=polis%00",
        "?tag=<script>",
        "?page=1%00",
    ],
)
def test_bad_page_or_unknown_filter_is_a_clean_404(client, make_news, police, query):
    for number in range(3):
        make_news(police, f"Nyhet {number}", tags=["skola"])
    for base in ("/nyheter/", "/nyheter/polismyndigheten/", "/nyheter/rss/", "/nyheter/atom/"):
        if "organisation" in query and base == "/nyheter/polismyndigheten/":
            continue  # a section ignores the organisation filter
        if query.startswith("?page=") and base.endswith(("rss/", "atom/")) and query[6:].isdigit():
            continue  # feeds are not paginated
        response = client.get(base + query)
        assert response.status_code == 404, (base, query)
        if not base.endswith(("rss/", "atom/")):
            assert "Lämna sidan snabbt" in response.content.decode()  # the site's own 404 page


def test_empty_page_parameter_is_the_first_page(client, make_news, police):
    make_news(police, "Nyhet")
    assert titles(client.get("/nyheter/?page=")) == ["Nyhet"]
    assert titles(client.get("/nyheter/?page=1&tag=&organisation=")) == ["Nyhet"]


def test_empty_listing_and_known_filters_without_matches_are_200(client, make_news, police, heby):
    assert client.get("/nyheter/").status_code == 200
    assert "Det finns inga nyheter här just nu." in client.get("/nyheter/").content.decode()
    make_news(police, "Polisen om skolan", tags=["skola"])
    make_news(heby, "Heby om sommaren", tags=["sommarlov"])
    response = client.get("/nyheter/?organisation=heby-kommun&tag=skola")
    assert response.status_code == 200
    assert titles(response) == []


def test_organisation_and_tag_filters_combine(client, make_news, police, heby):
    make_news(police, "Polisen skola", tags=["skola"], days_ago=1)
    make_news(police, "Polisen sommar", tags=["sommarlov"], days_ago=2)
    make_news(heby, "Heby skola", tags=["skola", "utbildning"], days_ago=3)
    assert titles(client.get("/nyheter/?organisation=polismyndigheten")) == ["Polisen skola", "Polisen sommar"]
    assert titles(client.get("/nyheter/?tag=skola")) == ["Polisen skola", "Heby skola"]
    combined = client.get("/nyheter/?organisation=polismyndigheten&tag=skola")
    assert titles(combined) == ["Polisen skola"]
    html = combined.content.decode()
    # Plain GET links keep the other filter, so every state has a shareable URL.
    assert 'href="/nyheter/?organisation=polismyndigheten&amp;tag=sommarlov"' in html
    assert 'href="/nyheter/?organisation=polismyndigheten"' in html  # "every topic" keeps the organisation
    assert 'href="/nyheter/?tag=skola"' in html  # "every organisation" keeps the tag
    assert 'href="/nyheter/?organisation=polismyndigheten&amp;tag=skola" aria-current="true"' in html
    # No JavaScript or form needed: the only form is the site-wide search in the header.
    assert html.count("<form") == html.count('role="search"')
    # Only organisations with news in the current tag are offered.
    assert 'href="/nyheter/?organisation=heby-kommun&amp;tag=skola"' in html
    assert "?organisation=region-uppsala" not in html


def test_filters_keep_through_pagination(client, make_news, police, heby):
    for number in range(12):
        make_news(police, f"Polisen {number:02d}", tags=["skola"], days_ago=number)
    make_news(heby, "Heby skola", tags=["skola"])
    first = client.get("/nyheter/?organisation=polismyndigheten&tag=skola")
    assert (
        'href="/nyheter/?organisation=polismyndigheten&amp;tag=skola&amp;page=2" rel="next"' in first.content.decode()
    )
    second = client.get("/nyheter/?organisation=polismyndigheten&tag=skola&page=2")
    assert titles(second) == ["Polisen 10", "Polisen 11"]


def test_section_lists_only_its_own_organisation(client, make_news, police, heby):
    make_news(police, "Polisens nyhet", tags=["skola"])
    make_news(heby, "Hebys nyhet", tags=["skola"])
    response = client.get("/nyheter/polismyndigheten/")
    assert response.status_code == 200
    assert titles(response) == ["Polisens nyhet"]
    assert titles(client.get("/nyheter/polismyndigheten/?tag=skola")) == ["Polisens nyhet"]
    html = response.content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/nyheter/rss/?organisation=polismyndigheten"' in html
    assert 'href="/nyheter/atom/?organisation=polismyndigheten"' in html


def test_listing_pages_announce_their_feeds_in_the_head(client, make_news, police):
    make_news(police, "Nyhet", tags=["skola"])
    for url, expected in [
        ("/nyheter/", ["/nyheter/rss/", "/nyheter/atom/"]),
        ("/nyheter/?tag=skola", ["/nyheter/rss/?tag=skola", "/nyheter/atom/?tag=skola", "/nyheter/rss/"]),
        ("/", ["/nyheter/rss/", "/nyheter/atom/"]),
        ("/en/", ["/en/news/rss/", "/en/news/atom/"]),
    ]:
        head = client.get(url).content.decode().split("</head>")[0]
        for href in expected:
            assert re.search(
                rf'<link rel="alternate" type="application/(rss|atom)\+xml" title="[^"]+" href="{re.escape(href)}">',
                head,
            ), (url, href)


def test_home_page_shows_the_three_latest_news_of_its_language(client, make_news, police, heby):
    for number in range(5):
        make_news(police if number % 2 else heby, f"Nyhet {number}", days_ago=number)
    make_news(police, "Utkast i dag", publish=False)
    make_news(police, "English item", language="en")
    response = client.get("/")
    assert titles(response) == ["Nyhet 0", "Nyhet 1", "Nyhet 2"]
    assert 'href="/nyheter/">Alla nyheter' in response.content.decode()
    assert titles(client.get("/en/")) == ["English item"]


def test_home_page_without_news_renders_without_the_news_block(client, home):
    response = client.get("/fa/")
    assert response.status_code == 200
    assert "Senaste nyheterna" not in response.content.decode()


def _fill(make_news, count, start=0):
    organisations = [organisation("polismyndigheten"), organisation("heby-kommun"), organisation("region-uppsala")]
    for number in range(start, start + count):
        make_news(
            organisations[number % 3],
            f"Nyhet {number:02d}",
            days_ago=number,
            tags=[f"tagg-{number % 4}", "gemensam"],
            image=make_image(title=f"Bild {number}", size=(160, 90)),
        )


def _count_queries(client, url):
    client.get(url)  # warm: renditions exist, caches filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("url", ["/nyheter/", "/nyheter/?organisation=heby-kommun&tag=gemensam", "/nyheter/rss/", "/"])
def test_listing_runs_a_constant_number_of_queries(client, make_news, url):
    _fill(make_news, 5)
    few, response = _count_queries(client, url)
    assert "Nyhet 01" in response.content.decode()
    _fill(make_news, 45, start=5)
    many, response = _count_queries(client, url)
    assert "Nyhet 01" in response.content.decode()
    assert many == few, (url, few, many)
    assert few <= 30, few


def test_listing_query_count_does_not_depend_on_the_number_of_items_shown(client, make_news):
    """5 news items on the page against 10: the same queries."""
    _fill(make_news, 5)
    few, _ = _count_queries(client, "/nyheter/")
    _fill(make_news, 5, start=5)
    ten, response = _count_queries(client, "/nyheter/")
    assert len(titles(response)) == 10
    assert ten == few


def test_index_is_one_per_language_tree():
    assert NewsIndexPage.max_count_per_parent == 1
    assert NewsPage.parent_page_types == ["news.NewsSectionPage"]
    assert NewsSectionPage.subpage_types == ["news.NewsPage"]


def test_section_of_each_language_exists_for_the_listing(news_index, police):
    assert section_of(NewsIndexPage, police).get_parent().id == news_index.id
