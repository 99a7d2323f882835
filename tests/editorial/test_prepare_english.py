"""« Préparer la version anglaise »: the French blocks copied into the empty English content."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from tests.core.factories import ContentPageFactory

FRENCH_BLOCKS = [
    ("paragraph", "<p>Premier paragraphe.</p>"),
    ("heading", {"text": "Un titre", "level": "h2", "anchor": ""}),
    ("paragraph", "<p>Second paragraphe.</p>"),
]


@pytest.fixture
def page(home):
    page = ContentPageFactory(parent=home, title="Convention", body_fr=FRENCH_BLOCKS, body_en=[])
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def prepare_url(page):
    return reverse("prepare_english", args=[page.pk])


def latest(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object()


def test_the_editor_offers_the_action_and_a_confirmation(client, editor, page):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert prepare_url(page) in edit and "Préparer la version anglaise" in edit
    confirmation = client.get(prepare_url(page))
    assert confirmation.status_code == 200
    assert "Contenu" in confirmation.content.decode()
    assert len(latest(page).body_en.raw_data) == 0  # a GET changes nothing


def test_one_post_copies_the_french_blocks_into_a_draft_and_logs_it(client, editor, page):
    client.force_login(editor)
    response = client.post(prepare_url(page))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = latest(page)
    french, english = list(draft.body_fr.raw_data), list(draft.body_en.raw_data)
    assert [(b["type"], b["value"]) for b in english] == [(b["type"], b["value"]) for b in french]
    assert {b["id"] for b in english}.isdisjoint({b["id"] for b in french})
    # Visitors still read the live page, whose English falls back to French.
    assert len(Page.objects.get(pk=page.pk).specific.body_en.raw_data) == 0
    entry = PageLogEntry.objects.filter(page=page, action="optnc.prepare_english").get()
    assert entry.user == editor
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Version anglaise préparée à partir du français" in history


def test_english_already_there_is_never_overwritten(client, editor, page):
    client.force_login(editor)
    draft = latest(page)
    draft.body_en = [("paragraph", "<p>English already written.</p>")]
    draft.save_revision(user=editor)
    client.post(prepare_url(page))
    assert [b["value"] for b in latest(page).body_en.raw_data] == ["<p>English already written.</p>"]
    assert not PageLogEntry.objects.filter(page=page, action="optnc.prepare_english").exists()


def test_it_needs_csrf_and_the_right_to_edit(editor, page, django_user_model):
    strict = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    strict.force_login(editor)
    assert strict.post(prepare_url(page)).status_code == 403
    assert len(latest(page).body_en.raw_data) == 0

    outsider = django_user_model.objects.create_user("lecteur", password="x" * 20)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(outsider)
    # Wagtail answers a refused admin action with a redirect to the dashboard and a message.
    for response in (client.get(prepare_url(page)), client.post(prepare_url(page))):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert len(latest(page).body_en.raw_data) == 0
