"""The "Lire la suite / Fermer" toggles are named by their words, never by the "+"/"−" glyph."""

import re

from playwright.sync_api import expect

from tests.browser.pages import PAGES


def test_toggle_names_carry_no_glyph(visit, site):
    page = visit().page
    page.goto(site + PAGES["openness-fr"])
    toggles = page.locator("[data-expandable-toggle]")
    expect(toggles.first).to_be_visible()
    names = []
    for index in range(toggles.count()):
        toggle = toggles.nth(index)
        snapshot = toggle.aria_snapshot()
        # '- button "<accessible name>": <text content, which may show the glyph>'
        # YAML quotes the whole key when the name holds a colon.
        match = re.match(r'- \'?button "([^"]*)"', snapshot)
        assert match, snapshot
        name = match.group(1)
        names.append(name)
        assert name.startswith("Lire la suite"), snapshot
        assert "+" not in name and "−" not in name, snapshot
    # Every toggle is found by its exact name: words (and topic), no glyph (its CSS
    # alternative text is empty).
    for name in names:
        expect(page.get_by_role("button", name=name, exact=True).first).to_be_visible()
    # Named sections read their topic after the words, and can be found by that exact name.
    topical = [name for name in names if name != "Lire la suite"]
    assert topical, names
    button = page.get_by_role("button", name=topical[0], exact=True)
    expect(button).to_have_count(1)
    button.click()
    expect(
        page.get_by_role("button", name=topical[0].replace("Lire la suite", "Fermer", 1), exact=True)
    ).to_be_visible()
