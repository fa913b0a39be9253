"""The demo's communication plan: activities across channels and organisations, network
meetings with minutes, published FAQ entries; loading twice changes nothing."""

from demo.loader import load_communication_plan
from home.models import FAQEntry
from workflows.models import CommunicationActivity


def test_the_demo_plan_is_idempotent_and_covers_channels_organisations_and_the_faq(db):
    load_communication_plan()
    counts = (CommunicationActivity.objects.count(), FAQEntry.objects.count())
    load_communication_plan()
    assert (CommunicationActivity.objects.count(), FAQEntry.objects.count()) == counts
    activities = CommunicationActivity.objects.all()
    assert activities.values("channel").distinct().count() == len(CommunicationActivity.Channel)
    assert activities.values("organisation").distinct().count() >= 8
    assert activities.values("audience").distinct().count() == 5
    meetings = activities.filter(kind=CommunicationActivity.Kind.NETWORK_MEETING)
    assert meetings.filter(minutes__isnull=False, organisation__slug="uppsala-kommun").exists()
    assert FAQEntry.objects.live().count() == FAQEntry.objects.count() >= 5
