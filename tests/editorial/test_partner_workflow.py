"""Partners go through « Validation communication » like pages, through the real admin views."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Workflow, WorkflowContentType, WorkflowState

from optnc_site.core.roles import WORKFLOW
from partnerships.models import Partner
from tests.helpers import soup_of
from tests.partnerships.factories import PartnerFactory

ADMIN = "wagtailsnippets_partnerships_partner"
INDEX_FR = "/fr/partenariats/"
INDEX_EN = "/en/partnerships/"
SUBMIT = {"action-submit": "action-submit"}  # the editor's « Soumettre à Validation communication »


def partner_data(partner=None, **overrides):
    """What the snippet's edit form posts (French and English columns of the translated fields)."""
    data = {
        "name_fr": partner.name_fr if partner else "",
        "name_en": (partner.name_en or "") if partner else "",
        "acronym_fr": (partner.acronym_fr or "") if partner else "",
        "acronym_en": (partner.acronym_en or "") if partner else "",
        "full_name_fr": (partner.full_name_fr or "") if partner else "",
        "full_name_en": (partner.full_name_en or "") if partner else "",
        "category": partner.category if partner else "local_digital",
        "logo": "",
        "website": (partner.website or "") if partner else "",
        "description_fr": (partner.description_fr or "") if partner else "",
        "description_en": (partner.description_en or "") if partner else "",
    }
    data.update(overrides)
    return data


def public_names(client, url=INDEX_FR):
    soup = soup_of(client.get(url))
    return [strong.get_text() for strong in soup.select(".partner__name strong")]


def workflow_state(partner):
    return WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Partner), object_id=str(partner.pk)
    ).latest("created_at")


