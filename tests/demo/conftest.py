import pytest

from demo.loader import ensure_demo_users, translator_and_approver


@pytest.fixture
def demo_people(db):
    """The demo users; returns (translator, approver) for the translations."""
    ensure_demo_users()
    return translator_and_approver()
