"""The guide's main journey, in Chromium, as a Rédacteur and a Responsable communication.

Write in French, prepare and translate the English, preview both, submit, request changes,
resubmit, approve with a publication date, see it live in both languages, unpublish. Every
request stays on the site's own host (the ``visit`` fixture).
"""

import datetime
import os
import re
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page, Revision

from optnc_site.core.roles import EDITORS, MANAGERS

from .conftest import ROOT, log_in

PASSWORD = "une-phrase-de-passe-assez-longue"
TITLE_FR = "Journée portes ouvertes"
TITLE_EN = "Open day"


@pytest.fixture(scope="module")
def team(site, django_db_blocker):
    """A Rédacteur and a Responsable, committed for the live server; removed afterwards.

    Module-scoped, so made outside the test's transaction: the live server's own database
    connection must see them, and the test writes nothing itself while the server does.
    """
    with django_db_blocker.unblock():
        users = {}
        for username, group in (("redactrice-parcours", EDITORS), ("responsable-parcours", MANAGERS)):
            user = get_user_model().objects.create_user(
                username, email=f"{username}@example.nc", password=PASSWORD, first_name=username
            )
            user.groups.add(Group.objects.get(name=group))
            users[group] = user
        parent = Page.objects.get(depth=3, slug_fr="nous-connaitre")
    yield users, parent
    with django_db_blocker.unblock():
        for page in Page.objects.child_of(parent).filter(slug_fr="journee-portes-ouvertes"):
            page.delete()
        for user in users.values():
            user.delete()


def type_in_block(page, field, text):
    """Type into the first paragraph of a StreamField, replacing what it holds."""
    editor = page.locator(f"#panel-child-contenu-{field}-section [contenteditable=true]").first
    editor.focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)
    expect(editor).to_have_text(text)
    # Draftail writes its hidden input a moment after the last key (debounced).
    editor.blur()
    page.wait_for_timeout(600)


def save_menu_action(page, name):
    """Click an action of the editor's footer menu (« Plus d'actions »)."""
    button = page.locator(f"footer button[name='{name}']")
    if not button.is_visible():
        page.get_by_role("button", name="Plus d'actions").click()
    button.click()


def workflow_action(page, label, comment=None):
    """A workflow action of the footer menu; with a comment, through its dialog."""
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name=re.compile(f"^{label}$", re.IGNORECASE)).click()
    if comment is not None:
        dialog = page.locator(".modal.in")
        dialog.locator("textarea").fill(comment)
        with page.expect_navigation():
            dialog.get_by_role("button", name=re.compile(label, re.IGNORECASE)).click()
    page.wait_for_load_state("networkidle")


def preview_both_languages(page, site, page_id):
    """Open the preview panel (it sends the form), then read each language's preview."""
    page.locator("[data-side-panel-toggle=preview]").click()
    expect(page.locator("#id_preview_mode")).to_have_value("fr")
    page.frame_locator("[data-side-panel=preview] iframe").last.locator("html[lang=fr]").wait_for(
        state="attached"
    )
    titles = {}
    tab = page.context.new_page()
    for mode in ("fr", "en"):
        tab.goto(f"{site}/admin/pages/{page_id}/edit/preview/?mode={mode}")
        assert tab.locator("html").get_attribute("lang") == mode
        titles[mode] = tab.locator("h1").inner_text()
    tab.close()
    return titles


def run_scheduler_after(revision):
    """The scheduler's run once the date has come, with the approved date moved to the past
    rather than waiting two hours (in the revision's content too, as the clock would have).

    On PostgreSQL, in a process of its own, as bin/scheduler runs: this test's own connection
    is inside its transaction and must not hold locks the live server waits for. SQLite's
    in-memory test database is one connection shared with the live server: run it here.
    """
    past = timezone.now() - datetime.timedelta(seconds=1)
    if connection.vendor == "sqlite":
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
        call_command("publish_scheduled", verbosity=0)
        return
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    script = (
        "import datetime; from django.core.management import call_command; "
        "from wagtail.models import Revision; "
        f"past = datetime.datetime.fromisoformat('{past.isoformat()}'); "
        f"revision = Revision.objects.get(pk={revision.pk}); "
        "revision.content['go_live_at'] = past.isoformat(); revision.approved_go_live_at = past; "
        "revision.save(update_fields=['content', 'approved_go_live_at']); "
        "call_command('publish_scheduled', verbosity=0)"
    )
    environment = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "optnc_site.settings.test"}
    command = [sys.executable, "manage.py", "shell", "-c", script]
    subprocess.run(command, check=True, env=environment, cwd=ROOT)


