"""The press room page, the release page, the feeds and the spokesperson snippet's permissions."""

import io

import feedparser
import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from press.models import PRESS_IMAGES_COLLECTION, PressReleasePage, PressRoomPage, Spokesperson
from tests.factories import organisation

# These tests measure the render: the page cache would answer the warm request (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("no_page_cache")


def press_image(title="Pressbild", name="originalnamn.png", collection=None):
    buffer = io.BytesIO()
    PILImage.new("RGB", (2000, 1200), (30, 90, 120)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=name),
        collection=collection or Collection.objects.get(name=PRESS_IMAGES_COLLECTION),
        description="Två personer i samtal vid ett bord",
        credit="Anna Berg",
        licence="Fri att använda redaktionellt med fotografens namn",
        caption="Samtal på Nexus kontor i Uppsala",
    )


def fill(make_release, make_spokesperson, organisations, count, start=0):
    for number in range(start, start + count):
        org = organisations[number % len(organisations)]
        release = make_release(org, f"Pressmeddelande {number}")
        if number % 3 == 0:  # some joint releases
            release.issuing_organisations = [org, organisations[(number + 1) % len(organisations)]]
            release.save_revision().publish()
        make_spokesperson(org, f"Talesperson {number}")


def render_queries(client, url="/press/"):
    client.get(url)  # warm up (renditions, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_press_room_renders_in_a_constant_number_of_queries(
    client, press_room, make_release, make_spokesperson, organisations
):
    press_image()
    press_image("Andra bilden", "andra.png")
    fill(make_release, make_spokesperson, organisations, 3)
    few, html = render_queries(client)
    assert html.count('class="press-release-teaser"') == 3
    fill(make_release, make_spokesperson, organisations, 20, start=3)
    many, html = render_queries(client)
    assert html.count('class="press-release-teaser"') == 10  # the latest 10 of 23, then pages
    assert html.count('class="spokesperson"') == 23
    assert many == few, (few, many)
    assert 'href="/press/?page=2" rel="next"' in html
    last, html = render_queries(client, "/press/?page=3")
    assert html.count('class="press-release-teaser"') == 3
    assert last == few, (few, last)
    assert client.get("/press/?page=4").status_code == 404


def test_press_room_shows_everything_a_journalist_needs(client, press_room, make_release, make_spokesperson, police):
    region = organisation("region-uppsala")
    press_room.service_hours = "Vardagar 8–17"
    press_room.service_phone = "018-727 00 00"
    press_room.on_call_phone = "070-123 45 67"
    press_room.facts = [
        (
            "statistic",
            {
                "figure": "7 av 10",
                "text": "av de utsatta är flickor",
                "source": "Länsstyrelsen, 2024",
                "source_url": "https://www.lansstyrelsen.se/",
            },
        )
    ]
    press_room.save_revision().publish()
    image = press_image()
    make_spokesperson(police, "Karin Polis", phone="010-114 14 00", languages="svenska, arabiska")
    make_spokesperson(region, "Omar Region", topics="vården")
    joint = make_release(police, "Gemensamt pressmeddelande")
    joint.issuing_organisations = [police, region]
    joint.save_revision().publish()
    make_release(region, "Bara regionen")

    html = client.get("/press/").content.decode()
    assert "Vardagar 8–17" in html
    assert 'href="tel:+46187270000"' in html
    assert 'href="tel:+46701234567"' in html
    # Spokespersons grouped under their organisation.
    assert html.index("<h3>Polismyndigheten</h3>") < html.index("Karin Polis") < html.index("<h3>Region Uppsala</h3>")
    assert html.index("<h3>Region Uppsala</h3>") < html.index("Omar Region")
    assert "svenska, arabiska" in html
    # Image bank: credit, licence, caption, alt text and several download sizes.
    assert "Anna Berg" in html and image.licence in html and image.caption in html
    assert 'alt="Två personer i samtal vid ett bord"' in html
    assert html.count("download>") == 3
    assert image.file.url in html
    assert ".width-1200." in html and ".width-2400." in html
    # Facts with source, guidance with the help numbers, subscription.
    assert "7 av 10" in html and "Länsstyrelsen, 2024" in html
    assert "Skydda identiteter" in html and 'href="tel:+4620505050"' in html
    assert "Prenumerera på pressmeddelanden" in html
    # Autodiscovery of the feed.
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Pressmeddelanden – Nexus" href="/press/rss/">' in html
    )
    assert 'type="application/atom+xml" title="Pressmeddelanden – Nexus (Atom)" href="/press/atom/"' in html
    # Filter by organisation with plain GET links.
    assert 'href="/press/?organisation=region-uppsala"' in html
    filtered = client.get("/press/?organisation=region-uppsala").content.decode()
    assert "Gemensamt pressmeddelande" in filtered and "Bara regionen" in filtered
    filtered = client.get("/press/?organisation=polismyndigheten").content.decode()
    assert "Gemensamt pressmeddelande" in filtered and "Bara regionen" not in filtered
    assert 'href="/press/rss/?organisation=polismyndigheten"' in filtered
    assert client.get("/press/?organisation=finns-inte").status_code == 404


def test_release_page_shows_issuers_contacts_images_and_attachments(client, make_release, make_spokesperson, police):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    region = organisation("region-uppsala")
    person = make_spokesperson(region, "Omar Region", email="omar@example.org")
    image = press_image(collection=Collection.get_first_root_node())
    document = get_document_model().objects.create(title="Faktablad", file=ContentFile(b"%PDF", name="fakta.pdf"))
    release = make_release(police, "Ett gemensamt", images=[("image", image)], attachments=[("document", document)])
    release.issuing_organisations = [police, region]
    release.spokespersons = [person]
    release.save_revision().publish()
    html = client.get(release.url).content.decode()
    assert "Pressmeddelandet är gemensamt för:" in html
    assert "omar@example.org" in html
    assert "Anna Berg" in html
    assert document.url in html
    assert client.get(document.url).status_code == 200


