"""``manage.py setup_site``: the installation without demo users or content."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Site,
    Workflow,
    WorkflowPage,
)

from home.models import HelpNumber, HomePage
from news.models import NewsIndexPage, NewsPage, NewsSectionPage
from press.models import PressReleasePage, PressRoomPage, PressSectionPage
from tests.helpers.counts import counts
from training.models import TrainingIndexPage, TrainingPage, TrainingSectionPage
from workflows.editorial import APPROVAL_WORKFLOW, PROJECT_LEADERS_GROUP, TRANSLATORS_GROUP

ROOT = Path(settings.BASE_DIR)
CODES = [code for code, _name in settings.LANGUAGES]
INDEXES = [
    (NewsIndexPage, NewsSectionPage, "nyheter", "news"),
    (TrainingIndexPage, TrainingSectionPage, "utbildningar", "trainings"),
    (PressRoomPage, PressSectionPage, "press", "press"),
]


def test_setup_site_twice_changes_nothing(db):
    call_command("setup_site")
    before = counts()
    call_command("setup_site")
    assert counts() == before
    assert before["locales"] == len(CODES)
    assert before["organisations"] == 14


def test_setup_site_creates_no_users_and_no_content(db):
    call_command("setup_site")
    assert not get_user_model().objects.exists()
    assert not NewsPage.objects.exists()
    assert not TrainingPage.objects.exists()
    assert not PressReleasePage.objects.exists()
    assert set(HelpNumber.objects.values_list("service", flat=True)) == {
        "112",
        "polisen",
        "kvinnofridslinjen",
        "ratt-att-valja",
    }


def test_every_language_has_a_live_home_page_and_the_three_indexes(db):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "sv"
    for code in CODES:
        home = HomePage.objects.live().get(depth=2, locale__language_code=code)
        for index_model, _section_model, sv_slug, slug in INDEXES:
            index = index_model.objects.live().child_of(home).get()
            assert index.slug == (sv_slug if code == "sv" else slug)


def test_titles_come_from_the_catalogues(db):
    assert HomePage.objects.get(locale__language_code="en").title == "Home"
    assert HomePage.objects.get(locale__language_code="fi").title == "Etusivu"
    assert NewsIndexPage.objects.get(locale__language_code="en").title == "News"
    assert TrainingIndexPage.objects.get(locale__language_code="ar").title == "الدورات التدريبية"
    assert PressRoomPage.objects.get(locale__language_code="en").title == "Press room"
    assert PressRoomPage.objects.get(locale__language_code="sv").title == "Press"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/en/",
        "/ar/",
        "/fi/",
        "/nyheter/",
        "/utbildningar/",
        "/press/",
        "/en/news/",
        "/en/trainings/",
        "/ar/press/",
    ],
)
def test_the_installed_site_answers_with_empty_listings(db, client, url):
    response = client.get(url)
    assert response.status_code == 200, url


def test_the_empty_news_listing_says_so(db, client):
    html = client.get("/nyheter/").content.decode()
    assert 'class="news-card__title"' not in html


NINTH = [*settings.LANGUAGES, ("uk", "Українська")]


def test_a_ninth_language_gets_its_whole_tree(db, settings, organisations):
    settings.LANGUAGES = NINTH
    settings.WAGTAIL_CONTENT_LANGUAGES = NINTH
    call_command("setup_site")
    locale = Locale.objects.get(language_code="uk")
    home = HomePage.objects.live().get(depth=2, locale=locale)
    sv_home = HomePage.objects.get(depth=2, locale__language_code="sv")
    assert home.translation_key == sv_home.translation_key
    workflow = Workflow.objects.get(name=APPROVAL_WORKFLOW)
    assert WorkflowPage.objects.get(page=home).workflow == workflow
    leaders = Group.objects.get(name=PROJECT_LEADERS_GROUP)
    translators = Group.objects.get(name=TRANSLATORS_GROUP)
    assert GroupPagePermission.objects.filter(group=leaders, page=home, permission__codename="publish_page").exists()
    assert GroupPagePermission.objects.filter(group=translators, page=home, permission__codename="add_page").exists()
    for index_model, section_model, _sv_slug, slug in INDEXES:
        index = index_model.objects.live().child_of(home).get()
        assert index.slug == slug
        for organisation in organisations:
            section = section_model.objects.live().child_of(index).get(organisation=organisation)
            communicators = Group.objects.get(name=organisation.communicators_group_name)
            assert GroupPagePermission.objects.filter(
                group=communicators, page=section, permission__codename="add_page"
            ).exists()
            assert WorkflowPage.objects.filter(page=section).exists()
    before = counts()
    call_command("setup_site")
    assert counts() == before


def test_the_setup_editorial_command_is_gone():
    assert not (ROOT / "workflows" / "management" / "commands" / "setup_editorial.py").exists()


CHECK = """
import json
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
# The hashed static manifest is built by collectstatic at deploy time, not by this check.
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}):
    client = Client()
    print(json.dumps({
        "status": {url: client.get(url).status_code for url in ("/", "/en/", "/ar/", "/nyheter/")},
        "users": get_user_model().objects.count(),
    }))
"""


def test_a_production_install_builds_the_site_without_users(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nexus_cms.settings.production",
        "SECRET_KEY": "x" * 20 + "-production-like-secret-key-for-this-test-only-0123456789",
        "ALLOWED_HOSTS": "testserver,localhost",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://nexus.example",
        "NEXUS_PUBLIC_URL": "http://localhost",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    def manage(*args):
        return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout

    manage("migrate", "--noinput", "-v", "0")
    manage("setup_site")
    manage("setup_site")
    result = json.loads(manage("shell", "-c", "from django.conf import settings\n" + CHECK).strip().splitlines()[-1])
    assert result == {"status": {"/": 200, "/en/": 200, "/ar/": 200, "/nyheter/": 200}, "users": 0}
