"""The editors' dashboard starts their work: one click to a new news item, training or press
release in their own organisation's section, never another's; their drafts and submissions with
status and the reviewer's comment; Projektledning's queue of what awaits approval.

Matrix: for every organisation pair (A, B), A's communicator gets links only into A's sections,
and B's communicator following A's links is refused with nothing created; the translator and
communicators see no approval queue, and nothing of another organisation's submission leaks.
"""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from news.models import NewsIndexPage, NewsPage
from press.models import PressReleasePage, PressRoomPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import HOME_URL, admin_edit, is_denied, snapshot, workflow_action
from training.models import TrainingIndexPage, TrainingPage
from workflows.editorial import ORGANISATIONS, PROJECT_LEADERS_GROUP, organisation_sections

SLUGS = [slug for slug, *_ in ORGANISATIONS]
PAIRS = [(a, SLUGS[(i + 1) % len(SLUGS)]) for i, a in enumerate(SLUGS)]
ADD = re.compile(r'<a class="button button-small" href="([^"]+)" data-nexus-add="sv">')
ALL_ADD = re.compile(r'href="(/admin/pages/add/[^"]+)" data-nexus-add="([a-z]+)"')


def quick_links(html):
    """The one-click links of the dashboard's "Börja skriva" panel (Swedish, then every language)."""
    return ADD.findall(html), ALL_ADD.findall(html)


def parent_id(url):
    return int(re.search(r"/admin/pages/add/\w+/\w+/(\d+)/$", url).group(1))


def test_a_communicator_reaches_each_add_form_in_their_own_section_with_one_request(client, communicator_of):
    police = organisation("polismyndigheten")
    client.force_login(communicator_of(police))
    html = client.get(HOME_URL).content.decode()
    swedish, _every = quick_links(html)
    expected = {
        (NewsPage, section_of(NewsIndexPage, police).pk),
        (TrainingPage, section_of(TrainingIndexPage, police).pk),
        (PressReleasePage, section_of(PressRoomPage, police).pk),
    }
    found = set()
    for url in swedish:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'id="page-edit-form"' in response.content.decode()
        model = response.context["page"].specific_class
        found.add((model, parent_id(url)))
    assert found == expected


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS)
def test_quick_links_lead_only_into_the_own_organisation_and_others_are_refused(
    client, communicator_of, slug_a, slug_b
):
    org_a, org_b = organisation(slug_a), organisation(slug_b)
    own = {section.pk for section in organisation_sections(org_a)}
    client.force_login(communicator_of(org_a))
    _swedish, every = quick_links(client.get(HOME_URL).content.decode())
    assert len(every) >= 3
    assert {parent_id(url) for url, _language in every} <= own
    assert {language for _url, language in every} >= {"sv", "en", "ar"}
    # B's communicator following A's links: refused, nothing created.
    client.force_login(communicator_of(org_b))
    before = snapshot()
    for url, _language in every[:3]:
        assert is_denied(client.get(url)), url
        assert is_denied(client.post(url, {"title": "Intrång", "slug": "intrang", "action-submit": "1"})), url
    assert snapshot() == before
    assert not any(parent_id(url) in own for url, _l in quick_links(client.get(HOME_URL).content.decode())[1])


def test_the_translator_and_project_leaders_get_no_quick_links(client, translator, project_leader):
    for user in (translator, project_leader):
        client.force_login(user)
        html = client.get(HOME_URL).content.decode()
        assert "Börja skriva" not in html
        assert quick_links(html) == ([], [])


