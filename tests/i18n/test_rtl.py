"""Right-to-left languages mirror the layout: CSS uses logical properties only."""

import re
from pathlib import Path

from django.conf import settings

from home.models import AudiencePage
from tests.factories import add_page

from .test_language_switcher import translate

PHYSICAL = re.compile(
    r"(?:margin|padding|border|inset)-(?:left|right)\b"
    r"|(?<![-\w])(?:left|right)\s*:"
    r"|text-align\s*:\s*(?:left|right)"
    r"|float\s*:\s*(?:left|right)"
    r"|clear\s*:\s*(?:left|right)"
    r"|border-(?:top|bottom)-(?:left|right)-radius"
)


def test_stylesheets_use_logical_properties_only():
    offenders = []
    for path in (Path(settings.BASE_DIR) / "nexus_cms" / "static" / "css").glob("*.css"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if PHYSICAL.search(line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_the_physical_property_check_can_fail():
    assert PHYSICAL.search("margin-left: 1rem")
    assert PHYSICAL.search("  right: 0;")
    assert PHYSICAL.search("text-align: right")
    assert not PHYSICAL.search("inset-inline-start: 0; margin-inline-end: 1rem; text-align: start")


def test_arabic_page_is_rtl_with_quick_exit_navigation_and_isolated_numbers(client, home):
    page = add_page(home, AudiencePage, "Är du utsatt?", slug="utsatt")
    translate(page, "ar")
    html = client.get("/ar/utsatt/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "غادر الصفحة بسرعة" in html  # quick exit in Arabic
    assert '<nav class="language-switcher" aria-label="لغات أخرى">' in html
    # Latin-script language names keep their own direction inside the RTL switcher.
    assert 'lang="sv" hreflang="sv" dir="ltr"' in html
    assert '<a href="tel:+4620505050"><bdi>020-50 50 50</bdi></a>' in html or "<bdi>020-50 50 50</bdi>" in html
