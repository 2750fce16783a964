"""Indexes on ``wagtailcore_page.url_path_<language>``: routing (``translations.routing.page_at``) finds a
page by its path in the reader's language on every page view; without an index that is a scan of the
whole page table (at 30,000 articles it doubled an article view's cost).

wagtail-modeltranslation adds those columns after the migrations (its ``migrate`` runs
``sync_page_translation_fields`` at the end), so on a new database they do not exist yet here: this
migration runs that sync first (it only adds missing columns; the later run finds nothing to do).
"""

import contextlib
import io

from django.conf import settings
from django.core.management import call_command
from django.db import migrations

TABLE = "wagtailcore_page"


def codes():
    return [code for code, _name in settings.LANGUAGES]


def index_name(code: str) -> str:
    return f"wagtailcore_page_url_path_{code}_route"


def create_indexes(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        columns = {column.name for column in connection.introspection.get_table_description(cursor, TABLE)}
    if any(f"url_path_{code}" not in columns for code in codes()):
        with contextlib.redirect_stdout(io.StringIO()):
            call_command("sync_page_translation_fields", interactive=False, stdout=io.StringIO())
    quote = schema_editor.quote_name
    for code in codes():
        column = quote(f"url_path_{code}")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(index_name(code))} ON {quote(TABLE)} ({column})"
        )


def drop_indexes(apps, schema_editor):
    for code in codes():
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index_name(code))}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_listing_indexes"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
