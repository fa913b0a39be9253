"""The edge cache: Debian's varnishd with deploy/varnish/nexus.vcl in front of the live server.

A page is cached (the second request is a hit), and a publish or an unpublish through Wagtail's
API purges the page, its listing and its language's home page at once (home/frontend_cache.py),
so the next request through Varnish is fresh. Skipped when varnishd is missing, except in CI
(CI=true), where .ci/run installs it and a missing varnishd fails.
"""

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "nexus.vcl"


def varnishd():
    found = shutil.which("varnishd") or ("/usr/sbin/varnishd" if os.access("/usr/sbin/varnishd", os.X_OK) else None)
    if found:
        return found
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail("varnishd not found (CI=true: .ci/run installs varnish)", pytrace=False)
    pytest.skip("varnishd not found (apt-get install varnish)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def varnish(live_server, tmp_path):
    """varnishd on a free 127.0.0.1 port, its own work dir, the project's VCL aimed at live_server."""
    binary = varnishd()
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "nexus.vcl"
    text, replaced = re.subn(r'(\.port = )"\d+";', rf'\1"{backend_port}";', VCL.read_text())
    assert replaced == 1
    vcl.write_text(text)
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [binary, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-a", f"127.0.0.1:{port}"]
        + ["-f", str(vcl), "-s", "malloc,32m"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)  # noqa: S310 (local)
            break
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None:
                pytest.fail(f"varnishd ended: {process.stdout.read().decode()}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def purging(settings, varnish):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": varnish}
    }
    return varnish


def get(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (local)
        return response.status, response.headers, response.read().decode()


def cached(url):
    """Two requests; the second must come from Varnish."""
    get(url)
    status, headers, body = get(url)
    assert status == 200
    assert headers["X-Cache"] == "HIT"
    assert len(headers["X-Varnish"].split()) == 2
    return body


def test_a_publish_purges_the_page_its_listing_and_the_home_page(transactional_site, purging):
    page = add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "Gammal rubrik")
    urls = [purging + page.url, purging + "/nyheter/", purging + "/"]
    for url in urls:
        assert "Gammal rubrik" in cached(url)

    page.title = "Ny rubrik efter granskning"
    page.save_revision().publish()

    for url in urls:
        status, headers, body = get(url)
        assert headers["X-Cache"] == "MISS", url
        assert "Ny rubrik efter granskning" in body, url
        assert "Gammal rubrik" not in body, url
    # The feed of the listing was purged as well.
    assert "Ny rubrik efter granskning" in get(purging + "/nyheter/rss/")[2]


def test_an_unpublish_purges_the_page_its_listing_and_the_home_page(transactional_site, purging):
    page = add_page(section_of(NewsIndexPage, organisation("region-uppsala")), NewsPage, "Snart avpublicerad")
    page_url = purging + page.url
    for url in (page_url, purging + "/nyheter/", purging + "/"):
        assert "Snart avpublicerad" in cached(url)

    page.unpublish()

    with pytest.raises(urllib.error.HTTPError) as gone:
        get(page_url)
    assert gone.value.code == 404
    for url in (purging + "/nyheter/", purging + "/"):
        status, headers, body = get(url)
        assert headers["X-Cache"] == "MISS", url
        assert "Snart avpublicerad" not in body, url


def test_without_a_purge_varnish_keeps_serving_the_cached_copy(transactional_site, varnish):
    """The counter-check: with no frontend cache configured the stale copy stays in Varnish."""
    page = add_page(section_of(NewsIndexPage, organisation("polismyndigheten")), NewsPage, "Cachad rubrik")
    cached(varnish + page.url)
    page.title = "Ändrad rubrik"
    page.save_revision().publish()
    status, headers, body = get(varnish + page.url)
    assert headers["X-Cache"] == "HIT"
    assert "Cachad rubrik" in body


def test_admin_and_signed_in_readers_bypass_the_cache_other_cookies_do_not(transactional_site, varnish):
    get(varnish + "/admin/login/")
    assert get(varnish + "/admin/login/")[1]["X-Cache"] == "MISS"
    get(varnish + "/", cookie="sessionid=abc")
    assert get(varnish + "/", cookie="sessionid=abc")[1]["X-Cache"] == "MISS"
    # An anonymous visitor's unrelated cookie is dropped: a hit.
    get(varnish + "/", cookie="theme=dark")
    assert get(varnish + "/", cookie="theme=dark")[1]["X-Cache"] == "HIT"
    # A BAN without the X-Ban-Url header is refused (PURGE and BAN are for 127.0.0.1 only: the ACL).
    ban = urllib.request.Request(varnish + "/", method="BAN")  # noqa: S310 (local)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(ban, timeout=10)  # noqa: S310 (local)
    assert refused.value.code == 405
