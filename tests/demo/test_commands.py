from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Page, PageLogEntry, WorkflowState

from home.models import HomePage, MaterialKitPage, PrivacyNoticePage
from news.models import NewsIndexPage, NewsSectionPage
from press.models import PressRoomPage, PressSectionPage
from tests.helpers.counts import counts
from training.models import TrainingIndexPage, TrainingSectionPage
from workflows.editorial import PROJECT_LEADERS_GROUP, TRANSLATORS_GROUP
from workflows.models import Organisation

ORGANISATION_SLUGS = {
    "nexus",
    "enkopings-kommun",
    "heby-kommun",
    "habo-kommun",
    "knivsta-kommun",
    "tierps-kommun",
    "uppsala-kommun",
    "alvkarleby-kommun",
    "osthammars-kommun",
    "lansstyrelsen-uppsala-lan",
    "polismyndigheten",
    "region-uppsala",
    "nck",
    "aklagarmyndigheten",
}


def test_setup_site_is_idempotent_and_creates_the_organisations(db):
    call_command("setup_site")
    before = counts()
    call_command("setup_site")
    assert counts() == before
    assert set(Organisation.objects.values_list("slug", flat=True)) == ORGANISATION_SLUGS


def test_load_demo_is_idempotent(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo")
    before = counts()
    call_command("load_demo")
    assert counts() == before
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="projektledare").groups.filter(name="Projektledning").exists()
    assert User.objects.get(username="samordnare").groups.filter(name="Projektledning").exists()
    assert User.objects.get(username="oversattare").groups.filter(name="Översättare").exists()
    for slug in ORGANISATION_SLUGS:
        user = User.objects.get(username=f"kommunikator-{slug}")
        assert user.check_password("nexus-demo")
        assert not user.is_superuser
        assert user.groups.filter(name=Organisation.objects.get(slug=slug).communicators_group_name).exists()


def test_demo_password_comes_from_the_environment(db, monkeypatch, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setenv("NEXUS_DEMO_PASSWORD", "ett-annat-lösenord")
    call_command("load_demo")
    assert get_user_model().objects.get(username="projektledare").check_password("ett-annat-lösenord")


def test_migrations_are_complete(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_demo_translation_went_through_the_workflow(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo")
    structure = (HomePage, NewsIndexPage, TrainingIndexPage, PressRoomPage, NewsSectionPage, TrainingSectionPage)
    # Installation pages that setup_site creates live in every language (not demo content).
    structure += (PressSectionPage, PrivacyNoticePage, MaterialKitPage)
    translated = [
        page
        for page in Page.objects.live().exclude(locale__language_code="sv").filter(depth__gt=2).specific()
        if not isinstance(page, structure)
    ]
    assert {page.locale.language_code for page in translated} == {"en", "ar", "fa", "so", "ti", "ckb", "fi"}
    assert len(translated) >= 25
    leaders = set(Group.objects.get(name=PROJECT_LEADERS_GROUP).user_set.values_list("id", flat=True))
    translators = set(Group.objects.get(name=TRANSLATORS_GROUP).user_set.values_list("id", flat=True))
    for page in translated:
        state = WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(page.pk)).get()
        assert state.status == WorkflowState.STATUS_APPROVED, page.url
        assert state.requested_by_id in translators, page.url
        publish = PageLogEntry.objects.filter(page=page, action="wagtail.publish").get()
        assert publish.user_id in leaders, page.url
        assert page.live_revision.user_id in translators, page.url
        # Translated in full: no heading of a translated page is still its Swedish source's.
        source = page.get_translation(Locale.objects.get(language_code="sv")).specific
        body = getattr(page, "body", None) or []
        source_headings = {
            block.value["text"] for block in getattr(source, "body", []) if block.block_type == "heading"
        }
        headings = {block.value["text"] for block in body if block.block_type == "heading"}
        assert not headings & source_headings, (page.url, headings & source_headings)
