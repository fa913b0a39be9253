"""backup and restore: archives of the database and the media; restore never silently replaces content.

The backup itself and the full round trip (backup, a page deleted, restore, the page served again
through nginx) run in tests/test_prod_stack.py on a file database: SQLite's backup API cannot copy
the tests' shared in-memory database while a test transaction holds it. Here the refusal, fast.
"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_restore_refuses_a_database_that_holds_content(home):
    before = Page.objects.count()
    with pytest.raises(CommandError, match="--force"):
        call_command("restore")
    assert Page.objects.count() == before
    assert Page.objects.filter(pk=home.pk, live=True).exists()
