"""Partners go through the validation workflow; editors no longer change or delete media.

- Partners: ``publish_partner`` (and ``lock``/``unlock``) for managers only, editors keep
  ``add``/``change``; the « Validation communication » workflow is assigned to the Partner
  snippet model (a ``WorkflowContentType``).
- Images and documents: editors keep ``add`` and ``choose``, lose ``change``; managers keep
  everything (see ``roles.COLLECTION_PERMISSIONS``).
"""

from django.db import migrations

from optnc_site.core.roles import (
    grant_partner_validation,
    restore_editors_media_changes,
    revoke_partner_validation,
    set_collection_permissions,
)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_translation_state"),
        ("partnerships", "0005_partner_drafts_workflow_locking"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(grant_partner_validation, revoke_partner_validation),
        migrations.RunPython(set_collection_permissions, restore_editors_media_changes),
    ]
