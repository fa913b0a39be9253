"""The demo's communication plan: activities across channels and organisations, network
meetings with minutes, published FAQ entries; loading twice changes nothing."""

import json
import re

from django.utils.html import escape

from demo.loader import load_audience_pages, load_communication_plan
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


def test_the_demo_page_for_professionals_carries_the_faq_with_faqpage_json_ld(
    client, home, demo_people, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    load_audience_pages(home, *demo_people)
    load_communication_plan()
    html = client.get("/yrkesverksam/").content.decode()
    assert '<section class="story__faq">' in html
    for entry in FAQEntry.objects.live():
        assert escape(entry.question) in html
    ld = [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    faq = next(block for block in ld if block.get("@type") == "FAQPage")
    assert len(faq["mainEntity"]) == FAQEntry.objects.live().count()
