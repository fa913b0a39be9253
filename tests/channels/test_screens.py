"""The digital screens: a campaign reaches /skarm/<slug>/ only through approval, never by its author.

Campaigns are written in the real snippet admin (add form, submit, the workflow-action view) and
the screen is read as an anonymous screen would: only the approved version ever shows.
"""

import io
import re

import pytest
import segno
from django.test import Client

from channels.models import Campaign
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.campaigns import admin_add_campaign, campaign_in, slide
from tests.helpers.media import image_in
from tests.helpers.snippets import snippet_edit, snippet_url, snippet_workflow_action
from workflows.editorial import PROJECT_LEADERS_GROUP


@pytest.fixture
def uppsala(db):
    return organisation("uppsala-kommun")


@pytest.fixture
def author(communicator_of, uppsala):
    return communicator_of(uppsala)


@pytest.fixture
def colleague(make_user):
    return make_user("samordnare", [PROJECT_LEADERS_GROUP])


def screen(path="/skarm/varkampanj/", **params):
    return Client().get(path, params)


def submitted_campaign(client, author, organisation, texts, **fields):
    image = image_in(organisation)
    client.force_login(author)
    response = admin_add_campaign(
        client, organisation, [slide(image, text) for text in texts], action="submit", **fields
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Campaign.objects.get(slug=fields.get("slug", "varkampanj"))


def test_a_submitted_campaign_shows_only_after_approval_by_projektledning(client, author, uppsala, project_leader):
    campaign = submitted_campaign(client, author, uppsala, ["Du är inte ensam.", "Ring oss."])
    assert campaign.live is False
    assert campaign.current_workflow_task_state is not None
    assert screen().status_code == 404
    # The author holds no approval: the workflow action is refused and the screen stays dark.
    snippet_workflow_action(client, campaign, "approve", xhr=True)
    assert screen().status_code == 404

    client.force_login(project_leader)
    response = snippet_workflow_action(client, campaign, "approve")
    assert response.status_code == 302
    shown = screen()
    assert shown.status_code == 200
    html = shown.content.decode()
    assert "Du är inte ensam." in html
    assert "Ring oss." in html


def test_a_project_leader_cannot_approve_their_own_campaign(client, project_leader, colleague, uppsala):
    campaign = submitted_campaign(client, project_leader, uppsala, ["Egen text."])
    snippet_workflow_action(client, campaign, "approve")
    assert screen().status_code == 404
    assert Campaign.objects.get(pk=campaign.pk).live is False

    client.force_login(colleague)
    snippet_workflow_action(client, campaign, "approve")
    assert "Egen text." in screen().content.decode()


def test_a_change_waiting_for_approval_never_shows(client, author, uppsala, project_leader):
    campaign = submitted_campaign(client, author, uppsala, ["Gammal text."])
    client.force_login(project_leader)
    snippet_workflow_action(client, campaign, "approve")

    client.force_login(author)
    campaign.refresh_from_db()
    image = campaign.slides[0].value["image"]
    response = snippet_edit(
        client,
        campaign,
        action="submit",
        extra={
            "slides-count": "1",
            "slides-0-type": "slide",
            "slides-0-deleted": "",
            "slides-0-order": "0",
            "slides-0-value-image": str(image.pk),
            "slides-0-value-alt_text": "En bild",
            "slides-0-value-text": "Ny text som väntar.",
            "slides-0-value-link_page": "",
        },
    )
    assert response.status_code == 302
    html = screen().content.decode()
    assert "Gammal text." in html
    assert "Ny text som väntar." not in html

    client.force_login(project_leader)
    snippet_workflow_action(client, campaign, "approve")
    html = screen().content.decode()
    assert "Ny text som väntar." in html
    assert "Gammal text." not in html


def test_a_draft_or_unknown_campaign_is_a_404(uppsala):
    campaign_in(uppsala, slug="utkast", live=False)
    assert screen("/skarm/utkast/").status_code == 404
    assert screen("/skarm/finns-inte/").status_code == 404


def test_every_slide_is_in_the_page_and_the_chosen_one_is_shown(uppsala):
    campaign_in(uppsala, texts=("Första.", "Andra.", "Tredje."), slug="tre", live=True)
    response = screen("/skarm/tre/", slide="2")
    assert response.status_code == 200
    html = response.content.decode()
    sections = re.findall(r"<section class=\"screen__slide\"[^>]*>", html)
    assert len(sections) == 3
    assert [" hidden" in tag for tag in sections] == [True, False, True]
    # Without JavaScript the next address comes after the slide's time; the last leads to the first.
    assert 'content="12;url=?slide=3"' in html
    assert 'content="12;url=?slide=1"' in screen("/skarm/tre/", slide="3").content.decode()
    assert 'src="/static/js/screen.js"' in html


@pytest.mark.parametrize("value", ["0", "4", "abc", "-1", "1.5", ""])
def test_a_malformed_or_unknown_slide_is_a_404(uppsala, value):
    campaign_in(uppsala, texts=("Första.", "Andra.", "Tredje."), slug="tre", live=True)
    assert screen("/skarm/tre/", slide=value).status_code == 404


def test_the_screen_sets_no_cookie_and_has_no_inline_code_or_style(uppsala):
    campaign_in(uppsala, slug="ren", live=True)
    response = screen("/skarm/ren/")
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers
    html = response.content.decode()
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert " style=" not in html
    assert re.search(r"\son[a-z]+=", html) is None
    assert "<form" not in html


def test_the_screen_speaks_the_campaigns_language_and_direction(uppsala):
    campaign = campaign_in(uppsala, texts=("لست وحدك.",), slug="arabiska", live=False)
    campaign.language = "ar"
    campaign.save()
    campaign.save_revision().publish()
    html = screen("/skarm/arabiska/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "لست وحدك." in html
    # The screen's own words come in the campaign's language too.
    assert 'aria-label="الشريحة 1 من 1"' in html
    campaign_in(uppsala, slug="svenska", live=True)
    assert '<html lang="sv" dir="ltr">' in screen("/skarm/svenska/").content.decode()


def test_the_qr_code_is_drawn_on_the_server_for_a_live_page(uppsala):
    news = add_page(section_of(NewsIndexPage, uppsala), NewsPage, "Stödet finns", publish=True)
    campaign_in(uppsala, slug="qr", live=True, link_page=news)
    html = screen("/skarm/qr/").content.decode()
    assert '<img src="/skarm/qr/qr/1.svg"' in html
    assert "QR-kod till sidan ”Stödet finns”" in html
    response = screen("/skarm/qr/qr/1.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    expected = io.BytesIO()
    segno.make(news.full_url, error="m").save(
        expected,
        kind="svg",
        xmldecl=False,
        omitsize=True,
        border=2,
        dark="#000",
        light="#fff",
        svgclass=None,
        lineclass=None,
    )
    assert response.content == expected.getvalue()
    assert news.full_url.startswith("http")


def test_no_qr_code_for_a_page_that_is_not_live(uppsala):
    draft = add_page(section_of(NewsIndexPage, uppsala), NewsPage, "Hemligt utkast", publish=False)
    campaign_in(uppsala, slug="utan-qr", live=True, link_page=draft)
    html = screen("/skarm/utan-qr/").content.decode()
    assert "qr/1.svg" not in html
    assert "Hemligt utkast" not in html
    assert screen("/skarm/utan-qr/qr/1.svg").status_code == 404


def test_the_qr_code_of_an_unapproved_campaign_is_a_404(uppsala):
    news = add_page(section_of(NewsIndexPage, uppsala), NewsPage, "Stödet finns", publish=True)
    campaign_in(uppsala, slug="qr-utkast", live=False, link_page=news)
    assert screen("/skarm/qr-utkast/qr/1.svg").status_code == 404


def test_setup_assigns_the_approval_workflow_to_campaigns(db):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import WorkflowContentType

    from workflows.editorial import APPROVAL_WORKFLOW

    assignment = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(Campaign))
    assert assignment.workflow.name == APPROVAL_WORKFLOW
    assert snippet_url(Campaign, "list") == "/admin/snippets/channels/campaign/"


def test_the_material_kit_lists_the_approved_screens_only(db):
    heby = organisation("heby-kommun")
    campaign_in(heby, slug="godkand-kampanj", live=True)
    Campaign.objects.filter(slug="godkand-kampanj").update(title="Godkänd kampanj")
    campaign_in(heby, slug="utkast-kampanj", live=False)
    html = Client().get("/material/").content.decode()
    assert "Visa Nexus på era skärmar" in html
    assert "Godkänd kampanj (Heby kommun): <code>http://localhost/skarm/godkand-kampanj/</code>" in html
    assert "utkast-kampanj" not in html


def test_without_an_approved_campaign_the_material_kit_names_no_screen(db):
    campaign_in(organisation("heby-kommun"), slug="utkast-kampanj", live=False)
    html = Client().get("/material/").content.decode()
    assert "Visa Nexus på era skärmar" not in html
    assert "/skarm/" not in html
