"""Site search: both languages, accents and stems on PostgreSQL, and any query at all."""

import pytest

from optnc_site.core.models import ContentPage
from tests.helpers import soup_of


def search(client, path, query, **params):
    soup = soup_of(client.get(path, {"q": query, **params}))
    return soup, [a.get_text() for a in soup.select(".search-result__title")]


def test_search_urls_per_language(client, demo_content):
    soup, titles = search(client, "/fr/recherche/", "APNIC")
    assert soup.html["lang"] == "fr"
    assert "S’engager dans une politique d’ouverture" in titles
    soup, titles = search(client, "/en/search/", "APNIC")
    assert soup.html["lang"] == "en"
    assert "Committing to a policy based on openness" in titles


def test_results_show_title_excerpt_and_kind(client, demo_content):
    soup, titles = search(client, "/fr/recherche/", "CGIT")
    assert "Convention avec la CCI-NC pour la formation à la fibre optique" in titles
    result = next(
        li
        for li in soup.select(".search-result")
        if "CCI-NC pour la formation" in li.select_one(".search-result__title").get_text()
    )
    assert result.select_one(".search-result__kind").get_text() == "Convention"
    assert "plateau école (CGIT)" in result.select_one(".search-result__excerpt").get_text()
    # Results pages are for visitors, not for search engines' indexes.
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex, follow"


def test_english_words_find_english_pages(client, demo_content):
    _, titles = search(client, "/en/search/", "subcontractors")
    assert "Agreement with the CCI-NC on training in optical fibre" in titles


def test_accents_are_folded(client, demo_content, postgresql):
    _, titles = search(client, "/fr/recherche/", "telecommunications")
    assert "S’engager dans une politique d’ouverture" in titles
    _, titles = search(client, "/fr/recherche/", "Noumea")
    assert titles  # "Nouméa" is written with its accent in the pages


def test_stems_are_matched(client, demo_content, postgresql):
    _, singular = search(client, "/fr/recherche/", "partenaire")
    page = ContentPage.objects.get(slug_fr="s-engager-dans-une-politique-d-ouverture")
    assert "partenaires" in str(page.body_fr.raw_data)  # the page says the plural only…
    assert "S’engager dans une politique d’ouverture" in singular  # …and is found by the singular


def test_results_are_paginated(client, demo_content):
    from optnc_site.core.models import HomePage
    from tests.core.factories import ContentPageFactory

    home = HomePage.objects.get()
    for number in range(12):
        ContentPageFactory(
            parent=home,
            title=f"Xylophone lagunaire {number}",
            intro_fr="Un xylophone lagunaire, mot que nulle autre page n’emploie.",
        )
    soup, first = search(client, "/fr/recherche/", "xylophone lagunaire")
    assert soup.select_one(".search-summary").get_text().startswith("12 résultats")
    assert len(first) == 10
    _, second = search(client, "/fr/recherche/", "xylophone lagunaire", page=2)
    assert len(second) == 2 and not set(second) & set(first)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "télécom 📡🌊",
        "nul\x00byte",
        "<script>alert(1)</script>",
        "foo & | ! :* ( )",
        "\\",
    ],
)
def test_any_query_gives_a_normal_page_without_echoing_markup(client, demo_content, query):
    response = client.get("/fr/recherche/", {"q": query, "page": "-3"})
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "\x00" not in body
    assert soup_of(response).select_one("main h1").get_text(strip=True) == "Recherche"


def test_long_query_is_cut_down(client, demo_content):
    soup, _ = search(client, "/fr/recherche/", "a" * 10_000)
    assert len(soup.select_one("#search-query")["value"]) == 200