def approve(client, manager, partner):
    state = workflow_state(partner)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    client.force_login(manager)
    response = client.post(
        reverse(f"{ADMIN}:workflow_action", args=[partner.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


@pytest.fixture
def partner(partnership_index):
    return PartnerFactory(
        name="Ancien nom", name_fr="Ancien nom", name_en="Old name", acronym="AN", acronym_fr="AN"
    )


def test_the_validation_workflow_covers_partners(db):
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert WorkflowContentType.objects.get(
        content_type=ContentType.objects.get_for_model(Partner)
    ).workflow == (workflow)
    assert Partner.get_default_workflow() == workflow


def test_permissions_editors_change_managers_publish(editor, manager):
    for codename in ("add_partner", "change_partner"):
        assert editor.has_perm(f"partnerships.{codename}")
        assert manager.has_perm(f"partnerships.{codename}")
    for codename in ("publish_partner", "delete_partner", "lock_partner", "unlock_partner"):
        assert not editor.has_perm(f"partnerships.{codename}")
        assert manager.has_perm(f"partnerships.{codename}")


def test_existing_partners_are_live(client, partner):
    assert partner.live
    assert public_names(client) == ["Ancien nom"]


def test_editor_submits_a_change_that_stays_hidden_until_a_manager_approves(client, editor, manager, partner):
    client.force_login(editor)
    response = client.post(
        reverse(f"{ADMIN}:edit", args=[partner.pk]),
        partner_data(partner, name_fr="Nouveau nom", name_en="New name", **SUBMIT),
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.live and partner.name_fr == "Ancien nom"  # the row keeps the live values
    draft = partner.get_latest_revision_as_object()
    assert (draft.name_fr, draft.name_en) == ("Nouveau nom", "New name")  # both columns in the revision
    assert workflow_state(partner).status == WorkflowState.STATUS_IN_PROGRESS
    client.logout()
    assert public_names(client) == ["Ancien nom"]
    assert public_names(client, INDEX_EN) == ["Old name"]

    approve(client, manager, partner)
    partner.refresh_from_db()
    assert (partner.name_fr, partner.name_en) == ("Nouveau nom", "New name")
    client.logout()
    assert public_names(client) == ["Nouveau nom"]
    assert public_names(client, INDEX_EN) == ["New name"]


def test_editor_cannot_publish_a_partner(client, editor, partner):
    client.force_login(editor)
    edit_url = reverse(f"{ADMIN}:edit", args=[partner.pk])
    assert "action-publish" not in client.get(edit_url).content.decode()
    response = client.post(
        edit_url, partner_data(partner, name_fr="Publié ?", **{"action-publish": "action-publish"})
    )
    assert response.status_code == 302  # saved as a draft: only publishing was refused
    partner.refresh_from_db()
    assert partner.name_fr == "Ancien nom"
    assert partner.get_latest_revision_as_object().name_fr == "Publié ?"
    client.logout()
    assert public_names(client) == ["Ancien nom"]


def test_manager_publishes_directly(client, manager, partner):
    client.force_login(manager)
    response = client.post(
        reverse(f"{ADMIN}:edit", args=[partner.pk]),
        partner_data(partner, name_fr="Publié", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.name_fr == "Publié"
    client.logout()
    assert public_names(client) == ["Publié"]


def news_filter_partners(client):
    soup = soup_of(client.get("/fr/actualites/"))
    return [option.get_text() for option in soup.select("select[name=partner] option")]


def test_a_partner_created_by_an_editor_waits_for_approval(
    client, editor, manager, partnership_index, news_index
):
    client.force_login(editor)
    response = client.post(
        reverse(f"{ADMIN}:add"),
        partner_data(name_fr="Tout nouveau", acronym_fr="TN", **SUBMIT),
    )
    assert response.status_code == 302
    created = Partner.objects.get(name_fr="Tout nouveau")
    assert not created.live
    client.logout()
    assert "Tout nouveau" not in public_names(client)
    assert "Tout nouveau" not in news_filter_partners(client)

    approve(client, manager, created)
    created.refresh_from_db()
    assert created.live
    client.logout()
    assert "Tout nouveau" in public_names(client)
    assert "Tout nouveau" in news_filter_partners(client)


def test_preview_of_a_partner_renders(client, editor, partner):
    client.force_login(editor)
    preview_url = reverse(f"{ADMIN}:preview_on_edit", args=[partner.pk])
    response = client.post(preview_url, partner_data(partner, name_fr="Nom en aperçu"))
    assert response.status_code == 200
    assert response.json()["is_valid"]
    soup = soup_of(client.get(preview_url))
    assert soup.h1.get_text() == "Nom en aperçu"
    assert "Nom en aperçu" in soup.select_one(".partner__name").get_text()
    client.logout()
    assert public_names(client) == ["Ancien nom"]


def test_a_partner_in_moderation_is_locked_for_editors(client, editor, manager, partner):
    client.force_login(editor)
    client.post(
        reverse(f"{ADMIN}:edit", args=[partner.pk]),
        partner_data(partner, name_fr="Nouveau nom", **SUBMIT),
    )
    partner.refresh_from_db()
    assert partner.get_lock() is not None
    assert partner.get_lock().for_user(editor)
    assert not partner.get_lock().for_user(manager)


def test_a_partner_waiting_for_approval_is_shown_nowhere(client, home, partnership_index, news_index):
    import datetime

    from events.models import EventPartner
    from partnerships.models import ConventionPartner
    from tests.events.factories import EventIndexPageFactory, EventPageFactory
    from tests.partnerships.factories import ConventionPageFactory

    shown = PartnerFactory(name="Publié", name_fr="Publié", acronym="PUB", acronym_fr="PUB")
    hidden = PartnerFactory(
        name="En attente", name_fr="En attente", acronym="ATT", acronym_fr="ATT", live=False
    )
    convention = ConventionPageFactory(parent=partnership_index)
    for order, partner in enumerate([shown, hidden]):
        ConventionPartner.objects.create(page=convention, partner=partner, sort_order=order)
    convention.body_fr = [
        {"type": "partner_logos", "value": {"heading": "Logos", "partners": [shown.pk, hidden.pk]}}
    ]
    convention.save_revision().publish()
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), start_date=datetime.date(2018, 9, 6))
    for order, partner in enumerate([shown, hidden]):
        EventPartner.objects.create(page=event, partner=partner, sort_order=order)
    event.save_revision().publish()

    index = soup_of(client.get(INDEX_FR)).get_text()
    convention_page = soup_of(client.get(convention.url)).get_text()
    event_page = soup_of(client.get(event.url)).get_text()
    assert "Publié" in index and "PUB" in convention_page and "Publié" in event_page
    for text in (index, convention_page, event_page, " ".join(news_filter_partners(client))):
        assert "En attente" not in text and "ATT" not in text
