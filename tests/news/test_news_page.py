"""A news page: organisation, collaboration sentence, image with alt text and credit, tags, related
news, publication date, schema.org NewsArticle JSON-LD and Open Graph."""

import datetime
import re

from django.utils import timezone

from news.models import NewsPage, NewsPageRelatedNews
from tests.helpers.jsonld import json_ld_of_type
from tests.helpers.news import make_image

COLLABORATION = (
    "Nexus resurscentrum mot hedersrelaterat våld är ett samarbete mellan kommunerna i Uppsala län, "
    "Länsstyrelsen Uppsala län, Polismyndigheten och Region Uppsala."
)


def json_ld(html):
    return json_ld_of_type(html, "NewsArticle")


def og(html):
    return dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html))


def test_news_page_shows_organisation_collaboration_image_and_tags(client, make_news, police):
    image = make_image(description="Abstrakt lila grafik", credit="Nexus")
    page = make_news(police, "Ny utbildning", tags=["utbildning", "skola"], image=image)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Publicerad av Polismyndigheten" in html
    assert COLLABORATION in html.split('<footer class="news-article__footer">')[1]
    assert re.search(r'<img [^>]*alt="Abstrakt lila grafik"', html)
    assert "Foto: Nexus" in html
    assert 'href="/nyheter/?tag=utbildning"' in html
    assert f'datetime="{timezone.localtime(page.date).replace(microsecond=0).isoformat()}"' in html


def test_json_ld_is_a_news_article(client, make_news, police):
    page = make_news(police, "25 november", tags=["25 november"], image=make_image())
    data = json_ld(client.get(page.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "25 november"
    assert data["author"]["name"] == "Polismyndigheten"
    assert data["publisher"]["name"] == "Nexus resurscentrum mot hedersrelaterat våld"
    assert data["url"].startswith("http") and data["url"].endswith(page.url)
    assert datetime.datetime.fromisoformat(data["datePublished"]).tzinfo is not None
    assert data["image"][0].startswith("http")
    assert data["inLanguage"] == "sv"
    assert data["keywords"] == ["25 november"]


def test_json_ld_and_meta_escape_editor_input(client, make_news, police):
    title = 'Rubrik </script><script>alert("x")</script> & <b>'
    page = make_news(police, title, slug="farlig", lead='Ingress "med" <i>html</i>')
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    assert json_ld(html)["headline"] == title
    assert (
        og(html)["og:title"]
        == "Rubrik &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;"
    )


def test_open_graph_tags(client, make_news, police):
    page = make_news(police, "Sommarlov", lead="Risk för tvångsäktenskap.", image=make_image(description="Sol"))
    tags = og(client.get(page.url).content.decode())
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Sommarlov"
    assert tags["og:description"] == "Risk för tvångsäktenskap."
    assert tags["og:url"].startswith("http") and tags["og:url"].endswith(page.url)
    assert tags["og:image"].startswith("http")
    assert tags["og:image:alt"] == "Sol"
    assert tags["og:image:width"] == "1200"
    assert tags["article:author"] == "Polismyndigheten"
    assert "article:published_time" in tags


def test_page_without_image_renders(client, make_news, police):
    page = make_news(police, "Utan bild")
    html = client.get(page.url).content.decode()
    assert "og:image" not in html
    assert "image" not in json_ld(html)


def test_publication_date_defaults_to_first_publication_and_stays(make_news, police):
    page = make_news(police, "Utan datum", date=None)
    assert page.date is not None
    assert page.date == page.first_published_at
    first = page.date
    page.title = "Nytt namn"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.date == first


def test_publication_date_is_editable(make_news, police):
    chosen = timezone.make_aware(datetime.datetime(2026, 11, 25, 9, 0))
    page = make_news(police, "Med datum", date=chosen)
    assert page.date == chosen


def test_draft_has_no_date_until_published(make_news, police):
    page = make_news(police, "Utkast", date=None, publish=False)
    assert page.date is None
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.date == page.first_published_at


def test_related_news_shows_only_live_items(client, make_news, police, heby):
    other = make_news(heby, "Hebys nyhet")
    draft = make_news(heby, "Hebys utkast", publish=False)
    page = make_news(police, "Polisens nyhet", publish=False)
    page.related_news = [NewsPageRelatedNews(related=other), NewsPageRelatedNews(related=draft)]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    related = html.split('id="news-related-heading"')[1]
    assert "Hebys nyhet" in related
    assert "Hebys utkast" not in html


def test_renditions_are_made_on_publish(make_news, police):
    image = make_image()
    make_news(police, "Med bild", image=image)
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert {"fill-480x270", "width-960", "fill-1200x630"} <= specs


def test_news_pages_are_searchable(make_news, police):
    page = make_news(police, "Ny vägledning för skolor", tags=["skola"])
    assert page in list(NewsPage.objects.live().search("vägledning"))
    fields = {getattr(field, "field_name", None) for field in NewsPage.search_fields}
    assert {"title", "lead", "body", "tags", "date"} <= fields


def test_index_section_and_news_page_preview_in_the_admin(make_news, police, news_index):
    from news.models import NewsIndexPage
    from tests.factories import section_of

    page = make_news(police, "Förhandsvisning", tags=["skola"], image=make_image())
    for target in (news_index, section_of(NewsIndexPage, police), page):
        response = target.make_preview_request()
        assert response.status_code == 200, target


def test_publishing_makes_every_rendition_the_pages_show(client, make_news, police, news_index):
    """The publish hook and the templates name the same specs: viewing afterwards makes none."""
    image = make_image()
    page = make_news(police, "Bild vid publicering", image=image)
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made
    for url in (page.url, news_index.url):
        assert client.get(url).status_code == 200
    assert set(image.renditions.values_list("filter_spec", flat=True)) == made