def test_release_without_chosen_issuer_gets_its_section_organisation(make_release, police):
    release = make_release(police, "Bara polisen")
    assert list(PressReleasePage.objects.get(pk=release.pk).issuing_organisations.all()) == [police]


@pytest.mark.parametrize("kind,version", [("rss", "rss20"), ("atom", "atom10")])
def test_feeds_parse_and_filter_by_organisation(client, make_release, police, kind, version):
    region = organisation("region-uppsala")
    make_release(police, "Polisens meddelande", lead="Kort ingress.")
    make_release(region, "Regionens meddelande")
    make_release(police, "Ett utkast", publish=False)
    response = client.get(f"/press/{kind}/")
    assert response.status_code == 200 and response.cookies == {}
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert {entry.title for entry in feed.entries} == {"Polisens meddelande", "Regionens meddelande"}
    entry = next(e for e in feed.entries if e.title == "Polisens meddelande")
    assert entry.link.startswith("http://")
    assert entry.summary == "Kort ingress."
    org_feed = feedparser.parse(client.get(f"/press/{kind}/?organisation=region-uppsala").content)
    assert [entry.title for entry in org_feed.entries] == ["Regionens meddelande"]
    assert org_feed.feed.title == "Pressmeddelanden från Region Uppsala – Nexus"
    assert client.get(f"/press/{kind}/?organisation=finns-inte").status_code == 404
    english = feedparser.parse(client.get(f"/en/press/{kind}/").content)
    assert not english.bozo and english.entries == []


def test_former_feed_urls_redirect_permanently_to_the_press_room_feeds(client, make_release, police):
    make_release(police, "Polisens meddelande")
    english_room = PressRoomPage.objects.get(locale__language_code="en")
    for old, new in [
        (reverse("press:feed", args=["sv"]), "/press/rss/"),
        (reverse("press:feed", args=["en"]), f"/en/{english_room.slug}/rss/"),
        (
            reverse("press:organisation_feed", args=["sv", "polismyndigheten"]),
            "/press/rss/?organisation=polismyndigheten",
        ),
    ]:
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == new, old
        assert client.get(new).status_code == 200, new
    assert client.get(reverse("press:feed", args=["xx"])).status_code == 404
    unknown = client.get(reverse("press:organisation_feed", args=["sv", "finns-inte"]))
    assert unknown.status_code == 301 and client.get(unknown["Location"]).status_code == 404


# --- spokesperson permissions ----------------------------------------------------------------


def spokesperson_url(name, *args):
    from press.wagtail_hooks import SpokespersonViewSet  # noqa: F401

    return reverse(f"wagtailsnippets_press_spokesperson:{name}", args=args)


def spokesperson_post(org):
    return {
        "name": "Ny Talesperson",
        "title": "Presschef",
        "organisation": org.pk,
        "phone": "",
        "email": "",
        "topics": "",
        "languages": "",
        "availability": "",
        "sort_order": 100,
    }


def test_communicator_is_denied_on_the_spokesperson_views(client, communicator_of, police, make_spokesperson):
    person = make_spokesperson(police, "Karin Polis")
    client.force_login(communicator_of(police))
    home_url = reverse("wagtailadmin_home")
    for url in (spokesperson_url("list"), spokesperson_url("add"), spokesperson_url("edit", person.pk)):
        response = client.get(url)
        assert response.status_code == 302 and response.url == home_url, url
    response = client.post(spokesperson_url("add"), spokesperson_post(police))
    assert response.status_code == 302 and response.url == home_url
    response = client.post(spokesperson_url("edit", person.pk), {**spokesperson_post(police), "name": "Ändrad"})
    assert response.status_code == 302 and response.url == home_url
    response = client.post(spokesperson_url("delete", person.pk))
    assert response.status_code == 302 and response.url == home_url
    assert list(Spokesperson.objects.values_list("name", flat=True)) == ["Karin Polis"]


@pytest.mark.parametrize("who", ["project_leader", "admin"])
def test_project_leaders_and_administrators_maintain_spokespersons(client, make_user, project_leader, police, who):
    user = project_leader if who == "project_leader" else make_user("admin", superuser=True)
    client.force_login(user)
    response = client.post(spokesperson_url("add"), spokesperson_post(police))
    assert response.status_code == 302
    person = Spokesperson.objects.get(name="Ny Talesperson")
    response = client.post(spokesperson_url("edit", person.pk), {**spokesperson_post(police), "name": "Ändrad"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Ändrad"
    client.post(spokesperson_url("delete", person.pk))
    assert not Spokesperson.objects.exists()


def test_editorial_setup_is_idempotent_for_press(project_leader):
    from django.contrib.auth.models import Group

    from workflows.editorial import PROJECT_LEADERS_GROUP, setup_editorial

    setup_editorial()
    setup_editorial()
    assert Collection.objects.filter(name=PRESS_IMAGES_COLLECTION).count() == 1
    leaders = Group.objects.get(name=PROJECT_LEADERS_GROUP)
    codenames = set(leaders.permissions.filter(content_type__app_label="press").values_list("codename", flat=True))
    # publish: an approving project leader publishes; the admin refuses direct publishing.
    assert codenames == {
        f"{action}_spokesperson" for action in ("add", "change", "delete", "publish", "lock", "unlock")
    }
    for group in Group.objects.exclude(name=PROJECT_LEADERS_GROUP):
        assert not group.permissions.filter(content_type__app_label="press").exists(), group.name
