from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowPage

from news.models import NewsIndexPage, NewsSectionPage
from press.models import PressSectionPage
from training.models import TrainingSectionPage
from workflows.editorial import APPROVAL_WORKFLOW, PROJECT_LEADERS_GROUP, setup_editorial


def test_default_wagtail_groups_and_workflow_are_gone(db):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not WorkflowPage.objects.filter(workflow__name="Moderators approval").exists()
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_only_project_leaders_hold_publish(db):
    publishers = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list("group__name", flat=True)
    )
    assert publishers == {PROJECT_LEADERS_GROUP}


def test_every_locale_root_has_the_approval_workflow(db):
    for root in Page.objects.filter(depth=2):
        assert root.get_workflow().name == APPROVAL_WORKFLOW


def test_every_organisation_has_a_live_section_under_each_index_in_each_locale(organisations):
    for model in (NewsSectionPage, TrainingSectionPage, PressSectionPage):
        for locale in Locale.objects.filter(language_code__in=["sv", "en", "ar"]):
            sections = model.objects.filter(locale=locale).live()
            assert {s.organisation_id for s in sections} == {o.id for o in organisations}
            assert {s.slug for s in sections} == {o.slug for o in organisations}


def test_sections_in_other_languages_are_translations_of_the_swedish_one(organisations):
    police = next(o for o in organisations if o.slug == "polismyndigheten")
    sv = NewsSectionPage.objects.get(organisation=police, locale__language_code="sv")
    en = NewsSectionPage.objects.get(organisation=police, locale__language_code="en")
    assert sv.translation_key == en.translation_key


def test_a_language_added_later_gets_sections_when_the_command_runs_again(home, organisations):
    # setup_site builds every language's indexes: take the Finnish one away to add it back later.
    NewsIndexPage.objects.get(locale__language_code="fi").delete()
    news_sv = NewsIndexPage.objects.get(locale__language_code="sv")
    finnish = news_sv.copy_for_translation(Locale.objects.get(language_code="fi"))
    finnish.save_revision().publish()
    assert not NewsSectionPage.objects.filter(locale__language_code="fi").exists()
    setup_editorial()
    assert NewsSectionPage.objects.filter(locale__language_code="fi").live().count() == len(organisations)
    communicators = Group.objects.get(name=organisations[0].communicators_group_name)
    section = NewsSectionPage.objects.get(locale__language_code="fi", organisation=organisations[0])
    assert set(
        GroupPagePermission.objects.filter(group=communicators, page=section).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page", "lock_page"}
