"""The header on phones: nothing overlaps or overflows, at 320, 360 and 390 px, in French and
English, with and without the text spacing of WCAG 1.4.12; search is one tap away."""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import PAGES
from tests.browser.test_quality import run_axe

# WCAG 1.4.12: what a reader may set without losing content or function. Added as a
# constructed style sheet, as a reader's own style would be: the site's CSP refuses <style>.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
APPLY_STYLE = """css => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# Every control of the header, with its box as the browser lays it out.
HEADER_CONTROLS = """() => [...document.querySelectorAll(
    ".site-brand, .search-form input, .search-form button, .language-switcher a, .main-nav a"
)].map(element => {
    const box = element.getBoundingClientRect();
    return {
        name: element.matches("input") ? "search field" : element.textContent.trim(),
        left: box.left, right: box.right, top: box.top, bottom: box.bottom,
        width: box.width, height: box.height,
    };
})"""

WIDTHS = [320, 360, 390]
LANGUAGES = {"fr": PAGES["openness-fr"], "en": PAGES["openness-en"]}


def overlapping(controls):
    """Pairs of controls whose boxes share more than a sliver (half a pixel each way)."""
    pairs = []
    for index, first in enumerate(controls):
        for second in controls[index + 1 :]:
            width = min(first["right"], second["right"]) - max(first["left"], second["left"])
            height = min(first["bottom"], second["bottom"]) - max(first["top"], second["top"])
            if width > 0.5 and height > 0.5:
                pairs.append((first["name"], second["name"], round(width), round(height)))
    return pairs


def open_phone(visit, site, width, language, spacing):
    page = visit(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True).page
    page.goto(site + LANGUAGES[language])
    if spacing:
        page.evaluate(APPLY_STYLE, TEXT_SPACING)
    return page


@pytest.mark.parametrize("spacing", [False, True], ids=["default-spacing", "text-spacing"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_header_controls_neither_overlap_nor_overflow(visit, site, width, language, spacing):
    page = open_phone(visit, site, width, language, spacing)
    controls = page.evaluate(HEADER_CONTROLS)
    assert len(controls) >= 9  # brand, field, button, two languages, the menu's items
    assert overlapping(controls) == []
    outside = [c["name"] for c in controls if c["left"] < 0 or c["right"] > width + 0.5]
    assert outside == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    field = next(c for c in controls if c["name"] == "search field")
    button = page.locator(".search-form button").bounding_box()
    assert field["height"] >= 44 and button["height"] >= 44
    assert field["width"] >= 120

    # The menu shows every item: no list scrolling sideways with items out of sight.
    menu = page.locator(".main-nav__list")
    assert menu.evaluate("list => list.scrollWidth <= list.clientWidth")
    for item in page.locator(".main-nav a").all():
        expect(item).to_be_in_viewport()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_phone_header_passes_axe(visit, site, axe_source, width, language):
    page = open_phone(visit, site, width, language, spacing=False)
    assert run_axe(page, axe_source) == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_search_is_one_tap_away(visit, site, javascript):
    context = visit(
        viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True, java_script_enabled=javascript
    )
    page = context.page
    page.goto(site + PAGES["openness-fr"])
    field = page.locator(".site-header #site-search")
    expect(field).to_be_in_viewport()
    field.tap()
    expect(field).to_be_focused()
    page.keyboard.type("APNIC")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/recherche/?q=APNIC")
    expect(page.locator(".search-results a", has_text="APNIC").first).to_be_visible()
