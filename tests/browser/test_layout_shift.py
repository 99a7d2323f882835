"""The « Lire la suite » sections are closed from the first paint: the page does not shift."""

from playwright.sync_api import expect

from tests.browser.pages import PAGES

# Registered before the page's first byte: every layout shift of the load is recorded.
OBSERVE_SHIFTS = """
window.__layoutShifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    window.__layoutShifts.push({value: entry.value, hadRecentInput: entry.hadRecentInput});
  });
}).observe({type: "layout-shift", buffered: true});
"""


def cumulative_shift(page):
    return page.evaluate(
        "window.__layoutShifts.filter(e => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0)"
    )


def test_openness_page_does_not_shift_on_a_phone(visit, site):
    page = visit(viewport={"width": 390, "height": 844}).page
    page.add_init_script(OBSERVE_SHIFTS)
    page.goto(site + PAGES["openness-fr"], wait_until="load")
    page.wait_for_timeout(500)
    shift = cumulative_shift(page)
    assert shift < 0.001, f"cumulative layout shift {shift:.4f}: {page.evaluate('window.__layoutShifts')}"
    # And the sections did close, with their buttons shown.
    toggle = page.locator("[data-expandable-toggle]").first
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("[data-expandable-content]").first).to_be_hidden()


def test_openness_page_does_not_shift_on_a_desktop(visit, site):
    page = visit(viewport={"width": 1280, "height": 900}).page
    page.add_init_script(OBSERVE_SHIFTS)
    page.goto(site + PAGES["openness-fr"], wait_until="load")
    page.wait_for_timeout(500)
    assert cumulative_shift(page) < 0.001
