"""The « Traductions manquantes » report: missing and out-of-date English, through the admin."""

import csv
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from wagtail.models import Page

from optnc_site.core.models import ContentPage
from optnc_site.core.translation_state import TranslationState
from optnc_site.core.wagtail_hooks import _closed_endpoint
from partnerships.models import Partner
from tests.core.factories import ContentPageFactory
from tests.partnerships.factories import PartnerFactory

from .conftest import page_form_data

REPORT = "missing_translations"


def report(client, **params):
    response = client.get(reverse(REPORT), params)
    assert response.status_code == 200
    return response.content.decode()


def rows(client, **params):
    """The report's CSV export, as dicts keyed by its French headings."""
    response = client.get(reverse(REPORT), {"export": "csv", **params})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def translated_page(home, **fields):
    values = {
        "title": "Tarifs",
        "title_fr": "Tarifs",
        "title_en": "Prices",
        "intro_fr": "Nos tarifs.",
        "intro_en": "Our prices.",
        **fields,
    }
    page = ContentPageFactory(parent=home, **values)
    page.save_revision().publish()
    return ContentPage.objects.get(pk=page.pk)


def admin_edit(client, page, **overrides):
    """Publish ``page`` through the admin's edit form, English fields kept unless overridden."""
    fields = {"intro_en": page.intro_en, "action-publish": "action-publish", **overrides}
    data = page_form_data(page, **fields)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def row_for(client, title):
    found = [row for row in rows(client) if row["Titre"] == title]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize("user", ["manager", "editor"])
def test_the_report_is_in_the_reports_menu_for_every_admin_user(client, user, request, home):
    client.force_login(request.getfixturevalue(user))
    home_page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in home_page and "Traductions manquantes" in home_page
    body = report(client)
    assert "Traductions manquantes" in body
    # The results URL, which Wagtail's filters and search refresh in place.
    assert client.get(reverse("missing_translations_results")).status_code == 200


def test_a_page_lacking_english_is_listed_until_its_english_is_filled(client, manager, home):
    page = translated_page(home, title_en="")
    client.force_login(manager)
    row = row_for(client, "Tarifs")
    assert row == {
        "Titre": "Tarifs",
        "Type": "page de contenu",
        "Champs concernés": "Titre",
        "Statut": "manquante",
        "Lien de modification": f"http://localhost{reverse('wagtailadmin_pages:edit', args=[page.pk])}",
    }
    body = report(client)
    assert "Tarifs" in body and "manquante" in body
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in body

    page.title_en = "Prices"
    page.save_revision().publish()
    assert row_for(client, "Tarifs") is None
    assert "Tarifs" not in report(client)


def test_french_changed_after_the_english_is_listed_as_out_of_date(client, manager, home):
    page = translated_page(home)
    client.force_login(manager)
    assert row_for(client, "Tarifs") is None

    admin_edit(client, page, intro_fr="Nos nouveaux tarifs.")
    row = row_for(client, "Tarifs")
    assert row["Statut"] == "à mettre à jour" and row["Champs concernés"] == "chapô"
    assert "à mettre à jour" in report(client)

    # Publishing again without touching the English leaves it to update; changing it settles it.
    page = ContentPage.objects.get(pk=page.pk)
    admin_edit(client, page)
    assert row_for(client, "Tarifs")["Statut"] == "à mettre à jour"
    admin_edit(client, page, intro_en="Our new prices.")
    assert row_for(client, "Tarifs") is None


def test_missing_and_out_of_date_fields_of_one_page_are_two_rows(client, manager, home):
    page = translated_page(home)
    page.title_en = ""
    page.intro_fr = "Nos tarifs changent."
    page.save_revision().publish()
    client.force_login(manager)
    found = {row["Statut"]: row["Champs concernés"] for row in rows(client) if row["Titre"] == "Tarifs"}
    assert found == {"manquante": "Titre", "à mettre à jour": "chapô"}
    assert [row["Titre"] for row in rows(client, status="outdated")] == ["Tarifs"]


