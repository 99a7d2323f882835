"""The communication team's roles and validation workflow, as data migrations build them.

Functions take the migration's ``apps`` so that they run against historical models.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Rédacteurs"
MANAGERS = "Responsables communication"
WORKFLOW = "Validation communication"
TASK = "Approbation par un responsable communication"

# Pages: editors add and edit; managers also publish (and so unpublish), delete pages with
# children, and lock or unlock any page.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MANAGERS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
# Images and documents, in the root collection (and so every collection).
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    MANAGERS: [
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ],
}
# Plain model permissions: the admin itself, and the site settings for managers.
MODEL_PERMISSIONS = {
    EDITORS: [("wagtailadmin", "access_admin")],
    MANAGERS: [("wagtailadmin", "access_admin"), ("core", "change_siteidentity")],
}


def ensure_permissions(apps):
    """Permissions are made after migrations: make those we grant exist now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_model_permissions(apps, grants):
    """``grants``: group name → [(app_label, codename)]."""
    Group = apps.get_model("auth", "Group")
    for group_name, permissions in grants.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*(permission(apps, app, codename) for app, codename in permissions))


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    # Wagtail's sample groups would only blur who may do what: remove them while unused.
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for group_name in (EDITORS, MANAGERS):
        group, _created = Group.objects.get_or_create(name=group_name)
        for codename in PAGE_PERMISSIONS[group_name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission(apps, "wagtailcore", codename)
            )
        for codename in COLLECTION_PERMISSIONS[group_name]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(apps, app_label, codename)
            )
    grant_model_permissions(apps, MODEL_PERMISSIONS)


def create_workflow(apps, schema_editor):
    """One validation step on the whole site, replacing Wagtail's default workflow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type = ContentType.objects.get_for_model(GroupApprovalTask)
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([Group.objects.get(name=MANAGERS)])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root_page = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(workflow_pages__isnull=True).update(active=False)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[EDITORS, MANAGERS]).delete()


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=TASK).delete()
