from django.db import migrations

from optnc_site.core.roles import create_roles, create_workflow, remove_roles, remove_workflow


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_french_unaccent_search"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [
        migrations.RunPython(create_roles, remove_roles),
        migrations.RunPython(create_workflow, remove_workflow),
    ]