def test_own_drafts_and_submissions_show_status_and_the_reviewers_latest_comment(
    client, communicator_of, project_leader
):
    police = organisation("polismyndigheten")
    author = communicator_of(police)
    page = add_page(section_of(NewsIndexPage, police), NewsPage, "Polisens nyhet", publish=False, owner=author)
    client.force_login(author)
    assert admin_edit(client, page, action="submit").status_code == 302
    html = client.get(HOME_URL).content.decode()
    _drafts, _, in_review = html.partition("Väntar på granskning")
    item = re.search(r'<li class="nexus-own-page">.*?Polisens nyhet.*?</li>', in_review, re.S).group(0)
    page.refresh_from_db()
    assert page.current_workflow_task.name in item
    # Projektledning sends it back with a comment: the author sees it beside the draft.
    client.force_login(project_leader)
    assert workflow_action(client, page, "reject", comment="Kortare rubrik, tack").status_code in (200, 302)
    client.force_login(author)
    drafts, _, _in_review = client.get(HOME_URL).content.decode().partition("Väntar på granskning")
    item = re.search(r'<li class="nexus-own-page">.*?Polisens nyhet.*?</li>', drafts, re.S).group(0)
    assert "Kortare rubrik, tack" in item


def approval_groups(html):
    """{(organisation, language): [item html]} of Projektledning's approval queue."""
    panel = re.search(r'data-nexus-panel="approval-queue">.*', html, re.S)
    assert panel, "no approval queue"
    groups = {}
    for match in re.finditer(
        r'data-organisation="([^"]+)" data-language="([^"]+)">.*?<ul>(.*?)</ul>', panel.group(0), re.S
    ):
        groups[(match.group(1), match.group(2))] = re.findall(
            r'<li class="nexus-approval-item">(.*?)</li>', match.group(3), re.S
        )
    return groups


def test_project_leaders_see_a_fresh_submission_under_its_organisation_with_a_working_compare_link(
    client, communicator_of, project_leader, translator
):
    heby = organisation("heby-kommun")
    author = communicator_of(heby)
    page = add_page(section_of(NewsIndexPage, heby), NewsPage, "Hebys nyhet", owner=author)
    client.force_login(author)
    assert admin_edit(client, page, action="submit", title="Hebys nyhet, ändrad").status_code == 302

    client.force_login(project_leader)
    groups = approval_groups(client.get(HOME_URL).content.decode())
    items = groups[(heby.name, "sv")]
    assert len(items) == 1 and "Hebys nyhet, ändrad" in items[0]
    compare = re.search(r'href="([^"]+)" class="nexus-approval-item__compare"', items[0]).group(1)
    assert compare == reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, "live", "latest"))
    response = client.get(compare)
    assert response.status_code == 200
    assert "Hebys nyhet, ändrad" in response.content.decode()

    # Nobody else gets the queue, and no other organisation sees the submission.
    for user in (translator, communicator_of(organisation("polismyndigheten"))):
        client.force_login(user)
        html = client.get(HOME_URL).content.decode()
        assert 'data-nexus-panel="approval-queue"' not in html
        assert "Hebys nyhet" not in html


def test_the_queue_groups_by_language_and_marks_central_pages(client, project_leader, make_user, home):
    colleague = make_user("samordnare", [PROJECT_LEADERS_GROUP])
    english = Page.objects.get(depth=2, locale__language_code="en").specific
    client.force_login(colleague)
    assert admin_edit(client, english, action="submit", title="Home, changed").status_code == 302
    client.force_login(project_leader)
    groups = approval_groups(client.get(HOME_URL).content.decode())
    assert [key for key, items in groups.items() if any("Home, changed" in item for item in items)] == [
        ("Nexus (centrala sidor)", "en")
    ]


def published_items(html):
    return re.findall(r'<li class="nexus-published-page">(.*?)</li>', html, re.S)


