"""/sitemap.xml lists every live public page of every language, and nothing else."""

import datetime
import re

from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import AudiencePage
from tests.factories import add_page

from .test_language_switcher import translate


def locs(xml):
    return re.findall(r"<loc>([^<]+)</loc>", xml)


def test_sitemap_has_every_live_translation_and_no_draft(client, home):
    victims = add_page(home, AudiencePage, "Är du utsatt?", slug="utsatt")
    for code in ("en", "ar", "so"):
        translate(victims, code)
    translate(victims, "fa", publish=False)
    draft = add_page(home, AudiencePage, "Utkast", slug="utkast", publish=False, live=False)
    private = add_page(home, AudiencePage, "Privat", slug="privat")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")
    scheduled = add_page(home, AudiencePage, "Senare", slug="senare", publish=False, live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert response.cookies == {}
    xml = response.content.decode()
    found = locs(xml)
    for url in ("/utsatt/", "/en/utsatt/", "/ar/utsatt/", "/so/utsatt/", "/", "/en/", "/ar/", "/fi/"):
        assert f"http://localhost{url}" in found, url
    for url in ("/fa/utsatt/", "/utkast/", "/privat/", "/senare/"):
        assert f"http://localhost{url}" not in found, url
    assert len(found) == len(set(found))
    assert draft.title not in xml


def test_sitemap_names_the_alternates_of_each_translation(client, home):
    victims = add_page(home, AudiencePage, "Är du utsatt?", slug="utsatt")
    translate(victims, "ar")
    xml = client.get("/sitemap.xml").content.decode()
    entry = re.search(r"<url>\s*<loc>http://localhost/ar/utsatt/</loc>.*?</url>", xml, re.S).group(0)
    assert 'hreflang="sv" href="http://localhost/utsatt/"' in entry
    assert 'hreflang="ar" href="http://localhost/ar/utsatt/"' in entry
    assert 'hreflang="x-default" href="http://localhost/utsatt/"' in entry


def test_sitemap_lives_outside_the_language_prefix(client, home):
    assert client.get("/en/sitemap.xml").status_code == 404