def test_write_translate_review_schedule_publish_unpublish(visit, site, team):
    users, parent = team
    editor = log_in(visit, site, users[EDITORS].username, PASSWORD)

    # Write in French and save a draft.
    editor.goto(f"{site}/admin/pages/add/core/contentpage/{parent.pk}/")
    editor.fill("#id_title_fr", TITLE_FR)
    editor.locator("#id_title_fr").blur()
    expect(editor.locator("#id_slug_fr")).to_have_value("journee-portes-ouvertes")
    editor.fill("#id_intro_fr", "Le bureau de poste ouvre ses coulisses au public.")
    editor.click("#panel-child-contenu-body_fr-section .c-sf-add-button")
    editor.get_by_role("option", name="Paragraphe").first.click()
    type_in_block(editor, "body_fr", "Visite des centres de tri et du plateau technique.")
    editor.get_by_role("button", name="Enregistrer le brouillon").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page_id = int(re.search(r"/pages/(\d+)/edit/", editor.url)[1])

    # Prepare the English from the French blocks, then translate in place.
    editor.goto(f"{site}/admin/pages/{page_id}/preparer-anglais/")
    editor.get_by_role("button", name="Copier les blocs français").click()
    editor.wait_for_url(f"{site}/admin/pages/{page_id}/edit/")
    assert "Version anglaise préparée" in editor.locator(".messages").inner_text()
    # Show the English fields only (the FR / EN toggle), to translate.
    editor.locator("button.locale-toggle", has_text="en").click()
    editor.locator("button.locale-toggle", has_text="fr").click()
    expect(editor.locator("#id_title_fr")).to_be_hidden()
    english = editor.locator("#panel-child-contenu-body_en-section [contenteditable=true]").first
    assert "Visite des centres de tri" in english.inner_text()
    editor.fill("#id_title_en", TITLE_EN)
    editor.locator("#id_title_en").blur()
    expect(editor.locator("#id_slug_en")).to_have_value("open-day")  # on the « Promotion » tab
    type_in_block(editor, "body_en", "A tour of the sorting centres and the technical platform.")
    editor.get_by_role("button", name="Enregistrer le brouillon").click()
    editor.wait_for_load_state()

    # Preview both languages.
    assert preview_both_languages(editor, site, page_id) == {"fr": TITLE_FR, "en": TITLE_EN}

    # Submit for validation.
    save_menu_action(editor, "action-submit")
    editor.wait_for_load_state()

    # The Responsable asks for a change.
    manager = log_in(visit, site, users[MANAGERS].username, PASSWORD)
    dashboard = manager.locator("main").inner_text()
    assert TITLE_FR in dashboard
    manager.goto(f"{site}/admin/pages/{page_id}/edit/")
    workflow_action(manager, "Demander des modifications", "Précisez la date de la journée.")

    # The Rédacteur reads the comment, corrects and resubmits.
    editor.goto(f"{site}/admin/pages/{page_id}/edit/")
    assert "Précisez la date de la journée." in editor.locator(".messages").inner_text()
    editor.fill("#id_intro_fr", "Le samedi, le bureau de poste ouvre ses coulisses au public.")
    # The publication date, in the « Statut » side panel, as the guide says.
    go_live = timezone.localtime() + datetime.timedelta(hours=2)
    editor.locator("[data-side-panel-toggle=status]").click()
    editor.get_by_role("button", name="Programmer").click()
    go_live_field = editor.locator("#schedule-publishing-dialog input[name=go_live_at]")
    go_live_field.fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # The date picker stays open over the dialog's button: press it as a keyboard user would.
    with editor.expect_navigation():
        editor.get_by_role("button", name="Enregistrer la programmation").press("Enter")
    save_menu_action(editor, "action-submit")
    editor.wait_for_load_state()

    # The Responsable approves; the page goes live at its scheduled time.
    manager.goto(f"{site}/admin/pages/{page_id}/edit/")
    workflow_action(manager, "Approuver et publier")
    manager.wait_for_url(re.compile(r"/admin/"))
    page = Page.objects.get(pk=page_id)
    assert not page.live, "scheduled, not yet live"
    revision = Revision.page_revisions.get(object_id=str(page_id), approved_go_live_at__isnull=False)
    assert revision.approved_go_live_at > timezone.now()
    run_scheduler_after(revision)
    assert Page.objects.get(pk=page_id).live

    visitor = visit(viewport={"width": 390, "height": 800}).page
    visitor.goto(f"{site}/fr/nous-connaitre/journee-portes-ouvertes/")
    assert visitor.locator("h1").inner_text() == TITLE_FR
    visitor.goto(f"{site}/en/getting-know-us/open-day/")
    assert visitor.locator("h1").inner_text() == TITLE_EN

    # Unpublish.
    manager.goto(f"{site}/admin/pages/{page_id}/unpublish/")
    manager.get_by_role("button", name="Oui, la dépublier").click()
    manager.wait_for_load_state()
    response = visitor.goto(f"{site}/fr/nous-connaitre/journee-portes-ouvertes/")
    assert response.status == 404
