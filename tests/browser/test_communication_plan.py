"""The communication plan in a real browser: the admin's month view of the activities, signed in
through the login form as a demo communicator, and the public FAQ block on the demo page for
professionals. axe-core (WCAG 2.2 AA and best practice) finds nothing in either."""

from django.conf import settings
from django.utils import timezone

from demo.loader import demo_password
from home.models import FAQEntry
from workflows.models import CommunicationActivity

AXE_TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']"


def run_axe_on(page, axe_script, selector):
    """axe-core's violations inside ``selector`` (one element, which must exist)."""
    assert page.locator(selector).count() == 1, selector
    page.evaluate(axe_script)
    result = page.evaluate(
        f"axe.run(document.querySelector({selector!r}), "
        f"{{runOnly: {{type: 'tag', values: {AXE_TAGS}}}, resultTypes: ['violations']}})"
    )
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def test_the_activities_month_view_has_no_axe_violations_in_the_admin_main(new_page, axe_script):
    page = new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "kommunikator-uppsala-kommun")
    page.fill("#id_password", demo_password())
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    assert any(cookie["name"] == settings.SESSION_COOKIE_NAME for cookie in page.context.cookies())
    response = page.goto("/admin/aktiviteter/manad/")
    assert response.status == 200
    # This month's demo activities are in the grid (the demo dates them around today).
    table = page.locator("main table")
    assert table.count() == 1
    today = timezone.localdate()
    this_month = CommunicationActivity.objects.filter(date__year=today.year, date__month=today.month)
    assert this_month.exists()
    for activity in this_month:
        assert activity.title in table.inner_text()
    assert run_axe_on(page, axe_script, "main") == []


def test_the_public_faq_block_has_no_axe_violations(new_page, axe_script):
    page = new_page()
    response = page.goto("/yrkesverksam/")
    assert response.status == 200
    section = page.locator("section.story__faq")
    assert (
        section.locator("details.faq__entry").count()
        == FAQEntry.objects.live().filter(locale__language_code="sv").count()
        > 0
    )
    # An entry opens by keyboard (a <summary> is a button to assistive technology).
    first = section.locator("details.faq__entry").first
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert first.evaluate("element => element.open") is True
    assert run_axe_on(page, axe_script, "section.story__faq") == []
