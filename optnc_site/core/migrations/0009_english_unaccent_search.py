"""An English full-text configuration that folds accents, for PostgreSQL.

English queries and English texts are stemmed in English (``fibers`` finds ``fiber``), and
``Noumea`` finds ``Nouméa`` as in French (``french_unaccent``, migration 0003). The search
index (``optnc_site.core.search``) stores each language with its own configuration: run
``manage.py update_index`` once after this migration on a site with content.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'english_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION english_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS english_unaccent;"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("core", "0008_share_image_alt_and_logo")]

    operations = [migrations.RunPython(forwards, backwards)]
