"""Personal data stays where it belongs: subscribers, participants' names in the audit log, exports.

Every organisation's communicator, the translator and Projektledning are refused the subscriber
list, chooser and localize API, the personal-data tool and its exports; the site history shows
no participant names; every admin export neutralises spreadsheet formulas.
"""

import csv
import importlib
import io

import openpyxl
import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from channels.models import NewsletterSubscriber
from press.models import PressSubscriber
from tests.factories import organisation
from tests.helpers.admin import is_denied
from tests.helpers.training import make_training
from training.models import Booking, TrainingRequest
from workflows.models import Organisation

pytestmark = pytest.mark.django_db

SECRET = "hemlig.journalist@example.org"
PARTICIPANT = "Hemliga Deltagaren"
FORMULA = '=HYPERLINK("http://evil.example","klicka")'


@pytest.fixture
def subscriber():
    return PressSubscriber.objects.create(email=SECRET, confirmed_at=timezone.now())


@pytest.fixture
def editors(communicator_of, translator, project_leader):
    """Everyone with admin access who is not an administrator."""
    users = [communicator_of(org) for org in Organisation.objects.order_by("slug")]
    return [*users, translator, project_leader]


@pytest.fixture
def admin_user(make_user):
    return make_user("administrator", superuser=True)


def content_log_count():
    """Log entries about content and personal data; sign-ins (every force_login) are audited apart."""
    return ModelLogEntry.objects.exclude(action__startswith="nexus.login").count()


