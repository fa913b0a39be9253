"""The site notice: on every public page of its language, only once approved and within its dates."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Workflow

from home.models import SiteNotice, StandardPage
from tests.factories import add_page
from tests.helpers.snippets import snippet_url
from workflows.editorial import APPROVAL_WORKFLOW
from workflows.snippets import publish_initial

TEXT = "Telefonlinjen är stängd mellan jul och nyår."


def notice(text=TEXT, language="sv", live=True, **fields):
    row = SiteNotice.objects.create(text=text, locale=Locale.objects.get(language_code=language), live=live, **fields)
    if live:
        return publish_initial(row)
    row.save_revision()
    return row


def public_urls(home):
    page = add_page(home, StandardPage, "Om stödet")
    return [home.url, page.url, "/nyheter/", "/utbildningar/", "/press/", "/sok/?q=stöd", "/finns-inte/"]


def test_an_approved_notice_is_on_every_page_of_its_language_and_no_other(client, home):
    notice(link_page=add_page(home, StandardPage, "Öppettider i jul"))
    for url in public_urls(home):
        html = client.get(url).content.decode()
        assert '<aside class="site-notice" aria-label="Viktigt meddelande">' in html, url
        assert TEXT in html, url
    html = client.get("/").content.decode()
    assert '<a href="/oppettider-i-jul/">Öppettider i jul</a>' in html
    assert TEXT not in client.get("/en/").content.decode()
    assert "site-notice" not in client.get("/en/").content.decode()


def test_each_language_shows_its_own_approved_notice(client, home):
    notice()
    notice("The phone line is closed over the holidays.", language="en")
    english = client.get("/en/").content.decode()
    assert "The phone line is closed over the holidays." in english and TEXT not in english
    assert '<aside class="site-notice" aria-label="Important notice">' in english


def test_a_draft_notice_is_never_shown(client, home):
    notice(live=False)
    for url in public_urls(home):
        html = client.get(url).content.decode()
        assert TEXT not in html and "site-notice" not in html, url


def test_a_change_is_public_only_after_another_project_leader_approves_it(client, home, project_leader, make_user):
    live = notice("Telefonen är öppen som vanligt.")
    live.text = TEXT
    revision = live.save_revision(user=project_leader)
    Workflow.objects.get(name=APPROVAL_WORKFLOW).start(SiteNotice.objects.get(pk=live.pk), project_leader)
    html = client.get("/").content.decode()
    assert "Telefonen är öppen som vanligt." in html and TEXT not in html
    # The author cannot approve their own change; another project leader can.
    client.force_login(project_leader)
    task_state = SiteNotice.objects.get(pk=live.pk).current_workflow_task_state
    url = snippet_url(SiteNotice, "workflow_action", live.pk, "approve", task_state.id)
    client.post(url, {"comment": ""})
    client.logout()
    assert TEXT not in client.get("/").content.decode()
    client.force_login(make_user("samordnare", ["Projektledning"]))
    task_state = SiteNotice.objects.get(pk=live.pk).current_workflow_task_state
    client.post(snippet_url(SiteNotice, "workflow_action", live.pk, "approve", task_state.id), {"comment": ""})
    client.logout()
    assert SiteNotice.objects.get(pk=live.pk).live_revision_id == revision.pk
    assert TEXT in client.get("/").content.decode()


def test_a_notice_shows_only_between_its_start_and_end(client, home, time_machine):
    now = timezone.now()
    notice(starts_at=now + datetime.timedelta(days=1), ends_at=now + datetime.timedelta(days=3))
    assert TEXT not in client.get("/").content.decode()
    time_machine.move_to(now + datetime.timedelta(days=2))
    assert TEXT in client.get("/").content.decode()
    time_machine.move_to(now + datetime.timedelta(days=4))
    assert TEXT not in client.get("/").content.decode()


def test_an_end_before_the_start_is_refused_with_a_clear_message(client, make_user):
    client.force_login(make_user("samordnare", ["Projektledning"]))
    response = client.post(
        reverse("wagtailsnippets_home_sitenotice:add"),
        {
            "text": TEXT,
            "starts_at": "2026-12-24 08:00",
            "ends_at": "2026-12-20 08:00",
            "locale": Locale.get_default().pk,
        },
    )
    assert response.status_code == 200
    assert "Slutet måste komma efter början." in response.content.decode()
    assert not SiteNotice.objects.exists()


def test_a_notice_longer_than_300_characters_is_refused(client, make_user):
    client.force_login(make_user("samordnare", ["Projektledning"]))
    response = client.post(
        reverse("wagtailsnippets_home_sitenotice:add"), {"text": "x" * 301, "locale": Locale.get_default().pk}
    )
    assert response.status_code == 200
    assert not SiteNotice.objects.exists()


def test_unpublishing_the_link_page_or_the_notice_takes_it_off_at_once(client, home):
    page = add_page(home, StandardPage, "Öppettider i jul")
    row = notice(link_page=page)
    link = '<a href="/oppettider-i-jul/">Öppettider i jul</a>'
    assert link in client.get("/").content.decode()  # now cached
    page.unpublish()
    html = client.get("/").content.decode()
    assert TEXT in html and link not in html
    SiteNotice.objects.get(pk=row.pk).unpublish()
    assert TEXT not in client.get("/").content.decode()


def test_a_warm_page_asks_the_database_nothing_for_the_notice(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    notice()
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert TEXT in client.get("/").content.decode()
    assert not [q["sql"] for q in queries if "home_sitenotice" in q["sql"]]
