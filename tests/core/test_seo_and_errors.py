"""What search engines and sharing cards read; error pages in the visitor's language."""

import json
from xml.etree import ElementTree

import pytest
from django.test import RequestFactory

from optnc_site.core.views import server_error
from tests.conftest import OPENNESS_EN, OPENNESS_FR
from tests.helpers import soup_of

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ARTICLE_FR = "/fr/actualites/signature-d-une-convention-avec-la-cci/"


def json_ld(soup):
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


def test_sitemap_lists_both_languages_with_alternates(client, demo_content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    urls = {url.find(f"{SITEMAP}loc").text: url for url in root.findall(f"{SITEMAP}url")}
    assert f"http://localhost{OPENNESS_FR}" in urls and f"http://localhost{OPENNESS_EN}" in urls
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls[f"http://localhost{OPENNESS_FR}"].findall(f"{XHTML}link")
    }
    assert alternates == {"fr": f"http://localhost{OPENNESS_FR}", "en": f"http://localhost{OPENNESS_EN}"}
    assert "http://localhost/en/news/signing-agreement-cci/" in urls


def test_robots_declares_the_sitemap_and_keeps_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines


def test_meta_description_falls_back_to_the_summary(client, demo_content):
    soup = soup_of(client.get("/fr/partenariats/convention-unc-pole-numerique-et-technologique/"))
    description = soup.select_one('meta[name="description"]')["content"]
    assert description.startswith("Une convention signée avec l’université de la Nouvelle-Calédonie")
    assert soup.select_one('meta[property="og:description"]')["content"] == description


def test_seo_title_and_description_when_given(client, demo_content):
    from optnc_site.core.models import LegalPage

    page = LegalPage.objects.get(slug_fr="accessibilite")
    page.seo_title_fr = "Accessibilité du site"
    page.search_description_fr = "Où en est l’accessibilité du site."
    page.save_revision().publish()
    soup = soup_of(client.get("/fr/accessibilite/"))
    assert soup.title.get_text() == "Accessibilité du site — OPT-NC"
    assert soup.select_one('meta[name="description"]')["content"] == "Où en est l’accessibilité du site."


@pytest.mark.parametrize("path", [OPENNESS_FR, OPENNESS_EN, ARTICLE_FR])
def test_canonical_and_open_graph(client, demo_content, path):
    soup = soup_of(client.get(path))
    assert soup.select_one('link[rel="canonical"]')["href"] == f"http://localhost{path}"
    og = {meta["property"]: meta["content"] for meta in soup.select("meta[property]")}
    assert og["og:url"] == f"http://localhost{path}"
    assert og["og:title"] == soup.h1.get_text()
    assert og["og:locale"] == ("fr_FR" if path.startswith("/fr/") else "en_GB")
    assert og["og:type"] == ("article" if path == ARTICLE_FR else "website")
    assert soup.select_one('meta[name="twitter:card"]')["content"] in {"summary", "summary_large_image"}


def test_default_sharing_image(client, demo_content):
    import wagtail_factories

    from optnc_site.core.models import SiteIdentity

    identity = SiteIdentity.objects.get()
    identity.default_share_image = wagtail_factories.ImageFactory(width=1600, height=900)
    identity.save()
    soup = soup_of(client.get(OPENNESS_FR))
    image = soup.select_one('meta[property="og:image"]')["content"]
    assert image.startswith("http://localhost/media/images/") and image.endswith(".jpg")
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"


def test_every_json_ld_block_parses(client, demo_content):
    home = json_ld(soup_of(client.get("/fr/")))
    assert {"@type": "Organization"}.items() <= home[0].items()
    assert home[0]["url"] == "http://localhost/fr/"
    crumbs = json_ld(soup_of(client.get(OPENNESS_EN)))[0]
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Openness and cooperation",
        "Getting to know us",
        "Values and commitments",
        "Committing to a policy based on openness",
    ]
    assert crumbs["itemListElement"][-1]["item"] == f"http://localhost{OPENNESS_EN}"
    article = [data for data in json_ld(soup_of(client.get(ARTICLE_FR))) if data["@type"] == "NewsArticle"]
    assert article[0]["headline"] == "Signature d'une convention avec la CCI"
    assert article[0]["inLanguage"] == "fr"


def test_footer_links_to_the_legal_pages(client, demo_content):
    for path, expected in (
        ("/fr/", ["Mentions légales", "Accessibilité\u202f: non conforme", "Plan du site"]),
        ("/en/", ["Legal notice", "Accessibility: non-compliant", "Site map"]),
    ):
        soup = soup_of(client.get(path))
        assert [a.get_text() for a in soup.select(".site-footer__links a")] == expected


def test_site_map_page_lists_the_tree(client, demo_content):
    soup = soup_of(client.get("/fr/plan-du-site/"))
    top = [a.get_text() for a in soup.select("main .site-map > li > a")]
    assert "Nous connaître" in top and "Partenariats" in top and "Actualités" in top
    nested = soup.find("a", string="Valeurs et engagements").find_parent("ul").find_parent("li")
    assert nested.a.get_text() == "Nous connaître"
    assert "Committing to a policy based on openness" in soup_of(client.get("/en/site-map/")).get_text()


@pytest.mark.parametrize(
    "path,lang,title",
    [
        ("/fr/quelque-chose/", "fr", "Le site rencontre un problème"),
        ("/en/something/", "en", "The site has run into a problem"),
    ],
)
def test_500_page_in_the_visitors_language_without_database(
    db, django_assert_max_num_queries, path, lang, title
):
    request = RequestFactory().get(path)
    with django_assert_max_num_queries(0):
        response = server_error(request)
    soup = soup_of(response, 500)
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == title


def test_unhandled_errors_use_the_500_page(client, demo_content, monkeypatch):
    from optnc_site.core import models

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(models.ContentPage, "get_context", explode)
    client.raise_request_exception = False
    response = client.get(OPENNESS_EN)
    assert response.status_code == 500
    assert "The site has run into a problem" in response.content.decode()


@pytest.mark.parametrize(
    "path,start",
    [
        (OPENNESS_FR, "Dans le cadre de sa stratégie d’aménagement"),
        (OPENNESS_EN, "As part of its territorial planning and development strategy"),
    ],
)
def test_pages_without_a_lead_are_described_by_their_opening_words(client, demo_content, path, start):
    soup = soup_of(client.get(path))
    description = soup.select_one('meta[name="description"]')["content"]
    assert description.startswith(start) and len(description.split()) <= 31
