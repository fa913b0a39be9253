"""A GIN index on the expression Wagtail's PostgreSQL search matches (``title || body``).

Wagtail indexes ``title`` and ``body`` of its search entries separately, but its query tests
``(title || body) @@ query``, which neither index serves: every search read every entry (on
13 000 pages, 14 ms a query, twice a search: the count and the page). Nothing to do elsewhere
(SQLite searches its own FTS5 table).
"""

from django.db import migrations

INDEX = "nexus_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0010_link_check"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
