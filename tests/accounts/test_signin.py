"""Admin sign-in: second factor, lockout, idle expiry, trusted client addresses, audit log.

Production behaviour is switched on with ``settings.NEXUS_REQUIRE_MFA = True`` (the test and
demo settings keep password-only logins, as ``make run`` does).
"""

import time
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("wagtailadmin_login")
HOME_URL = reverse("wagtailadmin_home")
PASSWORD = "a-long-test-password"
PROXY = "10.0.0.2"


def totp_code(device, at=None):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = at if at is not None else time.time()
    return f"{totp.token():06d}"


def login(client, username, password=PASSWORD, code="", **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password, "otp_token": code}, **extra)


def signed_in(client):
    return client.get(HOME_URL).status_code == 200


@pytest.fixture
def mfa(settings):
    settings.NEXUS_REQUIRE_MFA = True
    return settings


@pytest.fixture
def enrolled(project_leader):
    device = TOTPDevice.objects.create(user=project_leader, name="app", confirmed=True)
    return project_leader, device


def test_password_alone_never_reaches_an_admin_page(client, mfa, enrolled):
    user, device = enrolled
    response = login(client, user.username)
    assert response.status_code == 200  # the form again, with an error
    assert "engångskod" in response.content.decode().lower()
    assert not signed_in(client)
    for url in (HOME_URL, reverse("wagtailadmin_explore_root"), reverse("wagtailusers_users:index")):
        assert client.get(url).status_code == 302


def test_password_and_totp_sign_in(client, mfa, enrolled):
    user, device = enrolled
    response = login(client, user.username, code=totp_code(device))
    assert response.status_code == 302
    assert signed_in(client)


def test_a_totp_code_is_single_use(client, mfa, enrolled):
    user, device = enrolled
    code = totp_code(device)
    assert login(client, user.username, code=code).status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    assert not signed_in(client)
    response = login(client, user.username, code=code)
    assert response.status_code == 200
    assert not signed_in(client)


def test_a_wrong_code_is_refused(client, mfa, enrolled):
    user, device = enrolled
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    assert login(client, user.username, code=wrong).status_code == 200
    assert not signed_in(client)


def test_without_a_second_factor_only_enrolment_is_reachable(client, mfa, project_leader):
    assert login(client, project_leader.username).status_code == 302
    enrol_url = reverse("nexus_accounts:enrol")
    for url in (HOME_URL, reverse("wagtailadmin_explore_root"), reverse("wagtailsnippets:index")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(enrol_url), url
    assert client.get(enrol_url).status_code == 200


def test_a_forced_session_without_second_factor_is_refused(client, mfa, enrolled):
    user, device = enrolled
    client.force_login(user)
    response = client.get(HOME_URL)
    assert response.status_code == 302
    assert not signed_in(client)


def test_enrolment_then_recovery_code_once(client, mfa, project_leader):
    login(client, project_leader.username)
    enrol_url = reverse("nexus_accounts:enrol")
    page = client.get(enrol_url)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=project_leader, confirmed=False)
    response = client.post(enrol_url, {"otp_token": totp_code(device)})
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = response.context["recovery_codes"]
    assert len(codes) == 10
    assert signed_in(client)
    # A recovery code signs in once, instead of the app's code.
    client.post(reverse("wagtailadmin_logout"))
    assert login(client, project_leader.username, code=codes[0]).status_code == 302
    assert signed_in(client)
    client.post(reverse("wagtailadmin_logout"))
    assert login(client, project_leader.username, code=codes[0]).status_code == 200
    assert not signed_in(client)


def test_enrolment_refuses_a_wrong_code(client, mfa, project_leader):
    login(client, project_leader.username)
    enrol_url = reverse("nexus_accounts:enrol")
    client.get(enrol_url)
    response = client.post(enrol_url, {"otp_token": "000000x"})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=project_leader, confirmed=True).exists()
    assert client.get(HOME_URL).status_code == 302


def test_demo_settings_keep_password_only_logins(client, project_leader):
    assert login(client, project_leader.username).status_code == 302
    assert signed_in(client)


# --- lockout ---------------------------------------------------------------------------------


