"""Wagtail's own data in French: the tree's root, and no English default workflow left.

Wagtail's first migrations name the root page "Root" (the explorer's breadcrumbs and title,
the page choosers show it) and build a "Moderators approval" workflow and task, which
0004_roles_and_workflow deactivated but the workflow reports still list.
"""

from django.db import migrations

ROOT_TITLE = "Racine"
DEFAULT_WORKFLOW = "Moderators approval"


def root_title_columns(schema_editor):
    """The root's title columns: ``title``, and the translated ones where they exist already
    (wagtail-modeltranslation adds them after the migrations, outside the migration state)."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        table = connection.introspection.get_table_description(cursor, "wagtailcore_page")
    present = {column.name for column in table}
    return [name for name in ("title", "title_fr", "draft_title") if name in present]


def set_root_title(schema_editor, title):
    quote = schema_editor.quote_name
    assignments = ", ".join(f"{quote(name)} = %s" for name in root_title_columns(schema_editor))
    schema_editor.execute(
        f"UPDATE {quote('wagtailcore_page')} SET {assignments} WHERE depth = 1",
        [title] * assignments.count("%s"),
    )


def french_defaults(apps, schema_editor):
    set_root_title(schema_editor, ROOT_TITLE)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    # Only while nothing ever went through them (their history would go with them).
    Workflow.objects.filter(
        name=DEFAULT_WORKFLOW,
        active=False,
        workflow_states__isnull=True,
        workflow_pages__isnull=True,
        workflow_content_types__isnull=True,
    ).delete()
    Task.objects.filter(name=DEFAULT_WORKFLOW, task_states__isnull=True, workflow_tasks__isnull=True).delete()


def english_root(apps, schema_editor):
    set_root_title(schema_editor, "Root")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_media_rights"),
    ]

    operations = [migrations.RunPython(french_defaults, english_root)]
