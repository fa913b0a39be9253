"""A communicator drafts and submits news in its own section; Projektledning approves; it is public."""

import feedparser
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsIndexPage, NewsPage
from tests.factories import section_of
from tests.helpers.news import make_image


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", section.id))


def news_form(title, slug, image=None, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "",
            "lead": "Nexus erbjuder en ny grundutbildning om hedersrelaterat våld.",
            "image": image.pk if image else "",
            "body": streamfield([("paragraph", rich_text("<p>Anmäl dig senast den 1 december.</p>"))]),
            "tags": "utbildning, yrkesverksamma",
            "related_news": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_communicator_creates_submits_and_leader_approves(client, communicator_of, project_leader, police, heby):
    section = section_of(NewsIndexPage, police)
    communicator = communicator_of(police)
    client.force_login(communicator)
    assert client.get(add_url(section)).status_code == 200
    image = make_image(description="Lila mönster")

    response = client.post(
        add_url(section), news_form("Ny grundutbildning", "ny-grundutbildning", image, **{"action-submit": "Skicka"})
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="ny-grundutbildning")
    assert page.get_parent().id == section.id
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    client.logout()
    assert client.get("/nyheter/polismyndigheten/ny-grundutbildning/").status_code == 404
    assert "Ny grundutbildning" not in client.get("/nyheter/").content.decode()
    assert "Ny grundutbildning" not in client.get("/nyheter/rss/").content.decode()

    client.force_login(project_leader)
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.id, "approve", task_state.id)),
        {"comment": "Bra!"},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.date == page.first_published_at
    assert set(page.tags.names()) == {"utbildning", "yrkesverksamma"}
    client.logout()

    html = client.get("/nyheter/").content.decode()
    assert "Ny grundutbildning" in html
    assert "Ny grundutbildning" in client.get("/nyheter/?organisation=polismyndigheten&tag=utbildning").content.decode()
    assert client.get("/nyheter/polismyndigheten/ny-grundutbildning/").status_code == 200
    for kind in ("rss", "atom"):
        feed = feedparser.parse(client.get(f"/nyheter/{kind}/?tag=utbildning").content)
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == ["Ny grundutbildning"]
        assert feed.entries[0].author == "Polismyndigheten"


def test_communicator_cannot_add_news_in_another_organisations_section(client, communicator_of, police, heby):
    client.force_login(communicator_of(police))
    other = section_of(NewsIndexPage, heby)
    before = Page.objects.count()
    response = client.post(add_url(other), news_form("Fel sektion", "fel-sektion", **{"action-submit": "Skicka"}))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert Page.objects.count() == before
    assert not NewsPage.objects.filter(slug="fel-sektion").exists()


def test_communicator_cannot_publish_directly(client, communicator_of, police):
    section = section_of(NewsIndexPage, police)
    client.force_login(communicator_of(police))
    client.post(add_url(section), news_form("Försök", "forsok", **{"action-publish": "Publicera"}))
    page = NewsPage.objects.filter(slug="forsok").first()
    assert page is None or not page.live
    assert "Försök" not in client.get("/nyheter/").content.decode()
