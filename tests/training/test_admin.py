"""Bookings in the admin: the training's organisation and Projektledning only."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import organisation
from tests.helpers.training import make_training
from training.models import Booking, TrainingRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_booking():
    training = make_training(org_slug="polismyndigheten", title="Poliskurs")
    return Booking.objects.create(
        training=training, status="bekraftad", name="Polisdeltagare", email="p@example.org", idempotency_key="p"
    )


@pytest.fixture
def heby_booking():
    training = make_training(org_slug="heby-kommun", title="Hebykurs")
    return Booking.objects.create(
        training=training,
        status="bekraftad",
        name='=HYPERLINK("http://evil.example")',
        email="h@example.org",
        role="+1+1",
        needs="@SUM(A1)",
        other_organisation="-2",
        idempotency_key="h",
    )


def export(client, fmt="csv"):
    return client.get(reverse("bookings:index") + f"?export={fmt}")


def csv_rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_communicator_sees_and_exports_only_own_bookings(client, communicator_of, police_booking, heby_booking):
    client.force_login(communicator_of(organisation("polismyndigheten")))
    html = client.get(reverse("bookings:index")).content.decode()
    assert "Polisdeltagare" in html and "evil.example" not in html
    rows = csv_rows(export(client))
    assert len(rows) == 2
    assert "Polisdeltagare" in rows[1] and "p@example.org" in rows[1]
    assert client.get(reverse("bookings:inspect", args=[police_booking.pk])).status_code == 200


def test_other_organisation_is_refused_on_every_direct_url(client, communicator_of, police_booking, heby_booking):
    client.force_login(communicator_of(organisation("polismyndigheten")))
    for name in ("edit", "delete", "inspect", "history", "usage"):
        response = client.get(reverse(f"bookings:{name}", args=[heby_booking.pk]))
        assert response.status_code == 404, name
        assert "h@example.org" not in response.content.decode()
    response = client.post(reverse("bookings:edit", args=[heby_booking.pk]), {"name": "Ändrad", "email": "x@x.se"})
    assert response.status_code == 404
    assert client.post(reverse("bookings:delete", args=[heby_booking.pk])).status_code == 404
    heby_booking.refresh_from_db()
    assert heby_booking.name.startswith("=HYPERLINK") and heby_booking.status == "bekraftad"


def test_communicator_can_edit_own_booking(client, communicator_of, police_booking):
    client.force_login(communicator_of(organisation("polismyndigheten")))
    response = client.post(
        reverse("bookings:edit", args=[police_booking.pk]),
        {"name": "Rättat Namn", "email": "p@example.org", "other_organisation": "", "role": "Polis", "needs": ""},
    )
    assert response.status_code == 302
    police_booking.refresh_from_db()
    assert police_booking.name == "Rättat Namn"


def test_project_leader_sees_all_and_export_is_formula_safe(client, project_leader, police_booking, heby_booking):
    client.force_login(project_leader)
    rows = csv_rows(export(client))
    assert len(rows) == 3
    heby = next(row for row in rows if "h@example.org" in row)
    assert '\'=HYPERLINK("http://evil.example")' in heby
    assert "'+1+1" in heby and "'@SUM(A1)" in heby and "'-2" in heby
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert export(client, "xlsx").status_code == 200


def test_anonymous_and_users_without_organisation_get_nothing(client, make_user, translator, police_booking):
    response = client.get(reverse("bookings:index"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.get(reverse("bookings:inspect", args=[police_booking.pk])).status_code in (302, 404)
    assert export(client).status_code == 302
    client.force_login(translator)
    response = client.get(reverse("bookings:index"))
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("bookings:inspect", args=[police_booking.pk])).status_code == 404


def test_communicators_cannot_add_bookings_or_see_requests(client, communicator_of):
    client.force_login(communicator_of(organisation("polismyndigheten")))
    response = client.get(reverse("bookings:add"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    request = TrainingRequest.objects.create(
        contact_name="Kim", contact_email="k@example.org", group_size=10, idempotency_key="r"
    )
    assert client.get(reverse("training_requests:index")).status_code == 302
    assert client.get(reverse("training_requests:inspect", args=[request.pk])).status_code == 404


def test_deleting_a_confirmed_booking_promotes_the_next(client, project_leader):
    training = make_training(capacity=1)
    first = Booking.objects.create(training=training, status="bekraftad", name="A", email="a@e.se", idempotency_key="1")
    second = Booking.objects.create(
        training=training, status="vantelista", name="B", email="b@e.se", idempotency_key="2"
    )
    client.force_login(project_leader)
    assert client.post(reverse("bookings:delete", args=[first.pk])).status_code == 302
    assert not Booking.objects.filter(pk=first.pk).exists()
    second.refresh_from_db()
    assert second.status == "bekraftad"


def test_setup_grants_booking_permissions_idempotently():
    from django.contrib.auth.models import Group

    from workflows.editorial import setup_editorial

    setup_editorial()
    setup_editorial()
    police = Group.objects.get(name=organisation("polismyndigheten").communicators_group_name)
    codenames = set(police.permissions.filter(content_type__app_label="training").values_list("codename", flat=True))
    assert codenames == {"view_booking", "change_booking", "delete_booking"}
    leaders = Group.objects.get(name="Projektledning")
    assert leaders.permissions.filter(codename="view_trainingrequest").exists()
    assert not Group.objects.get(name="Översättare").permissions.filter(content_type__app_label="training").exists()
