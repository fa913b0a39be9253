"""The search backend is chosen by settings: the database (default) or a search server by URL.

Each case reads the production settings in a subprocess with the environment given and builds
the backend Wagtail would use (a client object only: no search server runs on this machine).
"""

import json

import pytest

from tests.test_settings import PRODUCTION_ENV, run_manage

SHOW_BACKEND = """
import json
from django.conf import settings
from wagtail.search.backends import InvalidSearchBackendError, get_search_backend
found = {"settings": settings.WAGTAILSEARCH_BACKENDS["default"]}
try:
    backend = get_search_backend()
except InvalidSearchBackendError as error:
    found["error"] = str(error)
else:
    found["class"] = type(backend).__module__ + "." + type(backend).__name__
    found["hosts"] = getattr(backend, "hosts", None)
    analysis = getattr(backend, "settings", {}).get("settings", {}).get("analysis", {})
    found["analyzer"] = analysis.get("analyzer", {}).get("default")
print(json.dumps(found))
"""


def backend_with(**env):
    result = run_manage("shell", "-c", SHOW_BACKEND, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_search_url_the_database_backend_searches_in_swedish():
    found = backend_with()
    assert found["settings"]["BACKEND"] == "home.search_backend"
    assert found["settings"]["SEARCH_CONFIG"] == "swedish"
    # home.search_backend: PostgreSQL's full-text search, FTS5 on SQLite (as here).
    assert found["class"].endswith("DatabaseSearchBackend")


def test_an_opensearch_url_selects_wagtails_opensearch3_backend_with_swedish_analysis():
    found = backend_with(NEXUS_SEARCH_URL="opensearch+https://nexus:hemligt@search.internal:9200")
    assert found["settings"]["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert found["settings"]["URLS"] == ["https://nexus:hemligt@search.internal:9200"]
    assert found["class"] == "modelsearch.backends.opensearch3.OpenSearch3SearchBackend"
    assert found["hosts"] == [
        {
            "host": "search.internal",
            "port": 9200,
            "url_prefix": "",
            "use_ssl": True,
            "verify_certs": True,
            "http_auth": ["nexus", "hemligt"],
        }
    ]
    assert found["analyzer"] == {"type": "swedish"}
    assert found["settings"]["INDEX_PREFIX"] == "nexus_"


def test_an_elasticsearch_url_selects_the_elasticsearch9_backend():
    found = backend_with(NEXUS_SEARCH_URL="elasticsearch://127.0.0.1:9200", NEXUS_SEARCH_INDEX_PREFIX="prov_")
    assert found["settings"]["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert found["settings"]["URLS"] == ["http://127.0.0.1:9200"]
    assert found["settings"]["INDEX_PREFIX"] == "prov_"
    # Its client is not pinned (docs/operations.md: install elasticsearch 9 to use it).
    assert "Could not find backend 'wagtail.search.backends.elasticsearch9'" in found["error"]


@pytest.mark.parametrize("url", ["solr://search.internal:8983", "opensearch+ftp://search.internal", "opensearch://"])
def test_an_unknown_search_url_stops_the_start_with_a_clear_message(url):
    result = run_manage("check", env={**PRODUCTION_ENV, "NEXUS_SEARCH_URL": url})
    assert result.returncode != 0
    assert "NEXUS_SEARCH_URL must look like opensearch://host:9200" in result.stderr
