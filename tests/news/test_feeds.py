"""RSS 2.0 and Atom feeds: valid, filtered, absolute, dated, and never a draft or scheduled item."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

FEEDS = ["rss", "atom"]


@pytest.fixture
def news_set(make_news, police, heby):
    make_news(police, "Polisen om skolan", tags=["skola"], days_ago=1)
    make_news(police, "Polisen om sommarlovet", tags=["sommarlov"], days_ago=2)
    make_news(heby, "Heby om skolan", tags=["skola", "utbildning"], days_ago=3)
    make_news(heby, "Heby utkast", tags=["skola"], publish=False)
    scheduled = make_news(
        police,
        "Polisen schemalagd",
        tags=["skola"],
        publish=False,
        go_live_at=timezone.now() + datetime.timedelta(days=3),
    )
    scheduled.get_latest_revision().publish()
    private = make_news(police, "Polisen privat", tags=["skola"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemligt")


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.cookies == {}
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.mark.parametrize("kind", FEEDS)
@pytest.mark.parametrize(
    "query,expected",
    [
        ("", ["Polisen om skolan", "Polisen om sommarlovet", "Heby om skolan"]),
        ("?organisation=polismyndigheten", ["Polisen om skolan", "Polisen om sommarlovet"]),
        ("?tag=skola", ["Polisen om skolan", "Heby om skolan"]),
        ("?organisation=heby-kommun&tag=skola", ["Heby om skolan"]),
        ("?organisation=heby-kommun&tag=sommarlov", []),
    ],
)
def test_feeds_parse_and_list_only_live_public_news(client, news_set, kind, query, expected):
    response, feed = parse(client, f"/nyheter/{kind}/{query}")
    content_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(content_type)
    assert [entry.title for entry in feed.entries] == expected
    body = response.content.decode()
    for hidden in ("utkast", "schemalagd", "privat"):
        assert hidden not in body.lower()


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_entries_have_absolute_links_dates_with_time_zone_author_and_categories(client, news_set, kind):
    response, feed = parse(client, f"/nyheter/{kind}/")
    assert feed.feed.title.startswith("Nyheter")
    assert feed.feed.link.startswith("http")
    assert feed.feed.language == "sv" if kind == "rss" else True
    entry = feed.entries[0]
    assert entry.link.startswith("http://") and entry.link.endswith("/nyheter/polismyndigheten/polisen-om-skolan/")
    assert entry.author == "Polismyndigheten"
    assert {tag.term for tag in entry.tags} == {"Polismyndigheten", "skola"}
    assert entry.summary == "Ingress för Polisen om skolan."
    assert entry.published_parsed is not None
    body = response.content.decode()
    if kind == "rss":
        assert "+0000</pubDate>" in body
    else:
        assert "+00:00</published>" in body


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_title_names_the_filter(client, news_set, kind):
    _response, feed = parse(client, f"/nyheter/{kind}/?organisation=polismyndigheten&tag=skola")
    assert feed.feed.title.startswith("Nyheter från Polismyndigheten om skola")


@pytest.mark.parametrize("kind", FEEDS)
def test_feeds_per_language_tree(client, make_news, police, kind):
    make_news(police, "Svensk nyhet")
    make_news(police, "English news", language="en")
    _response, feed = parse(client, f"/en/news/{kind}/")
    assert [entry.title for entry in feed.entries] == ["English news"]
    assert "/en/news/" in feed.entries[0].link
    _response, feed = parse(client, f"/ar/news/{kind}/")
    assert feed.entries == []


def test_feed_holds_the_twenty_latest(client, make_news, police):
    for number in range(25):
        make_news(police, f"Nyhet {number:02d}", days_ago=number)
    _response, feed = parse(client, "/nyheter/rss/")
    assert [entry.title for entry in feed.entries] == [f"Nyhet {n:02d}" for n in range(20)]


def test_scheduled_item_appears_once_published_on_schedule(client, make_news, police, time_machine):
    make_news(police, "Embargo", publish=False, go_live_at=timezone.now() + datetime.timedelta(hours=1))
    from django.core.management import call_command

    from news.models import NewsPage

    news = NewsPage.objects.get(title="Embargo")
    news.get_latest_revision().publish()
    assert [e.title for e in parse(client, "/nyheter/atom/")[1].entries] == []
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=2))
    call_command("publish_scheduled")
    assert [e.title for e in parse(client, "/nyheter/atom/")[1].entries] == ["Embargo"]
