"""Projektledning's dashboard panel: this month's activities by channel and organisation, and the
organisations with no activity this quarter. Nobody else sees it."""

import datetime

import time_machine
from django.urls import reverse

from workflows.models import CommunicationActivity, Organisation

HOME = reverse("wagtailadmin_home")


def add(slug, day, channel="webb", status="planerad"):
    return CommunicationActivity.objects.create(
        organisation=Organisation.objects.get(slug=slug),
        title=f"{slug} {day}",
        date=day,
        channel=channel,
        audience="media",
        status=status,
    )


@time_machine.travel(datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC))
def test_the_panel_counts_this_month_and_names_the_quiet_organisations(client, project_leader):
    add("heby-kommun", datetime.date(2026, 12, 1), channel="webb")
    add("heby-kommun", datetime.date(2026, 12, 20), channel="press")
    add("polismyndigheten", datetime.date(2026, 12, 5), channel="press")
    add("region-uppsala", datetime.date(2026, 11, 5))  # this quarter, not this month
    add("nck", datetime.date(2026, 9, 30))  # last quarter
    add("knivsta-kommun", datetime.date(2026, 12, 9), status="installd")  # cancelled: does not count
    client.force_login(project_leader)
    response = client.get(HOME)
    panel = next(p for p in response.context["panels"] if p.name == "nexus_activities")
    context = panel.get_context_data({"request": response.wsgi_request})
    assert context["month_total"] == 3
    assert context["by_channel"] == [("Press", 2), ("Webb", 1)]
    assert context["by_organisation"] == [("Heby kommun", 2), ("Polismyndigheten", 1)]
    quiet = {o.slug for o in context["quiet"]}
    assert {"nck", "knivsta-kommun", "uppsala-kommun"} <= quiet
    assert not quiet & {"heby-kommun", "polismyndigheten", "region-uppsala"}
    html = response.content.decode()
    assert "december 2026: 3 aktiviteter" in html.lower()
    assert "Ingen aktivitet kvartal 4 2026" in html


def test_communicators_and_translators_do_not_get_the_panel(client, communicator_of, translator):
    for user in (communicator_of(Organisation.objects.get(slug="heby-kommun")), translator):
        client.force_login(user)
        response = client.get(HOME)
        assert response.status_code == 200
        assert all(p.name != "nexus_activities" for p in response.context["panels"])
        assert "nexus-activities" not in response.content.decode()
