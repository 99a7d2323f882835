"""The "Lire la suite / Fermer" sections, as mouse, keyboard and no-JavaScript users meet them."""

from playwright.sync_api import expect

from tests.browser.pages import PAGES


def sections(page):
    return page.locator("[data-expandable]")


def test_sections_start_closed_and_open_by_mouse(visit, site):
    page = visit().page
    page.goto(site + PAGES["openness-fr"])
    expect(sections(page)).to_have_count(3)
    section = sections(page).nth(2)
    button = section.locator("[data-expandable-toggle]")
    content = section.locator("[data-expandable-content]")
    label = button.locator("[data-expandable-label]")

    expect(button).to_have_attribute("aria-expanded", "false")
    expect(label).to_have_text("Lire la suite")
    expect(content).to_be_hidden()
    expect(section.locator(".expandable__teaser")).to_be_visible()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(label).to_have_text("Fermer")
    expect(content.get_by_text("Membre de la PITA depuis 2002", exact=False)).to_be_visible()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(label).to_have_text("Lire la suite")
    expect(content).to_be_hidden()


def test_keyboard_opens_and_closes_with_focus_kept_on_the_toggle(visit, site):
    page = visit().page
    page.goto(site + PAGES["openness-fr"])
    first_toggle = sections(page).first.locator("[data-expandable-toggle]")
    for _ in range(40):
        page.keyboard.press("Tab")
        if first_toggle.evaluate("element => element === document.activeElement"):
            break
    expect(first_toggle).to_be_focused()

    page.keyboard.press("Enter")
    expect(first_toggle).to_have_attribute("aria-expanded", "true")
    expect(first_toggle).to_be_focused()
    expect(sections(page).first.locator("[data-expandable-content]")).to_be_visible()

    page.keyboard.press("Space")
    expect(first_toggle).to_have_attribute("aria-expanded", "false")
    expect(first_toggle).to_be_focused()
    expect(first_toggle).to_contain_text("Lire la suite")


def test_english_labels(visit, site):
    page = visit().page
    page.goto(site + PAGES["openness-en"])
    button = sections(page).first.locator("[data-expandable-toggle]")
    expect(button.locator("[data-expandable-label]")).to_have_text("Read more")
    button.click()
    expect(button.locator("[data-expandable-label]")).to_have_text("Close")


def test_everything_is_readable_without_javascript(visit, site):
    page = visit(java_script_enabled=False).page
    page.goto(site + PAGES["openness-fr"])
    for index in range(3):
        section = sections(page).nth(index)
        expect(section.locator("[data-expandable-content]")).to_be_visible()
        expect(section.locator("[data-expandable-toggle]")).to_be_hidden()
    expect(page.get_by_text("L’OPT-NC est également membre de l’UIT", exact=False)).to_be_visible()


def test_link_to_an_anchor_inside_a_closed_section_opens_it(visit, site):
    page = visit().page
    page.goto(site + PAGES["openness-fr"] + "#note-2")
    section = sections(page).nth(2)
    expect(section.locator("[data-expandable-toggle]")).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#note-2")).to_be_in_viewport()
    # A footnote reference, followed from an open section, lands on its note.
    page.goto(site + PAGES["openness-fr"])
    section.locator("[data-expandable-toggle]").click()
    page.locator("#note-ref-3").click()
    expect(page.locator("#note-3")).to_be_in_viewport()


def test_print_shows_every_section(visit, site):
    page = visit().page
    page.goto(site + PAGES["openness-fr"])
    page.emulate_media(media="print")
    for index in range(3):
        expect(sections(page).nth(index).locator("[data-expandable-content]")).to_be_visible()
    expect(page.locator("[data-expandable-toggle]").first).to_be_hidden()
