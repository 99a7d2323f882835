"""Every page type's add and edit forms, posted as the admin posts them, with good and bad values.

The form data is read from the editor's own HTML (inputs, selects, textareas, formset
management fields), as a browser would submit it; StreamFields, which Wagtail's script
builds in the browser, are posted empty. A bad value must come back as the same form with a
French message on the field concerned, never as a server error.
"""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from optnc_site.core.models import BasePage

PAGE_MODELS = sorted(
    (model for model in get_page_models() if issubclass(model, BasePage)), key=lambda m: m._meta.label
)


def form_values(form):
    """The name/value pairs a browser submits for ``form`` as it stands."""
    data = {}
    for control in form.select("input[name], select[name], textarea[name]"):
        name = control["name"]
        if control.name == "textarea":
            data[name] = control.get_text()
        elif control.name == "select":
            selected = control.select_one("option[selected]") or control.select_one("option")
            data[name] = selected.get("value", selected.get_text()) if selected else ""
        elif control.get("type") in ("checkbox", "radio"):
            if control.has_attr("checked"):
                data[name] = control.get("value", "on")
        elif control.get("type") not in ("submit", "button", "file"):
            data[name] = control.get("value", "")
    return data


def form_data(response, model, **overrides):
    """What the editor's form would post unchanged, plus ``overrides``."""
    soup = BeautifulSoup(response.content, "html.parser")
    data = form_values(soup.find("form", action=response.request["PATH_INFO"]))
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    data.update(overrides)
    return data


def field_errors(response):
    """{field name: message} of the errors the form shows next to its fields."""
    soup = BeautifulSoup(response.content, "html.parser")
    errors = {}
    for wrapper in soup.select(".w-field--error, [data-field-wrapper].w-field--error"):
        control = wrapper.select_one("[name]")
        message = wrapper.select_one(".error-message")
        if control is not None and message is not None:
            errors[control["name"]] = message.get_text(" ", strip=True)
    return errors


def creatable_parent(model):
    for parent in Page.objects.filter(depth__gte=1).specific().order_by("path"):
        if model.can_create_at(parent):
            return parent
    return None


@pytest.fixture
def editor_client(client, editor, demo_content):
    client.force_login(editor)
    return client


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_edit_form_saves_and_refuses_bad_values_in_french(editor_client, model):
    page = model.objects.order_by("path").first()
    assert page is not None, f"the demo content has no {model.__name__}"
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = editor_client.get(url)
    assert response.status_code == 200

    bad = editor_client.post(url, form_data(response, model, title_fr=""))
    assert bad.status_code == 200
    assert field_errors(bad).get("title_fr") == "Champ requis."

    good = editor_client.post(url, form_data(response, model, title_en="Checked title"))
    assert good.status_code == 302, field_errors(good)
    assert Page.objects.get(pk=page.pk).get_latest_revision().as_object().title_en == "Checked title"


@pytest.mark.parametrize(
    "model",
    [model for model in PAGE_MODELS if model.max_count is None],
    ids=lambda model: model.__name__,
)
def test_add_form_creates_a_draft_and_refuses_a_duplicate_address(editor_client, model):
    parent = creatable_parent(model)
    assert parent is not None
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    values = {"title_fr": "Nouvelle page", "slug_fr": "nouvelle-page", "title_en": "", "slug_en": ""}
    good = editor_client.post(url, form_data(response, model, **values))
    assert good.status_code == 302, field_errors(good)
    created = model.objects.child_of(parent).get(slug_fr="nouvelle-page")
    assert not created.live

    # The same address again, under the same parent: the message stands on both languages'
    # slugs, since the English address falls back to the French one.
    duplicate = editor_client.post(url, form_data(response, model, **values))
    assert duplicate.status_code == 200
    errors = field_errors(duplicate)
    assert "autre page au même endroit" in errors.get("slug_fr", ""), errors
    assert "autre page au même endroit" in errors.get("slug_en", ""), errors


