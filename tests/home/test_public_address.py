"""The public address is configuration (NEXUS_PUBLIC_URL): every absolute URL readers get uses it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Site

from home.installation import setup_site
from press.models import PressSubscriber
from press.subscriptions import send_confirmation

ROOT = Path(__file__).resolve().parent.parent.parent
PUBLIC = "https://nexus.example.se"
PREFIX = "/nexus-hedersvald"

CHECK = """
import json, re
from django.test import Client, override_settings
# The hashed static manifest is built by collectstatic at deploy time, not by this check.
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}):
    client = Client(HTTP_HOST="nexus.example.se", headers={"X-Forwarded-Proto": "https"})
    home = client.get("/").content.decode()
    print(json.dumps({
        "canonical": re.search(r'rel="canonical" href="([^"]+)"', home).group(1),
        "hreflang": re.findall(r'hreflang="[^"]+" href="([^"]+)"', home),
        "stylesheets": re.findall(r'rel="stylesheet" href="([^"]+)"', home),
        "scripts": re.findall(r'<script[^>]* src="([^"]+)"', home),
        "sitemap": re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode()),
        "feed": re.findall(r"<link>([^<]+)</link>", client.get("/nyheter/rss/").content.decode()),
        "robots": client.get("/robots.txt").content.decode(),
    }))
"""


def test_production_urls_use_the_public_address_and_its_path_prefix(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "nexus_cms.settings.production",
        "SECRET_KEY": "p" * 20 + "-production-like-secret-key-for-this-test-only-0123456789",
        "ALLOWED_HOSTS": "nexus.example.se",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://admin.nexus.example.se",
        "NEXUS_PUBLIC_URL": PUBLIC + PREFIX,
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    def manage(*args):
        return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout

    manage("migrate", "--noinput", "-v", "0")
    manage("setup_site")
    found = json.loads(
        manage("shell", "--no-imports", "-c", "from django.conf import settings\n" + CHECK).splitlines()[-1]
    )
    base = PUBLIC + PREFIX
    assert found["canonical"] == f"{base}/"
    assert f"{base}/en/" in found["hreflang"]
    assert all(url.startswith(base + "/") for url in found["hreflang"]), found["hreflang"]
    assert found["stylesheets"] and all(url.startswith(f"{PREFIX}/static/") for url in found["stylesheets"])
    assert found["scripts"] and all(url.startswith(f"{PREFIX}/static/") for url in found["scripts"])
    assert f"{base}/nyheter/" in found["sitemap"]
    assert all(url.startswith(base + "/") for url in found["sitemap"]), found["sitemap"]
    assert found["feed"] and all(url.startswith(f"{base}/nyheter/") for url in found["feed"]), found["feed"]
    assert f"Sitemap: {base}/sitemap.xml" in found["robots"].splitlines()
    assert "localhost" not in json.dumps(found)


@pytest.mark.django_db
def test_setup_site_moves_the_site_to_the_public_address_once(settings):
    settings.NEXUS_PUBLIC_URL = "http://nexus.example.se:8080"
    setup_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("nexus.example.se", 8080, "http://nexus.example.se:8080")
    assert site.root_page.specific.full_url == "http://nexus.example.se:8080/"
    settings.NEXUS_PUBLIC_URL = PUBLIC
    setup_site()
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("nexus.example.se", 443, PUBLIC)
    setup_site()
    assert Site.objects.count() == 1


@pytest.mark.django_db
def test_subscriber_mails_use_the_public_address_not_the_admins(settings, mailoutbox):
    settings.NEXUS_PUBLIC_URL = PUBLIC
    settings.WAGTAILADMIN_BASE_URL = "https://admin.internal"
    send_confirmation(PressSubscriber.objects.create(email="redaktion@example.org"))
    assert f"{PUBLIC}/press/prenumeration/" in mailoutbox[0].body
    assert "admin.internal" not in mailoutbox[0].body
