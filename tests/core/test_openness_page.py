"""The openness page, served in both languages from the demo content."""

import re

import pytest

from optnc_site.core.typography import french_text
from tests.conftest import OPENNESS_EN, OPENNESS_FR, SEED
from tests.helpers import soup_of

# Lines of the seed that are interface, not prose: toggles, image placeholders, the
# link label and the signature (checked separately below).
INTERFACE_LINES = {
    "Lire la suite Fermer",
    "Image",
    "Logo APNIC",
    "En savoir plus",
    "Gaëlle DOS SANTOS Chef du service communication",
}


def normalise(text):
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def seed_sentences():
    sentences = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = normalise(line).lstrip("• ").strip()
        if not line or line in INTERFACE_LINES:
            continue
        # Footnotes start with their number, which the page renders in its own element.
        line = re.sub(r"^\d\s?", "", line) if re.match(r"^\d[A-Z ]", line) else line
        sentences.extend(s for s in re.split(r"(?<=[.!?…:])\s+(?=[A-ZÀ-Ý«])", line) if s)
    return sentences


def page_text(soup):
    return normalise(soup.get_text(""))


@pytest.fixture
def french_page(client, demo_content):
    return soup_of(client.get(OPENNESS_FR))


@pytest.fixture
def english_page(client, demo_content):
    return soup_of(client.get(OPENNESS_EN))


def test_seed_has_sentences_to_check():
    assert len(seed_sentences()) >= 30


def test_every_sentence_of_the_seed_is_on_the_french_page(french_page):
    text = page_text(french_page)
    # As French typography sets it (core/typography.py): spaces, apostrophes, "1er".
    missing = [sentence for sentence in seed_sentences() if normalise(french_text(sentence)) not in text]
    assert missing == []


def test_french_page_shows_signature_logo_and_more_link(french_page):
    soup = french_page
    signature = soup.select_one(".quote__signature")
    assert normalise(signature.get_text(" ")) == "Gaëlle DOS SANTOS Chef du service communication"
    assert soup.find("img", alt="Logo APNIC") is not None
    conference = soup.select(".image-block img")[1]
    assert "APNIC 46" in conference["alt"]
    more = soup.select_one(".more-link a")
    assert normalise(more.get_text(" ")).startswith("En savoir plus")
    assert more["href"] == "/fr/actualites/signature-d-une-convention-avec-la-cci/"


def test_three_expandable_sections_each_with_a_teaser(french_page):
    sections = french_page.select("[data-expandable]")
    assert len(sections) == 3
    for section in sections:
        assert normalise(section.select_one(".expandable__teaser").get_text())
        content = section.select_one("[data-expandable-content]")
        button = section.select_one("button[data-expandable-toggle]")
        assert button["aria-controls"] == content["id"]
        label = button.select_one("[data-expandable-label]")
        assert label["data-label-closed"] == "Lire la suite"
        assert label["data-label-open"] == "Fermer"
    # The hidden text is in the HTML, for search engines and find-in-page.
    assert "Membre de la PITA depuis 2002" in page_text(sections[2])


def test_key_figure_carries_the_seed_sentence(french_page):
    figure = french_page.select_one(".key-figure")
    assert "70" in figure.select_one(".key-figure__value").get_text()
    assert normalise(figure.select_one(".key-figure__text").get_text()) == (
        "Depuis 2015, ce sont plus de 70 temps d’information et d’échanges qui ont été initiées par l’OPT-NC."
    )


def test_footnotes_link_both_ways(french_page):
    soup = french_page
    for number, term in ((1, "Pacific Islands"), (2, "Asia Pacific Top Level"), (3, "Internet Corporation")):
        reference = soup.find("a", id=f"note-ref-{number}")
        assert reference["href"] == f"#note-{number}"
        assert reference.get_text() == str(number)
        note = soup.find(id=f"note-{number}")
        assert term in note.get_text()
        assert note.select_one(f'a[href="#note-ref-{number}"]') is not None


def test_english_page_is_translated(english_page):
    soup = english_page
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "Committing to a policy based on openness"
    text = page_text(soup)
    assert "OPT-NC has been a member of the Asia Pacific Network Information Centre (APNIC)" in text
    assert "Membre de la PITA" not in text
    labels = soup.select("[data-expandable-label]")
    assert {label["data-label-closed"] for label in labels} == {"Read more"}
    assert {label["data-label-open"] for label in labels} == {"Close"}
    assert soup.find("img", alt="APNIC logo") is not None
    assert soup.select_one(".more-link a")["href"] == "/en/news/signing-agreement-cci/"


@pytest.mark.parametrize("path", [OPENNESS_FR, OPENNESS_EN])
def test_breadcrumb_leads_home(client, demo_content, path):
    soup = soup_of(client.get(path))
    crumbs = soup.select(".breadcrumb li a")
    assert len(crumbs) == 4
    assert crumbs[-1]["aria-current"] == "page"
    assert crumbs[-1]["href"] == path


@pytest.mark.parametrize(
    "path,prefix",
    [(OPENNESS_FR, "/fr/adhesions-internationales/"), (OPENNESS_EN, "/en/international-memberships/")],
)
def test_international_section_links_memberships_and_events(client, demo_content, path, prefix):
    soup = soup_of(client.get(path))
    international = soup.select("[data-expandable]")[2]
    links = {a["href"] for a in international.select(".rich-text a")}
    itu = f"{prefix}uit/" if path == OPENNESS_FR else f"{prefix}itu/"
    assert {f"{prefix}apnic/", f"{prefix}pita/", itu} <= links
    events = "/fr/evenements/" if path == OPENNESS_FR else "/en/events/"
    assert len([href for href in links if href.startswith(events)]) == 2
    listed = [a["href"] for a in international.select(".page-list .card__link")]
    assert listed == [f"{prefix}apnic/", f"{prefix}pita/", itu]


def test_rich_text_links_follow_a_renamed_page(client, demo_content):
    from partnerships.models import ConventionPage

    before = soup_of(client.get(OPENNESS_FR))
    assert before.find("a", href="/fr/partenariats/accord-cadre-enercal/") is not None
    convention = ConventionPage.objects.get(slug_fr="accord-cadre-enercal")
    convention.slug_fr = convention.slug = "accord-cadre-avec-enercal"
    convention.save_revision().publish()
    after = soup_of(client.get(OPENNESS_FR))
    assert after.find("a", href="/fr/partenariats/accord-cadre-avec-enercal/") is not None
    assert after.find("a", href="/fr/partenariats/accord-cadre-enercal/") is None
