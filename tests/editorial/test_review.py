"""Reviewing: the Responsable compares the submission with the live page; the author reads the comment."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.core.factories import ContentPageFactory

from .conftest import page_form_data


@pytest.fixture
def live_page(home):
    page = ContentPageFactory(parent=home, title="Convention avec la CCI", slug="convention-cci")
    page.save_revision().publish()
    return page


def submit_change(client, editor, page):
    client.force_login(editor)
    data = page_form_data(
        page, title_fr="Convention signée avec la CCI", **{"action-submit": "action-submit"}
    )
    assert client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302
    return WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def compare_with_live_url(page):
    page.refresh_from_db()
    return reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", page.latest_revision_id])


def test_the_mail_and_the_dashboard_lead_to_the_changes_against_the_live_page(
    client, editor, manager, live_page
):
    mail.outbox.clear()
    submit_change(client, editor, live_page)
    url = compare_with_live_url(live_page)
    to_manager = [message for message in mail.outbox if manager.email in message.to]
    assert to_manager, "the managers are told"
    assert url in to_manager[0].body

    client.force_login(manager)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in dashboard
    comparison = BeautifulSoup(client.get(url).content, "html.parser").get_text(" ")
    # The comparison shows what the submission changes: the live title, then the new one.
    assert re.search(r"Convention\s+(signée\s+)?avec la CCI", comparison)
    assert "signée" in comparison


def test_the_author_reads_the_reviewers_comment_at_the_top_of_the_editor(client, editor, manager, live_page):
    state = submit_change(client, editor, live_page)
    client.force_login(manager)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[live_page.pk, "reject", state.current_task_state.pk]
        ),
        {"comment": "Merci d’ajouter la date de signature."},
    )
    client.force_login(editor)
    soup = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[live_page.pk])).content, "html.parser"
    )
    messages = [item.get_text(" ", strip=True) for item in soup.select(".messages li")]
    assert any(
        "Modifications demandées" in text and "Merci d’ajouter la date de signature." in text
        for text in messages
    ), messages
