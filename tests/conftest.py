"""Shared fixtures.

The session baseline is the installation itself (``manage.py setup_site``: languages, a home page
and the section indexes per language, the editorial set-up, the help numbers), built once per test
database, and every ordinary test
runs in a transaction on top of it. Transactional tests (live server, concurrency) run last and
flush the database, so they rebuild the baseline with the ``transactional_site`` fixture.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches

from home.installation import setup_site
from home.models import HomePage
from tests.helpers.baseline import ensure_wagtail_roots
from workflows.editorial import PROJECT_LEADERS_GROUP, TRANSLATORS_GROUP
from workflows.models import Organisation


def pytest_sessionstart(session):
    """Compile the catalogues into the test settings' own LOCALE_PATHS (never the source tree)."""
    from home.catalogues import compile_all

    compile_all()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        setup_site()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache: the database rolls back after a test, a process-wide
    LocMem cache does not (a cached menu or page would outlive the pages it shows)."""
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture
def no_page_cache(settings):
    """For tests that measure a render (query counts): the anonymous page cache would answer the
    warm request without rendering (home/page_cache.py; PAGE_CACHE_SECONDS = 0 switches it off)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def transactional_site(transactional_db):
    ensure_wagtail_roots()
    return setup_site()


@pytest.fixture
def home(db):
    return HomePage.objects.get(depth=2, locale__language_code="sv")


@pytest.fixture
def organisations(db):
    return list(Organisation.objects.all())


@pytest.fixture
def make_user(db):
    """make_user("name", groups=["Projektledning"]) -> a saved user in those groups."""

    def make(username, groups=(), superuser=False, email=None):
        user = get_user_model().objects.create_user(
            username=username,
            email=email or f"{username}@example.org",
            password="a-long-test-password",
            is_superuser=superuser,
            is_staff=superuser,
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def project_leader(make_user):
    return make_user("projektledare", [PROJECT_LEADERS_GROUP])


@pytest.fixture
def translator(make_user):
    return make_user("oversattare", [TRANSLATORS_GROUP])


@pytest.fixture
def communicator_of(make_user):
    """communicator_of(organisation) -> a communicator of that organisation."""

    def make(organisation, username=None):
        return make_user(username or f"kommunikator-{organisation.slug}", [organisation.communicators_group_name])

    return make
