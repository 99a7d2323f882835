"""On a 1280 px screen the pages use the frame: the text and, beside it, the table of
contents; cards in a grid; images at the column's width; key figures and partner badges
said once (issue #11, point 8)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import PAGES

DESKTOP = {"width": 1280, "height": 900}
OPENNESS = {"fr": PAGES["openness-fr"], "en": PAGES["openness-en"]}

# The text the eye meets in an element: the text nodes painted in more than a sliver, in
# an element wider than one (text kept for screen readers in a 1 px clip is left out),
# aria-hidden or not.
VISIBLE_TEXT = """element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const parts = [];
    const painted = b => b.width > 2 && b.height > 2;
    while (walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(walker.currentNode);
        const parent = walker.currentNode.parentElement.getBoundingClientRect();
        if (painted(range.getBoundingClientRect()) && painted(parent)) {
            parts.push(walker.currentNode.textContent);
        }
    }
    return parts.join(" ").replace(/\\s+/g, " ").trim();
}"""


def open_desktop(visit, site, path):
    page = visit(viewport=DESKTOP).page
    page.goto(site + path)
    return page


def box(locator):
    return locator.evaluate(
        "e => { const b = e.getBoundingClientRect(); return {left: b.left, right: b.right} }"
    )


@pytest.mark.parametrize("language", OPENNESS)
def test_text_and_table_of_contents_use_the_frame(visit, site, language):
    page = open_desktop(visit, site, OPENNESS[language])
    frame = page.locator(".site-main").evaluate(
        "main => { const s = getComputedStyle(main); const b = main.getBoundingClientRect();"
        " return {left: b.left + parseFloat(s.paddingLeft), right: b.right - parseFloat(s.paddingRight)} }"
    )
    text, toc = box(page.locator(".page__body")), box(page.locator("nav.toc"))
    assert toc["left"] >= text["right"]  # beside the text, not under it
    used = (max(text["right"], toc["right"]) - min(text["left"], toc["left"])) / (
        frame["right"] - frame["left"]
    )
    assert used >= 0.8, f"the text and its aside use {used:.0%} of the frame"
    # The text keeps a reading measure.
    assert text["right"] - text["left"] <= 46 * 16 + 1


@pytest.mark.parametrize("language", OPENNESS)
def test_table_of_contents_links_land_even_in_closed_sections(visit, site, language):
    page = open_desktop(visit, site, OPENNESS[language])
    links = page.locator("nav.toc a")
    hrefs = [link.get_attribute("href") for link in links.all()]
    assert len(hrefs) >= 3
    for href in hrefs:
        assert page.locator(f"[id='{href[1:]}']").count() == 1, href
    # A heading inside a closed « Lire la suite » section: the link opens the section.
    nested = page.locator("nav.toc li li a").first
    target = page.locator(f"[id='{nested.get_attribute('href')[1:]}']")
    expect(target).to_be_hidden()
    nested.click()
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    section = page.locator("[data-expandable]").filter(has=target)
    expect(section.locator("[data-expandable-toggle]")).to_have_attribute("aria-expanded", "true")


@pytest.mark.parametrize(
    ("path", "column"),
    [
        (PAGES["openness-fr"], ".page__body"),
        (PAGES["openness-en"], ".page__body"),
        ("/fr/evenements/conference-apnic-46/", ".page__header"),
    ],
)
def test_images_take_the_column_width(visit, site, path, column):
    page = open_desktop(visit, site, path)
    for button in page.locator("[data-expandable-toggle]").all():
        button.click()
    width = page.locator(column).evaluate("e => e.clientWidth")
    images = page.locator(".image-block img").all()
    assert images
    for image in images:
        image.scroll_into_view_if_needed()
        expect(image).to_be_visible()
        assert abs(image.evaluate("img => img.getBoundingClientRect().width") - width) <= 2


@pytest.mark.parametrize(
    "path", [PAGES["home-fr"], PAGES["openness-fr"], PAGES["home-en"], PAGES["openness-en"]]
)
def test_key_figure_says_its_figure_once(visit, site, path):
    page = open_desktop(visit, site, path)
    figures = page.locator(".key-figure").all()
    assert figures
    for figure in figures:
        expect(figure).to_be_visible()
        value = figure.locator(".key-figure__value").evaluate("e => e.firstChild.textContent.trim()")
        number = re.search(r"\d+", value).group()
        seen = figure.evaluate(VISIBLE_TEXT)
        assert len(re.findall(rf"\b{number}\b", seen)) == 1, seen
        # And screen readers hear it once, in the whole sentence.
        heard = figure.aria_snapshot()
        assert len(re.findall(rf"\b{number}\b", heard)) == 1, heard


@pytest.mark.parametrize("path", [PAGES["partnership-index-fr"], PAGES["partnership-index-en"]])
def test_partner_name_is_not_repeated_by_its_badge(visit, site, path):
    page = open_desktop(visit, site, path)
    partners = page.locator(".partner").all()
    assert len(partners) >= 10
    for partner in partners:
        name = partner.locator(".partner__name strong").inner_text()
        shown = " ".join(
            partner.locator(".partner-badge, .partner__name").evaluate_all("els => els.map(e => e.innerText)")
        )
        assert shown.count(name) == 1, shown
        acronyms = partner.locator(".partner-badge__acronym").all_inner_texts()
        assert [a for a in acronyms if a in partner.locator(".partner__text").inner_text()] == []


@pytest.mark.parametrize("path", [PAGES["home-fr"], PAGES["partnership-index-fr"], "/fr/evenements/"])
def test_cards_of_index_pages_sit_in_a_grid(visit, site, path):
    page = open_desktop(visit, site, path)
    lists = [
        items
        for items in page.locator(".page-list__items").all()
        if items.locator(":scope > li").count() >= 3
    ]
    assert lists
    for items in lists:
        tops = items.locator(":scope > li").evaluate_all(
            "lis => lis.map(li => li.getBoundingClientRect().top)"
        )
        assert tops[0] == tops[1] == tops[2], tops  # three abreast at 1280 px
        right = items.locator(":scope > li").nth(2).evaluate("li => li.getBoundingClientRect().right")
        frame = page.locator(".site-main").evaluate("main => main.getBoundingClientRect().right")
        assert right <= frame
