"""Link targets set in translations are checked like the editor's: http, https, mailto, tel only."""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import OverridableSegment, SegmentOverride

from home.models import AudiencePage
from tests.factories import add_page
from tests.helpers.i18n import approve, submit_for_approval, submit_translation, translate_strings, translation_of

HOSTILE = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "jav\tascript:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:x",
]


@pytest.fixture
def linked_page(home):
    body = [("paragraph", RichText('<p>Läs <a href="https://www.kvinnofridslinjen.se/">mer här</a>.</p>'))]
    return add_page(home, AudiencePage, "Länkar", slug="lankar", lead="Stöd.", body=body)


@pytest.fixture
def arabic_translation(client, translator, linked_page, arabic):
    client.force_login(translator)
    submit_translation(client, linked_page, arabic)
    return translation_of(linked_page, arabic)


def link_segment(translation):
    return OverridableSegment.objects.get(source=translation.source, data_json__contains="kvinnofridslinjen")


def put_override(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_override", args=[translation.id, segment.id])
    return client.put(url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT)


@pytest.mark.parametrize("value", HOSTILE)
def test_override_with_a_foreign_scheme_is_refused(client, arabic_translation, value):
    response = put_override(client, arabic_translation, link_segment(arabic_translation), value)
    assert response.status_code == 400
    assert SegmentOverride.objects.count() == 0


@pytest.mark.parametrize("value", ["https://www.1177.se/", "mailto:nexus@example.org", "tel:+4618000000", "/om-nexus/"])
def test_override_with_an_allowed_link_is_stored(client, arabic_translation, value):
    response = put_override(client, arabic_translation, link_segment(arabic_translation), value)
    assert response.status_code in (200, 201)
    assert SegmentOverride.objects.get().data == value


def test_a_stored_hostile_override_never_reaches_the_previews(
    client, arabic_translation, translator, project_leader, linked_page, arabic
):
    """A value stored past the endpoint (before this check, or by another path) is dropped on render."""
    segment = link_segment(arabic_translation)
    put_override(client, arabic_translation, segment, "https://www.1177.se/")
    SegmentOverride.objects.update(data_json='"javascript:alert(1)"')  # as an old row would be, no signals
    translate_strings(arabic_translation, lambda msgid: f"ar {msgid}")

    preview = client.get(reverse("wagtail_localize:preview_translation", args=[arabic_translation.id]))
    assert preview.status_code == 200
    assert "javascript:" not in preview.content.decode()

    assert submit_for_approval(client, arabic_translation).status_code == 302
    target = Page.objects.get(translation_key=linked_page.translation_key, locale=arabic).specific
    client.force_login(project_leader)
    task_state = target.current_workflow_task_state
    review = client.get(reverse("wagtailadmin_pages:workflow_preview", args=[target.id, task_state.task_id]))
    assert review.status_code == 200
    assert "javascript:" not in review.content.decode()
    assert "kvinnofridslinjen" in review.content.decode()
    assert approve(client, target).status_code == 302
    assert "javascript:" not in client.get(target.url).content.decode()
