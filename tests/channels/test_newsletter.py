"""The newsletter: an issue mailed once to each confirmed subscriber after approval; double opt-in
and one-click unsubscribe on the press room's subscription machinery (home.subscriptions)."""

import json
import re

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from channels.models import NewsletterDelivery, NewsletterPage, NewsletterSubscriber
from channels.newsletter import CONFIRM_SALT, UNSUBSCRIBE_SALT, confirm_token, send_issue, unsubscribe_token
from news.models import NewsIndexPage, NewsPage
from press.models import PressSubscriber
from press.subscriptions import unsubscribe_token as press_unsubscribe_token
from tests.factories import add_page, organisation, section_of
from tests.helpers.admin import admin_create, is_denied, workflow_action
from tests.helpers.training import make_training

INTRO = "Välkommen till höstens nyhetsbrev från Nexus."


@pytest.fixture(autouse=True)
def _clear_rate_limit(db):
    cache.clear()


def draftail(text):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )


def newsletter_mails(outbox):
    return [message for message in outbox if message.subject.startswith("Nyhetsbrev från Nexus:")]


def subscriber(email, language="sv", confirmed=True, **fields):
    return NewsletterSubscriber.objects.create(
        email=email, language=language, confirmed_at=timezone.now() if confirmed else None, **fields
    )


@pytest.fixture
def chosen(db):
    police = organisation("polismyndigheten")
    news = add_page(section_of(NewsIndexPage, police), NewsPage, "Ny kartläggning av hedersvåld", lead="x")
    training = make_training(title="Grundkurs om hedersrelaterat våld")
    return news, training


