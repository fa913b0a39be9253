import pytest
from wagtail.models import Locale

from home.models import AudiencePage
from tests.factories import add_page


@pytest.fixture
def swedish_page(home):
    """A live Swedish audience page, edited by Projektledning."""
    return add_page(
        home,
        AudiencePage,
        "Är du utsatt?",
        slug="utsatt",
        lead="Du har rätt till stöd.",
        contact_hours="Vardagar 8–16",
    )


@pytest.fixture
def arabic():
    return Locale.objects.get(language_code="ar")
