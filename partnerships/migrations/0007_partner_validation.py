"""Partners go through « Validation communication » like pages.

Editors add and change partners (their changes wait for a manager's approval); managers
also publish, delete, and lock or unlock. The workflow is assigned to the Partner model.
"""

from django.db import migrations

from optnc_site.core.roles import EDITORS, MANAGERS, grant_snippet_validation, revoke_snippet_validation

PERMISSIONS = {
    EDITORS: ["add_partner", "change_partner"],
    MANAGERS: ["add_partner", "change_partner", "delete_partner", "publish_partner", "lock_partner", "unlock_partner"],
}


def grant(apps, schema_editor):
    grant_snippet_validation(apps, "partnerships", "partner", PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_snippet_validation(apps, "partnerships", "partner")


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0006_link_help_texts"),
        ("core", "0004_roles_and_workflow"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
