"""An organisation's groups are linked to it: a rename keeps its people, rights and bookings."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, Page, WorkflowPage

from news.models import NewsIndexPage
from tests.factories import organisation, section_of
from tests.helpers.admin import HOME_URL, admin_create, is_denied
from tests.helpers.counts import counts
from tests.helpers.training import make_training
from training.models import Booking
from workflows.editorial import organisation_sections

PANEL = "Din organisations sidor"


def rename_in_admin(client, org, name):
    return client.post(
        reverse("wagtailsnippets_workflows_organisation:edit", args=[org.pk]),
        {
            "name": name,
            "short_name": org.short_name,
            "slug": org.slug,
            "kind": org.kind,
            "website": org.website,
            "logo": "",
            "in_communicators_network": "on" if org.in_communicators_network else "",
            "sort_order": str(org.sort_order),
        },
    )


def test_renaming_an_organisation_in_the_admin_renames_its_groups_and_keeps_its_people(
    client, make_user, communicator_of
):
    heby = organisation("heby-kommun")
    communicators, reviewers = heby.communicators_group, heby.reviewers_group
    author = communicator_of(heby)
    booking = Booking.objects.create(
        training=make_training(org_slug="heby-kommun", title="Hebykurs"),
        status=Booking.Status.CONFIRMED,
        name="Hebydeltagare",
        email="h@example.org",
        idempotency_key="heby-rename",
    )
    client.force_login(make_user("admin", superuser=True))
    assert rename_in_admin(client, heby, "Heby kommun (ny)").status_code == 302

    heby.refresh_from_db()
    assert heby.name == "Heby kommun (ny)"
    # The same groups, renamed; no group is left with the old name.
    assert heby.communicators_group == communicators and heby.reviewers_group == reviewers
    assert Group.objects.get(pk=communicators.pk).name == "Heby kommun (ny) – kommunikatörer"
    assert Group.objects.get(pk=reviewers.pk).name == "Heby kommun (ny) – granskare"
    assert not Group.objects.filter(name__startswith="Heby kommun –").exists()
    assert Collection.objects.filter(name="Heby kommun (ny)").exists()
    assert not Collection.objects.filter(name="Heby kommun").exists()

    # The communicator still drafts in Heby's sections and sees Heby's bookings.
    client.force_login(author)
    admin_create(client, section_of(NewsIndexPage, heby), title="Nyhet efter namnbytet")
    assert Page.objects.filter(slug="nyhet-efter-namnbytet").exists()
    html = client.get(reverse("bookings:index")).content.decode()
    assert "Hebydeltagare" in html
    assert client.get(reverse("bookings:inspect", args=[booking.pk])).status_code == 200
    dashboard = client.get(HOME_URL).content.decode()
    assert PANEL in dashboard and "Nyhet efter namnbytet" in dashboard

    # Setting up again finds the renamed groups: nothing new.
    before = counts()
    call_command("setup_site")
    assert counts() == before


def test_a_reviewer_added_after_a_rename_still_routes_the_sections_through_review(client, make_user):
    tierp = organisation("tierps-kommun")
    client.force_login(make_user("admin", superuser=True))
    assert rename_in_admin(client, tierp, "Tierp").status_code == 302
    tierp.refresh_from_db()
    make_user("granskare-tierp", [tierp.reviewers_group_name])
    assert {WorkflowPage.objects.get(page=s).workflow.name for s in organisation_sections(tierp)} == {
        "Granskning och projektledarens godkännande: Tierp"
    }


def test_reviewers_see_the_dashboard_panel_but_not_the_bookings(client, make_user):
    """Dashboard: communicators and reviewers; bookings (personal data): communicators only."""
    police = organisation("polismyndigheten")
    Booking.objects.create(
        training=make_training(org_slug="polismyndigheten", title="Poliskurs"),
        status=Booking.Status.CONFIRMED,
        name="Polisdeltagare",
        email="p@example.org",
        idempotency_key="police-reviewer",
    )
    reviewer = make_user("granskare-polisen", [police.reviewers_group_name])
    client.force_login(reviewer)
    assert PANEL in client.get(HOME_URL).content.decode()
    assert "Polisdeltagare" not in client.get(reverse("bookings:index")).content.decode()

    communicator = make_user("kommunikator-polisen", [police.communicators_group_name])
    client.force_login(communicator)
    assert PANEL in client.get(HOME_URL).content.decode()
    assert "Polisdeltagare" in client.get(reverse("bookings:index")).content.decode()


def test_a_group_that_only_carries_the_name_grants_nothing(client, make_user):
    """Rights follow the link, not the display name: a look-alike group is not Heby's."""
    heby = organisation("heby-kommun")
    heby.communicators_group.name = "Heby – gamla kommunikatörer"
    heby.communicators_group.save()
    impostor = Group.objects.create(name="Heby kommun – kommunikatörer")
    impostor.permissions.set(heby.communicators_group.permissions.all())
    user = make_user("utomstaende")
    user.groups.add(impostor)
    client.force_login(user)
    section = section_of(NewsIndexPage, heby)
    assert is_denied(client.get(reverse("wagtailadmin_pages:add", args=("news", "newspage", section.id))))
    assert PANEL not in client.get(HOME_URL).content.decode()
    Booking.objects.create(
        training=make_training(org_slug="heby-kommun", title="Hebykurs"),
        status=Booking.Status.CONFIRMED,
        name="Hebydeltagare",
        email="h@example.org",
        idempotency_key="heby-impostor",
    )
    assert "Hebydeltagare" not in client.get(reverse("bookings:index")).content.decode()
