"""Journalists' e-mail subscription: double opt-in, one mail per new release, one-click unsubscribe."""

import base64
import re
import zlib

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from home import form_tokens
from press.forms import SUBSCRIBE_FORM_SALT, form_token
from press.models import PressReleaseDelivery, PressSubscriber
from press.subscriptions import CONFIRM_SALT, UNSUBSCRIBE_SALT, confirm_token, unsubscribe_token
from tests.helpers.press import approve, submit


@pytest.fixture(autouse=True)
def _clear_rate_limit(db):
    cache.clear()


def release_mails(outbox):
    return [message for message in outbox if message.subject.startswith("Pressmeddelande:")]


def subscribe(client, email, **extra):
    data = {"email": email, "token": form_token(), "language": "sv", **extra}
    return client.post(reverse("press:subscribe"), data)


def link_in(message):
    return re.search(r"http://localhost(/press/prenumeration/\S+/)", message.body).group(1)


def test_press_room_form_sets_no_cookie_and_carries_a_signed_token(client, press_room):
    """The press room (cached for every reader) links to the form page, which carries the token."""
    room = client.get("/press/")
    assert room.cookies == {}
    assert f'href="{reverse("press:subscribe")}?sprak=sv"' in room.content.decode()
    assert 'name="token"' not in room.content.decode()
    response = client.get(reverse("press:subscribe"), {"sprak": "sv"})
    assert response.cookies == {}
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert f'action="{reverse("press:subscribe")}"' in html
    assert 'name="language" value="sv"' in html
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    assert form_tokens.read(SUBSCRIBE_FORM_SALT, "subscribe", token) is not None
    assert 'name="webbplats"' in html  # the honeypot


def test_subscribe_requires_confirmation_through_the_link(
    client, mailoutbox, django_capture_on_commit_callbacks, make_release, police
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, "Reporter@Example.org")
    assert response.status_code == 200
    assert "Kolla din e-post" in response.content.decode()
    assert response.cookies == {}
    subscriber = PressSubscriber.objects.get(email="reporter@example.org")
    assert subscriber.confirmed_at is None
    assert len(mailoutbox) == 1
    confirm_path = link_in(mailoutbox[0])

    # Not confirmed: a new release mails nobody.
    with django_capture_on_commit_callbacks(execute=True):
        make_release(police, "Före bekräftelsen")
    assert release_mails(mailoutbox) == []

    # GET only shows the button (mail scanners follow links); POST confirms.
    response = client.get(confirm_path)
    assert response.status_code == 200
    assert "Bekräfta" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    response = client.post(confirm_path)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None

    # Replayed confirmation: refused cleanly.
    response = client.post(confirm_path)
    assert response.status_code == 400
    assert "redan" in response.content.decode()

    # Subscribing again sends no new confirmation to a confirmed address.
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, "reporter@example.org")
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"token": "forged"}, 400),
        ({"token": ""}, 400),
        ({"email": "inte-en-adress"}, 400),
    ],
)
def test_subscribe_refuses_bad_form_tokens_and_addresses(client, mailoutbox, data, status):
    post = {"email": "reporter@example.org", "token": form_token(), **data}
    response = client.post(reverse("press:subscribe"), post)
    assert response.status_code == status
    assert PressSubscriber.objects.count() == 0
    assert mailoutbox == []


def test_subscribe_honeypot_and_rate_limit(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, "bot@example.org", webbplats="http://spam.example")
    assert response.status_code == 200  # a bot learns nothing
    assert PressSubscriber.objects.count() == 0
    for number in range(5):
        assert subscribe(client, f"person{number}@example.org").status_code == 200
    response = subscribe(client, "person6@example.org")
    assert response.status_code == 429
    assert not PressSubscriber.objects.filter(email="person6@example.org").exists()


def test_subscribe_get_is_the_form_page_and_nothing_else_is_allowed(client):
    response = client.get(reverse("press:subscribe"), {"sprak": "en"})
    assert response.status_code == 200
    assert 'name="language" value="en"' in response.content.decode()
    assert client.put(reverse("press:subscribe")).status_code == 405


