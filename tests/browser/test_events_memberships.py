"""Events and memberships in the browser: filters without JavaScript, calendars, JSON-LD.

Their pages' axe, Nu HTML Checker and phone-width checks run in test_quality.py.
"""

import json

from playwright.sync_api import expect

from tests.browser.pages import PAGES


def test_filters_work_by_keyboard_without_javascript(visit, site):
    page = visit(java_script_enabled=False).page
    page.goto(site + PAGES["event-index-fr"])
    page.get_by_label("Année").select_option("2018")
    page.get_by_label("Rôle de l’OPT-NC").select_option("participant")
    page.get_by_role("button", name="Filtrer").press("Enter")
    expect(page).to_have_url(site + "/fr/evenements/?year=2018&role=participant")
    expect(page.locator(".card__link")).to_have_text(["Réunion des membres de la PITA", "Conférence du PTC"])
    page.get_by_role("link", name="Voir tous les événements").click()
    expect(page.locator(".card__link")).to_have_count(7)


def test_calendar_links_serve_icalendar_files(visit, site):
    page = visit().page
    page.goto(site + PAGES["event-fr"])
    link = page.get_by_role("link", name="Ajouter à mon agenda")
    response = page.request.get(site + link.get_attribute("href"))
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "DTSTART;VALUE=DATE:20180906" in response.text()
    page.goto(site + PAGES["event-index-fr"])
    href = page.locator('head link[type="text/calendar"]').get_attribute("href")
    assert page.request.get(site + href).text().count("BEGIN:VEVENT") == 3


def test_event_page_carries_its_json_ld(visit, site):
    page = visit().page
    page.goto(site + PAGES["event-en"])
    blocks = [
        json.loads(text) for text in page.locator('script[type="application/ld+json"]').all_text_contents()
    ]
    (data,) = [block for block in blocks if block.get("@type") == "Event"]
    assert (data["@type"], data["startDate"], data["endDate"]) == ("Event", "2018-09-06", "2018-09-13")
    assert data["location"]["address"]["addressLocality"] == "Nouméa"
