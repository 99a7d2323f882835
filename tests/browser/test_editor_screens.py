"""The page editor in Chromium: the FR / EN toggle hides no field of the chosen language, and
opening an editor without touching it saves nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Page, Revision

from optnc_site.core.roles import EDITORS

from .conftest import log_in

PASSWORD = "une-phrase-de-passe-assez-longue"


@pytest.fixture(scope="module")
def editor_user(site, django_db_blocker):
    """Committed outside the test's transaction, for the live server; removed afterwards."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user("redactrice-ecrans", password=PASSWORD)
        user.groups.add(Group.objects.get(name=EDITORS))
    yield user
    with django_db_blocker.unblock():
        user.delete()


@pytest.fixture
def editor(visit, site, editor_user):
    return log_in(visit, site, editor_user.username, PASSWORD)


def test_english_only_shows_every_english_field_and_the_untranslated_ones(editor, site):
    event = Page.objects.get(slug_fr="conference-apnic-46")
    editor.goto(f"{site}/admin/pages/{event.pk}/edit/")
    editor.locator("button.locale-toggle", has_text="en").click()
    editor.locator("button.locale-toggle", has_text="fr").click()
    # The image panel holds the image (one for both languages) and its alt text in each.
    expect(editor.locator("#panel-child-contenu-image-section")).to_be_visible()
    expect(editor.locator("#id_image-chooser")).to_be_visible()
    expect(editor.locator("#id_image_alt_en")).to_be_visible()
    expect(editor.locator("#id_image_alt_fr")).to_be_hidden()
    # The venue panel too: English place and city, French ones hidden.
    expect(editor.locator("#id_place_en")).to_be_visible()
    expect(editor.locator("#id_city_en")).to_be_visible()
    expect(editor.locator("#id_place_fr")).to_be_hidden()
    expect(editor.locator("#id_title_en")).to_be_visible()
    expect(editor.locator("#id_title_fr")).to_be_hidden()
    # And back to French only.
    editor.locator("button.locale-toggle", has_text="fr").click()
    editor.locator("button.locale-toggle", has_text="en").click()
    expect(editor.locator("#id_image_alt_fr")).to_be_visible()
    expect(editor.locator("#id_image_alt_en")).to_be_hidden()


def test_opening_the_openness_page_editor_and_leaving_saves_nothing(editor, site):
    openness = Page.objects.get(slug_fr="s-engager-dans-une-politique-d-ouverture")
    before = Revision.page_revisions.filter(object_id=str(openness.pk)).count()
    editor.goto(f"{site}/admin/pages/{openness.pk}/edit/")
    expect(
        editor.locator("#panel-child-contenu-body_fr-section [contenteditable=true]").first
    ).to_be_visible()
    # Autosave runs half a second after a change: leave it ample time to find one.
    editor.wait_for_timeout(3000)
    editor.goto(f"{site}/admin/")
    assert Revision.page_revisions.filter(object_id=str(openness.pk)).count() == before
    assert not Page.objects.get(pk=openness.pk).has_unpublished_changes
