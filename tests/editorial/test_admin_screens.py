"""Every admin screen the team uses opens: each page type's editor, snippets, settings."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

from partnerships.models import Partner


def test_every_page_editor_opens_for_a_manager(client, manager, demo_content):
    client.force_login(manager)
    pages = Page.objects.filter(depth__gte=2).specific()
    seen = set()
    for page in pages:
        if type(page) in seen:
            continue
        seen.add(type(page))
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, type(page)
        # Fields come in both languages, side by side.
        body = response.content.decode()
        assert 'name="title_fr"' in body and 'name="title_en"' in body
    # The demo site holds a page of each type.
    assert seen == {model for model in get_page_models() if model.is_creatable}


def test_add_screens_open_for_each_allowed_type(client, editor, demo_content):
    client.force_login(editor)
    opened = set()
    for parent in Page.objects.filter(depth__in=[2, 3]).specific():
        for model in parent.specific_class.creatable_subpage_models():
            url = reverse(
                "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
            )
            response = client.get(url)
            if model.can_create_at(parent):
                assert response.status_code == 200, (parent, model)
                opened.add(model)
            else:  # one of a kind, and already there: back to the dashboard
                assert (response.status_code, response.get("Location")) == (
                    302,
                    reverse("wagtailadmin_home"),
                ), (parent, model)
    # Each page type an editor may add again was opened under one of its parents.
    assert opened == {model for model in get_page_models() if model.is_creatable and model.max_count is None}


def test_partner_snippet_editor_opens(client, editor, demo_content):
    client.force_login(editor)
    partner = Partner.objects.first()
    assert (
        client.get(reverse("wagtailsnippets_partnerships_partner:edit", args=[partner.pk])).status_code == 200
    )
    listing = client.get(reverse("wagtailsnippets_partnerships_partner:list"))
    assert listing.status_code == 200 and partner.name in listing.content.decode()


@pytest.mark.parametrize("url_name", ["wagtailadmin_home", "wagtailimages:index", "wagtaildocs:index"])
def test_everyday_screens_open_for_an_editor(client, editor, url_name):
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == 200


def test_admin_is_french_even_for_an_english_browser(client, editor, draft):
    from tests.editorial.conftest import page_form_data

    assert not hasattr(editor, "wagtail_userprofile")  # Wagtail's own language switch not set
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="fr"' in response.content.decode()
    # Saving from that browser still writes French into Wagtail's raw columns.
    data = page_form_data(draft, title_fr="Titre français", title_en="English title")
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.post(edit, data, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert (response.status_code, response.get("Location")) == (302, edit)
    draft.refresh_from_db()
    revision = draft.get_latest_revision()
    assert revision.content["title"] == "Titre français"


def test_language_toggles_are_labelled_in_french(client, manager, demo_content):
    client.force_login(manager)
    page = Page.objects.get(slug_fr="nous-connaitre")
    body = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Afficher et modifier les champs en" in body
