"""The three listings (news, trainings, press releases) take the same parameters and answer bad
values the same way; every feed lives below its index and the former feed URLs redirect there."""

import feedparser
import icalendar
import pytest

from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.training import make_training

pytestmark = pytest.mark.django_db


def make_news():
    return add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "Polisens nyhet")


def make_release():
    return add_page(section_of(PressRoomPage, organisation("polismyndigheten")), PressReleasePage, "Polisens release")


def make_course():
    return make_training(title="Polisens kurs", target_groups=["skola"], format="digitalt", place="")


# url, a way to make one item of the police, and each area's own valid parameters.
LISTINGS = {
    "news": ("/nyheter/", make_news, ["tag="]),
    "trainings": ("/utbildningar/", make_course, ["malgrupp=skola", "form=digitalt", "arkiv=1"]),
    "press": ("/press/", make_release, []),
}

COMMON_VALID = [
    "",
    "?organisation=polismyndigheten",
    "?page=1",
    "?organisation=&page=",
    "?organisation=polismyndigheten&page=1",
]

COMMON_BAD = [
    "?organisation=finns-inte",  # unknown organisation
    "?organisation=polis%20myndigheten",  # not a slug
    "?organisation=%3Cscript%3E",
    "?organisation=polis%00",  # NUL byte (PostgreSQL would answer 500)
    "?organisation=" + "a" * 101,  # over-long
    "?page=0",
    "?page=-1",
    "?page=abc",
    "?page=1%00",
    "?page=2",  # beyond the last page (one item)
    "?page=99999999999999999999",
]

OWN_BAD = {
    "news": ["?tag=finns-inte", "?tag=%00"],
    "trainings": ["?malgrupp=finns-inte", "?form=x", "?arkiv=2", "?malgrupp=%00"],
    "press": [],
}


@pytest.mark.parametrize("area", LISTINGS)
@pytest.mark.parametrize("query", COMMON_VALID)
def test_listings_take_the_same_common_parameters(client, area, query):
    url, make, _own = LISTINGS[area]
    item = make()
    response = client.get(url + query)
    assert response.status_code == 200, (area, query)
    assert item.title in response.content.decode()


@pytest.mark.parametrize("area", LISTINGS)
def test_listings_take_their_own_parameters(client, area):
    url, make, own = LISTINGS[area]
    make()
    for query in own:
        assert client.get(f"{url}?{query}").status_code == 200, (area, query)


@pytest.mark.parametrize("area", LISTINGS)
@pytest.mark.parametrize("query", COMMON_BAD)
def test_listings_answer_404_for_the_same_bad_values(client, area, query):
    url, make, _own = LISTINGS[area]
    make()
    response = client.get(url + query)
    assert response.status_code == 404, (area, query)
    assert "Lämna sidan snabbt" in response.content.decode()  # the site's own 404 page


@pytest.mark.parametrize("area", LISTINGS)
def test_listings_answer_404_for_their_own_unknown_choices(client, area):
    url, make, _own = LISTINGS[area]
    make()
    for query in OWN_BAD[area]:
        assert client.get(url + query).status_code == 404, (area, query)


@pytest.mark.parametrize(
    "url,kind",
    [
        ("/nyheter/rss/", "feed"),
        ("/nyheter/atom/", "feed"),
        ("/utbildningar/rss/", "feed"),
        ("/utbildningar/atom/", "feed"),
        ("/utbildningar/kalender.ics", "ical"),
        ("/press/rss/", "feed"),
        ("/press/atom/", "feed"),
        ("/en/news/rss/", "feed"),
        ("/en/trainings/atom/", "feed"),
        ("/en/trainings/kalender.ics", "ical"),
        ("/en/press/rss/", "feed"),
    ],
)
def test_feeds_below_the_index_pages_are_valid_and_take_the_organisation(client, url, kind):
    make_news()
    make_course()
    make_release()
    for query in ("", "?organisation=polismyndigheten"):
        response = client.get(url + query)
        assert response.status_code == 200, url + query
        assert response.cookies == {}
        if kind == "ical":
            assert response["Content-Type"].startswith("text/calendar")
            icalendar.Calendar.from_ical(response.content)
        else:
            feed = feedparser.parse(response.content)
            assert not feed.bozo, (url, feed.get("bozo_exception"))
            if not url.startswith("/en/"):
                assert len(feed.entries) == 1, url + query
    assert client.get(url + "?organisation=finns-inte").status_code == 404
    assert client.get(url + "?organisation=polis%00").status_code == 404


@pytest.mark.parametrize(
    "old,new",
    [
        ("/utbildningar/kalender-en.ics", "/en/trainings/kalender.ics"),
        ("/utbildningar/kalender-sv.ics", "/utbildningar/kalender.ics"),
        ("/press/rss/sv/", "/press/rss/"),
        ("/press/rss/en/", "/en/press/rss/"),
        ("/press/rss/sv/polismyndigheten/", "/press/rss/?organisation=polismyndigheten"),
    ],
)
def test_former_feed_urls_redirect_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200
