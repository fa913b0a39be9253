"""An index on ``wagtailcore_page.url_path``, which the site's routing reads by (home/routing.py).

The routing finds every page on the way of an address in one query, by ``url_path``; Wagtail has
no index on that column, so on 13 000 pages each uncached page request scanned the whole table
(5 ms on PostgreSQL). Both databases get it.
"""

from django.db import migrations

INDEX = "nexus_page_url_path"


class Migration(migrations.Migration):
    dependencies = [("home", "0011_search_index_title_body")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