def body_bytes(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


SUBSCRIBER_DOORS = [
    "/admin/localize/api/snippets/press/presssubscriber/",
    "/admin/localize/api/snippets/press/presssubscriber/{pk}/",
    "/admin/snippets/choose/press/presssubscriber/",
    "/admin/snippets/choose/press/presssubscriber/results/?q=hemlig",
    "/admin/snippets/press/presssubscriber/",
    "/admin/snippets/press/presssubscriber/?export=csv",
    "/admin/press-subscribers/",
    "/admin/press-subscribers/?export=csv",
    "/admin/press-subscribers/edit/{pk}/",
    "/admin/press-subscribers/delete/{pk}/",
]


def test_no_editor_reaches_subscribers_through_any_door(client, editors, subscriber):
    before = (PressSubscriber.objects.count(), content_log_count())
    for user in editors:
        client.force_login(user)
        for door in SUBSCRIBER_DOORS:
            response = client.get(door.format(pk=subscriber.pk))
            assert SECRET not in body(response), (user.username, door)
            assert response.status_code in (302, 403, 404), (user.username, door, response.status_code)
        response = client.post(f"/admin/press-subscribers/delete/{subscriber.pk}/")
        assert is_denied(response) or response.status_code == 404, user.username
    assert (PressSubscriber.objects.count(), content_log_count()) == before


NEWSLETTER_SUBSCRIBER_DOORS = [
    "/admin/localize/api/snippets/channels/newslettersubscriber/",
    "/admin/localize/api/snippets/channels/newslettersubscriber/{pk}/",
    "/admin/snippets/choose/channels/newslettersubscriber/",
    "/admin/snippets/choose/channels/newslettersubscriber/results/?q=hemlig",
    "/admin/snippets/channels/newslettersubscriber/",
    "/admin/snippets/channels/newslettersubscriber/?export=csv",
    "/admin/snippets/channels/newslettersubscriber/edit/{pk}/",
]


def test_no_editor_reaches_newsletter_subscribers_through_any_door(client, editors, admin_user):
    reader = NewsletterSubscriber.objects.create(email=SECRET, confirmed_at=timezone.now())
    before = (NewsletterSubscriber.objects.count(), content_log_count())
    for user in [*editors, admin_user]:
        client.force_login(user)
        for door in NEWSLETTER_SUBSCRIBER_DOORS:
            response = client.get(door.format(pk=reader.pk))
            assert SECRET not in body(response), (user.username, door)
            assert response.status_code in (302, 403, 404), (user.username, door, response.status_code)
    assert (NewsletterSubscriber.objects.count(), content_log_count()) == before


def test_administrator_manages_subscribers_outside_snippets(client, admin_user, subscriber):
    client.force_login(admin_user)
    assert SECRET in client.get("/admin/press-subscribers/").content.decode()
    assert SECRET in body(client.get("/admin/press-subscribers/?export=csv"))
    # Not a snippet: no chooser, no localize API, no snippet listing, even for administrators.
    for door in SUBSCRIBER_DOORS[:5]:
        assert client.get(door.format(pk=subscriber.pk)).status_code == 404, door


@pytest.fixture
def heby_booking():
    training = make_training(org_slug="heby-kommun", title="Hebykurs")
    return Booking.objects.create(
        training=training, status="bekraftad", name=PARTICIPANT, email="deltagare@example.org", idempotency_key="hb"
    )


def edit_booking(client, booking, name):
    response = client.post(
        reverse("bookings:edit", args=[booking.pk]),
        {"name": name, "email": booking.email, "other_organisation": "", "role": "", "needs": ""},
    )
    assert response.status_code == 302


def test_site_history_shows_no_participant_names(client, communicator_of, project_leader, admin_user, heby_booking):
    client.force_login(communicator_of(organisation("heby-kommun")))
    edit_booking(client, heby_booking, PARTICIPANT)
    request = TrainingRequest.objects.create(
        contact_name="Hemlig Beställare", contact_email="bestallare@example.org", group_size=5, idempotency_key="r"
    )
    # Projektledning sees requests but only administrators change them.
    client.force_login(admin_user)
    response = client.post(
        reverse("training_requests:edit", args=[request.pk]),
        {
            "contact_name": "Hemlig Beställare",
            "contact_email": "bestallare@example.org",
            "contact_phone": "",
            "group_size": "6",
            "preferred_dates": "",
            "needs": "",
        },
    )
    assert response.status_code == 302
    labels = set(ModelLogEntry.objects.values_list("label", flat=True))
    assert f"Anmälan #{heby_booking.pk}" in labels and f"Beställning #{request.pk}" in labels
    for user in (communicator_of(organisation("polismyndigheten")), project_leader):
        client.force_login(user)
        for url in ("/admin/reports/site-history/", "/admin/reports/site-history/?export=csv"):
            text = body(client.get(url))
            assert PARTICIPANT not in text and "Hemlig Beställare" not in text, (user.username, url)
            assert "example.org" not in text


def test_site_history_export_neutralises_formulas(client, admin_user, heby_booking):
    # A label that starts a formula, as a page or snippet title could.
    ModelLogEntry.objects.log_action(heby_booking, "wagtail.edit", title=FORMULA, user=admin_user)
    client.force_login(admin_user)
    rows = list(csv.reader(io.StringIO(body(client.get("/admin/reports/site-history/?export=csv")))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells
    assert FORMULA not in cells


def test_no_editor_reaches_the_personal_data_tool(client, editors, heby_booking, subscriber):
    url = reverse("personal_data")
    before = (
        list(Booking.objects.values_list("name", "email")),
        PressSubscriber.objects.count(),
        content_log_count(),
    )
    for user in editors:
        client.force_login(user)
        assert is_denied(client.get(url)), user.username
        for action in ("find", "export", "erase"):
            for address in (SECRET, heby_booking.email):
                response = client.post(url, {"email": address, "action": action, "confirm": "on"})
                assert is_denied(response), (user.username, action)
                assert address not in body(response) and PARTICIPANT not in body(response)
        menu = client.get(reverse("wagtailadmin_home")).content.decode()
        assert url not in menu and "/admin/press-subscribers/" not in menu, user.username
    after = (
        list(Booking.objects.values_list("name", "email")),
        PressSubscriber.objects.count(),
        content_log_count(),
    )
    assert after == before


def test_request_export_and_xlsx_exports_neutralise_formulas(client, project_leader, admin_user, heby_booking):
    TrainingRequest.objects.create(
        contact_name=FORMULA, contact_email="r@example.org", needs="+1+1", group_size=5, idempotency_key="f"
    )
    client.force_login(project_leader)
    rows = list(csv.reader(io.StringIO(body(client.get(reverse("training_requests:index") + "?export=csv")))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells and "'+1+1" in cells
    assert FORMULA not in cells
    ModelLogEntry.objects.log_action(heby_booking, "wagtail.edit", title=FORMULA, user=admin_user)
    client.force_login(admin_user)
    response = client.get("/admin/reports/site-history/?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(body_bytes(response))).active
    values = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert "'" + FORMULA in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_data_migrations_relabel_existing_log_entries(heby_booking, subscriber):
    request = TrainingRequest.objects.create(
        contact_name="Hemlig Beställare", contact_email="b@example.org", group_size=5, idempotency_key="m"
    )
    for instance, old in ((heby_booking, PARTICIPANT), (request, "Hemlig Beställare"), (subscriber, SECRET)):
        ModelLogEntry.objects.log_action(instance, "wagtail.edit", title=old)
    for module in (
        "training.migrations.0003_log_labels_without_personal_data",
        "press.migrations.0003_log_labels_without_addresses",
    ):
        importlib.import_module(module).relabel(django_apps, None)
    assert set(ModelLogEntry.objects.values_list("label", flat=True)) == {
        f"Anmälan #{heby_booking.pk}",
        f"Beställning #{request.pk}",
        f"Prenumerant #{subscriber.pk}",
    }
