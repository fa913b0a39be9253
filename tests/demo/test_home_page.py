"""The demo's home pages: Nexus' contact block in every language that has a home page."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.utils.html import escape
from wagtail.models import PageLogEntry

from demo.loader import ensure_demo_help_numbers, load_home_pages
from home.models import HomePage

SPEC = json.loads((Path(settings.BASE_DIR) / "demo" / "data" / "home_pages.json").read_text(encoding="utf-8"))


def contact_block(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r'<section class="home-contact".*?</section>', html, re.S).group(0)


def test_every_home_page_has_the_contact_block_in_its_language(client, home, demo_people):
    ensure_demo_help_numbers()
    titles = {page.locale.language_code: page.title for page in HomePage.objects.filter(depth=2)}
    load_home_pages(home, *demo_people)
    homes = HomePage.objects.filter(depth=2).select_related("locale")
    assert homes.count() == len(settings.LANGUAGES)
    for page in homes:
        code = page.locale.language_code
        strings = SPEC["translations"].get(code, {})
        contact = contact_block(client, page)
        assert 'href="tel:' in contact, code
        assert escape(strings.get(SPEC["contact_text"], SPEC["contact_text"])) in contact, code
        assert escape(strings.get(SPEC["interpreter_text"], SPEC["interpreter_text"])) in contact, code
        # The installation's translated title stays.
        assert page.title == titles[code]
    # Every translation went through Projektledning's approval.
    approved = set(
        PageLogEntry.objects.filter(page__in=homes, action="wagtail.workflow.approve").values_list(
            "page__locale__language_code", flat=True
        )
    )
    assert approved == {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    # Run again: nothing is translated twice.
    approvals = PageLogEntry.objects.filter(action="wagtail.workflow.approve").count()
    load_home_pages(HomePage.objects.get(pk=home.pk), *demo_people)
    assert PageLogEntry.objects.filter(action="wagtail.workflow.approve").count() == approvals
