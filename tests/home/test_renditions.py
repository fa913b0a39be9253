"""Image renditions are made when a page is published (or by generate_renditions), never on a view.

A reader's first request must not render images: it is slow, and on several app servers two
first requests race each other to make the same rendition. Every page type, the footer's partner
logos and the press room's image bank; the list of specs is home.renditions (and news'/press'),
used by the templates and by the generator alike.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from press.models import PRESS_IMAGES_COLLECTION, PressReleasePage, PressRoomPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.media import collection_of

Image = get_image_model()
Rendition = Image.get_rendition_model()


def image(title, collection):
    return Image.objects.create(
        title=title, file=get_test_image_file(size=(640, 400)), collection=collection, description=title
    )


@pytest.fixture
def site_content(db):
    """A page of each kind that shows images, published as Wagtail publishes (revision.publish())."""
    police = organisation("polismyndigheten")
    own = collection_of(police)
    police.logo = image("Polisens logotyp", own)
    police.save()
    home = HomePage.objects.get(depth=2, locale__language_code="sv")
    story = image("Bild i brödtexten", own)
    standard = add_page(
        home,
        StandardPage,
        "Om stödet",
        body=[("image", {"image": story, "alt_text": "Ett samtal", "caption": "", "credit": ""})],
    )
    news_image = image("Nyhetsbild", own)
    news = add_page(section_of(NewsIndexPage, police), NewsPage, "Nyhet med bild", image=news_image)
    release_image = image("Pressbild till releasen", own)
    release = add_page(
        section_of(PressRoomPage, police), PressReleasePage, "Release med bild", images=[("image", release_image)]
    )
    bank = Collection.objects.get(name=PRESS_IMAGES_COLLECTION)
    bank_image = image("Bild i bildbanken", bank)
    return {
        "logo": police.logo.pk,
        "urls": [
            home.url,
            standard.url,
            news.url,
            NewsIndexPage.objects.get(locale__language_code="sv").url,
            release.url,
            PressRoomPage.objects.get(locale__language_code="sv").url,
        ],
        "expected": {
            (police.logo.pk, "max-160x80"),
            (story.pk, "width-800"),
            (news_image.pk, "fill-480x270"),
            (news_image.pk, "width-960"),
            (news_image.pk, "fill-1200x630"),
            (release_image.pk, "max-640x480"),
            (release_image.pk, "width-1200"),
            (release_image.pk, "width-2400"),
            (bank_image.pk, "max-640x480"),
            (bank_image.pk, "width-1200"),
            (bank_image.pk, "width-2400"),
        },
    }


def made():
    return set(Rendition.objects.values_list("image_id", "filter_spec"))


def test_publishing_makes_every_rendition_so_the_first_anonymous_views_make_none(client, site_content):
    assert site_content["expected"] <= made()
    logo = Rendition.objects.get(image_id=site_content["logo"], filter_spec="max-160x80")
    before = Rendition.objects.count()
    for url in site_content["urls"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'src="{logo.url}"' in response.content.decode(), url
    assert Rendition.objects.count() == before


def test_generate_renditions_fills_what_is_missing_for_every_live_page(client, site_content):
    Rendition.objects.all().delete()
    call_command("generate_renditions", stdout=StringIO())
    assert site_content["expected"] <= made()
    before = Rendition.objects.count()
    for url in site_content["urls"]:
        assert client.get(url).status_code == 200, url
    assert Rendition.objects.count() == before
    # A second run finds nothing to do.
    call_command("generate_renditions", stdout=StringIO())
    assert Rendition.objects.count() == before
