"""\"Beställ utbildning\": stored, Projektledning notified without personal data, abuse-protected."""

import re

import pytest
from django.urls import reverse

from training.models import TrainingRequest

pytestmark = pytest.mark.django_db


def request_data(client, **overrides):
    html = client.get(reverse("training:request")).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    data = {
        "token": token,
        "organisation": "tierps-kommun",
        "other_organisation": "",
        "contact_name": "Kim Kontakt",
        "contact_email": "kim@example.org",
        "contact_phone": "070-123 45 67",
        "group_size": "25",
        "preferred_dates": "En förmiddag i mars",
        "needs": "Fokus på skolan",
        "webbplats": "",
    }
    data.update(overrides)
    return data


def test_get_sets_no_cookie(client):
    response = client.get(reverse("training:request"))
    assert response.status_code == 200 and response.cookies == {}
    assert "no-store" in response["Cache-Control"]


def test_request_is_stored_and_project_leaders_notified(
    client, project_leader, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    make_user("annan", [])
    data = request_data(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training:request"), data)
        again = client.post(reverse("training:request"), data)
    assert response.status_code == again.status_code == 302
    assert TrainingRequest.objects.count() == 1
    stored = TrainingRequest.objects.get()
    assert stored.organisation.slug == "tierps-kommun" and stored.group_size == 25
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [project_leader.email]
    assert "Kim" not in mail.body and "kim@example.org" not in mail.body
    assert f"/admin/training_requests/inspect/{stored.pk}/" in mail.body
    client.force_login(project_leader)
    assert "Kim Kontakt" in client.get(reverse("training_requests:inspect", args=[stored.pk])).content.decode()


@pytest.mark.parametrize(
    "change",
    [
        {"group_size": "många"},
        {"group_size": "0"},
        {"contact_name": "x" * 10_000},
        {"contact_email": "a@b.se\r\nBcc: c@d.se"},
        {"contact_phone": "=1+1"},
        {"webbplats": "spam"},
        {"token": "fel"},
        {"organisation": "finns-inte"},
    ],
)
def test_bad_requests_store_nothing(client, change, settings):
    settings.TRAINING_RATE_LIMIT = (1000, 60)
    response = client.post(reverse("training:request"), request_data(client, **change))
    assert response.status_code == 400
    assert TrainingRequest.objects.count() == 0


def test_request_form_follows_the_language_of_the_index(client):
    from training.models import TrainingIndexPage

    english_index = TrainingIndexPage.objects.get(locale__language_code="ar")
    html = client.get(english_index.url).content.decode()
    assert "/utbildningar/bestall/?sprak=ar" in html
    response = client.get("/utbildningar/bestall/?sprak=ar")
    assert '<html lang="ar" dir="rtl"' in response.content.decode()
    assert client.get("/utbildningar/bestall/?sprak=zz").status_code == 200
