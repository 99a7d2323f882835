"""The in-page table of contents of content pages (issue #11, point 8), as served."""

import json
from collections import Counter

from bs4 import BeautifulSoup

from tests.core.factories import ContentPageFactory


def heading(block_id, text, level="h2", anchor=""):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": anchor}, "id": block_id}


def paragraph(block_id, text):
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": block_id}


def section(block_id, label, *content):
    return {
        "type": "expandable_section",
        "value": {
            "label": label,
            "teaser": [paragraph(f"{block_id}-t", "Accroche.")],
            "content": list(content),
        },
        "id": block_id,
    }


BODY = [
    paragraph("p0", "Introduction."),
    heading("h-a", "Nos missions"),
    heading("h-b", "Le détail", level="h3"),
    heading("h-c", "Contenu"),  # the words of the page's own « contenu » id
    heading("h-d", "Nos missions"),  # the same words again
    heading("h-e", "Convention", anchor="convention-cci"),
    section("s-1", "la coopération régionale", heading("h-f", "Signature d'un accord", level="h3")),
]


def served(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_table_of_contents_lists_the_headings_and_sections_with_links_that_land(client, home):
    page = ContentPageFactory(parent=home, title="Longue page", slug="longue", body=json.dumps(BODY))
    page.save_revision().publish()
    soup = served(client, "/fr/longue/")

    toc = soup.select_one("article nav.toc")
    assert toc["aria-labelledby"] == "toc-title"
    assert soup.find(id="toc-title").get_text() == "Sur cette page"
    top = [(a.get_text(), a["href"]) for a in toc.select(".toc__list > li > a")]
    assert top == [
        ("Nos missions", "#nos-missions"),
        ("Contenu", "#partie-contenu"),
        ("Nos missions", "#nos-missions-2"),
        ("Convention", "#convention-cci"),
        ("La coopération régionale", "#la-cooperation-regionale"),
    ]
    nested = [[a.get_text() for a in li.select(":scope > ol a")] for li in toc.select(".toc__list > li")]
    assert nested == [["Le détail"], [], [], [], ["Signature d’un accord"]]  # French typography

    # Each link leads to the block it names, and no id is written twice.
    ids = Counter(element["id"] for element in soup.find_all(id=True))
    assert [id_ for id_, count in ids.items() if count > 1] == []
    assert soup.find(id="nos-missions").name == "h2"
    assert soup.find(id="le-detail").name == "h3"
    assert soup.find(id="convention-cci").get_text() == "Convention"
    assert "expandable" in soup.find(id="la-cooperation-regionale")["class"]
    assert soup.find(id="signature-dun-accord").get_text() == "Signature d’un accord"
    for link in toc.select("a"):
        assert ids[link["href"][1:]] == 1, link
    # After the title, before the text: where phones and screen readers meet it.
    article = soup.select_one("article")
    assert [child.name for child in article.find_all(recursive=False)][:3] == ["header", "nav", "div"]
    assert "page--aside" in article["class"]


def test_english_page_has_its_own_table_of_contents(client, home):
    body_en = [heading("e-1", "Our missions"), heading("e-2", "Agreements")]
    page = ContentPageFactory(
        parent=home,
        title="Longue page",
        slug="longue",
        title_en="Long page",
        slug_en="long",
        body=json.dumps(BODY),
        body_en=json.dumps(body_en),
    )
    page.save_revision().publish()
    soup = served(client, "/en/long/")
    toc = soup.select_one("nav.toc")
    assert soup.find(id="toc-title").get_text() == "On this page"
    assert [(a.get_text(), a["href"]) for a in toc.select("a")] == [
        ("Our missions", "#our-missions"),
        ("Agreements", "#agreements"),
    ]
    assert soup.find(id="our-missions").get_text() == "Our missions"


def test_a_page_with_one_heading_has_no_table_of_contents(client, home):
    body = [paragraph("p0", "Texte."), heading("h-a", "Un seul titre"), paragraph("p1", "Suite.")]
    page = ContentPageFactory(parent=home, title="Courte", slug="courte", body=json.dumps(body))
    page.save_revision().publish()
    soup = served(client, "/fr/courte/")
    assert soup.select_one("nav.toc") is None
    assert "page--aside" not in soup.select_one("article")["class"]
    # Its heading still takes an id, for links from elsewhere.
    assert soup.find("h2", string="Un seul titre")["id"] == "un-seul-titre"
