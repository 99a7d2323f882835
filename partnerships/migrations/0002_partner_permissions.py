from django.db import migrations

from optnc_site.core.roles import EDITORS, MANAGERS, ensure_permissions, grant_model_permissions


def grant(apps, schema_editor):
    ensure_permissions(apps)
    grant_model_permissions(apps, {
        EDITORS: [("partnerships", "add_partner"), ("partnerships", "change_partner")],
        MANAGERS: [("partnerships", "add_partner"), ("partnerships", "change_partner"),
                   ("partnerships", "delete_partner")],
    })


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("core", "0004_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
