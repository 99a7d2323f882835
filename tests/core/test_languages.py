"""French first, English second: prefixes, alternates, fallback marking, errors."""

import pytest
from django.utils import translation

from optnc_site.core.models import ContentPage
from tests.conftest import OPENNESS_EN, OPENNESS_FR
from tests.helpers import soup_of


def test_root_redirects_to_french(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(
    "path,lang", [("/fr/", "fr"), ("/en/", "en"), (OPENNESS_FR, "fr"), (OPENNESS_EN, "en")]
)
def test_pages_declare_their_language_and_alternates(client, demo_content, path, lang):
    soup = soup_of(client.get(path))
    assert soup.html["lang"] == lang
    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert set(alternates) == {"fr", "en"}
    switcher = {a["lang"]: a["href"] for a in soup.select(".language-switcher a")}
    assert set(switcher) == {"fr", "en"}
    for code, href in switcher.items():
        assert alternates[code] == f"http://localhost{href}"


def test_openness_alternates_point_to_each_translation(client, demo_content):
    soup = soup_of(client.get(OPENNESS_FR))
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
    assert alternates == {"fr": f"http://localhost{OPENNESS_FR}", "en": f"http://localhost{OPENNESS_EN}"}


def test_missing_english_falls_back_to_french_marked_lang_fr(client, demo_content):
    page = ContentPage.objects.get(slug_fr="valeurs-et-engagements")
    page.title_en = ""
    page.save_revision().publish()
    # The English URL keeps working (the English slug is unchanged) and shows French, marked.
    soup = soup_of(client.get("/en/getting-know-us/values-and-commitments/"))
    heading = soup.h1
    assert heading.get_text() == "Valeurs et engagements"
    assert heading["lang"] == "fr"
    crumb = soup.select(".breadcrumb a")[-1]
    assert crumb["lang"] == "fr"
    # Translated text carries no such mark.
    assert not soup.select_one(".breadcrumb a").has_attr("lang")


def test_missing_english_body_falls_back_to_french(client, demo_content):
    page = ContentPage.objects.get(slug_fr="s-engager-dans-une-politique-d-ouverture")
    page.body_en = []
    page.save_revision().publish()
    soup = soup_of(client.get(OPENNESS_EN))
    body = soup.select_one(".page__body")
    assert body["lang"] == "fr"
    assert "Membre de la PITA depuis 2002" in body.get_text()
    assert soup.h1.get_text() == "Committing to a policy based on openness"
    assert not soup.h1.has_attr("lang")


def test_unknown_path_gives_a_french_404(client, demo_content):
    soup = soup_of(client.get("/fr/cette-page-n-existe-pas/"), 404)
    assert soup.html["lang"] == "fr"
    assert "Page introuvable" in soup.h1.get_text()


def test_unknown_english_path_gives_an_english_404(client, demo_content):
    soup = soup_of(client.get("/en/no-such-page/"), 404)
    assert soup.html["lang"] == "en"
    assert "Page not found" in soup.h1.get_text()


def test_unprefixed_path_goes_to_french(client, demo_content):
    response = client.get("/nous-connaitre/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/nous-connaitre/"


def test_raw_columns_hold_french(demo_content):
    """The admin is French, so Wagtail's raw title and slug columns are French too."""
    page = ContentPage.objects.get(slug_fr="s-engager-dans-une-politique-d-ouverture")
    raw = ContentPage.objects.filter(pk=page.pk).values_list("title", "slug").get()
    with translation.override("en"):
        assert raw == ("S’engager dans une politique d’ouverture", "s-engager-dans-une-politique-d-ouverture")