def test_a_communicator_sees_what_their_organisation_published_recently_and_nothing_of_others(client, communicator_of):
    import datetime

    from django.utils import timezone

    heby, police = organisation("heby-kommun"), organisation("polismyndigheten")
    add_page(section_of(NewsIndexPage, heby), NewsPage, "Hebys färska nyhet")
    old = add_page(section_of(NewsIndexPage, heby), NewsPage, "Hebys gamla nyhet")
    Page.objects.filter(pk=old.pk).update(last_published_at=timezone.now() - datetime.timedelta(days=20))
    add_page(section_of(NewsIndexPage, police), NewsPage, "Polisens färska nyhet")
    client.force_login(communicator_of(heby))
    html = client.get(HOME_URL).content.decode()
    items = published_items(html)
    assert len(items) == 1 and "Hebys färska nyhet" in items[0]
    assert "Hebys gamla nyhet" not in html and "Polisens färska nyhet" not in html


def scheduled(parent, title, days):
    import datetime

    from django.utils import timezone

    page = add_page(parent, NewsPage, title, publish=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=days)
    page.save_revision().publish()
    return page


def test_project_leaders_see_what_goes_live_in_the_coming_week_and_nobody_else_does(
    client, communicator_of, project_leader, translator
):
    police = organisation("polismyndigheten")
    soon = scheduled(section_of(NewsIndexPage, police), "Embargo om två dagar", days=2)
    scheduled(section_of(NewsIndexPage, police), "Embargo om tio dagar", days=10)
    assert not Page.objects.get(pk=soon.pk).live
    client.force_login(project_leader)
    html = client.get(HOME_URL).content.decode()
    items = re.findall(r'<li class="nexus-scheduled-item">(.*?)</li>', html, re.S)
    assert len(items) == 1 and "Embargo om två dagar" in items[0]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(soon.pk,))}"' in items[0]
    assert "Embargo om tio dagar" not in html
    # Titles under embargo are for Projektledning: not for other organisations, nor the translator.
    for user in (translator, communicator_of(organisation("heby-kommun"))):
        client.force_login(user)
        html = client.get(HOME_URL).content.decode()
        assert 'data-nexus-panel="scheduled"' not in html
        assert "Embargo om två dagar" not in html
    # The police's own communicators see their page among their own, not the panel.
    client.force_login(communicator_of(police))
    assert 'data-nexus-panel="scheduled"' not in client.get(HOME_URL).content.decode()


def test_project_leaders_see_overdue_audience_pages_and_help_numbers_with_their_owner(
    client, communicator_of, project_leader, translator, make_user, home
):
    import datetime

    from django.utils import timezone

    from home.models import AudiencePage, HelpNumber

    today = timezone.localdate()
    owner = make_user("agare", ["Projektledning"])
    owner.first_name, owner.last_name = "Åsa", "Ägare"
    owner.save()
    overdue = add_page(home, AudiencePage, "Stöd för utsatta", content_owner=owner, review_by=today)
    add_page(home, AudiencePage, "Stöd för anhöriga", review_by=today + datetime.timedelta(days=30))
    number = HelpNumber.objects.get(service=HelpNumber.Service.KVINNOFRIDSLINJEN)
    HelpNumber.objects.filter(pk=number.pk).update(review_by=today - datetime.timedelta(days=40))
    client.force_login(project_leader)
    html = client.get(HOME_URL).content.decode()
    items = re.findall(r'<li class="nexus-overdue-item">(.*?)</li>', html, re.S)
    assert len(items) == 2
    assert "Kvinnofridslinjen" in items[0] and "ingen ansvarig angiven" in items[0]
    assert "Stöd för utsatta (sv)" in items[1] and "ansvarig: Åsa Ägare" in items[1]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(overdue.pk,))}"' in items[1]
    assert "Stöd för anhöriga" not in html
    for user in (translator, communicator_of(organisation("heby-kommun"))):
        client.force_login(user)
        assert 'data-nexus-panel="overdue-review"' not in client.get(HOME_URL).content.decode()


def test_the_owner_and_the_review_date_are_set_in_the_audience_pages_settings(client, project_leader, home):
    from home.models import AudiencePage

    page = add_page(home, AudiencePage, "Stöd för utsatta")
    client.force_login(project_leader)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert 'name="content_owner"' in html and 'name="review_by"' in html