def test_exactly_one_mail_per_subscriber_per_new_release_and_none_on_edits(
    client,
    mailoutbox,
    django_capture_on_commit_callbacks,
    make_release,
    confirmed_subscriber,
    police,
    communicator_of,
    project_leader,
):
    confirmed_subscriber("a@example.org")
    confirmed_subscriber("b@example.org")
    PressSubscriber.objects.create(email="unconfirmed@example.org")
    release = make_release(police, "Ny rapport om hedersrelaterat våld", publish=False)
    submit(release, communicator_of(police))
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, release, project_leader)
    assert release.live
    mails = release_mails(mailoutbox)
    assert sorted(m.to[0] for m in mails) == ["a@example.org", "b@example.org"]
    message = mails[0]
    assert message.subject == "Pressmeddelande: Ny rapport om hedersrelaterat våld"
    assert release.get_full_url() in message.body
    unsubscribe_url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert PressReleaseDelivery.objects.count() == 2

    # An edit published again, an unpublish and re-publish: nothing more.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        release.lead = "Rättad ingress."
        release.save_revision(user=project_leader).publish(user=project_leader)
        release.unpublish(user=project_leader)
        release.save_revision(user=project_leader).publish(user=project_leader)
    assert release_mails(mailoutbox) == []

    # A published translation is the same release: nothing more either.
    from wagtail.models import Locale

    with django_capture_on_commit_callbacks(execute=True):
        english = release.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=False)
        english.save_revision(user=project_leader).publish(user=project_leader)
    assert release_mails(mailoutbox) == []

    # A later subscriber gets the next release, not old ones.
    confirmed_subscriber("c@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        make_release(police, "Nästa pressmeddelande")
    assert sorted(m.to[0] for m in release_mails(mailoutbox)) == ["a@example.org", "b@example.org", "c@example.org"]


def test_publishing_does_not_send_inside_the_transaction(mailoutbox, make_release, confirmed_subscriber, police):
    confirmed_subscriber("a@example.org")
    make_release(police, "Publicerat men ej committat")
    assert release_mails(mailoutbox) == []  # the task is queued on commit, which never happens here


def test_unsubscribe_without_login_one_click_and_replay(client, confirmed_subscriber):
    subscriber = confirmed_subscriber("a@example.org")
    path = reverse("press:unsubscribe", args=[unsubscribe_token(subscriber)])
    response = client.get(path)
    assert response.status_code == 200
    assert "a@example.org" in response.content.decode()
    assert PressSubscriber.objects.filter(pk=subscriber.pk).exists()
    # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", with no cookie and no CSRF token.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "avslutad" in response.content.decode()
    assert not PressSubscriber.objects.filter(pk=subscriber.pk).exists()
    replay = client.post(path)
    assert replay.status_code == 404
    assert "Länken fungerar inte" in replay.content.decode()


@pytest.mark.parametrize("kind", ["garbage", "wrong_salt", "other_email", "tampered"])
def test_bad_tokens_are_refused_cleanly(client, confirmed_subscriber, kind):
    subscriber = confirmed_subscriber("a@example.org")
    PressSubscriber.objects.create(email="b@example.org")
    tokens = {
        "garbage": "abc",
        "wrong_salt": confirm_token(subscriber),  # a confirm token used to unsubscribe
        "other_email": signing.dumps([subscriber.pk, "b@example.org"], salt=CONFIRM_SALT),
        "tampered": unsubscribe_token(subscriber)[:-3] + "xyz",
    }
    token = tokens[kind]
    for name in ("unsubscribe", "confirm"):
        if name == "confirm" and kind == "wrong_salt":
            token = unsubscribe_token(subscriber)
        for method in (client.get, client.post):
            response = method(reverse(f"press:{name}", args=[token]))
            assert response.status_code in (400, 404), (name, kind)
            assert "Länken" in response.content.decode()
    assert PressSubscriber.objects.count() == 2
    assert PressSubscriber.objects.get(email="b@example.org").confirmed_at is None


def test_expired_form_token_offers_the_form_again(client, mailoutbox, django_capture_on_commit_callbacks):
    import datetime

    import time_machine

    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=2), tick=False):
        old_token = form_token()
    response = client.post(reverse("press:subscribe"), {"email": "a@example.org", "token": old_token})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Formuläret har gått ut" in html
    assert 'value="a@example.org"' in html
    fresh = re.search(r'name="token" value="([^"]+)"', html).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("press:subscribe"), {"email": "a@example.org", "token": fresh})
    assert response.status_code == 200
    assert PressSubscriber.objects.filter(email="a@example.org").exists()


