"""The account pages are the administrators' alone: nothing changed, nothing leaked for others."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers.admin import is_denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsiders(communicator_of, organisations, project_leader, translator):
    return {
        "communicator": communicator_of(organisations[0]),
        "other-communicator": communicator_of(organisations[1]),
        "project-leader": project_leader,
        "translator": translator,
    }


@pytest.mark.parametrize("role", ["communicator", "other-communicator", "project-leader", "translator"])
def test_account_pages_are_refused_with_nothing_changed(client, outsiders, role, communicator_of, organisations):
    victim = communicator_of(organisations[0], "offer")
    colleague = communicator_of(organisations[0], "kollega")
    TOTPDevice.objects.create(user=victim, name="app", confirmed=True)
    users_before = list(get_user_model().objects.order_by("pk").values_list("pk", "is_active"))
    client.force_login(outsiders[role])
    for url in (reverse("nexus_accounts:index"), reverse("nexus_accounts:invite")):
        response = client.get(url)
        assert is_denied(response), (url, response.status_code)
        assert victim.username not in response.content.decode()
    invite = client.post(
        reverse("nexus_accounts:invite"),
        {
            "first_name": "X",
            "last_name": "Y",
            "email": "x@example.org",
            "group": organisations[0].communicators_group_id,
        },
    )
    reset = client.post(reverse("nexus_accounts:reset_second_factor", args=(victim.pk,)))
    deactivate = client.post(reverse("nexus_accounts:deactivate", args=(victim.pk,)), {"colleague": colleague.pk})
    assert all(is_denied(r) for r in (invite, reset, deactivate))
    assert list(get_user_model().objects.order_by("pk").values_list("pk", "is_active")) == users_before
    assert TOTPDevice.objects.filter(user=victim).exists()