def test_a_draft_does_not_count_until_it_is_published(client, manager, home):
    page = translated_page(home)
    page.intro_fr = "Des tarifs en préparation."
    page.save_revision()  # a draft: visitors still read the published French
    client.force_login(manager)
    assert row_for(client, "Tarifs") is None
    page.get_latest_revision().publish()
    assert row_for(client, "Tarifs")["Statut"] == "à mettre à jour"


def test_a_deleted_page_leaves_the_report(client, manager, home):
    page = translated_page(home, title_en="")
    client.force_login(manager)
    assert row_for(client, "Tarifs") is not None
    Page.objects.get(pk=page.pk).delete()
    assert row_for(client, "Tarifs") is None
    assert not TranslationState.objects.filter(object_id=str(page.pk)).exists()


def partner_form(partner, **overrides):
    """What the partner snippet's edit form posts, English kept unless overridden."""
    return {
        "name_fr": partner.name_fr,
        "name_en": partner.name_en or "",
        "acronym_fr": partner.acronym_fr or "",
        "acronym_en": partner.acronym_en or "",
        "full_name_fr": partner.full_name_fr or "",
        "full_name_en": partner.full_name_en or "",
        "category": partner.category,
        "logo": "",
        "website": partner.website,
        "description_fr": partner.description_fr or "",
        "description_en": partner.description_en or "",
        **overrides,
    }


