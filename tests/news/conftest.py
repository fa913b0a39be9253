import datetime

import pytest
from django.utils import timezone

from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page, organisation, section_of


@pytest.fixture(autouse=True)
def clear_cache():
    """Rendition cache keys hold image ids, which rolled-back tests reuse."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def news_index(home):
    return NewsIndexPage.objects.get(locale=home.locale)


@pytest.fixture
def police(db):
    return organisation("polismyndigheten")


@pytest.fixture
def heby(db):
    return organisation("heby-kommun")


@pytest.fixture
def make_news(db):
    """make_news(organisation, title, days_ago=0, tags=(), publish=True, language="sv", **fields)."""

    def make(org, title, days_ago=0, tags=(), publish=True, language="sv", **fields):
        section = section_of(NewsIndexPage, org, language)
        fields.setdefault("date", timezone.now() - datetime.timedelta(days=days_ago))
        fields.setdefault("lead", f"Ingress för {title}.")
        # Page.live defaults to True: a draft must say so, as the admin's create view does.
        fields.setdefault("live", False)
        page = add_page(section, NewsPage, title, publish=False, **fields)
        if tags:
            page.tags.add(*tags)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    return make
