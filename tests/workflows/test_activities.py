"""The communication plan's activities through the admin, the notice e-mail and the secret feed."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from icalendar import Calendar
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from tests.helpers.admin import is_denied
from workflows.activities import issue_feed_token
from workflows.models import ActivityFeedToken, CommunicationActivity, Organisation

ADD_URL = reverse("communication_activities:add")
INDEX_URL = reverse("communication_activities:index")
FEED_PAGE = reverse("communication_activities:feed")


def org(slug):
    return Organisation.objects.get(slug=slug)


def activity(organisation, title="Artikel på intranätet", **fields):
    values = {
        "date": datetime.date(2026, 12, 10),
        "channel": CommunicationActivity.Channel.INTRANET,
        "audience": "medarbetare",
        "message": "Nexus finns för er som möter utsatta.",
        **fields,
    }
    return CommunicationActivity.objects.create(organisation=organisation, title=title, **values)


def form_data(organisation, title="Inlägg om Nexus", **fields):
    return {
        "organisation": str(organisation.pk),
        "kind": "aktivitet",
        "date": "2026-12-14",
        "title": title,
        "channel": "sociala-medier",
        "audience": "allmanheten",
        "message": "Vet du vart man vänder sig?",
        "link": "",
        "status": "planerad",
        "minutes": "",
        **fields,
    }


@pytest.fixture
def reporter_of(make_user):
    def make(organisation, username=None):
        return make_user(username or f"rapportor-{organisation.slug}", [organisation.activity_reporters_group_name])

    return make


def test_a_communicator_records_an_activity_for_their_own_organisation(client, communicator_of):
    heby = org("heby-kommun")
    user = communicator_of(heby)
    client.force_login(user)
    response = client.post(ADD_URL, form_data(heby))
    assert response.status_code == 302
    stored = CommunicationActivity.objects.get(title="Inlägg om Nexus")
    assert stored.organisation == heby
    assert stored.created_by == user
    assert stored.channel == CommunicationActivity.Channel.SOCIAL


def test_a_communicator_posting_another_organisations_id_is_refused_and_nothing_is_stored(client, communicator_of):
    client.force_login(communicator_of(org("heby-kommun")))
    before = CommunicationActivity.objects.count()
    response = client.post(ADD_URL, form_data(org("polismyndigheten"), title="Smuggel"))
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert CommunicationActivity.objects.count() == before
    assert not CommunicationActivity.objects.filter(title="Smuggel").exists()


def test_the_add_form_offers_only_the_own_organisation(client, communicator_of):
    client.force_login(communicator_of(org("heby-kommun")))
    choices = list(client.get(ADD_URL).context["form"].fields["organisation"].queryset)
    assert choices == [org("heby-kommun")]


def test_every_communicator_sees_every_organisations_activities(client, communicator_of):
    activity(org("polismyndigheten"), title="Polisens pressträff")
    activity(org("region-uppsala"), title="Regionens skärmar", channel="digitala-skarmar")
    client.force_login(communicator_of(org("heby-kommun")))
    body = client.get(INDEX_URL).content.decode()
    assert "Polisens pressträff" in body
    assert "Regionens skärmar" in body
    month = client.get(reverse("communication_activities:month", args=(2026, 12))).content.decode()
    assert "Polisens pressträff" in month
    assert "Regionens skärmar" in month


def test_a_communicator_changes_their_own_activity_but_not_anothers(client, communicator_of):
    own = activity(org("heby-kommun"), title="Hebys nyhetsbrev")
    other = activity(org("polismyndigheten"), title="Polisens inlägg")
    client.force_login(communicator_of(org("heby-kommun")))
    edit_own = reverse("communication_activities:edit", args=(own.pk,))
    assert client.post(edit_own, form_data(org("heby-kommun"), title="Hebys nyhetsbrev, december")).status_code == 302
    own.refresh_from_db()
    assert own.title == "Hebys nyhetsbrev, december"
    edit_other = reverse("communication_activities:edit", args=(other.pk,))
    assert is_denied(client.get(edit_other))
    assert is_denied(client.post(edit_other, form_data(org("heby-kommun"), title="Kapad")))
    assert is_denied(client.post(reverse("communication_activities:delete", args=(other.pk,))))
    other.refresh_from_db()
    assert other.title == "Polisens inlägg"
    assert other.organisation == org("polismyndigheten")


def test_moving_ones_own_activity_to_another_organisation_is_refused(client, communicator_of):
    own = activity(org("heby-kommun"), title="Hebys skärm")
    client.force_login(communicator_of(org("heby-kommun")))
    url = reverse("communication_activities:edit", args=(own.pk,))
    response = client.post(url, form_data(org("polismyndigheten"), title="Hebys skärm"))
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.organisation == org("heby-kommun")


def test_activity_only_accounts_record_their_own_activities_and_nothing_else(client, reporter_of, home):
    heby, police = org("heby-kommun"), org("polismyndigheten")
    activity(police, title="Polisens hemliga plan")
    client.force_login(reporter_of(heby))
    assert client.post(ADD_URL, form_data(heby, title="Heby på mötet")).status_code == 302
    assert CommunicationActivity.objects.filter(title="Heby på mötet", organisation=heby).exists()
    listing = client.get(INDEX_URL).content.decode()
    assert "Heby på mötet" in listing
    assert "Polisens hemliga plan" not in listing
    pages_before = Page.objects.count()
    # No pages, no media: the explorer, the add-page form, images and documents are closed.
    assert is_denied(client.get(reverse("wagtailadmin_explore", args=(home.pk,))))
    assert is_denied(client.get(reverse("wagtailadmin_pages:add_subpage", args=(home.pk,))))
    assert is_denied(client.get(reverse("wagtailimages:add")))
    assert is_denied(client.get(reverse("wagtaildocs:add")))
    assert Page.objects.count() == pages_before
    assert not Group.objects.get(name=heby.activity_reporters_group_name).page_permissions.exists()
    assert not Group.objects.get(name=heby.activity_reporters_group_name).collection_permissions.exists()


@pytest.fixture
def notify(settings, make_user):
    make_user("projektledare", ["Projektledning"], email="projektledare@nexus.example")
    settings.NEXUS_ACTIVITY_NOTIFY = ["projektledare", "samordnare@nexus.example"]


def test_an_activity_of_an_organisation_without_a_communicator_is_mailed_after_commit(
    client, communicator_of, notify, mailoutbox, django_capture_on_commit_callbacks, make_user
):
    tierp = org("tierps-kommun")
    Organisation.objects.filter(pk=tierp.pk).update(in_communicators_network=False)
    tierp.refresh_from_db()
    assert not tierp.has_network_communicator
    client.force_login(make_user("tierp", [tierp.activity_reporters_group_name]))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(ADD_URL, form_data(tierp, title="Tierp på skärmarna")).status_code == 302
        assert mailoutbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert sorted(mail.to) == ["projektledare@nexus.example", "samordnare@nexus.example"]
    assert mail.subject == "Ny kommunikationsaktivitet för Tierps kommun (ingen kommunikatör i nätverket)"
    assert "Tierp på skärmarna" in mail.body
    assert "Sociala medier" in mail.body
    stored = CommunicationActivity.objects.get(title="Tierp på skärmarna")
    assert f"http://testserver/admin/aktiviteter/edit/{stored.pk}/" in mail.body


def test_no_mail_for_an_organisation_with_a_communicator(
    client, communicator_of, notify, mailoutbox, django_capture_on_commit_callbacks
):
    heby = org("heby-kommun")
    assert heby.has_network_communicator
    client.force_login(communicator_of(heby))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ADD_URL, form_data(heby)).status_code == 302
    assert mailoutbox == []


def test_no_mail_when_an_activity_is_only_changed(
    client, notify, mailoutbox, django_capture_on_commit_callbacks, make_user
):
    tierp = org("tierps-kommun")
    Organisation.objects.filter(pk=tierp.pk).update(in_communicators_network=False)
    own = activity(tierp, title="Tierps affisch")
    client.force_login(make_user("tierp", [tierp.activity_reporters_group_name]))
    with django_capture_on_commit_callbacks(execute=True):
        url = reverse("communication_activities:edit", args=(own.pk,))
        assert client.post(url, form_data(tierp, title="Tierps affisch, ny")).status_code == 302
    assert mailoutbox == []


def test_the_list_exports_to_csv_with_readable_labels(client, communicator_of):
    activity(org("polismyndigheten"), title="Polisens pressmeddelande", channel="press", status="genomford")
    client.force_login(communicator_of(org("heby-kommun")))
    response = client.get(INDEX_URL + "?export=csv&channel=press")
    assert response.status_code == 200
    body = response.getvalue().decode("utf-8")
    header, *rows = body.strip().splitlines()
    assert header.startswith("Datum,Organisation,Typ,Rubrik,Kanal,Målgrupp,Status")
    assert any("Polisens pressmeddelande" in row and "Press" in row and "Genomförd" in row for row in rows)
    assert all("Artikel" not in row for row in rows)  # the channel filter applies to the export


def test_the_month_view_is_a_table_of_weeks(client, communicator_of):
    activity(org("region-uppsala"), title="Vårdcentralernas skärmar", date=datetime.date(2026, 12, 24))
    client.force_login(communicator_of(org("heby-kommun")))
    response = client.get(reverse("communication_activities:month", args=(2026, 12)))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<th scope="col">Måndag</th>' in body
    assert "December 2026" in body
    weeks = response.context["weeks"]
    day = next(d for week in weeks for d in week if d[0] == datetime.date(2026, 12, 24))
    assert [a.title for a in day[2]] == ["Vårdcentralernas skärmar"]
    assert client.get(reverse("communication_activities:month", args=(2026, 13))).status_code == 404


# --- the secret calendar ------------------------------------------------------------------------


def test_the_secret_feed_parses_with_icalendar_and_holds_the_activities(client, communicator_of):
    activity(org("polismyndigheten"), title="Polisens trygghetsvandring", status="installd")
    user = communicator_of(org("heby-kommun"))
    client.force_login(user)
    response = client.post(FEED_PAGE, {"action": "issue"})
    assert response.status_code == 200
    feed_url = response.context["feed_url"]
    token = feed_url.rsplit("/", 1)[1].removesuffix(".ics")
    # Only a hash is stored.
    assert not ActivityFeedToken.objects.filter(token_hash__contains=token).exists()
    client.logout()
    feed = client.get(feed_url.removeprefix("http://testserver"))
    assert feed.status_code == 200
    assert feed["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in feed["Cache-Control"]
    calendar = Calendar.from_ical(feed.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    event = events["Polisens trygghetsvandring (Polisen)"]
    assert event.decoded("dtstart") == datetime.date(2026, 12, 10)
    assert str(event["status"]) == "CANCELLED"


def test_the_feed_is_refused_without_a_valid_secret(client, communicator_of):
    activity(org("polismyndigheten"), title="Polisens trygghetsvandring")
    user = communicator_of(org("heby-kommun"))
    token = issue_feed_token(user)
    assert client.get(reverse("activity_feed", args=[token])).status_code == 200
    for wrong in ("", "x", token[:-1], token + "a", "a" * 200):
        response = client.get(f"/kalender/aktiviteter/{wrong}.ics")
        assert response.status_code == 404, wrong
        assert "Polisens" not in response.content.decode()


def test_a_new_secret_revokes_the_old_and_revoking_closes_the_feed(client, communicator_of):
    user = communicator_of(org("heby-kommun"))
    old = issue_feed_token(user)
    new = issue_feed_token(user)
    assert client.get(reverse("activity_feed", args=[old])).status_code == 404
    assert client.get(reverse("activity_feed", args=[new])).status_code == 200
    client.force_login(user)
    assert client.post(FEED_PAGE, {"action": "revoke"}).status_code == 302
    client.logout()
    assert client.get(reverse("activity_feed", args=[new])).status_code == 404


def test_the_feed_closes_when_its_user_leaves_the_network_or_is_deactivated(client, communicator_of):
    user = communicator_of(org("heby-kommun"))
    token = issue_feed_token(user)
    user.groups.clear()
    assert client.get(reverse("activity_feed", args=[token])).status_code == 404
    other = communicator_of(org("knivsta-kommun"))
    other_token = issue_feed_token(other)
    other.is_active = False
    other.save()
    assert client.get(reverse("activity_feed", args=[other_token])).status_code == 404


def test_an_activity_only_accounts_feed_holds_only_its_organisation(client, reporter_of):
    activity(org("polismyndigheten"), title="Polisens hemliga plan")
    activity(org("heby-kommun"), title="Hebys affisch")
    token = issue_feed_token(reporter_of(org("heby-kommun")))
    body = client.get(reverse("activity_feed", args=[token])).content.decode()
    assert "Hebys affisch" in body
    assert "Polisens hemliga plan" not in body


def test_anonymous_readers_never_see_an_activity(client, home):
    activity(org("polismyndigheten"), title="Zebrafinkens kampanj", message="Zebrafinkens budskap")
    for url in ("/", "/sok/?q=budskap", "/sitemap.xml", "/en/", INDEX_URL, INDEX_URL + "?export=csv", FEED_PAGE):
        response = client.get(url, follow=True)
        assert "Zebrafinken" not in response.content.decode(), url
    assert client.get(reverse("communication_activities:month", args=(2026, 12))).status_code == 302


def test_network_meeting_minutes_are_for_the_network_only(client, communicator_of, make_user, translator):
    uppsala = org("uppsala-kommun")
    document = get_document_model().objects.create(
        title="Protokoll nätverksmöte december",
        file=ContentFile(b"Protokoll", name="protokoll.txt"),
        collection=Collection.get_first_root_node(),
    )
    activity(uppsala, title="Nätverksmöte december", kind="natverksmote", channel="moten", minutes=document)
    url = reverse("wagtaildocs_serve", args=(document.id, document.filename))
    assert client.get(url).status_code == 404
    client.force_login(translator)
    assert client.get(url).status_code == 404
    client.force_login(communicator_of(org("heby-kommun")))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Protokoll"


def test_minutes_belong_to_network_meetings(client, communicator_of):
    heby = org("heby-kommun")
    image_count = get_image_model().objects.count()
    document = get_document_model().objects.create(
        title="Minnesanteckning", file=ContentFile(b"x", name="m.txt"), collection=Collection.get_first_root_node()
    )
    client.force_login(communicator_of(heby))
    response = client.post(ADD_URL, form_data(heby, title="Fel typ", minutes=str(document.pk)))
    assert response.status_code == 200
    assert "minutes" in response.context["form"].errors
    assert not CommunicationActivity.objects.filter(title="Fel typ").exists()
    assert get_image_model().objects.count() == image_count
