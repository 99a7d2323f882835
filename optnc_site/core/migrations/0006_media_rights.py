"""Editors no longer change or delete existing images and documents.

Editors keep ``add`` and ``choose``; managers keep everything (see
``roles.COLLECTION_PERMISSIONS``). Deleting what a published page uses is refused to
everyone (``core.deletion_guard``).
"""

from django.db import migrations

from optnc_site.core.roles import restore_editors_media_changes, set_collection_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_translation_state"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(set_collection_permissions, restore_editors_media_changes),
    ]
