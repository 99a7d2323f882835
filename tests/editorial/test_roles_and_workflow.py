"""Who may do what in the admin, and the "Validation communication" workflow."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowState

from optnc_site.core.roles import WORKFLOW

from .conftest import page_form_data


def edit(client, page, **actions):
    data = page_form_data(page)
    data.update(actions)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_the_validation_workflow_covers_the_whole_site(home):
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert workflow.active
    assert home.get_workflow() == workflow
    assert [task.specific.groups.get().name for task in workflow.tasks] == ["Responsables communication"]


def test_editor_can_edit_and_save_a_draft(client, editor, draft):
    client.force_login(editor)
    response = edit(client, draft, title_fr="Brouillon revu")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().title_fr == "Brouillon revu"
    assert not draft.live


def test_editor_cannot_publish(client, editor, draft):
    client.force_login(editor)
    assert not draft.permissions_for_user(editor).can_publish()
    response = edit(client, draft, title_fr="Publiée ?", **{"action-publish": "action-publish"})
    assert response.status_code == 302  # the form was valid: only publishing was refused
    draft.refresh_from_db()
    assert not draft.live
    assert client.get(f"/fr/{draft.slug_fr}/", HTTP_HOST="localhost").status_code == 404


def test_editor_cannot_delete_a_live_page(editor, home):
    from tests.core.factories import ContentPageFactory

    live = ContentPageFactory(parent=home)
    assert not live.permissions_for_user(editor).can_delete()


def submit(client, editor, page):
    client.force_login(editor)
    response = edit(client, page, **{"action-submit": "action-submit"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    return state


def test_submission_notifies_the_managers(client, editor, manager, draft):
    mail.outbox.clear()
    submit(client, editor, draft)
    assert any(manager.email in message.to for message in mail.outbox)


def test_manager_approves_and_the_page_goes_live(client, editor, manager, draft):
    state = submit(client, editor, draft)
    client.force_login(manager)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", state.current_task_state.pk]
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert client.get(f"/fr/{draft.slug_fr}/", HTTP_HOST="localhost").status_code == 200


def test_rejection_returns_to_the_editor_with_its_comment(client, editor, manager, draft):
    state = submit(client, editor, draft)
    mail.outbox.clear()
    client.force_login(manager)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "reject", state.current_task_state.pk]),
        {"comment": "Merci d’ajouter la date de signature."},
    )
    state.refresh_from_db()
    draft.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not draft.live
    task_state = state.current_task_state
    assert task_state.comment == "Merci d’ajouter la date de signature."
    to_editor = [message for message in mail.outbox if editor.email in message.to]
    assert to_editor and "Merci d’ajouter la date de signature." in to_editor[0].body
    # The editor sees the comment in the editor and may submit again.
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "Merci d’ajouter la date de signature." in page


def test_managers_manage_site_settings_editors_do_not(client, editor, manager, home):
    url = reverse("wagtailsettings:edit", args=["core", "siteidentity", home.get_site().pk])
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(manager)
    assert client.get(url).status_code == 200


def test_editors_manage_partners_but_only_managers_delete_them(editor, manager):
    assert editor.has_perm("partnerships.change_partner")
    assert not editor.has_perm("partnerships.delete_partner")
    assert manager.has_perm("partnerships.delete_partner")


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/images/"])
def test_anonymous_visitors_get_the_login_page(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_visitors_never_see_drafts_or_previews(client, draft):
    assert client.get(f"/fr/{draft.slug_fr}/", HTTP_HOST="localhost").status_code == 404
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert Page.objects.get(pk=draft.pk).live is False
