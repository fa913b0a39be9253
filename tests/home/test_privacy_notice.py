"""The privacy notice: in every language, complete, linked from every form and every footer."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from home.installation import setup_site
from home.models import PrivacyNoticePage
from tests.helpers.counts import counts
from tests.helpers.training import make_training

pytestmark = pytest.mark.django_db

CODES = [code for code, _name in settings.LANGUAGES]
SECTIONS = [
    "Personuppgiftsansvarig",
    "Varför vi behandlar uppgifterna",
    "Rättslig grund",
    "Hur länge vi sparar uppgifterna",
    "Dina rättigheter",
    "Kontakt",
]
LINK_TEXT = "Så behandlar vi dina personuppgifter"


def notice(code):
    return PrivacyNoticePage.objects.live().public().get(locale__language_code=code)


def privacy_links(html):
    return re.findall(r'<a href="([^"]+)">[^<]*</a>', html.split('class="privacy-link"', 1)[-1])[:1]


@pytest.mark.parametrize("code", CODES)
def test_notice_renders_complete_in_every_language(client, code):
    page = notice(code)
    assert page.url == ("/integritet/" if code == "sv" else f"/{code}/privacy/")
    html = client.get(page.url).content.decode()
    with translation.override(code):
        headings = [translation.gettext(text) for text in SECTIONS]
        title = translation.gettext(LINK_TEXT)
    for heading in headings:
        assert f"<h2>{heading}</h2>" in html, (code, heading)
    if code != "sv":
        assert "Personuppgiftsansvarig" not in html
    assert page.title == title
    assert f"{settings.TRAINING_BOOKING_RETENTION_DAYS}" in html
    assert f'href="mailto:{settings.PRIVACY_CONTACT_EMAIL}"' in html


def test_setup_site_creates_the_notice_once(db):
    assert PrivacyNoticePage.objects.count() == len(CODES)
    before = counts()
    setup_site()
    assert counts() == before


@pytest.mark.parametrize("code", ["sv", "en", "ar"])
def test_every_form_and_footer_links_the_notice(client, home, code):
    expected = notice(code).url
    training = make_training()
    prefix = "" if code == "sv" else f"/{code}"
    # The forms' own pages (the cached press room and training page link to them).
    pages = [
        f"{reverse('press:subscribe')}?sprak={code}",
        reverse("training:request") + ("" if code == "sv" else f"?sprak={code}"),
    ]
    if code == "sv":
        pages.append(reverse("training:book", args=[training.pk]))
    for url in pages:
        html = client.get(url).content.decode()
        assert privacy_links(html) == [expected], (code, url)
    footer = client.get(f"{prefix}/").content.decode().split('class="site-footer__links"', 1)[1]
    assert f'href="{expected}"' in footer


@pytest.mark.parametrize("code", CODES)
def test_the_notice_states_the_retention_the_purge_jobs_apply(client, code, settings):
    settings.TRAINING_BOOKING_RETENTION_DAYS = 93
    settings.TRAINING_REQUEST_RETENTION_DAYS = 365
    html = client.get(notice(code).url).content.decode()
    with translation.override(code):
        bookings = translation.ngettext(
            "Anmälningar: dina personuppgifter tas bort %(days)s dag efter utbildningen.",
            "Anmälningar: dina personuppgifter tas bort %(days)s dagar efter utbildningen.",
            93,
        ) % {"days": 93}
        requests = translation.ngettext(
            "Beställningar: kontaktuppgifterna tas bort %(days)s dag efter att beställningen kom in.",
            "Beställningar: kontaktuppgifterna tas bort %(days)s dagar efter att beställningen kom in.",
            365,
        ) % {"days": 365}
    assert bookings in html and requests in html, code
    if code != "sv":
        assert "Beställningar" not in html
