"""A Rédacteur in Chromium: the admin in French, asking no other host than the site.

The editor signs in through the real login page, with a browser that prefers English, and
opens the screens of a working day. The `visit` fixture fails the test if any of them asked
another host (gravatar.com was one). The words looked for are those of
tests/editorial/test_admin_french.py, in the text the browser shows once the admin's
scripts have run, without what editors wrote (rich text, English fields).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Page, PageLogEntry

from optnc_site.core.roles import EDITORS
from tests.editorial.test_admin_french import ENGLISH, SLUG, TITLE, WORD

USERNAME = "redactrice-navigateur"
PASSWORD = "une-phrase-de-passe-longue"

# What editors wrote, left out of the text looked at: rich text, text areas, the English
# version's fields, and the summaries of content in StreamField blocks and the minimap.
EDITORS_CONTENT = ", ".join(
    [
        "script, style, template, textarea",
        '[contenteditable="true"]',
        ".c-sf-block__title",
        ".w-minimap-item__text",
        '[data-contentpath$="_en"]',
    ]
)
# The text the browser shows (visible elements), without ``skipped``.
SHOWN_TEXT = """(skipped) => {
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        if (!element || !element.checkVisibility({ visibilityProperty: true })) continue;
        if (element.closest(skipped)) continue;
        parts.push(walker.currentNode.textContent);
    }
    return parts.join(' ').replace(/\\s+/g, ' ');
}"""


@pytest.fixture(scope="module")
def editor_account(site, django_db_blocker):
    """A Rédacteur the live server knows: committed before the test's own transaction opens
    (what a test writes stays in that transaction, which the server's thread never sees),
    and removed afterwards with what the server recorded for it."""
    from axes.models import AccessAttempt, AccessLog

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(
            username=USERNAME,
            email=f"{USERNAME}@example.nc",
            password=PASSWORD,
            first_name="Rédactrice",
            last_name="Navigateur",
        )
        user.groups.add(Group.objects.get(name=EDITORS))
    yield user
    with django_db_blocker.unblock():
        for page in Page.objects.filter(owner=user):
            page.delete()
        PageLogEntry.objects.filter(user=user).delete()
        AccessLog.objects.filter(username=USERNAME).delete()
        AccessAttempt.objects.filter(username=USERNAME).delete()
        user.delete()


def english_shown(page):
    text = page.evaluate(SHOWN_TEXT, EDITORS_CONTENT)
    found = {}
    for match in WORD.finditer(text):
        if match[0] in ENGLISH and match[0] not in found:
            found[match[0]] = text[max(0, match.start() - 60) : match.end() + 60]
    return found


def open_screen(page, url):
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    assert not english_shown(page), f"{url}: {english_shown(page)}"


def sign_in(page, site):
    page.goto(f"{site}/admin/login/", wait_until="networkidle")
    assert "Mot de passe" in page.evaluate(SHOWN_TEXT, EDITORS_CONTENT)
    assert not english_shown(page)
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/admin/", wait_until="networkidle")


def test_a_day_in_the_admin_in_french(visit, site, editor_account):
    openness = Page.objects.get(url_path_fr__endswith="/s-engager-dans-une-politique-d-ouverture/")
    home = openness.get_ancestors().get(depth=2)
    page = visit(locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"}).page
    sign_in(page, site)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert not english_shown(page)
    for url in (
        f"{site}/admin/pages/{home.pk}/",
        f"{site}/admin/pages/{openness.pk}/edit/",
        f"{site}/admin/pages/{openness.pk}/history/",
    ):
        open_screen(page, url)
    # The status side panel, opened as an editor opens it.
    page.goto(f"{site}/admin/pages/{openness.pk}/edit/", wait_until="networkidle")
    page.click('[data-side-panel-toggle="status"]')
    page.wait_for_selector('[data-side-panel="status"]:not([hidden])')
    assert not english_shown(page)
    # No avatar from gravatar.com (the visit fixture would also catch the request).
    assert "gravatar" not in page.content()


def test_a_french_title_gives_a_hyphenated_slug(visit, site, editor_account, settings):
    # Autosave would create the page as soon as the title is typed.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    home = Page.objects.get(depth=2)
    page = visit(locale="fr-FR").page
    sign_in(page, site)
    open_screen(page, f"{site}/admin/pages/add/core/contentpage/{home.pk}/")
    title = page.locator("#id_title_fr")
    title.click()
    title.press_sequentially(TITLE)
    title.press("Tab")
    # The title reaches the slug after the sync controller's debounce: expect() waits.
    expect(page.locator("#id_slug_fr")).to_have_value(SLUG)
    # Typed in the slug field itself (on the "Promotion" tab), the apostrophes become
    # hyphens when it is left.
    page.click("#tab-label-promotion")
    slug = page.locator("#id_slug_fr")
    slug.fill("")
    slug.press_sequentially("l’OPT-NC s'engage")
    slug.press("Tab")
    expect(slug).to_have_value("l-opt-nc-s-engage")
