"""What keeps an uncached render cheap under the production caches, and what keeps it right.

- The fragment generations are read once per request, together (home/generations.py): with the
  database cache a warm render reads that table once, and each fragment comes from the process's
  own copy.
- That copy is never served after another process renewed a generation in the shared cache.
- The news listing (its sections, tags, filter links, count and HTML are fragments) follows a
  publish and an unpublish at once, the page past the last one included.
- The SQLite backend keeps its connection between requests (``CONN_MAX_AGE``) but not to a file
  that was moved away (nexus_cms/sqlite/base.py).
"""

import sqlite3

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.utils import ConnectionHandler, OperationalError
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from home import fragments, generations
from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of

pytestmark = pytest.mark.usefixtures("no_page_cache")

DATABASE_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "nexus_cache_render_test"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "render-test-pages"},
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}


@pytest.fixture
def database_cache(db):
    with override_settings(CACHES=DATABASE_CACHES):
        call_command("createcachetable", verbosity=0)
        generations.forget_local_values()
        yield caches["default"]
    generations.forget_local_values()


@pytest.fixture
def news_section(db):
    return section_of(NewsIndexPage, organisation("heby-kommun"))


def _cache_queries(queries):
    return [query["sql"] for query in queries.captured_queries if "nexus_cache_render_test" in query["sql"]]


def test_a_warm_render_reads_the_database_cache_once_and_stays_in_budget(database_cache, news_section):
    for number in range(12):
        add_page(news_section, NewsPage, f"Nyhet nummer {number}")
    reader = Client()
    assert reader.get("/nyheter/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = reader.get("/nyheter/")
    assert response.status_code == 200
    assert "Nyhet nummer 11" in response.content.decode()
    [token_read] = _cache_queries(queries)
    assert token_read.lstrip().upper().startswith("SELECT")
    assert len(queries.captured_queries) <= 12
    # Cold (every cache emptied), the same page asks the database for what the fragments hold.
    for cache in caches.all():
        cache.clear()
    generations.forget_local_values()
    with CaptureQueriesContext(connection) as cold:
        assert reader.get("/nyheter/").status_code == 200
    assert len(cold.captured_queries) > len(queries.captured_queries)


def test_a_generation_renewed_by_another_process_is_seen_by_the_next_request(database_cache, news_section):
    page = add_page(news_section, NewsPage, "Rubriken före")
    reader = Client()
    assert "Rubriken före" in reader.get("/nyheter/").content.decode()
    # Another worker changed the row and renewed the generation in the shared cache; this
    # process's copy of the listing was not told.
    NewsPage.objects.filter(pk=page.pk).update(title="Rubriken efter")
    assert "Rubriken före" in reader.get("/nyheter/").content.decode()
    database_cache.set(fragments.GENERATION_KEY, "renewed-elsewhere", None)
    html = reader.get("/nyheter/").content.decode()
    assert "Rubriken efter" in html and "Rubriken före" not in html


def test_the_news_listing_follows_publish_and_unpublish_at_once(database_cache, news_section):
    pages = [add_page(news_section, NewsPage, f"Meddelande {number:02d}") for number in range(10)]
    reader = Client()
    assert reader.get("/nyheter/?page=2").status_code == 404
    assert "Meddelande 00" in reader.get("/nyheter/").content.decode()
    newest = add_page(news_section, NewsPage, "Det senaste meddelandet")
    assert "Det senaste meddelandet" in reader.get("/nyheter/").content.decode()
    assert reader.get("/nyheter/?page=2").status_code == 200
    newest.unpublish()
    assert "Det senaste meddelandet" not in reader.get("/nyheter/").content.decode()
    assert reader.get("/nyheter/?page=2").status_code == 404
    pages[0].unpublish()
    assert "Meddelande 00" not in reader.get("/nyheter/").content.decode()


def _sqlite_handler(path):
    return ConnectionHandler(
        {
            "default": {
                "ENGINE": "nexus_cms.sqlite",
                "NAME": str(path),
                "CONN_MAX_AGE": 600,
                "CONN_HEALTH_CHECKS": True,
            }
        }
    )


def test_a_kept_sqlite_connection_follows_its_file_away_and_back(tmp_path, django_db_blocker):
    folder = tmp_path / "db"
    folder.mkdir()
    seed = sqlite3.connect(folder / "nexus.sqlite3")
    seed.execute("CREATE TABLE t (v TEXT)")
    seed.execute("INSERT INTO t VALUES ('kvar')")
    seed.commit()
    seed.close()
    wrapper = _sqlite_handler(folder / "nexus.sqlite3")["default"]

    def request():
        """What Django does around a request: check the kept connection, then query."""
        wrapper.close_if_unusable_or_obsolete()
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT v FROM t")
            return cursor.fetchone()[0]

    with django_db_blocker.unblock():
        _follow_the_file(tmp_path, folder, wrapper, request)


def _follow_the_file(tmp_path, folder, wrapper, request):
    try:
        assert request() == "kvar"
        kept = wrapper.connection
        assert request() == "kvar" and wrapper.connection is kept  # kept between requests
        folder.rename(tmp_path / "db-away")
        assert not wrapper.is_usable()
        with pytest.raises(OperationalError):
            request()
        (tmp_path / "db-away").rename(folder)
        assert request() == "kvar"
        assert wrapper.connection is not kept
    finally:
        wrapper.close()


def _routing_query(home):
    """The routing's one query for every page on the way of /nyheter/ (home/routing.py)."""
    from wagtail.models import Page

    prefixes = [home.url_path, f"{home.url_path}nyheter/"]
    return Page.objects.filter(url_path__in=prefixes, path__startswith=home.path).query.sql_with_params()


@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_on_postgresql_the_routing_query_is_served_by_the_url_path_index(home):
    # A test database is too small for the planner to prefer it over the path index for the
    # whole query; the routing's url_path condition alone has no other index to use.
    from wagtail.models import Page

    sql, params = Page.objects.filter(url_path__in=[home.url_path]).values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "nexus_page_url_path" in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan")
def test_on_sqlite_the_routing_query_is_served_by_the_url_path_index(home):
    sql, params = _routing_query(home)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = "\n".join(str(row) for row in cursor.fetchall())
    assert "nexus_page_url_path" in plan
