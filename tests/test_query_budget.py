"""The render cost of every public page: at most QUERY_BUDGET queries on a warm render (the
fragment caches filled by a first request), and as many with 50 listed items as with 5.

The content is built as editors build it (revisions, publication); every page type Wagtail knows
gets one live page, so a new page type without a page here fails the coverage test.
"""

import datetime
import io

import pytest
from django.core.cache import caches
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, get_page_models
from wagtail.rich_text import RichText

from channels.models import NewsletterNewsItem, NewsletterPage, NewsletterTraining
from home.models import AudiencePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from press.models import PRESS_IMAGES_COLLECTION, PressReleasePage, PressRoomPage, Spokesperson
from tests.factories import add_page, organisation, section_of
from training.models import TrainingIndexPage, TrainingPage, TrainingSession

# Renders are measured, not the anonymous page cache that would answer the warm request.
pytestmark = pytest.mark.usefixtures("no_page_cache")

QUERY_BUDGET = 12
ORGANISATIONS = ("polismyndigheten", "heby-kommun", "region-uppsala")


@pytest.fixture(autouse=True)
def _empty_caches():
    """Rendition cache keys hold image ids, which rolled-back tests reuse."""
    for cache in caches.all():
        cache.clear()


def _image(title, collection=None):
    buffer = io.BytesIO()
    PILImage.new("RGB", (160, 90), (90, 42, 130)).save(buffer, "PNG")
    fields = {"collection": collection} if collection else {}
    return get_image_model().objects.create(
        title=title,
        description=f"Beskrivning av {title}",
        credit="Nexus",
        file=ImageFile(buffer, name="b.png"),
        **fields,
    )


def _body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def _add_news(number):
    org = organisation(ORGANISATIONS[number % 3])
    page = add_page(
        section_of(NewsIndexPage, org),
        NewsPage,
        f"Nyhet {number:02d}",
        publish=False,
        live=False,
        lead=f"Ingress om gemensamt arbete {number}.",
        date=timezone.now() - datetime.timedelta(days=number),
        image=_image(f"Nyhetsbild {number}"),
        body=_body(f"Gemensam text {number}, nyhetsord."),
    )
    page.tags.add(f"tagg-{number % 4}", "gemensam")
    page.save_revision().publish()
    return page


def _add_training(number):
    org = organisation(ORGANISATIONS[number % 3])
    start = timezone.now() + datetime.timedelta(days=number + 1)
    sessions = [
        TrainingSession(start=start, end=start + datetime.timedelta(hours=3)),
        TrainingSession(start=start + datetime.timedelta(days=7), end=start + datetime.timedelta(days=7, hours=3)),
    ]
    return add_page(
        section_of(TrainingIndexPage, org),
        TrainingPage,
        f"Utbildning {number:02d}",
        capacity=20,
        sessions=sessions,
        lead=f"Gemensam utbildning {number}.",
    )


def _add_release(number):
    org = organisation(ORGANISATIONS[number % 3])
    release = add_page(section_of(PressRoomPage, org), PressReleasePage, f"Pressmeddelande {number:02d}", live=True)
    if number % 3 == 0:  # joint releases
        release.issuing_organisations = [org, organisation(ORGANISATIONS[(number + 1) % 3])]
        release.save_revision().publish()
    Spokesperson.objects.create(organisation=org, name=f"Talesperson {number}", title="Presschef")
    _image(f"Pressbild {number}", Collection.objects.get(name=PRESS_IMAGES_COLLECTION))
    return release


def _fill(count, start=0):
    for number in range(start, start + count):
        _add_news(number)
        _add_training(number)
        _add_release(number)


@pytest.fixture
def site_pages(home):
    """One live page of every page type (the installation's own and the listed items), 5 items each."""
    _fill(5)
    add_page(home, StandardPage, "Säkerhet", slug="sakerhet", body=_body("Så skyddar du dig."))
    about = add_page(home, StandardPage, "Om Nexus", body=_body("Om oss."))
    victims = add_page(home, AudiencePage, "Få stöd", body=_body("Stöd."))
    victims.related_pages = [("page", about), ("page", NewsIndexPage.objects.get(locale=home.locale))]
    victims.save_revision().publish()
    add_page(victims, AudiencePage, "Få stöd på lätt svenska", easy_to_read=True)
    add_page(
        home,
        NewsletterPage,
        "Nyhetsbrev december",
        intro="<p>Det här hände i december.</p>",
        news_items=[NewsletterNewsItem(target=news) for news in NewsPage.objects.live()],
        trainings=[NewsletterTraining(target=training) for training in TrainingPage.objects.live()],
    )
    return home


def _warm_queries(client, url):
    first = client.get(url)  # fills the fragment caches, creates the renditions
    assert first.status_code in (200, 404), (url, first.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == first.status_code, url
    return len(queries), response


def _page_urls():
    urls = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().filter(locale__language_code="sv").order_by("path").first()
        if page is not None:
            urls[model.__name__] = page.url
    return urls


def test_every_page_type_renders_warm_within_the_budget(client, site_pages):
    urls = _page_urls()
    assert set(urls) == {model.__name__ for model in get_page_models() if model is not Page}
    counts = {name: _warm_queries(client, url)[0] for name, url in urls.items()}
    assert {name: count for name, count in counts.items() if count > QUERY_BUDGET} == {}, counts


OTHER_VIEWS = [
    "/sok/?q=gemensam",
    "/sida-som-inte-finns/",
    "/nyheter/rss/",
    "/nyheter/atom/",
    "/utbildningar/rss/",
    "/utbildningar/kalender.ics",
    "/press/rss/",
    "/press/atom/",
    "/en/",
    "/ar/",
    "/ar/news/",
]


def test_search_404_feeds_and_other_languages_render_warm_within_the_budget(client, site_pages):
    counts = {url: _warm_queries(client, url)[0] for url in OTHER_VIEWS}
    assert {url: count for url, count in counts.items() if count > QUERY_BUDGET} == {}, counts


LISTINGS = [
    ("/", "Nyhet 00"),
    ("/nyheter/", "Nyhet 00"),
    ("/nyheter/polismyndigheten/", "Nyhet 00"),
    ("/nyheter/?tag=gemensam", "Nyhet 00"),
    ("/utbildningar/", "Utbildning 00"),
    ("/press/", "Pressmeddelande"),
    ("/nyheter/rss/", "Nyhet 00"),
    ("/utbildningar/rss/", "Utbildning 00"),
    ("/press/rss/", "Pressmeddelande"),
    ("/sok/?q=nyhetsord", "Nyhet"),
]


def test_listings_cost_the_same_with_5_and_with_50_items(client, site_pages):
    few = {}
    for url, expected in LISTINGS:
        few[url], response = _warm_queries(client, url)
        assert expected in response.content.decode(), url
    _fill(45, start=5)
    many = {}
    for url, expected in LISTINGS:
        many[url], response = _warm_queries(client, url)
        assert expected in response.content.decode(), url
    assert many == few
    assert max(few.values()) <= QUERY_BUDGET, few
