"""The admin works under its Content-Security-Policy: the screens and widgets an editor uses,
opened in Chromium. The `visit` fixture fails the test on any CSP violation (and on any
console complaint about the security headers); the other admin tests add their screens."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Page

from optnc_site.core.roles import EDITORS

from .conftest import log_in

PASSWORD = "une-phrase-de-passe-assez-longue"


@pytest.fixture(scope="module")
def csp_editor(site, django_db_blocker):
    """Committed outside the test's transaction, for the live server; removed afterwards."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user("redactrice-csp", password=PASSWORD)
        user.groups.add(Group.objects.get(name=EDITORS))
    yield user
    with django_db_blocker.unblock():
        user.delete()


def test_an_editors_screens_and_widgets_break_no_policy(visit, site, csp_editor):
    page = log_in(visit, site, csp_editor.username, PASSWORD)
    event = Page.objects.get(slug_fr="conference-apnic-46")
    screens = ("/admin/", f"/admin/pages/{event.get_parent().pk}/", "/admin/snippets/partnerships/partner/")
    for path in screens:
        assert page.goto(site + path, wait_until="networkidle").status == 200, path

    page.goto(f"{site}/admin/pages/{event.pk}/edit/", wait_until="networkidle")
    # The image chooser's modal.
    page.locator("#id_image-chooser .w-dropdown__toggle").click()
    page.locator("#id_image-chooser [data-chooser-action-choose]:visible").first.click()
    modal = page.locator(".modal.in")
    expect(modal.locator(".image-choice, [data-chooser-modal-choice]").first).to_be_visible()
    modal.get_by_role("button", name="Fermer").click()
    expect(modal).to_have_count(0)
    # The date picker (an inline script of Wagtail's widget).
    page.locator("#id_start_date").click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    page.keyboard.press("Escape")
    # A new paragraph, written in Draftail, in bold.
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraphe").first.click()
    editor = page.locator("[contenteditable=true]").first
    editor.click()
    page.keyboard.press("Control+b")
    page.keyboard.type("Essai")
    expect(editor.locator("strong, [style*=bold]", has_text="Essai").first).to_be_attached()
    # The preview panel, framed by the admin.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("[data-side-panel=preview] iframe").last
    expect(preview.locator("h1").first).to_have_text(event.title_fr)

    # A public page, signed in: the userbar (scripts, styles and accessibility checks).
    page.goto(site + event.url, wait_until="networkidle")
    page.locator("wagtail-userbar button").first.click()
    expect(page.locator("wagtail-userbar [role=menu]").first).to_be_visible()
