"""Index the translated slug columns that routing filters on.

wagtail-modeltranslation adds ``slug_fr``/``slug_en`` (and ``url_path_*``) to Wagtail's
page table from its ``migrate`` command, after the migrations and without indexes. This
migration adds the columns first when they are missing (a fresh database), gives the tree
root its "/" path in each language, then indexes the columns, so every database routes
with an index whatever order things ran in.
"""

import contextlib
import io

from django.conf import settings
from django.core.management import call_command
from django.db import migrations

INDEXED_FIELDS = ("slug", "url_path")


def prepare_translated_columns(apps, schema_editor):
    # The command prints its SQL whatever the verbosity; keep migrate's output readable.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("sync_page_translation_fields", interactive=False, verbosity=0)
    quote = schema_editor.quote_name
    for code, _name in settings.LANGUAGES:
        for field in INDEXED_FIELDS:
            column = f"{field}_{code}"
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote('optnc_page_' + column)} "
                f"ON {quote('wagtailcore_page')} ({quote(column)})"
            )
    # The tree root predates the columns; its children's paths are built from its own.
    # (After the indexes: PostgreSQL refuses CREATE INDEX on a table with pending
    # deferred-constraint events, which an UPDATE leaves behind in the transaction.)
    for code, _name in settings.LANGUAGES:
        column = quote(f"url_path_{code}")
        schema_editor.execute(
            f"UPDATE {quote('wagtailcore_page')} SET {column} = '/' WHERE depth = 1 "
            f"AND ({column} IS NULL OR {column} = '')"
        )


def drop_indexes(apps, schema_editor):
    quote = schema_editor.quote_name
    for code, _name in settings.LANGUAGES:
        for field in INDEXED_FIELDS:
            schema_editor.execute(f"DROP INDEX IF EXISTS {quote('optnc_page_' + field + '_' + code)}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(prepare_translated_columns, drop_indexes)]
