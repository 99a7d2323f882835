"""Clicking "English" keeps what the visitor asked for: the search words, the list's filters."""

import re

from playwright.sync_api import expect

from tests.browser.test_quality import run_axe


def click_english(page):
    page.locator(".language-switcher").get_by_role("link", name="English").click()


def test_search_results_switch_to_english_with_the_query(visit, site, axe_source):
    page = visit(viewport={"width": 390, "height": 844}).page
    page.goto(f"{site}/fr/")
    page.get_by_role("searchbox", name="Rechercher sur le site").fill("APNIC")
    page.get_by_role("button", name="Rechercher", exact=True).click()
    page.wait_for_url(re.compile(r"/fr/recherche/\?q=APNIC$"))
    expect(page.locator(".search-result").first).to_be_visible()
    click_english(page)
    page.wait_for_url(f"{site}/en/search/?q=APNIC")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("searchbox", name="Search terms")).to_have_value("APNIC")
    expect(page.locator(".search-result").first).to_be_visible()
    assert run_axe(page, axe_source) == []


def test_a_filtered_news_list_switches_to_english_with_its_filter(visit, site, axe_source):
    page = visit(viewport={"width": 1280, "height": 900}).page
    page.goto(f"{site}/fr/actualites/")
    convention = page.get_by_label("Convention", exact=True)
    choice = convention.locator("option").nth(1)
    value = choice.get_attribute("value")
    convention.select_option(value)
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url(re.compile(rf"/fr/actualites/\?convention={value}"))
    click_english(page)
    page.wait_for_url(re.compile(rf"{re.escape(site)}/en/news/\?convention={value}"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("Agreement", exact=True)).to_have_value(value)
    assert run_axe(page, axe_source) == []