def write_issue(client, home, author, chosen, action="submit"):
    """The project leader writes an issue in the page editor and submits it for approval."""
    news, training = chosen
    client.force_login(author)
    response = admin_create(
        client,
        home,
        model=NewsletterPage,
        title="Nyhetsbrev oktober",
        slug="nyhetsbrev-oktober",
        action=action,
        intro=draftail(INTRO),
        **{
            "news_items-TOTAL_FORMS": "1",
            "news_items-0-target": str(news.pk),
            "news_items-0-ORDER": "1",
            "trainings-TOTAL_FORMS": "1",
            "trainings-0-target": str(training.pk),
            "trainings-0-ORDER": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsletterPage.objects.get(slug="nyhetsbrev-oktober")


def test_an_approved_issue_mails_each_confirmed_subscriber_of_its_language_exactly_once(
    client, home, chosen, make_user, project_leader, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = make_user("samordnare", ["Projektledning"])
    subscriber("a@example.org")
    subscriber("b@example.org")
    subscriber("ovan@example.org", confirmed=False)
    subscriber("slutat@example.org", unsubscribed=True)
    subscriber("english@example.org", language="en")
    PressSubscriber.objects.create(email="journalist@example.org", confirmed_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        issue = write_issue(client, home, project_leader, chosen)
    assert not issue.live and issue.current_workflow_state.status == "in_progress"
    assert newsletter_mails(mailoutbox) == []  # submitting sends nothing (the approvers are told)

    # The author cannot approve their own issue: nothing public, nothing sent.
    with django_capture_on_commit_callbacks(execute=True):
        assert is_denied(workflow_action(client, issue, "approve"))
    issue.refresh_from_db()
    assert not issue.live and newsletter_mails(mailoutbox) == []
    assert Client().get("/nyhetsbrev-oktober/").status_code == 404

    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, issue, "approve", comment="Bra")
    issue.refresh_from_db()
    assert issue.live

    mails = newsletter_mails(mailoutbox)
    assert sorted(m.to[0] for m in mails) == ["a@example.org", "b@example.org"]
    subscribers = {row.email for row in NewsletterSubscriber.objects.all()} | {"journalist@example.org"}
    assert sorted(to for m in mailoutbox for to in m.to if to in subscribers) == ["a@example.org", "b@example.org"]
    assert NewsletterDelivery.objects.filter(page=issue).count() == 2
    message = mails[0]
    assert message.subject == "Nyhetsbrev från Nexus: Nyhetsbrev oktober"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    news, training = chosen
    for part in (message.body, html):
        assert INTRO in part
        assert news.title in part and training.title in part
        assert news.get_full_url() in part and training.get_full_url() in part
        assert "http://localhost/nyhetsbrev-oktober/" in part
    unsubscribe_url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith("http://localhost/nyhetsbrev/prenumeration/avsluta/")
    assert unsubscribe_url in message.body and unsubscribe_url in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<script" not in html

    # A corrected issue published again, a retried task, a newcomer: nothing more.
    mailoutbox.clear()
    subscriber("sen@example.org")  # confirmed after the issue went out
    with django_capture_on_commit_callbacks(execute=True):
        issue.title = "Nyhetsbrev oktober (rättat)"
        issue.save_revision(user=colleague).publish(user=colleague)
    assert send_issue.call(issue.pk) == 0
    assert newsletter_mails(mailoutbox) == []
    assert NewsletterDelivery.objects.filter(page=issue).count() == 2


def test_publishing_sends_nothing_inside_the_transaction(home, chosen, mailoutbox):
    subscriber("a@example.org")
    add_page(home, NewsletterPage, "Ej committat", intro="<p>x</p>")
    assert mailoutbox == []  # the task is queued on commit, which never happens here


def test_the_issue_page_shows_the_issue_and_links_the_subscribe_page(client, home, chosen):
    news, training = chosen
    issue = NewsletterPage(title="Nyhetsbrev maj", slug="nyhetsbrev-maj", intro=f"<p>{INTRO}</p>", locale=home.locale)
    issue.news_items.add(issue.news_items.model(target=news))
    issue.trainings.add(issue.trainings.model(target=training))
    home.add_child(instance=issue)
    issue.save_revision().publish()
    response = client.get("/nyhetsbrev-maj/")
    assert response.status_code == 200
    html = response.content.decode()
    assert INTRO in html and news.title in html and training.title in html
    assert f'href="{reverse("channels:newsletter_subscribe")}?lang=sv"' in html
    assert " style=" not in html and "<style" not in html
    assert response.cookies == {}


def form_token_from(client, path="/nyhetsbrev/prenumeration/"):
    response = client.get(path)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert response.cookies == {}
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def link_in(message):
    return re.search(r"http://localhost(/nyhetsbrev/prenumeration/\S+/)", message.body).group(1)


def test_double_opt_in_then_unsubscribe_by_the_link(client, mailoutbox, django_capture_on_commit_callbacks):
    token = form_token_from(client)
    assert "Prenumerera på nyhetsbrevet" in client.get("/nyhetsbrev/prenumeration/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nyhetsbrev/prenumeration/", {"email": "Reader@Example.org", "token": token, "language": "sv"}
        )
    assert response.status_code == 200
    assert "Kolla din e-post" in response.content.decode()
    row = NewsletterSubscriber.objects.get(email="reader@example.org")
    assert row.confirmed_at is None and row.language == "sv"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Bekräfta din prenumeration på Nexus nyhetsbrev"
    confirm_path = link_in(mailoutbox[0])
    assert confirm_path.startswith("/nyhetsbrev/prenumeration/bekrafta/")

    # A mail scanner's GET confirms nothing; the button's POST does.
    response = client.get(confirm_path)
    assert response.status_code == 200 and "Bekräfta prenumerationen" in response.content.decode()
    row.refresh_from_db()
    assert row.confirmed_at is None
    response = client.post(confirm_path)
    assert response.status_code == 200 and "Prenumerationen är bekräftad." in response.content.decode()
    row.refresh_from_db()
    assert row.confirmed_at is not None
    assert client.post(confirm_path).status_code == 400  # already used

    path = reverse("channels:newsletter_unsubscribe", args=[unsubscribe_token(row)])
    response = client.get(path)
    assert response.status_code == 200 and "reader@example.org" in response.content.decode()
    row.refresh_from_db()
    assert not row.unsubscribed
    response = client.post(path)
    assert response.status_code == 200 and "Prenumerationen är avslutad" in response.content.decode()
    row.refresh_from_db()
    assert row.unsubscribed


def test_one_click_unsubscribe_needs_no_cookie_or_csrf_token(home, mailoutbox, django_capture_on_commit_callbacks):
    row = subscriber("a@example.org")
    path = reverse("channels:newsletter_unsubscribe", args=[unsubscribe_token(row)])
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.unsubscribed
    with django_capture_on_commit_callbacks(execute=True):
        add_page(home, NewsletterPage, "Efter avslutad", intro="<p>x</p>")
    assert newsletter_mails(mailoutbox) == []


def test_subscribing_again_after_leaving_needs_a_new_confirmation(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    row = subscriber("a@example.org", unsubscribed=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/nyhetsbrev/prenumeration/", {"email": "a@example.org", "token": form_token_from(client)})
    row.refresh_from_db()
    assert row.confirmed_at is None and not row.unsubscribed
    assert len(mailoutbox) == 1 and NewsletterSubscriber.objects.count() == 1


def test_honeypot_and_rate_limit(client, mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.PRESS_SUBSCRIBE_RATE_LIMIT = (2, 3600)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nyhetsbrev/prenumeration/",
            {"email": "bot@example.org", "token": form_token_from(client), "webbplats": "http://spam"},
        )
    assert response.status_code == 200 and not NewsletterSubscriber.objects.exists()
    statuses = []
    for number in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            statuses.append(
                client.post(
                    "/nyhetsbrev/prenumeration/", {"email": f"p{number}@example.org", "token": form_token_from(client)}
                ).status_code
            )
    assert statuses == [200, 200, 429]
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("kind", ["garbage", "wrong_salt", "press_token", "other_email", "form_token"])
def test_bad_tokens_give_a_swedish_page_never_a_500(client, kind):
    row = subscriber("a@example.org")
    other = NewsletterSubscriber(pk=row.pk, email="b@example.org")
    press = PressSubscriber.objects.create(pk=row.pk, email="a@example.org", confirmed_at=timezone.now())
    tokens = {
        "garbage": "abc",
        "wrong_salt": signing.dumps([row.pk, "0" * 32], salt=CONFIRM_SALT),
        "press_token": press_unsubscribe_token(press),
        "other_email": unsubscribe_token(other),
        "form_token": "not-a:token",
    }
    for name in ("newsletter_unsubscribe", "newsletter_confirm"):
        for method in (client.get, client.post):
            response = method(reverse(f"channels:{name}", args=[tokens[kind]]))
            assert response.status_code == 404, (name, kind)
            assert "Länken fungerar inte" in response.content.decode()
    row.refresh_from_db()
    assert not row.unsubscribed
    assert UNSUBSCRIBE_SALT != CONFIRM_SALT


def test_bad_form_posts_are_refused_in_swedish(client):
    response = client.post("/nyhetsbrev/prenumeration/", {"email": "a@example.org", "token": "x"})
    assert response.status_code == 400 and "Formuläret har gått ut" in response.content.decode()
    response = client.post("/nyhetsbrev/prenumeration/", {"email": "inte-en-adress", "token": form_token_from(client)})
    assert response.status_code == 400 and "Ogiltig e-postadress" in response.content.decode()
    assert not NewsletterSubscriber.objects.exists()


def test_confirm_link_expires(client, settings):
    row = subscriber("a@example.org", confirmed=False)
    token = confirm_token(row)
    settings.PRESS_CONFIRM_MAX_AGE = -1
    assert client.post(reverse("channels:newsletter_confirm", args=[token])).status_code == 404
    row.refresh_from_db()
    assert row.confirmed_at is None


def test_editors_add_issues_under_the_language_home_page_only(home):
    assert NewsletterPage in home.specific_class.allowed_subpage_models()
    assert NewsletterPage.allowed_parent_page_models() == [home.specific_class]
    assert Page.objects.type(NewsletterPage).count() == 0
