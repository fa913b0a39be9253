import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry

from demo.loader import load_press
from press.models import PressReleasePage, Spokesperson
from workflows.editorial import PROJECT_LEADERS_GROUP


@pytest.mark.django_db
def test_press_demo_is_idempotent_and_holds_a_scheduled_embargo(home, client, demo_people):
    assert Group.objects.get(name=PROJECT_LEADERS_GROUP).user_set.exists()
    load_press(home, *demo_people)
    counts = (PressReleasePage.objects.count(), Spokesperson.objects.count())
    load_press(home, *demo_people)
    assert (PressReleasePage.objects.count(), Spokesperson.objects.count()) == counts
    embargoed = PressReleasePage.objects.get(slug="nytt-skyddat-boende-for-unga")
    assert not embargoed.live
    assert embargoed.get_latest_revision().approved_go_live_at is not None
    assert PageLogEntry.objects.filter(page=embargoed, action="wagtail.workflow.approve").exists()
    joint = PressReleasePage.objects.get(
        slug="gemensam-kraftsamling-mot-hedersrelaterat-vald", locale__language_code="sv"
    )
    assert joint.issuing_organisations.count() == 3
    assert {p.locale.language_code for p in joint.get_translations(inclusive=True).live()} == {"sv", "en", "ar"}
    html = client.get("/press/").content.decode()
    assert "Gemensam kraftsamling" in html and embargoed.title not in html
    assert "Maria Lindqvist" in html and "Nexus resurscentrum" in html
    arabic = joint.get_translations().get(locale__language_code="ar")
    response = client.get(arabic.url)
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