@pytest.mark.parametrize(
    "app_label, model_name", [("events", "eventpage"), ("partnerships", "newsarticlepage")]
)
def test_an_image_without_its_alt_text_is_refused_on_the_field(editor_client, app_label, model_name):
    image = wagtail_factories.ImageFactory()
    page = Page.objects.filter(content_type__app_label=app_label, content_type__model=model_name).first()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    model = page.specific_class
    response = editor_client.get(url)
    data = form_data(response, model, image=str(image.pk), image_alt_fr="", image_alt_en="")
    for action in ({}, {"action-submit": "Soumettre"}):
        refused = editor_client.post(url, {**data, **action})
        assert refused.status_code == 200
        assert field_errors(refused).get("image_alt_fr") == "Décrivez l'image pour qui ne la voit pas."
    # Autosave and preview answer with the errors too, never a server error.
    preview = editor_client.post(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), data)
    assert preview.status_code == 200 and preview.json()["is_valid"] is False
    saved = editor_client.post(url, {**data, "image_alt_fr": "La salle de conférence"})
    assert saved.status_code == 302


def test_publishing_checks_sibling_addresses_in_constant_queries(django_assert_max_num_queries, home):
    """The duplicate-address check costs the same among 2 or 40 siblings (no sibling loaded)."""
    from tests.core.factories import ContentPageFactory

    def clean_queries():
        page = ContentPageFactory.build(title="Dernière", slug="derniere", slug_fr="derniere")
        home.add_child(instance=page)
        with django_assert_max_num_queries(50) as captured:
            page.full_clean()
        return len(captured)

    ContentPageFactory.create_batch(2, parent=home)
    few = clean_queries()
    ContentPageFactory.create_batch(38, parent=home)
    Page.objects.filter(slug="derniere").delete()
    assert clean_queries() == few


def test_demo_rich_text_is_what_the_editor_writes_back(demo_content):
    """Opening an editor and leaving it saves nothing: Draftail's round trip changes no text."""
    from optnc_site.core.demo import editor_form

    checked = 0
    for page in Page.objects.filter(depth__gte=2).specific():
        fields = {
            field.name: list(getattr(page, field.name).raw_data)
            for field in page._meta.get_fields()
            if isinstance(field, StreamField)
        }
        # Same conversion, paths that give other keys: only keys the text already has survive.
        assert editor_form(page, fields, "another place") == fields, page
        checked += 1
    assert checked >= 20


def test_partner_forms_save_and_refuse_bad_values_in_french(editor_client):
    from partnerships.models import Partner

    add_url = reverse("wagtailsnippets_partnerships_partner:add")
    response = editor_client.get(add_url)
    values = {"name_fr": "Fibre Calédonie", "category": "local_digital", "website": "https://example.nc/"}
    bad = editor_client.post(
        add_url, form_data(response, Partner, **{**values, "website": "pas une adresse"})
    )
    assert bad.status_code == 200
    assert field_errors(bad).get("website") == "Saisissez une URL valide."
    good = editor_client.post(add_url, form_data(response, Partner, **values))
    assert good.status_code == 302, field_errors(good)
    partner = Partner.objects.get(name_fr="Fibre Calédonie")

    edit_url = reverse("wagtailsnippets_partnerships_partner:edit", args=[partner.pk])
    response = editor_client.get(edit_url)
    # A draft may stay incomplete (Wagtail defers required fields); submitting it may not.
    bad = editor_client.post(
        edit_url, form_data(response, Partner, name_fr="", **{"action-submit": "Soumettre"})
    )
    assert bad.status_code == 200 and field_errors(bad).get("name_fr") == "Champ requis."
    good = editor_client.post(edit_url, form_data(response, Partner, description_fr="Un opérateur."))
    assert good.status_code == 302, field_errors(good)


def test_site_settings_form_saves_and_refuses_a_bad_address(client, manager, demo_content):
    from optnc_site.core.models import SiteIdentity

    client.force_login(manager)
    site = Page.objects.get(depth=2).get_site()
    url = reverse("wagtailsettings:edit", args=["core", "siteidentity", site.pk])
    response = client.get(url)
    assert response.status_code == 200
    bad = client.post(url, form_data(response, SiteIdentity, email="pas-une-adresse"))
    assert bad.status_code == 200
    assert field_errors(bad).get("email") == "Saisissez une adresse de courriel valide."
    good = client.post(url, form_data(response, SiteIdentity, phone="+687 00 00 00"))
    assert good.status_code == 302, field_errors(good)
    assert SiteIdentity.for_site(site).phone == "+687 00 00 00"
