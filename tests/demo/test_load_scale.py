"""manage.py load_scale: many live pages in bulk, a valid tree, listed, searchable, spread evenly."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from news.models import NewsPage, NewsSectionPage
from press.models import PressReleasePage, PressSectionPage
from training.models import TrainingPage, TrainingSectionPage
from workflows.models import Organisation

pytestmark = pytest.mark.django_db

NEWS, TRAININGS, PRESS = 30, 10, 10


@pytest.fixture
def loaded(db):
    call_command("load_scale", "--news", NEWS, "--trainings", TRAININGS, "--press", PRESS, verbosity=0)


def test_the_tree_is_valid_and_every_page_is_live_with_its_revision(loaded):
    assert Page.find_problems() == ([], [], [], [], [])
    assert NewsPage.objects.count() == NEWS
    assert TrainingPage.objects.count() == TRAININGS
    assert PressReleasePage.objects.count() == PRESS
    for model in (NewsPage, TrainingPage, PressReleasePage):
        assert not model.objects.filter(live=False).exists()
        assert not model.objects.filter(live_revision__isnull=True).exists()
        page = model.objects.order_by("path").first()
        assert Revision.objects.get(pk=page.live_revision_id).as_object().title == page.title
    # numchild of the sections is right: adding a page the ordinary way still works.
    section = NewsPage.objects.order_by("path").first().get_parent()
    section.add_child(instance=NewsPage(title="Ny efteråt", slug="ny-efterat", locale_id=section.locale_id))
    assert Page.find_problems() == ([], [], [], [], [])


def test_counts_per_organisation_and_language_are_as_requested(loaded):
    organisations = sorted(Organisation.objects.values_list("slug", flat=True))
    for model, section_model, count in (
        (NewsPage, NewsSectionPage, NEWS),
        (TrainingPage, TrainingSectionPage, TRAININGS),
        (PressReleasePage, PressSectionPage, PRESS),
    ):
        for index, slug in enumerate(organisations):
            sections = section_model.objects.filter(organisation__slug=slug)
            in_sections = sum(model.objects.child_of(section).count() for section in sections)
            assert in_sections == len(range(index, count, len(organisations))), (model, slug)
    languages = sorted(set(NewsSectionPage.objects.values_list("locale__language_code", flat=True)))
    for index, language in enumerate(languages):
        assert NewsPage.objects.filter(locale__language_code=language).count() == len(
            range(index, NEWS, len(languages))
        )


def test_the_pages_are_listed_in_each_language_and_open(loaded, client):
    for language in set(NewsSectionPage.objects.values_list("locale__language_code", flat=True)):
        newest = NewsPage.objects.filter(locale__language_code=language).order_by("-date").first()
        index = newest.get_parent().get_parent()
        response = client.get(index.url)
        assert response.status_code == 200
        assert newest.title in response.content.decode()
        assert client.get(newest.url).status_code == 200
    training = TrainingPage.objects.filter(locale__language_code="sv").order_by("path").first()
    listing = client.get(training.get_parent().get_parent().url)
    assert training.title in listing.content.decode()
    assert client.get(training.url).status_code == 200
    press = PressReleasePage.objects.filter(locale__language_code="sv").order_by("path").first()
    assert press.title in client.get(press.get_parent().get_parent().url).content.decode()


def test_search_finds_a_loaded_page(loaded, client):
    response = client.get("/sok/", {"q": "Nyhet"})
    assert response.status_code == 200
    assert "Nyhet om stöd och skydd mot hedersrelaterat våld" in response.content.decode()
