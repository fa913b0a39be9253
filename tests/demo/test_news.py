import feedparser
from wagtail.images import get_image_model

from demo.loader import load_news
from news.models import NewsPage


def test_demo_news_is_idempotent_and_public(client, home, demo_people):
    load_news(home, *demo_people)
    count = NewsPage.objects.count()
    images = get_image_model().objects.count()
    load_news(home, *demo_people)
    assert NewsPage.objects.count() == count
    assert get_image_model().objects.count() == images

    swedish = NewsPage.objects.live().filter(locale__language_code="sv")
    assert swedish.count() >= 12
    organisations = {page.organisation.slug for page in swedish}
    assert len(organisations) >= 5
    assert all(page.tags.exists() for page in swedish)
    for page in swedish:
        assert page.image is not None
        assert page.image.description and page.image.credit == "Nexus"

    for url in ("/en/news/", "/ar/news/"):
        response = client.get(url)
        assert response.status_code == 200
        assert 'class="news-card__title"' in response.content.decode(), url
    arabic = NewsPage.objects.live().get(locale__language_code="ar")
    assert client.get(arabic.url).status_code == 200
    feed = feedparser.parse(client.get("/nyheter/rss/").content)
    assert not feed.bozo and len(feed.entries) == swedish.count()
    assert len(feed.entries) <= 20
    assert client.get("/nyheter/?page=2").status_code == 200