def test_lockout_after_the_configured_failures_refuses_the_right_password(client, settings, make_user, project_leader):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        assert login(client, project_leader.username, password="wrong-password").status_code == 200
    assert login(client, project_leader.username, password="wrong-password").status_code == 429
    response = login(client, project_leader.username)
    assert response.status_code == 429
    assert "låst" in response.content.decode().lower()
    assert not signed_in(client)
    # Another user from the same address is not locked out.
    other = make_user("annan-anvandare")
    assert login(client, other.username).status_code == 302


def test_lockout_is_per_address_too(client, settings, project_leader):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        login(client, project_leader.username, password="wrong-password", REMOTE_ADDR="192.0.2.10")
    assert login(client, project_leader.username, REMOTE_ADDR="192.0.2.10").status_code == 429
    assert login(client, project_leader.username, REMOTE_ADDR="192.0.2.11").status_code == 302


def test_lockout_ends_after_the_cool_off(client, settings, project_leader):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        login(client, project_leader.username, password="wrong-password")
    assert login(client, project_leader.username).status_code == 429
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        assert login(client, project_leader.username).status_code == 302


def test_wrong_codes_count_towards_the_lockout(client, mfa, settings, enrolled):
    settings.AXES_FAILURE_LIMIT = 2
    user, device = enrolled
    for _ in range(2):
        login(client, user.username, code="000000x")
    assert login(client, user.username, code=totp_code(device)).status_code == 429
    assert not signed_in(client)


def test_forged_forwarded_for_does_not_change_the_locked_address(client, settings, project_leader):
    settings.NEXUS_TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        login(
            client,
            project_leader.username,
            password="wrong-password",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.7",
        )
    forged_again = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "4.4.4.4, 203.0.113.7"}
    assert login(client, project_leader.username, **forged_again).status_code == 429
    # Another real client behind the same proxy is not locked out.
    other = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7, 198.51.100.4"}
    assert login(client, project_leader.username, **other).status_code == 302


# --- idle sessions ---------------------------------------------------------------------------


def test_an_idle_session_must_sign_in_again(client, settings, project_leader):
    settings.NEXUS_ADMIN_IDLE_TIMEOUT = 30 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert login(client, project_leader.username).status_code == 302
        assert signed_in(client)
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert signed_in(client)  # activity moves the deadline on
    with time_machine.travel(start + timedelta(minutes=58), tick=False):
        assert signed_in(client)
    with time_machine.travel(start + timedelta(minutes=58 + 31), tick=False):
        response = client.get(HOME_URL)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN_URL)
        assert not signed_in(client)


# --- audit log -------------------------------------------------------------------------------


def actions_for(user):
    return list(
        ModelLogEntry.objects.filter(object_id=str(user.pk), content_type__model="user").values_list(
            "action", flat=True
        )
    )


def test_logins_failures_and_lockouts_are_in_the_audit_log(client, settings, project_leader):
    settings.AXES_FAILURE_LIMIT = 2
    assert login(client, project_leader.username).status_code == 302
    entry = ModelLogEntry.objects.get(action="nexus.login")
    assert entry.user_id == project_leader.pk and entry.object_id == str(project_leader.pk)
    client.post(reverse("wagtailadmin_logout"))
    for _ in range(2):
        login(client, project_leader.username, password="wrong-password")
    assert actions_for(project_leader).count("nexus.login_failed") == 2
    assert "nexus.lockout" in actions_for(project_leader)
    lockout = ModelLogEntry.objects.get(action="nexus.lockout")
    assert lockout.data["ip_address"] == "127.0.0.1"


def test_the_audit_log_is_shown_in_the_site_history(client, make_user, project_leader):
    login(client, project_leader.username)
    admin = make_user("administrator", superuser=True)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert "Inloggning" in response.content.decode()


def test_user_and_group_changes_are_in_the_audit_log(client, make_user, project_leader):
    admin = make_user("administrator", superuser=True)
    client.force_login(admin)
    url = reverse("wagtailusers_groups:add")
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data._mutable = True
    data["name"] = "Testgrupp"
    assert client.post(url, data).status_code == 302
    assert ModelLogEntry.objects.filter(action="wagtail.create", content_type__model="group").exists()
    url = reverse("wagtailusers_users:edit", args=(project_leader.pk,))
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data._mutable = True
    data["first_name"], data["last_name"] = "Petra", "Projektledare"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert "wagtail.edit" in actions_for(project_leader)
