"""Trainings built as editors build them, and the public booking form as a browser fills it in."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.factories import add_page, organisation, section_of
from training.models import TrainingIndexPage, TrainingPage, TrainingSession


def make_training(org_slug="polismyndigheten", title="Samtal med unga", days=10, capacity=5, **fields):
    section = section_of(TrainingIndexPage, organisation(org_slug))
    start = timezone.now() + timedelta(days=days)
    sessions = fields.pop("sessions", None) or [TrainingSession(start=start, end=start + timedelta(hours=3))]
    return add_page(section, TrainingPage, title, capacity=capacity, sessions=sessions, **fields)


def booking_form_url(training):
    """The booking form page: the cached training page links to it; it alone carries a token."""
    return reverse("training:book", args=[training.pk])


def form_token(client, training):
    html = client.get(booking_form_url(training)).content.decode()
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, "the booking form has no token"
    return match.group(1)


def booking_data(token_value, number=1, **overrides):
    data = {
        "token": token_value,
        "name": f"Testdeltagare {number}",
        "email": f"deltagare{number}@example.org",
        "organisation": "uppsala-kommun",
        "other_organisation": "",
        "role": "Kurator",
        "needs": "",
        "consent": "on",
        "webbplats": "",
    }
    data.update(overrides)
    return data
