"""The legal notice and the accessibility statement, as visitors and managers see them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page, Site

from optnc_site.core.legal import LegalInformation
from optnc_site.core.roles import MANAGERS
from tests.conftest import OPENNESS_FR
from tests.editorial.conftest import make_user
from tests.editorial.test_admin_forms import field_errors, form_data
from tests.helpers import soup_of

ACCESSIBILITY = {"fr": "/fr/accessibilite/", "en": "/en/accessibility/"}
LEGAL_NOTICE = {"fr": "/fr/mentions-legales/", "en": "/en/legal-notice/"}
RGAA_SECTIONS = {
    "fr": [
        "Déclaration d’accessibilité",
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration d’accessibilité",
        "Retour d’information et contact",
        "Voies de recours",
    ],
    "en": [
        "Accessibility statement",
        "Compliance status",
        "Test results",
        "Non-accessible content",
        "Preparation of this accessibility statement",
        "Feedback and contact",
        "Means of redress",
    ],
}


def main_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("main")


def text_of(element):
    """The text as read, whatever the markup's line breaks."""
    return " ".join(element.get_text().split())


def headings(main):
    return [h.get_text(" ", strip=True) for h in main.select("h1, h2, h3")]


def assert_no_empty_sentence(main):
    """No sentence with a hole where an empty value would go, nor an empty element."""
    for element in main.select("p, li, h2, h3, dd"):
        text = " ".join(element.get_text().split())
        assert text, element
        for hole in ("à compléter", "None", " ,", " .", ": .", "()", " par .", " le ."):
            assert hole not in text, text


@pytest.fixture
def manager_client(client, django_user_model, demo_content):
    client.force_login(make_user(django_user_model, "responsable-legal", MANAGERS))
    return client


def settings_url():
    site = Page.objects.get(depth=2).get_site()
    return reverse("wagtailsettings:edit", args=["core", "legalinformation", site.pk])


def save_settings(client, **values):
    """Post the real settings form, as it stands, with ``values`` changed."""
    from optnc_site.core.legal import LegalInformation

    url = settings_url()
    response = client.get(url)
    assert response.status_code == 200
    saved = client.post(url, form_data(response, LegalInformation, **values))
    assert saved.status_code == 302, field_errors(saved)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_accessibility_statement_follows_the_rgaa_model(client, demo_content, language):
    main = main_of(client.get(ACCESSIBILITY[language]))
    found = [heading for heading in headings(main) if heading in RGAA_SECTIONS[language]]
    assert found == RGAA_SECTIONS[language]
    text = text_of(main)
    # No audit is recorded in the demo: the DINUM's wording for that case, and no rate.
    if language == "fr":
        assert "est non conforme avec le référentiel général d’amélioration de l’accessibilité" in text
        assert "aucun audit n’a encore été réalisé" in text
        assert "Libre réponse 71120, 75342 Paris CEDEX 07" in text
        assert "%" not in text
    else:
        assert "does not comply with the general accessibility improvement framework" in text
        assert "no audit has been carried out yet" in text
    assert main.select_one('a[href="https://formulaire.defenseurdesdroits.fr/"]')
    assert main.select_one('a[href="https://www.defenseurdesdroits.fr/carte-des-delegues"]')
    assert "09 69 39 00 00" in text
    assert "HTML, CSS, JavaScript" in text
    # The developers' checks are no statement of conformity.
    for tool in ("axe", "Nu ", "390 pixels"):
        assert tool not in text
    assert_no_empty_sentence(main)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_legal_notice_names_the_publisher_and_leaves_out_what_is_unknown(client, demo_content, language):
    main = main_of(client.get(LEGAL_NOTICE[language]))
    text = text_of(main)
    publisher = {"fr": "Éditeur", "en": "Publisher"}[language]
    assert publisher in headings(main)
    assert {"fr": "Office des postes et télécommunications de Nouvelle-Calédonie", "en": "Office of Posts"}[
        language
    ] in text
    # Nothing the facts do not establish: no director, no host, no address.
    for heading in {
        "fr": ["Directeur de la publication", "Hébergeur"],
        "en": ["Publication director", "Host"],
    }[language]:
        assert heading not in headings(main)
    assert {"fr": "aucun cookie", "en": "no cookie"}[language] in text
    assert_no_empty_sentence(main)


def test_a_field_filled_in_the_settings_form_appears_and_leaves_when_cleared(manager_client):
    save_settings(
        manager_client,
        publication_director="Camille Exemple",
        publication_director_role_fr="directrice générale",
        host_name="Hébergeur Exemple",
    )
    main = main_of(manager_client.get(LEGAL_NOTICE["fr"]))
    assert "Directeur de la publication" in headings(main)
    assert "Camille Exemple, directrice générale." in text_of(main)
    assert "Ce site est hébergé par Hébergeur Exemple." in text_of(main)
    english = main_of(manager_client.get(LEGAL_NOTICE["en"]))
    assert english.find(lang="fr", string="directrice générale")  # French shown as such

    save_settings(manager_client, publication_director_role_fr="", host_name="")
    main = main_of(manager_client.get(LEGAL_NOTICE["fr"]))
    text = text_of(main)
    assert "Camille Exemple." in text and "directrice" not in text
    assert "Hébergeur" not in headings(main) and "hébergé" not in text
    assert_no_empty_sentence(main)


