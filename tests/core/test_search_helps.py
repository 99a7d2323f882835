"""Search that helps: excerpts marking the terms, kinds people read, each language's own
stemming, and results pages kept out of search engines."""

import pytest

from optnc_site.core.models import HomePage
from optnc_site.core.search import fold
from tests.core.factories import ContentPageFactory
from tests.helpers import soup_of

CCI_FR = "Convention avec la CCI-NC pour la formation à la fibre optique"
CCI_EN = "Agreement with the CCI-NC on training in optical fibre"


def results(client, path, query):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return {
        item.select_one(".search-result__title").get_text(): item
        for item in soup_of(response).select(".search-result")
    }


def marks(item):
    excerpt = item.select_one(".search-result__excerpt")
    return [fold(mark.get_text()) for mark in excerpt.select("mark")]


@pytest.mark.parametrize(
    ("path", "query", "title", "marked"),
    [
        ("/fr/recherche/", "CGIT", CCI_FR, "cgit"),
        ("/en/search/", "subcontractors", CCI_EN, "subcontractors"),
    ],
)
def test_excerpt_is_the_sentence_holding_the_term_marked(client, demo_content, path, query, title, marked):
    item = results(client, path, query)[title]
    excerpt = item.select_one(".search-result__excerpt")
    assert marked in fold(excerpt.get_text())
    assert marks(item) and set(marks(item)) == {marked}
    # Only the terms are marked; the rest of the excerpt is plain text (but for the French
    # typography's unbreakable "OPT-NC").
    tags = [tag.name for tag in excerpt.find_all(True) if "nowrap" not in tag.get("class", [])]
    assert tags == ["mark"] * len(marks(item))


def test_terms_are_marked_in_titles_too(client, demo_content):
    item = results(client, "/fr/recherche/", "fibre")[CCI_FR]
    assert [mark.get_text() for mark in item.select(".search-result__title mark")] == ["fibre"]


@pytest.mark.parametrize(
    ("query", "word"), [("NOUMEA", "Nouméa"), ("telecommunications", "télécommunications")]
)
def test_marks_fold_accents_and_case(client, demo_content, query, word):
    found = results(client, "/fr/recherche/", query)
    assert found
    marked = {mark.get_text() for item in found.values() for mark in item.select("mark")}
    assert word in marked


def test_excerpt_is_in_the_language_shown(client, demo_content):
    fr = results(client, "/fr/recherche/", "CCI-NC")[CCI_FR].select_one(".search-result__excerpt").get_text()
    en = results(client, "/en/search/", "CCI-NC")[CCI_EN].select_one(".search-result__excerpt").get_text()
    assert "formation" in fr and "training" not in fr
    assert "training" in en and "formation" not in en


def test_english_stems_find_english_pages(client, demo_content, postgresql):
    # "trained" and "training" share the English stem "train", not a French one.
    item = results(client, "/en/search/", "trained")[CCI_EN]
    assert "training" in marks(item)
    assert not results(client, "/fr/recherche/", "trained")


def test_english_pages_are_not_found_by_french_words(client, demo_content, postgresql):
    assert "S’engager dans une politique d’ouverture" in results(client, "/fr/recherche/", "partenaire")
    assert "Committing to a policy based on openness" not in results(client, "/en/search/", "partenaire")


def test_french_stems_are_marked(client, demo_content, postgresql):
    item = results(client, "/fr/recherche/", "partenaire")["S’engager dans une politique d’ouverture"]
    assert "partenaires" in marks(item)


@pytest.mark.parametrize(
    ("path", "query", "kinds"),
    [
        (
            "/fr/recherche/",
            "APNIC",
            {
                "APNIC": "Adhésion",
                "Conférence APNIC 46": "Événement",
                "S’engager dans une politique d’ouverture": "Page",
            },
        ),
        (
            "/fr/recherche/",
            "CCI",
            {CCI_FR: "Convention", "Signature d’une convention avec la CCI": "Actualité"},
        ),
        (
            "/en/search/",
            "APNIC",
            {
                "APNIC": "Membership",
                "APNIC 46 conference": "Event",
                "Committing to a policy based on openness": "Page",
            },
        ),
        ("/en/search/", "CCI", {CCI_EN: "Agreement", "Signing of an agreement with the CCI": "News article"}),
    ],
)
def test_kinds_are_short_labels_in_each_language(client, demo_content, path, query, kinds):
    found = results(client, path, query)
    assert {title: found[title].select_one(".search-result__kind").get_text() for title in kinds} == kinds


@pytest.mark.parametrize("path", ["/fr/recherche/", "/en/search/"])
@pytest.mark.parametrize("query", ["", "CGIT", "mot-introuvable"])
def test_results_pages_are_kept_out_of_search_engines(client, demo_content, path, query):
    response = client.get(path, {"q": query} if query else {})
    assert response["X-Robots-Tag"] == "noindex"
    assert "noindex" in soup_of(response).select_one('meta[name="robots"]')["content"]


def test_markup_in_the_query_and_in_the_text_is_escaped(client, demo_content):
    ContentPageFactory(
        parent=HomePage.objects.get(),
        title="Page de test",
        intro_fr="Le xylophone <script>alert(1)</script> joue.",
    )
    response = client.get("/fr/recherche/", {"q": 'xylophone <script>alert("q")</script>'})
    body = response.content.decode()
    assert "<script>alert" not in body
    response = client.get("/fr/recherche/", {"q": "xylophone"})
    excerpt = soup_of(response).select_one(".search-result__excerpt")
    assert excerpt.get_text() == "Le xylophone <script>alert(1)</script> joue."
    assert [tag.name for tag in excerpt.find_all(True)] == ["mark"]
    assert "<script>alert" not in response.content.decode()


def test_query_count_does_not_grow_with_the_results(client, demo_content, django_assert_max_num_queries):
    home = HomePage.objects.get()
    client.get("/fr/recherche/", {"q": "xylophone"})  # warm the site's caches
    with django_assert_max_num_queries(40) as few:
        client.get("/fr/recherche/", {"q": "APNIC"})
    for number in range(10):
        ContentPageFactory(
            parent=home, title=f"Xylophone {number}", intro_fr="Un xylophone lagunaire. APNIC aussi."
        )
    with django_assert_max_num_queries(len(few.captured_queries) + 3):
        client.get("/fr/recherche/", {"q": "APNIC"})


def test_editors_find_pages_by_the_title_of_either_language(admin_client, demo_content):
    from django.urls import reverse

    # The admin's page search completes titles (the "simple" configuration, both languages).
    for word in ("formation", "trainin"):
        response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": word})
        assert CCI_FR in response.content.decode(), word


def test_search_without_a_language_matches_either(demo_content, postgresql):
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    for word, language in (("formation", "fr"), ("trained", "en")):
        assert CCI_FR in [page.title for page in get_search_backend().search(word, Page.objects.all())]
        titles = [
            page.title for page in get_search_backend(LANGUAGE=language).search(word, Page.objects.all())
        ]
        assert CCI_FR in titles
    assert CCI_FR not in [
        p.title for p in get_search_backend(LANGUAGE="fr").search("trained", Page.objects.all())
    ]
