"""What the browser suite covers: page widths (phone, desktop) and languages (left-to-right, right-to-left)."""

import pytest
from django.apps import apps
from wagtail.models import Locale

WIDTHS = (375, 1280)
LANGUAGES = ("sv", "ar")


def page_for(label, slug, language):
    """The live page of that model in that language: the translation of the Swedish page with that
    slug, or else the first one in the tree. None in the demo content fails the test."""
    model = apps.get_model(label)
    locale = Locale.objects.get(language_code=language)
    pages = model.objects.live().public()
    if slug:
        source = pages.filter(locale=Locale.get_default(), slug=slug).first()
        page = source and pages.filter(locale=locale, translation_key=source.translation_key).first()
    else:
        page = pages.filter(locale=locale).order_by("path").first()
    if page is None:
        pytest.fail(f"No live {label} {slug or ''} in '{language}' in the demo content", pytrace=False)
    return page
