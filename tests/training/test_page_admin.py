"""TrainingPage is creatable through the real admin form, and its target groups survive revisions."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import organisation, section_of
from training.models import TrainingIndexPage, TrainingPage

pytestmark = pytest.mark.django_db


def test_communicator_creates_a_training_and_leader_publishes_it(client, communicator_of, project_leader):
    police = organisation("polismyndigheten")
    section = section_of(TrainingIndexPage, police)
    client.force_login(communicator_of(police))
    data = nested_form_data(
        {
            "title": "Ny kurs",
            "slug": "ny-kurs",
            "lead": "Kort ingress",
            "body": streamfield([]),
            "programme": streamfield([]),
            "who_may_attend": "Alla",
            "format": "hybrid",
            "place": "Polishuset",
            "digital_link": "https://mote.example/x",
            "capacity": "12",
            "registration_closes": "",
            "cost": "Kostnadsfri",
            "contact_name": "",
            "contact_email": "",
            "contact_phone": "",
            "accessibility": "",
            "sessions": inline_formset([{"start": "2030-03-01 09:00", "end": "2030-03-01 12:00"}]),
        }
    )
    data["target_groups"] = ["polis", "skola"]
    data["action-submit"] = "Skicka in"
    response = client.post(reverse("wagtailadmin_pages:add", args=["training", "trainingpage", section.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = TrainingPage.objects.get(slug="ny-kurs")
    assert not page.live
    revision_page = page.get_latest_revision_as_object()
    assert revision_page.target_groups == ["polis", "skola"]
    assert len(revision_page.sessions.all()) == 1

    client.force_login(project_leader)
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
    )
    assert response.status_code in (200, 302)
    page = TrainingPage.objects.get(pk=page.pk)
    assert page.live
    assert page.target_groups == ["polis", "skola"]
    assert page.sessions.count() == 1
    assert TrainingPage.objects.filter(target_groups__contains=",skola,").count() == 1
    client.logout()
    html = client.get(Page.objects.get(pk=page.pk).url).content.decode()
    assert "Polis och rättsväsende" in html and "Skola och förskola" in html
    assert "mote.example" not in html


def test_unknown_target_group_is_a_form_error(client, project_leader):
    section = section_of(TrainingIndexPage, organisation("polismyndigheten"))
    client.force_login(project_leader)
    data = nested_form_data(
        {
            "title": "Fel",
            "slug": "fel",
            "body": streamfield([]),
            "programme": streamfield([]),
            "format": "pa-plats",
            "capacity": "12",
            "sessions": inline_formset([]),
        }
    )
    data["target_groups"] = ["finns-inte"]
    response = client.post(reverse("wagtailadmin_pages:add", args=["training", "trainingpage", section.pk]), data)
    assert response.status_code == 200
    assert not TrainingPage.objects.filter(slug="fel").exists()
