"""What visitors see on the partnership, convention and news pages, in both languages."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from optnc_site.core.typography import french_text
from tests.conftest import OPENNESS_EN, OPENNESS_FR
from tests.helpers import soup_of

from .factories import ConventionPageFactory, NewsArticlePageFactory, PartnerFactory


def text_of(soup):
    return " ".join(soup.get_text(" ").split())


@pytest.mark.parametrize(
    "path,lang,title",
    [
        ("/fr/partenariats/", "fr", "Partenariats"),
        ("/en/partnerships/", "en", "Partnerships"),
        ("/fr/actualites/", "fr", "Actualités"),
        ("/en/news/", "en", "News"),
        (
            "/fr/partenariats/convention-unc-pole-numerique-et-technologique/",
            "fr",
            "Convention avec l’UNC pour le pôle numérique et technologique",
        ),
        (
            "/en/partnerships/agreement-unc-digital-technology-hub/",
            "en",
            "Agreement with the UNC for the digital and technology hub",
        ),
        (
            "/fr/actualites/signature-d-une-convention-avec-la-cci/",
            "fr",
            "Signature d'une convention avec la CCI",
        ),
        ("/en/news/signing-agreement-cci/", "en", "Signing of an agreement with the CCI"),
    ],
)
def test_every_page_type_renders_in_both_languages(client, demo_content, path, lang, title):
    soup = soup_of(client.get(path))
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == (french_text(title) if lang == "fr" else title)
    assert {link["hreflang"] for link in soup.select("link[hreflang]")} == {"fr", "en"}


def test_index_groups_partners_and_lists_their_conventions(client, demo_content):
    soup = soup_of(client.get("/fr/partenariats/"))
    groups = [h3.get_text() for h3 in soup.select("h3")]
    assert groups == [
        "Acteurs locaux du numérique",
        "Institutions et entreprises liées par un accord-cadre",
        "Enseignement et recherche",
    ]
    names = [strong.get_text() for strong in soup.select(".partner__name strong")]
    assert names[:7] == ["FAI", "ECONUM", "ONNC", "ACTIC", "OPEN NC", "ACI", "Acteurs des data centers"]
    cci = soup.find("strong", string="CCI-NC").find_parent("li")
    assert [a.get_text() for a in cci.select(".partner__conventions a")] == [
        "Convention avec la CCI-NC pour la formation à la fibre optique",
        "Accord-cadre avec la CCI",
    ]
    assert len(soup.select("#conventions-title + ul > li")) == 5


def test_english_index_speaks_english(client, demo_content):
    soup = soup_of(client.get("/en/partnerships/"))
    assert "Local digital players" in [h3.get_text() for h3 in soup.select("h3")]
    assert "Internet service providers" in text_of(soup)
    names = [name.get_text() for name in soup.select(".partner__name strong")]
    assert "ISPs" in names and "FAI" not in names


def test_convention_without_known_date_states_no_date(client, demo_content):
    soup = soup_of(client.get("/fr/partenariats/accord-cadre-enercal/"))
    assert "Signée le" not in text_of(soup)
    assert not soup.select("time")
    facts = text_of(soup.select_one(".facts"))
    assert "Accord-cadre" in facts and "ENERCAL" in facts


def test_convention_date_in_each_language(client, partnership_index):
    convention = ConventionPageFactory(parent=partnership_index, signed_on=datetime.date(2018, 9, 12))
    fr = soup_of(client.get(f"/fr/partenariats/{convention.slug_fr}/"))
    assert "Signée le 12 septembre 2018" in text_of(fr)
    en = soup_of(client.get(f"/en/partnerships/{convention.slug_en}/"))
    assert "Signed on 12 September 2018" in text_of(en)


def test_convention_lists_documents_with_format_and_size(client, partnership_index):
    document = get_document_model().objects.create(
        title="Texte de la convention", file=ContentFile(b"%PDF-1.4 " + b"x" * 2038, name="convention.pdf")
    )
    convention = ConventionPageFactory(parent=partnership_index)
    convention.documents.create(document=document)
    convention.save_revision().publish()
    soup = soup_of(client.get(f"/fr/partenariats/{convention.slug_fr}/"))
    item = soup.select_one(".documents li")
    assert item.a.get_text() == "Texte de la convention"
    assert item.a["href"] == document.url
    assert "(PDF, 2,0\xa0Kio)" in item.get_text()


def test_convention_and_article_link_each_other(client, demo_content):
    convention = soup_of(client.get("/fr/partenariats/convention-cci-nc-formation-fibre-optique/"))
    news = convention.select("#news-title + ul a")
    assert [a.get_text() for a in news] == ["Signature d’une convention avec la CCI"]
    article = soup_of(client.get(news[0]["href"]))
    related = article.select("#conventions-title + ul a")
    assert [a["href"] for a in related] == ["/fr/partenariats/convention-cci-nc-formation-fibre-optique/"]


def test_article_date_in_each_language(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, date=datetime.date(2018, 9, 12))
    fr = soup_of(client.get(f"/fr/actualites/{article.slug_fr}/"))
    assert "Publié le 12 septembre 2018" in text_of(fr)
    en = soup_of(client.get(f"/en/news/{article.slug_en}/"))
    assert "Published on 12 September 2018" in text_of(en)


def test_article_image_requires_alt_text(news_index):
    import wagtail_factories
    from django.core.exceptions import ValidationError

    article = NewsArticlePageFactory(parent=news_index)
    article.image = wagtail_factories.ImageFactory()
    article.image_alt = ""
    with pytest.raises(ValidationError):
        article.full_clean()


@pytest.mark.parametrize(
    "path,article,framework",
    [
        (
            OPENNESS_FR,
            "/fr/actualites/signature-d-une-convention-avec-la-cci/",
            "/fr/partenariats/accord-cadre-enercal/",
        ),
        (OPENNESS_EN, "/en/news/signing-agreement-cci/", "/en/partnerships/framework-agreement-enercal/"),
    ],
)
def test_openness_page_leads_to_the_article_and_the_conventions(
    client, demo_content, path, article, framework
):
    soup = soup_of(client.get(path))
    assert soup.select_one(".more-link a")["href"] == article
    assert framework in {a["href"] for a in soup.select(".rich-text a")}


def test_partner_logos_block_shows_logo_or_acronym(client, partnership_index):
    import wagtail_factories

    with_logo = PartnerFactory(name="Avec logo", name_fr="Avec logo", logo=wagtail_factories.ImageFactory())
    without = PartnerFactory(name="Sans logo", name_fr="Sans logo", acronym="SL")
    convention = ConventionPageFactory(parent=partnership_index)
    convention.body_fr = [
        {"type": "partner_logos", "value": {"heading": "Partenaires", "partners": [with_logo.pk, without.pk]}}
    ]
    convention.save_revision().publish()
    soup = soup_of(client.get(f"/fr/partenariats/{convention.slug_fr}/"))
    block = soup.select_one(".partner-logos")
    assert block.find("img", alt="Avec logo") is not None
    assert block.select_one(".partner-badge__acronym").get_text() == "SL"
