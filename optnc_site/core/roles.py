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
# Images and documents, in the root collection (and so every collection): editors add new
# ones and choose them in pages; changing or deleting those already there is for managers.
# (Wagtail still lets whoever uploaded an image or document edit or delete it: its owner
# rule. Nobody deletes one a published page uses: see core.deletion_guard.)
COLLECTION_PERMISSIONS = {
    EDITORS: ["add_image", "choose_image", "add_document", "choose_document"],
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
MEDIA_ACTIONS = ("add", "change", "choose", "delete")
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


def ensure_snippet_permissions(apps, app_label, model_name, actions):
    """Wagtail makes a snippet's ``publish``/``lock``/``unlock`` permissions after migrations
    (``wagtail.snippets.models.create_extra_permissions``, which skips those that exist): make
    them now, named as Wagtail names them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    model = apps.get_model(app_label, model_name)
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    for action in actions:
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model._meta.model_name}",
            defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
        )


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


def _media_permission(apps, codename):
    app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
    return permission(apps, app_label, codename)


def set_collection_permissions(apps, schema_editor, grants=None):
    """Make each group's image and document permissions exactly ``grants``
    (``COLLECTION_PERMISSIONS`` by default), in the root collection, and withdraw any other
    image or document permission the group had in any collection."""
    grants = COLLECTION_PERMISSIONS if grants is None else grants
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.get(depth=1)
    managed = [
        _media_permission(apps, f"{action}_{kind}")
        for kind in ("image", "document")
        for action in MEDIA_ACTIONS
    ]
    for group_name, codenames in grants.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        granted = [_media_permission(apps, codename) for codename in codenames]
        GroupCollectionPermission.objects.filter(group=group, permission__in=managed).exclude(
            collection=root_collection, permission__in=granted
        ).delete()
        for perm in granted:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=perm
            )


def restore_editors_media_changes(apps, schema_editor):
    """Reverse of ``set_collection_permissions``: editors may change images and documents again."""
    set_collection_permissions(
        apps,
        schema_editor,
        {EDITORS: [*COLLECTION_PERMISSIONS[EDITORS], "change_image", "change_document"]},
    )


def grant_snippet_validation(apps, app_label, model_name, permissions):
    """A snippet with drafts goes through WORKFLOW: its ``publish``/``lock``/``unlock``
    permissions exist, ``permissions`` ({group name: [codenames]}) are granted, and the
    workflow is assigned to the model. Apps call this from their own migrations."""
    ensure_permissions(apps)
    ensure_snippet_permissions(apps, app_label, model_name, ["publish", "lock", "unlock"])
    grant_model_permissions(
        apps,
        {
            group: [(app_label, codename) for codename in codenames]
            for group, codenames in permissions.items()
        },
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    content_type = ContentType.objects.get_for_model(
        apps.get_model(app_label, model_name), for_concrete_model=False
    )
    WorkflowContentType.objects.update_or_create(
        content_type=content_type, defaults={"workflow": Workflow.objects.get(name=WORKFLOW)}
    )


def revoke_snippet_validation(apps, app_label, model_name):
    """Reverse of ``grant_snippet_validation``."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    content_type = ContentType.objects.get_for_model(
        apps.get_model(app_label, model_name), for_concrete_model=False
    )
    WorkflowContentType.objects.filter(content_type=content_type, workflow__name=WORKFLOW).delete()
    extra = Permission.objects.filter(
        content_type=content_type,
        codename__in=[f"{action}_{model_name}" for action in ("publish", "lock", "unlock")],
    )
    for group in Group.objects.filter(name__in=[EDITORS, MANAGERS]):
        group.permissions.remove(*extra)
