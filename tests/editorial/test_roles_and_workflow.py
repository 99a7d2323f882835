"""Who may do what in the admin, and the "Validation communication" workflow."""

from urllib.parse import quote

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowState

from optnc_site.core.roles import WORKFLOW
from tests.helpers import soup_of

from .conftest import page_form_data


def edit(client, page, **actions):
    data = page_form_data(page)
    data.update(actions)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def redirect_of(response):
    return response.status_code, response.get("Location")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def login_url(then):
    return f"{reverse('wagtailadmin_login')}?next={quote(then, safe='/')}"


def test_the_validation_workflow_covers_the_whole_site(home):
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert workflow.active
    assert home.get_workflow() == workflow
    assert [task.specific.groups.get().name for task in workflow.tasks] == ["Responsables communication"]


def test_editor_can_edit_and_save_a_draft(client, editor, draft):
    client.force_login(editor)
    response = edit(client, draft, title_fr="Brouillon revu")
    assert redirect_of(response) == (302, edit_url(draft))
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().title_fr == "Brouillon revu"
    assert not draft.live


def test_editor_cannot_publish(client, editor, draft):
    client.force_login(editor)
    assert not draft.permissions_for_user(editor).can_publish()
    response = edit(client, draft, title_fr="Publiée ?", **{"action-publish": "action-publish"})
    # The changes are kept as a draft, back in the editor: only publishing was refused.
    assert redirect_of(response) == (302, edit_url(draft))
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().title_fr == "Publiée ?"
    assert not draft.live
    assert client.get(f"/fr/{draft.slug_fr}/").status_code == 404


def test_editor_cannot_delete_a_live_page(editor, home):
    from tests.core.factories import ContentPageFactory

    live = ContentPageFactory(parent=home)
    assert not live.permissions_for_user(editor).can_delete()


def submit(client, editor, page):
    client.force_login(editor)
    response = edit(client, page, **{"action-submit": "action-submit"})
    assert redirect_of(response) == (302, reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
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
    assert redirect_of(response) == (302, edit_url(draft))
    draft.refresh_from_db()
    assert draft.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert client.get(f"/fr/{draft.slug_fr}/").status_code == 200


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
    refused = client.get(url, follow=True)
    assert refused.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert "vous n'avez pas les autorisations pour accéder à cette zone" in soup_of(refused).get_text()
    client.force_login(manager)
    assert client.get(url).status_code == 200


def test_editors_manage_partners_but_only_managers_delete_them(editor, manager):
    assert editor.has_perm("partnerships.change_partner")
    assert not editor.has_perm("partnerships.delete_partner")
    assert manager.has_perm("partnerships.delete_partner")


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/images/"])
def test_anonymous_visitors_get_the_login_page(client, db, path):
    response = client.get(path)
    assert redirect_of(response) == (302, login_url(path))


def test_anonymous_visitors_never_see_drafts_or_previews(client, draft):
    assert client.get(f"/fr/{draft.slug_fr}/").status_code == 404
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
    ):
        assert redirect_of(client.get(url)) == (302, login_url(url))
    assert Page.objects.get(pk=draft.pk).live is False