def test_expired_confirmation_link_is_refused(client, mailoutbox, django_capture_on_commit_callbacks):
    import datetime

    import time_machine

    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, "late@example.org")
    path = link_in(mailoutbox[0])
    with time_machine.travel(datetime.timedelta(days=8)):
        response = client.post(path)
    assert response.status_code == 404
    assert PressSubscriber.objects.get(email="late@example.org").confirmed_at is None


def test_only_administrators_see_subscribers(client, project_leader, communicator_of, police, make_user):
    PressSubscriber.objects.create(email="secret@example.org")
    url = reverse("press_subscribers:index")
    for user in (project_leader, communicator_of(police)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    client.force_login(make_user("admin", superuser=True))
    assert "secret@example.org" in client.get(url).content.decode()


def payload_text(token):
    """What anyone holding a link reads from its token (signed, not encrypted)."""
    payload = token.split(":")[0]
    raw = base64.urlsafe_b64decode(payload.lstrip(".") + "=" * (-len(payload.lstrip(".")) % 4))
    return (zlib.decompress(raw) if payload.startswith(".") else raw).decode()


def test_links_carry_no_address_which_would_end_up_in_access_logs(client, confirmed_subscriber):
    subscriber = confirmed_subscriber("loggad.journalist@example.org")
    for token in (confirm_token(subscriber), unsubscribe_token(subscriber)):
        assert "@" not in payload_text(token) and "loggad" not in payload_text(token)
    response = client.post(reverse("press:unsubscribe", args=[unsubscribe_token(subscriber)]))
    assert response.status_code == 200
    assert not PressSubscriber.objects.filter(pk=subscriber.pk).exists()


def test_links_sent_before_keep_working(client):
    subscriber = PressSubscriber.objects.create(email="tidig@example.org")
    old = signing.dumps([subscriber.pk, subscriber.email], salt=CONFIRM_SALT, compress=True)
    assert "tidig@example.org" in payload_text(old)
    response = client.post(reverse("press:confirm", args=[old]))
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None


def test_a_link_from_before_a_secret_key_rotation_keeps_working(client, settings, confirmed_subscriber):
    subscriber = confirmed_subscriber("rotation@example.org")
    token = unsubscribe_token(subscriber)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-after-rotation-0123456789-abcdefghijklmnopq"
    response = client.post(reverse("press:unsubscribe", args=[token]))
    assert response.status_code == 200
    assert not PressSubscriber.objects.filter(pk=subscriber.pk).exists()


def test_a_link_for_another_address_or_without_the_fallback_is_refused(client, settings, confirmed_subscriber):
    subscriber = confirmed_subscriber("a@example.org")
    other = PressSubscriber(pk=subscriber.pk, email="b@example.org")
    for token in (unsubscribe_token(other), signing.dumps([subscriber.pk, "0" * 32], salt=UNSUBSCRIBE_SALT)):
        assert client.post(reverse("press:unsubscribe", args=[token])).status_code == 404
    token = unsubscribe_token(subscriber)
    settings.SECRET_KEY = "a-new-secret-key-after-rotation-0123456789-abcdefghijklmnopq"
    assert client.post(reverse("press:unsubscribe", args=[token])).status_code == 404
    assert PressSubscriber.objects.filter(pk=subscriber.pk).exists()
