"""The embeddable widget (/widget/nyheter/, /widget/utbildningar/): live public items only, per
organisation and language, framable by the listed partner origins only, no cookie, no script."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of
from tests.helpers.training import make_training
from training.models import TrainingSession

NEWS = "/widget/nyheter/"
TRAININGS = "/widget/utbildningar/"
ROOT = Path(__file__).resolve().parent.parent.parent


def news(org_slug, title, language="sv", publish=True, days_ago=0, **fields):
    fields.setdefault("date", timezone.now() - datetime.timedelta(days=days_ago))
    fields.setdefault("live", publish)
    section = section_of(NewsIndexPage, organisation(org_slug), language)
    return add_page(section, NewsPage, title, publish=publish, **fields)


def frame_ancestors(response):
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if " " in part.strip()
    )
    return directives["frame-ancestors"].split()


def link_titles(response):
    return re.findall(
        r'<a class="widget__link" href="[^"]+" target="_blank" rel="noopener">([^<]+)</a>', response.content.decode()
    )


def test_news_widget_lists_live_public_news_newest_first(client, db):
    news("polismyndigheten", "Äldre nyhet", days_ago=3)
    newest = news("heby-kommun", "Nyaste nyheten", days_ago=0)
    news("polismyndigheten", "Utkast", publish=False)
    private = news("polismyndigheten", "Privat nyhet")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    unpublished = news("polismyndigheten", "Avpublicerad")
    unpublished.unpublish()
    scheduled = news(
        "polismyndigheten", "Schemalagd", publish=False, go_live_at=timezone.now() + datetime.timedelta(days=1)
    )
    scheduled.get_latest_revision().publish()
    response = client.get(NEWS)
    assert response.status_code == 200
    assert link_titles(response) == ["Nyaste nyheten", "Äldre nyhet"]
    html = response.content.decode()
    assert f'href="{newest.full_url}"' in html
    assert newest.full_url.startswith("http://localhost/nyheter/heby-kommun/")
    assert '<html lang="sv" dir="ltr">' in html
    assert '<h1 class="widget__heading">Senaste nyheterna</h1>' in html
    assert 'href="http://localhost/nyheter/" target="_blank" rel="noopener">Alla nyheter</a>' in html


def test_a_news_item_with_a_newer_draft_shows_its_published_title(client, db):
    page = news("polismyndigheten", "Publicerad rubrik")
    page.title = "Rubrik i utkastet"
    page.save_revision()
    assert link_titles(client.get(NEWS)) == ["Publicerad rubrik"]


def test_at_most_five_items(client, db):
    for number in range(7):
        news("polismyndigheten", f"Nyhet {number}", days_ago=number)
    assert link_titles(client.get(NEWS)) == [f"Nyhet {number}" for number in range(5)]


def test_organisation_filter(client, db):
    news("polismyndigheten", "Polisens nyhet")
    news("heby-kommun", "Hebys nyhet")
    response = client.get(NEWS, {"organisation": "heby-kommun"})
    assert link_titles(response) == ["Hebys nyhet"]
    assert "Senaste nyheterna – Heby kommun" in response.content.decode()
    assert link_titles(client.get(NEWS, {"organisation": "nck"})) == []
    assert "Inga nyheter just nu." in client.get(NEWS, {"organisation": "nck"}).content.decode()


def test_languages_read_their_own_tree_with_their_own_interface(client, db):
    news("polismyndigheten", "Svensk nyhet")
    news("polismyndigheten", "English news", language="en")
    news("polismyndigheten", "خبر عربي", language="ar")
    english = client.get(NEWS, {"lang": "en"})
    assert link_titles(english) == ["English news"]
    assert '<html lang="en" dir="ltr">' in english.content.decode()
    assert "Latest news" in english.content.decode()
    arabic = client.get(NEWS, {"lang": "ar", "organisation": "polismyndigheten"})
    assert link_titles(arabic) == ["خبر عربي"]
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()
    assert "آخر الأخبار" in arabic.content.decode()
    assert link_titles(client.get(NEWS)) == ["Svensk nyhet"]


def test_trainings_widget_lists_upcoming_trainings_soonest_first(client, db):
    make_training("heby-kommun", "Om tio dagar", days=10, slug="om-tio")
    make_training("polismyndigheten", "Om två dagar", days=2, slug="om-tva")
    past_start = timezone.now() - datetime.timedelta(days=5)
    make_training(
        "heby-kommun",
        "Förra veckan",
        slug="forra",
        sessions=[TrainingSession(start=past_start, end=past_start + datetime.timedelta(hours=2))],
    )
    make_training("heby-kommun", "Inställd", slug="installd", cancelled=True)
    make_training("heby-kommun", "Utkast", slug="utkast-utb", publish=False, live=False)
    response = client.get(TRAININGS)
    assert response.status_code == 200
    assert link_titles(response) == ["Om två dagar", "Om tio dagar"]
    html = response.content.decode()
    assert "Kommande utbildningar" in html and "<time" in html
    assert link_titles(client.get(TRAININGS, {"organisation": "heby-kommun"})) == ["Om tio dagar"]
    english = client.get(TRAININGS, {"lang": "en"})
    assert "Upcoming trainings" in english.content.decode()
    assert "No upcoming trainings at the moment." in english.content.decode()


@pytest.mark.parametrize("url", [NEWS, TRAININGS])
def test_framing_is_allowed_for_the_site_itself_only_by_default(client, db, url):
    response = client.get(url)
    assert "X-Frame-Options" not in response
    assert frame_ancestors(response) == ["'self'"]


@pytest.mark.parametrize("url", [NEWS, TRAININGS])
def test_listed_partner_origins_may_frame_the_widget_and_others_may_not(client, db, settings, url):
    settings.NEXUS_WIDGET_FRAME_ANCESTORS = ["https://intranat.heby.se", "https://*.uppsala.se"]
    response = client.get(url)
    allowed = frame_ancestors(response)
    assert allowed == ["'self'", "https://intranat.heby.se", "https://*.uppsala.se"]
    assert "https://evil.example" not in allowed and "*" not in allowed
    assert "X-Frame-Options" not in response
    # The rest of the policy stays strict.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "object-src 'none'" in response["Content-Security-Policy"]


def test_every_other_page_keeps_refusing_frames(client, db, settings):
    settings.NEXUS_WIDGET_FRAME_ANCESTORS = ["https://intranat.heby.se"]
    for url in ("/", "/nyheter/", "/material/", "/api/v2/pages/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert frame_ancestors(response) == ["'none'"], url


@pytest.mark.parametrize("url", [NEWS, TRAININGS])
def test_no_cookie_no_script_no_inline_style(client, db, url):
    news("polismyndigheten", "En nyhet")
    make_training("heby-kommun", "En utbildning", slug="en-utbildning")
    response = client.get(url, {"organisation": "heby-kommun", "lang": "sv"})
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert response["Cache-Control"] == "public"
    html = response.content.decode()
    assert "<script" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert re.search(r'<link rel="stylesheet" href="/static/channels/widget\.css">', html)
    assert 'target="_blank" rel="noopener"' in html


def test_titles_are_escaped(client, db):
    news("polismyndigheten", '<script>alert("x")</script> & "citat"', slug="escape")
    html = client.get(NEWS).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;citat&quot;" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"organisation": "finns-inte"}, "Okänd organisation."),
        ({"organisation": "<script>"}, "Okänd organisation."),
        ({"organisation": "a" * 300}, "Okänd organisation."),
        ({"lang": "xx"}, "Okänt språk."),
        ({"lang": "en-us"}, "Okänt språk."),
        ({"lang": "../"}, "Okänt språk."),
        ({"sida": "2"}, "Okänd parameter: sida. Widgeten tar emot organisation och lang."),
    ],
)
@pytest.mark.parametrize("url", [NEWS, TRAININGS])
def test_bad_values_are_a_400_in_swedish(client, db, url, query, message):
    response = client.get(url, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == message
    assert not response.cookies


def test_a_nul_byte_is_refused_before_the_view(client, db):
    assert client.get(NEWS, {"organisation": "a\x00b"}).status_code == 404


@pytest.mark.parametrize("url", [NEWS, TRAININGS])
def test_only_get_and_head(client, db, url):
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


def test_material_kit_shows_the_embed_code(client, db):
    swedish = client.get("/material/").content.decode()
    assert '&lt;iframe src="http://localhost/widget/nyheter/" title="Senaste nyheterna"' in swedish
    assert '&lt;iframe src="http://localhost/widget/utbildningar/" title="Kommande utbildningar"' in swedish
    english = client.get("/en/material/").content.decode()
    assert '&lt;iframe src="http://localhost/widget/nyheter/?lang=en" title="Latest news"' in english


def run_check(hosts):
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "nexus_cms.settings.dev", "NEXUS_WIDGET_HOSTS": hosts},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_partner_hosts_must_be_origins():
    assert run_check("https://intranat.heby.se,https://*.uppsala.se:8443").returncode == 0
    refused = run_check("https://intranat.heby.se; script-src *")
    assert refused.returncode != 0
    assert "NEXUS_WIDGET_HOSTS" in refused.stderr
