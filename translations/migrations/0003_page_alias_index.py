"""A partial index on ``wagtailcore_page`` holding only alias pages (usually none).

Routing (``translations.routing.page_at``) asks, in the query that finds a page, whether the page or an
ancestor is an alias (Wagtail then takes view restrictions from the alias's source). Without this index
that question scans the whole page table (6.8 ms per article view at 30,000 articles on SQLite); with it,
it reads the aliases only.
"""

from django.db import migrations

NAME = "wagtailcore_page_aliases"


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0002_copy_of"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            f'CREATE INDEX IF NOT EXISTS "{NAME}" ON "wagtailcore_page" ("path") WHERE "alias_of_id" IS NOT NULL',
            f'DROP INDEX IF EXISTS "{NAME}"',
        )
    ]
