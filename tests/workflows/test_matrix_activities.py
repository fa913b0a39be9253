"""The activities' admin doors, for every organisation pair, the translator and activity-only accounts.

A communicator of organisation A sees B's activities (the network sees all) but is refused on
every door that changes one (edit, delete, a posted organisation id): nothing changes. The
translator, reviewers and activity-only accounts of another organisation are refused on every
door, and no title of B's activity shows in any answer. A project leader is the positive control.
"""

import datetime

import pytest
from django.urls import reverse

from tests.helpers.admin import is_denied
from workflows.editorial import ORGANISATIONS
from workflows.models import CommunicationActivity, Organisation

SLUGS = [slug for slug, *_ in ORGANISATIONS]
PAIRS = [(a, SLUGS[(i + 1) % len(SLUGS)]) for i, a in enumerate(SLUGS)]


def url(name, *args):
    return reverse(f"communication_activities:{name}", args=args)


def target(org_b):
    return CommunicationActivity.objects.create(
        organisation=org_b,
        title=f"Hemlig aktivitet {org_b.slug}",
        message=f"Hemligt budskap {org_b.slug}",
        date=datetime.date(2026, 12, 10),
        channel="webb",
        audience="media",
    )


def post_data(organisation, title):
    return {
        "organisation": str(organisation.pk),
        "kind": "aktivitet",
        "date": "2026-12-11",
        "title": title,
        "channel": "webb",
        "audience": "media",
        "message": "",
        "link": "",
        "status": "genomford",
        "minutes": "",
    }


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def refused(response):
    """Denied in the admin, or (without admin access) sent to the sign-in page."""
    return is_denied(response) or (response.status_code == 302 and response.url.startswith("/admin/login/"))


def snapshot():
    return list(CommunicationActivity.objects.order_by("pk").values())


def changing_doors(client, activity, own):
    """Doors that change or delete B's activity, or record one for B: (what, response)."""
    org_b = activity.organisation
    yield "edit", client.get(url("edit", activity.pk))
    yield "edit post", client.post(url("edit", activity.pk), post_data(own or org_b, "Ändrad"))
    yield "delete", client.get(url("delete", activity.pk))
    yield "delete post", client.post(url("delete", activity.pk))


def reading_doors(client, activity):
    yield "list", client.get(url("index"))
    yield "results", client.get(url("index_results"))
    yield "export", client.get(url("index") + "?export=csv")
    yield "month", client.get(url("month", 2026, 12))
    yield "feed page", client.get(url("feed"))
    yield "history", client.get(url("history", activity.pk))
    yield "usage", client.get(url("usage", activity.pk))
    yield "add", client.get(url("add"))


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS, ids=[f"{a}-vs-{b}" for a, b in PAIRS])
def test_communicators_see_others_activities_but_change_only_their_own(client, communicator_of, slug_a, slug_b):
    org_a, org_b = Organisation.objects.get(slug=slug_a), Organisation.objects.get(slug=slug_b)
    activity = target(org_b)
    client.force_login(communicator_of(org_a))
    before = snapshot()
    for what, response in changing_doors(client, activity, org_a):
        assert is_denied(response), (what, response.status_code)
    # Recording for B: the form refuses the organisation, nothing is stored.
    response = client.post(url("add"), post_data(org_b, "Inskjuten"))
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert snapshot() == before
    # The network sees everyone's activities.
    assert activity.title in body(client.get(url("index")))


@pytest.mark.parametrize(("slug_a", "slug_b"), PAIRS, ids=[f"{a}-vs-{b}" for a, b in PAIRS])
def test_activity_only_accounts_see_and_change_nothing_of_another_organisation(client, make_user, slug_a, slug_b):
    org_a, org_b = Organisation.objects.get(slug=slug_a), Organisation.objects.get(slug=slug_b)
    activity = target(org_b)
    client.force_login(make_user(f"rapportor-{slug_a}", [org_a.activity_reporters_group_name]))
    before = snapshot()
    for what, response in changing_doors(client, activity, org_a):
        assert is_denied(response), (what, response.status_code)
        assert activity.title not in body(response), what
    for name in ("history", "usage"):
        assert is_denied(client.get(url(name, activity.pk))), name
    for what, response in reading_doors(client, activity):
        assert activity.title not in body(response), what
        assert activity.message not in body(response), what
    assert client.post(url("add"), post_data(org_b, "Inskjuten")).status_code == 200
    assert snapshot() == before


@pytest.mark.parametrize("who", ["translator", "reviewer", "nobody"])
def test_outsiders_of_the_network_are_refused_on_every_door(client, make_user, translator, who):
    org_b = Organisation.objects.get(slug="region-uppsala")
    activity = target(org_b)
    user = {
        "translator": lambda: translator,
        "reviewer": lambda: make_user("granskare", [Organisation.objects.get(slug="heby-kommun").reviewers_group_name]),
        "nobody": lambda: make_user("ingen", []),
    }[who]()
    client.force_login(user)
    before = snapshot()
    for what, response in [*changing_doors(client, activity, None), *reading_doors(client, activity)]:
        assert refused(response), (what, response.status_code)
        assert activity.title not in body(response), what
    assert refused(client.post(url("add"), post_data(org_b, "Inskjuten")))
    assert snapshot() == before


def test_positive_control_a_project_leader_opens_every_door(client, project_leader):
    activity = target(Organisation.objects.get(slug="region-uppsala"))
    client.force_login(project_leader)
    for what, response in reading_doors(client, activity):
        assert response.status_code == 200, what
    assert client.get(url("edit", activity.pk)).status_code == 200
    response = client.post(url("edit", activity.pk), post_data(activity.organisation, "Ändrad av projektledningen"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Ändrad av projektledningen"