def test_an_audit_gives_the_state_its_rate_and_its_date(manager_client):
    save_settings(manager_client, audit_date="2026-11-02", audit_by="Un auditeur", compliance_rate="62.5")
    text = text_of(main_of(manager_client.get(ACCESSIBILITY["fr"])))
    assert "est partiellement conforme avec le référentiel" in text
    assert (
        "L’audit de conformité réalisé le 2 novembre 2026 par Un auditeur révèle que 62,5 % des critères"
        in text
    )
    assert "aucun audit" not in text.lower()
    english = text_of(main_of(manager_client.get(ACCESSIBILITY["en"])))
    assert "partially" in english and "62.5%" in english.replace(" %", "%")


def test_no_conformity_is_claimed_without_an_audit(manager_client):
    from optnc_site.core.legal import LegalInformation

    url = settings_url()
    response = manager_client.get(url)
    refused = manager_client.post(url, form_data(response, LegalInformation, conformity="total"))
    assert refused.status_code == 200
    assert "indiquez sa date" in field_errors(refused).get("audit_date", "")
    contradicted = manager_client.post(
        url,
        form_data(
            response, LegalInformation, audit_date="2026-11-02", compliance_rate="40", conformity="partial"
        ),
    )
    assert "ne correspond pas au taux" in field_errors(contradicted).get("conformity", "")
    assert "non conforme" in text_of(main_of(manager_client.get(ACCESSIBILITY["fr"])))


def test_dashboard_lists_what_is_missing_until_it_is_filled(manager_client):
    dashboard = reverse("wagtailadmin_home")

    def missing():
        soup = BeautifulSoup(manager_client.get(dashboard).content, "html.parser")
        return {a.get_text(strip=True): a["href"] for a in soup.select(".missing-legal-information a")}

    listed = missing()
    assert listed["Directeur ou directrice de la publication"] == settings_url()
    for label in (
        "Nom de l’hébergeur",
        "Adresse de l’hébergeur",
        "Audit de conformité au RGAA (date, auditeur, taux)",
    ):
        assert label in listed
    assert "Technologies utilisées" not in listed  # the demo names them
    assert "Nom de l’éditeur (identité du site)" not in listed

    save_settings(manager_client, publication_director="Camille Exemple")
    listed = missing()
    assert "Directeur ou directrice de la publication" not in listed
    assert "Nom de l’hébergeur" in listed


def test_dashboard_panel_is_only_for_those_who_may_fill_it(client, django_user_model, demo_content):
    from optnc_site.core.roles import EDITORS

    client.force_login(make_user(django_user_model, "redacteur-legal", EDITORS))
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    assert soup.select_one("main") is not None
    assert soup.select_one(".missing-legal-information") is None


def test_demo_content_loaded_before_the_legal_page_type_is_brought_up_to_date(client, demo_content):
    """A site whose legal pages were content pages: loading the demo again makes them LegalPages."""
    import io

    from django.core.management import call_command

    from optnc_site.core.legal import LegalInformation
    from optnc_site.core.models import ContentPage, LegalPage, SiteIdentity
    from tests.core.factories import ContentPageFactory

    home = Page.objects.get(depth=2)
    LegalPage.objects.get(slug_fr="accessibilite").delete()
    ContentPageFactory(
        parent=home,
        title="Accessibilité",
        title_fr="Accessibilité",
        slug="accessibilite",
        slug_fr="accessibilite",
    )
    call_command("load_demo_content", stdout=io.StringIO())

    assert not ContentPage.objects.filter(slug_fr="accessibilite").exists()
    page = LegalPage.objects.get(slug_fr="accessibilite")
    assert page.kind == "accessibility" and page.live
    site = home.get_site()
    assert page.pk in [child.value.pk for child in SiteIdentity.for_site(site).footer_links]
    assert LegalInformation.for_site(site).technologies == "HTML, CSS, JavaScript"
    main = main_of(client.get(ACCESSIBILITY["fr"]))
    assert [h for h in headings(main) if h in RGAA_SECTIONS["fr"]] == RGAA_SECTIONS["fr"]


def test_every_page_names_the_accessibility_state_in_its_footer(client, demo_content):
    """RGAA 4.1: « Accessibilité : non conforme » (or its state) on every page, in the footer."""

    def footer(path):
        return soup_of(client.get(path)).select_one(".site-footer__links").get_text(" ", strip=True)

    assert "Accessibilité\u202f: non conforme" in footer("/fr/")
    assert "Accessibility: non-compliant" in footer("/en/")
    assert "Accessibilité\u202f: non conforme" in footer(OPENNESS_FR)

    legal = LegalInformation.for_site(Site.objects.get(is_default_site=True))
    legal.audit_date = datetime.date(2026, 11, 2)
    legal.compliance_rate = 62.5
    legal.save()
    assert "Accessibilité\u202f: partiellement conforme" in footer("/fr/")
    assert "Accessibility: partially compliant" in footer("/en/")