def test_partner_snippets_missing_or_out_of_date(client, editor, manager, home):
    partner = PartnerFactory(
        name="Université",
        name_fr="Université",
        name_en="University",
        acronym="UNC",
        acronym_fr="UNC",
        acronym_en="UNC",
        description_fr="Une université.",
    )
    client.force_login(editor)
    row = row_for(client, "Université")
    assert row["Type"] == "partenaire" and row["Statut"] == "manquante"
    assert row["Champs concernés"] == "description courte"
    edit_url = reverse("wagtailsnippets_partnerships_partner:edit", args=[partner.pk])
    assert row["Lien de modification"] == f"http://localhost{edit_url}"
    assert edit_url in report(client)

    partner.description_en = "A university."
    partner.save()
    assert row_for(client, "Université") is None

    # The French name changes in the snippet's edit form: once published, the English name
    # is out of date. (An editor's change is a draft until a manager publishes it.)
    renamed = partner_form(partner, name_fr="Université de la Nouvelle-Calédonie")
    client.force_login(manager)
    response = client.post(edit_url, {**renamed, "action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Partner.objects.get(pk=partner.pk).name_fr == "Université de la Nouvelle-Calédonie"
    client.force_login(editor)
    row = row_for(client, "Université de la Nouvelle-Calédonie")
    assert row["Statut"] == "à mettre à jour" and row["Champs concernés"] == "nom"

    Partner.objects.get(pk=partner.pk).delete()
    assert row_for(client, "Université de la Nouvelle-Calédonie") is None


def test_a_partner_draft_does_not_count_until_it_is_published(client, editor, home):
    partner = PartnerFactory(
        name="Université", name_fr="Université", name_en="University", acronym_fr="UNC", acronym_en="UNC"
    )
    client.force_login(editor)
    edit_url = reverse("wagtailsnippets_partnerships_partner:edit", args=[partner.pk])
    response = client.post(edit_url, partner_form(partner, name_fr="Université de la Nouvelle-Calédonie"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Partner.objects.get(pk=partner.pk).name_fr == "Université"  # a draft revision only
    assert not [row for row in rows(client) if "Université" in row["Titre"]]


def test_the_report_exports_xlsx_with_french_headings(client, manager, home):
    from openpyxl import load_workbook

    translated_page(home, title_en="")
    client.force_login(manager)
    response = client.get(reverse(REPORT), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0] == ("Titre", "Type", "Champs concernés", "Statut", "Lien de modification")
    assert ("Tarifs", "page de contenu", "Titre", "manquante") in [row[:4] for row in values[1:]]


def test_the_report_searches_titles_and_filters_by_kind(client, manager, home):
    translated_page(home, title_en="")
    PartnerFactory(name="Université", name_fr="Université", description_fr="Une université.")
    client.force_login(manager)
    assert [row["Titre"] for row in rows(client, q="tarif")] == ["Tarifs"]
    from django.contrib.contenttypes.models import ContentType

    partner_type = ContentType.objects.get_for_model(Partner)
    assert {row["Type"] for row in rows(client, content_type=partner_type.pk)} == {"partenaire"}


def test_the_demo_content_has_nothing_to_translate(client, manager, demo_content):
    assert not TranslationState.objects.filter(status__in=TranslationState.TO_DO).exists()
    # Every translated page and snippet of the demo has its rows.
    assert TranslationState.objects.filter(content_type__model="partner").exists()
    recorded_pages = set(
        TranslationState.objects.exclude(content_type__model="partner").values_list("object_id", flat=True)
    )
    assert recorded_pages == {str(pk) for pk in Page.objects.filter(depth__gt=1).values_list("pk", flat=True)}
    client.force_login(manager)
    assert "Tout est traduit et à jour." in report(client)
    assert rows(client) == []

    page = ContentPage.objects.get(slug_fr="valeurs-et-engagements")
    page.title_en = ""
    page.save_revision().publish()
    partner = Partner.objects.get(name_fr="CCI-NC")
    partner.description_en = ""
    partner.save()
    body = report(client)
    assert "Valeurs et engagements" in body and "CCI-NC" in body
    assert "Nous connaître" not in body


def test_the_refresh_command_records_content_saved_without_the_signals(home):
    page = translated_page(home, title_en="")
    outdated = translated_page(home, title="Horaires", title_fr="Horaires", title_en="Opening hours")
    outdated.intro_fr = "Nouveaux horaires."
    outdated.save_revision().publish()
    kept = {state.pk: state.status for state in TranslationState.objects.filter(object_id=str(outdated.pk))}
    TranslationState.objects.filter(object_id=str(page.pk)).delete()
    TranslationState.objects.create(
        content_type_id=page.content_type_id, object_id="999999", field_name="title", language="en",
        title="Disparue", status=TranslationState.Status.MISSING,
    )  # fmt: skip
    call_command("refresh_translation_states", stdout=io.StringIO())
    assert TranslationState.objects.get(object_id=str(page.pk), field_name="title").status == "missing"
    assert not TranslationState.objects.filter(object_id="999999").exists()
    assert {
        state.pk: state.status for state in TranslationState.objects.filter(object_id=str(outdated.pk))
    } == kept
    call_command("refresh_translation_states", "--all", stdout=io.StringIO())
    assert TranslationState.objects.get(object_id=str(outdated.pk), field_name="intro").status == "outdated"


def test_the_reports_query_count_does_not_grow_with_the_pages(client, manager, home):
    def report_queries():
        with CaptureQueriesContext(connection) as page_queries:
            report(client)
        with CaptureQueriesContext(connection) as export_queries:
            rows(client)
        return len(page_queries), len(export_queries)

    for n in range(5):
        ContentPageFactory(parent=home, title=f"Sans anglais {n}", title_fr=f"Sans anglais {n}")
    client.force_login(manager)
    report(client)  # content types and session cached, as on any later visit
    few = report_queries()
    for n in range(5, 50):
        ContentPageFactory(parent=home, title=f"Sans anglais {n}", title_fr=f"Sans anglais {n}")
    many = report_queries()
    assert len(rows(client)) == 51  # and the home page
    assert many[0] <= few[0] and many[1] <= few[1], (few, many)


def test_modeltranslation_copy_endpoint_and_script_are_gone(client, manager, home):
    page = translated_page(home)
    client.force_login(manager)
    url = f"/admin/pages/{page.pk}/edit/copy_translation_content/"
    view = resolve(url).func  # ours (wrapped by the admin's decorators), before modeltranslation's
    assert (view.__module__, view.__qualname__) == (_closed_endpoint.__module__, "_closed_endpoint")
    # (The 404 sends on to /fr/…, as any unknown path: LocaleMiddleware tries the prefix.)
    assert client.get(url, follow=True).status_code == 404
    assert client.post(url, {"origin_field_name": "body_fr"}, follow=True).status_code == 404
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "copy_stream_fields.js" not in editor_page and "js.cookie.js" not in editor_page
    # wagtail-modeltranslation's other editor scripts stay.
    assert "wagtail_modeltranslation/js/language_toggles.js" in editor_page
