import pytest
from django.core.cache import cache

from tests.helpers.training import make_training


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def training(db):
    return make_training()
