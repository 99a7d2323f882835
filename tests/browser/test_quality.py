"""Accessibility (axe-core), HTML validity (Nu HTML Checker) and phone layout of every page."""

import json
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import AXE_TAGS
from tests.browser.pages import PAGES


def run_axe(page, axe_source):
    # Evaluated by the browser's DevTools protocol, which the site's CSP does not govern: an
    # inline <script> of axe's source would be refused (and reported) like any other.
    page.evaluate(axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(visit, site, axe_source, name):
    page = visit().page
    page.goto(site + PAGES[name])
    assert run_axe(page, axe_source) == []


def test_no_axe_violations_with_sections_open(visit, site, axe_source):
    page = visit().page
    page.goto(site + PAGES["openness-fr"])
    for button in page.locator("[data-expandable-toggle]").all():
        button.click()
    assert run_axe(page, axe_source) == []


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 pages are checked too
        return error.read()


def server_error_pages():
    """The 500 and 503 pages cannot be reached on purpose: render them as the handlers do."""
    from django.test import RequestFactory

    from optnc_site.core.faults import database_unavailable
    from optnc_site.core.views import server_error

    browser = {"HTTP_ACCEPT": "text/html"}
    pages = {}
    for code in ("fr", "en"):
        pages[f"server-error-{code}"] = server_error(RequestFactory().get(f"/{code}/x/")).content
        pages[f"unavailable-{code}"] = database_unavailable(
            RequestFactory().get(f"/{code}/x/", **browser)
        ).content
    return pages


@pytest.mark.parametrize("name", ["server-error-fr", "server-error-en", "unavailable-fr", "unavailable-en"])
def test_no_axe_violations_on_the_500_and_503_pages(visit, site, axe_source, name):
    page = visit().page
    page.goto(site + "/fr/")
    page.set_content(server_error_pages()[name].decode())
    assert run_axe(page, axe_source) == []


def test_no_nu_html_checker_errors(site, vnu_command, tmp_path):
    files = []
    pages = {name: fetch(site + path) for name, path in PAGES.items()} | server_error_pages()
    for name, html in pages.items():
        file = tmp_path / f"{name}.html"
        file.write_bytes(html)
        files.append(str(file))
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []


@pytest.mark.parametrize("name", PAGES)
def test_phone_viewport_has_no_horizontal_scroll(visit, site, name):
    page = visit(viewport={"width": 390, "height": 844}, is_mobile=True).page
    page.goto(site + PAGES[name])
    for button in page.locator("[data-expandable-toggle]").all():
        button.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
