"""The language switch works everywhere (issue #11, point 4): on every page type, the search
page and the 404 page it leads to the other language's page, keeping the query and the
filters; hreflang names the other language's page, absolute; a 404 speaks its prefix's language.
"""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from partnerships.models import ConventionPage, Partner
from tests.conftest import OPENNESS_EN, OPENNESS_FR
from tests.helpers import soup_of

OTHER = {"fr": "en", "en": "fr"}
SEARCH = {"fr": "/fr/recherche/", "en": "/en/search/"}
NEWS = {"fr": "/fr/actualites/", "en": "/en/news/"}


def switch(soup, code):
    """The language switch's link to ``code``."""
    return soup.select_one(f'.language-switcher a[lang="{code}"]')["href"]


def hreflang(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}


def one_page_of_each_type():
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        pages.setdefault(type(page), page)
    return list(pages.values())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_type_switches_to_its_translation(client, demo_content, lang):
    pages = one_page_of_each_type()
    assert len(pages) >= 10  # home, content, site map, partnerships, news, events, memberships…
    for page in pages:
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = page.get_url()
        soup = soup_of(client.get(urls[lang]))
        other = OTHER[lang]
        assert soup.html["lang"] == lang, urls
        assert switch(soup, other) == urls[other], urls
        assert hreflang(soup) == {code: f"http://localhost{url}" for code, url in urls.items()}
        # Following the switch lands on the translation, in the other language.
        assert soup_of(client.get(switch(soup, other))).html["lang"] == other


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_search_page_switches_with_its_query(client, demo_content, lang):
    other = OTHER[lang]
    soup = soup_of(client.get(SEARCH[lang], {"q": "APNIC", "page": "1"}))
    # The first page is the page without a number.
    assert switch(soup, other) == f"{SEARCH[other]}?q=APNIC"
    assert switch(soup, lang) == f"{SEARCH[lang]}?q=APNIC"
    # hreflang names the page itself, as the canonical URL does (without the query).
    assert hreflang(soup) == {code: f"http://localhost{path}" for code, path in SEARCH.items()}
    landed = soup_of(client.get(switch(soup, other)))
    assert landed.html["lang"] == other
    assert landed.select_one("#search-query")["value"] == "APNIC"
    assert landed.select(".search-result")


def test_the_empty_search_page_switches_too(client, demo_content):
    soup = soup_of(client.get(SEARCH["en"]))
    assert switch(soup, "fr") == SEARCH["fr"]


def test_a_filtered_news_list_switches_with_its_filters_and_page(client, demo_content):
    convention = ConventionPage.objects.live().order_by("path").first()
    partner = Partner.objects.filter(live=True).first()
    query = f"convention={convention.pk}&partner={partner.pk}"
    soup = soup_of(client.get(f"{NEWS['fr']}?{query}&page=1"))
    assert switch(soup, "en") == f"{NEWS['en']}?{query}"
    assert hreflang(soup) == {code: f"http://localhost{path}" for code, path in NEWS.items()}
    landed = soup_of(client.get(switch(soup, "en")))
    assert landed.html["lang"] == "en"
    assert landed.select_one('select[name="convention"] option[selected]')["value"] == str(convention.pk)
    assert switch(landed, "fr") == f"{NEWS['fr']}?{query}"


def test_a_filtered_agenda_switches_with_its_filters(client, demo_content):
    soup = soup_of(client.get("/en/events/", {"year": "2018", "role": "participant"}))
    assert switch(soup, "fr") == "/fr/evenements/?year=2018&role=participant"


def test_the_switch_carries_only_what_the_page_accepted(client, demo_content):
    soup = soup_of(client.get("/en/events/", {"year": "1999", "role": "chef", "utm_source": "x"}))
    assert switch(soup, "fr") == "/fr/evenements/"


@pytest.mark.parametrize(
    "path,lang,other_home",
    [("/fr/page-inexistante/", "fr", "/en/"), ("/en/missing-page/", "en", "/fr/")],
)
def test_the_404_page_switches_to_the_other_home(client, demo_content, path, lang, other_home):
    soup = soup_of(client.get(path), 404)
    other = OTHER[lang]
    assert soup.html["lang"] == lang
    assert switch(soup, other) == other_home
    assert hreflang(soup) == {lang: f"http://localhost{path}", other: f"http://localhost{other_home}"}
    assert soup_of(client.get(switch(soup, other))).html["lang"] == other


def test_the_404_page_switches_to_the_same_path_when_the_other_language_has_it(client, demo_content):
    # The French address under the English prefix: no English page, but the French one exists.
    french_path = OPENNESS_FR.removeprefix("/fr")
    soup = soup_of(client.get(f"/en{french_path}"), 404)
    assert soup.html["lang"] == "en"
    assert switch(soup, "fr") == OPENNESS_FR
    english_path = OPENNESS_EN.removeprefix("/en")
    assert switch(soup_of(client.get(f"/fr{english_path}"), 404), "en") == OPENNESS_EN
    # The same for the search page's address in the other language.
    assert switch(soup_of(client.get("/en/recherche/"), 404), "fr") == SEARCH["fr"]


def test_the_404_page_speaks_the_language_of_its_prefix_whatever_the_browser_says(client, demo_content):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get("/en/missing-page/", HTTP_ACCEPT_LANGUAGE="fr")
    soup = soup_of(response, 404)
    assert (soup.html["lang"], response["Content-Language"]) == ("en", "en")
    assert soup.h1.get_text() == "Page not found"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/fr/page-inexistante/", HTTP_ACCEPT_LANGUAGE="en")
    soup = soup_of(response, 404)
    assert (soup.html["lang"], response["Content-Language"]) == ("fr", "fr")
    assert soup.h1.get_text() == "Page introuvable"


def test_a_404_outside_the_languages_switches_to_the_other_home(client, demo_content):
    soup = soup_of(client.get("/documents/999999/absent.pdf"), 404)
    assert soup.html["lang"] == "fr"
    assert switch(soup, "en") == "/en/"
