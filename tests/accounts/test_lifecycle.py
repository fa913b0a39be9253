"""Account lifecycle: invite with a one-time link, reset a second factor, deactivate a leaver, unlock."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from workflows.models import Organisation

pytestmark = pytest.mark.django_db
LOGIN_URL = reverse("wagtailadmin_login")


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("administrator", superuser=True))
    return client


def test_invite_sends_a_one_time_link_that_sets_the_password(
    admin_client, client, mailoutbox, organisations, django_capture_on_commit_callbacks
):
    organisation = organisations[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("nexus_accounts:invite"),
            {
                "first_name": "Nora",
                "last_name": "Ny",
                "email": "Nora@Example.org",
                "group": organisation.communicators_group_id,
            },
        )
    assert response.status_code == 302
    account = get_user_model().objects.get(username="nora@example.org")
    assert not account.has_usable_password()
    assert list(Organisation.objects.of_member(account, "communicators")) == [organisation]
    assert ModelLogEntry.objects.filter(action="nexus.invite", object_id=str(account.pk)).exists()
    (mail,) = mailoutbox
    link = re.search(r"http://testserver(\S+)", mail.body).group(1)
    admin_client.post(reverse("wagtailadmin_logout"))
    form = client.get(link, follow=True)
    assert form.status_code == 200
    new_password = {"new_password1": "ett-långt-nytt-lösenord", "new_password2": "ett-långt-nytt-lösenord"}
    assert client.post(form.redirect_chain[-1][0], new_password).status_code == 302
    account.refresh_from_db()
    assert account.check_password("ett-långt-nytt-lösenord")
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # setting it does not sign in
    # The link works once.
    client.get(link, follow=True)
    again = client.post(form.redirect_chain[-1][0], dict.fromkeys(new_password, "ett-annat-långt-lösenord"))
    account.refresh_from_db()
    assert account.check_password("ett-långt-nytt-lösenord")
    assert again.status_code in (200, 302)


def test_reset_second_factor(admin_client, project_leader):
    TOTPDevice.objects.create(user=project_leader, name="app", confirmed=True)
    url = reverse("nexus_accounts:reset_second_factor", args=(project_leader.pk,))
    assert admin_client.post(url).status_code == 302
    assert not TOTPDevice.objects.filter(user=project_leader).exists()
    assert ModelLogEntry.objects.filter(action="nexus.mfa_reset", object_id=str(project_leader.pk)).exists()


def test_deactivate_hands_drafts_to_a_colleague_of_the_same_organisation(
    admin_client, client, communicator_of, organisations
):
    from wagtail.models import Page

    police, other = organisations[0], organisations[1]
    leaver = communicator_of(police, "lamnar")
    colleague = communicator_of(police, "kollega")
    stranger = communicator_of(other, "annan-org")
    parent = Page.objects.filter(depth=2).first()
    draft = parent.add_child(instance=Page(title="Utkast", slug="utkast-lamnar", live=False, owner=leaver))
    url = reverse("nexus_accounts:deactivate", args=(leaver.pk,))
    # A colleague of another organisation is not offered and not accepted.
    assert admin_client.post(url, {"colleague": stranger.pk}).status_code == 200
    leaver.refresh_from_db()
    assert leaver.is_active
    assert admin_client.post(url, {"colleague": colleague.pk}).status_code == 302
    leaver.refresh_from_db()
    draft.refresh_from_db()
    assert not leaver.is_active
    assert draft.owner == colleague
    client.force_login(leaver)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_administrator_unlocks_a_lockout(admin_client, client, settings, project_leader):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        client.post(LOGIN_URL, {"username": project_leader.username, "password": "fel-losenord"})
    assert (
        client.post(LOGIN_URL, {"username": project_leader.username, "password": "a-long-test-password"}).status_code
        == 429
    )
    attempt = AccessAttempt.objects.get(username=project_leader.username)
    assert project_leader.username in admin_client.get(reverse("nexus_accounts:index")).content.decode()
    assert admin_client.post(reverse("nexus_accounts:unlock", args=(attempt.pk,))).status_code == 302
    assert (
        client.post(LOGIN_URL, {"username": project_leader.username, "password": "a-long-test-password"}).status_code
        == 302
    )


def test_exports_are_in_the_audit_log(client, project_leader):
    client.force_login(project_leader)
    response = client.get(reverse("bookings:index") + "?export=csv")
    assert response.status_code == 200, response
    assert "attachment" in response["Content-Disposition"]
    entry = ModelLogEntry.objects.get(action="nexus.export")
    assert entry.user_id == project_leader.pk
    assert entry.data["format"] == "csv"


def test_forged_forwarded_for_does_not_escape_the_public_rate_limit(client, settings):
    from django.test import RequestFactory

    from home.throttle import rate_limited

    settings.NEXUS_TRUSTED_PROXY_COUNT = 1
    factory = RequestFactory()
    results = [
        rate_limited(
            factory.post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"198.18.0.{n}, 203.0.113.9"), "t", 3, 60
        )
        for n in range(5)
    ]
    assert results == [False, False, False, True, True]
