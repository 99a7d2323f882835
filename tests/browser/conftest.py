"""Browser suite: Playwright drives the system Chromium against a live server.

The demo site, built once per session in the test database (tests/conftest.py), is served
by a live server thread; the tests only read it, through the browser.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytest_django.live_server_helper import LiveServer

from tests.helpers import missing_tool

ROOT = Path(__file__).resolve().parent.parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)
            # Tells pytest-django to create the test database these tests are served from.
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def chromium_path():
    if not CHROMIUM:
        missing_tool("Chromium is not installed (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        missing_tool("axe-core is missing (npm ci --ignore-scripts)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_command():
    java = shutil.which("java")
    if not VNU.exists() or not java:
        missing_tool("vnu.jar or Java is missing (npm ci --ignore-scripts; a Java runtime)")
    return [java, "-jar", str(VNU)]


@pytest.fixture(scope="session")
def site(demo_site, django_db_blocker):
    """The live server, serving the demo site (committed once, never flushed)."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        yield server.url
        server._live_server_modified_settings.disable()
        server.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django refuses ORM calls
    # there unless told that this thread is a test harness.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Reports every Content-Security-Policy violation of every document and frame, as the
# browser sees it (the event fires even for what the console does not say).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation({
        page: location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        disposition: event.disposition,
    });
}, true);
"""
# What Chromium writes to the console about the site's security headers.
HEADER_CONSOLE_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


class Visit:
    """A browser context that refuses, and records, any request to another host, and records
    every CSP violation and every console complaint about the security headers."""

    def __init__(self, browser, site, **context_options):
        self.site_host = urlsplit(site).netloc
        self.foreign_requests = []
        self.csp_violations = []
        self.context = browser.new_context(**context_options)
        self.context.route("**/*", self._only_own_host)
        self.context.expose_binding("reportCspViolation", self._record_violation)
        self.context.add_init_script(REPORT_CSP_VIOLATIONS)
        self.context.on("page", self._watch_console)
        self.page = self.context.new_page()

    def _record_violation(self, _source, report):
        self.csp_violations.append(report)

    def _watch_console(self, page):
        def record(message):
            about_headers = any(word in message.text for word in HEADER_CONSOLE_WORDS)
            if message.type in {"error", "warning"} and about_headers:
                self.csp_violations.append({"page": page.url, "console": message.text})

        page.on("console", record)

    def _only_own_host(self, route):
        url = route.request.url
        if urlsplit(url).netloc == self.site_host or url.startswith("data:"):
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site):
    """Open pages like a visitor; the test fails if any page asked for another host, or
    broke (or had the browser complain about) the site's Content-Security-Policy."""
    visits = []

    def open_context(**options):
        visits.append(Visit(browser, site, **options))
        return visits[-1]

    yield open_context
    foreign = [url for item in visits for url in item.foreign_requests]
    violations = [report for item in visits for report in item.csp_violations]
    for item in visits:
        item.close()
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert violations == [], f"Content-Security-Policy violations: {violations}"


def log_in(visit, site, username, password):
    """A new browser context signed in to the admin through its real login page."""
    page = visit(viewport={"width": 1280, "height": 900}).page
    page.goto(f"{site}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    return page
