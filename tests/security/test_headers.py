"""Security headers (issue #12, point 2): CSP on public pages and in the admin, CORP,
Permissions-Policy, COOP, no wildcard CORS, and the Observatory score they earn."""

import importlib
import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client, override_settings

from optnc_site.core.security import INLINE_SCRIPTS, script_hash
from tests.browser.pages import PAGES
from tests.editorial.conftest import editor  # noqa: F401 - a fixture
from tests.security import observatory

UNSAFE = re.compile(r"'unsafe-(inline|eval|hashes)'|\bdata:|\*")


def policy(response):
    return observatory.parse_csp(response["Content-Security-Policy"])


def inline_scripts(response):
    """The inline scripts a browser would run (JSON-LD and other data blocks are not run)."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        script.string or ""
        for script in soup.find_all("script", src=False)
        if script.get("type", "text/javascript") in {"text/javascript", "module", ""}
    ]


def assert_strict_public_policy(response):
    csp = policy(response)
    header = response["Content-Security-Policy"]
    assert not UNSAFE.search(header), header
    assert csp["default-src"] == {"'none'"}
    assert csp["object-src"] == {"'none'"}
    assert csp["frame-ancestors"] == {"'none'"}
    assert csp["base-uri"] == {"'self'"}
    assert csp["form-action"] == {"'self'"}
    assert csp["style-src"] == {"'self'"}
    assert csp["img-src"] == {"'self'"}
    for source in inline_scripts(response):
        assert script_hash(source) in csp["script-src"], source


@pytest.mark.django_db
def test_a_public_page_has_the_strict_policy_and_the_other_headers(client, home):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert_strict_public_policy(response)
    assert inline_scripts(response) == list(INLINE_SCRIPTS)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    permissions = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert permissions[feature] == "()"
    assert "Access-Control-Allow-Origin" not in response


def test_every_public_page_type_in_both_languages_runs_only_allowed_inline_scripts(client, demo_content):
    """Every page the browser suite walks (tests/browser/pages.py), 404s included."""
    for name, path in PAGES.items():
        response = client.get(path)
        assert response.status_code in {200, 404}, name
        assert_strict_public_policy(response)


@pytest.mark.django_db
def test_the_500_page_runs_no_inline_script(rf):
    from optnc_site.core.views import server_error

    assert inline_scripts(server_error(rf.get("/fr/x/"))) == []


@pytest.mark.django_db
@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_static_files_are_not_shared_with_other_sites():
    response = Client(HTTP_HOST="localhost").get(
        "/static/css/main.css", HTTP_ORIGIN="https://ailleurs.example"
    )
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert policy(response)["default-src"] == {"'none'"}


@pytest.mark.django_db
def test_admin_pages_anyone_reaches_run_no_inline_script(client):
    for url in ("/admin/login/", "/admin/password_reset/"):
        response = client.get(url)
        assert response.status_code == 200
        csp = policy(response)
        assert "'unsafe-inline'" not in csp["script-src"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert csp["frame-ancestors"] == {"'none'"}
        assert csp["object-src"] == {"'none'"}


@pytest.mark.django_db
def test_the_signed_in_admin_policy_allows_only_what_wagtail_needs(client, editor, home):  # noqa: F811
    client.force_login(editor)
    response = client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == {"'self'"}
    # Wagtail 7.4's inline scripts and styles (see optnc_site/core/security.py); no eval.
    assert csp["script-src"] == {"'self'", "'unsafe-inline'"}
    assert csp["style-src"] == {"'self'", "'unsafe-inline'"}
    assert csp["img-src"] == {"'self'", "data:", "blob:"}
    assert csp["object-src"] == {"'none'"}
    assert csp["form-action"] == {"'self'"}
    assert csp["base-uri"] == {"'self'"}
    assert csp["frame-ancestors"] == {"'none'"}
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_preview_may_be_framed_by_the_admin_only(client, editor, home):  # noqa: F811
    client.force_login(editor)
    response = client.get(f"/admin/pages/{home.pk}/edit/preview/?mode=fr")
    assert response.status_code == 200
    assert "<html" in response.content.decode()
    assert policy(response)["frame-ancestors"] == {"'self'"}
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.fixture
def production_security(settings, monkeypatch):
    """The production settings' HTTPS and cookie settings, on the test settings."""
    monkeypatch.setenv("SECRET_KEY", "production-like-key-for-this-test-only")
    production = importlib.import_module("optnc_site.settings.production")
    for name in dir(production):
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_")):
            setattr(settings, name, getattr(production, name))
    return production


@pytest.mark.django_db
def test_the_observatory_grade_is_a_plus(client, home, production_security):
    http_response = client.get("/")
    https_response = client.get("/", secure=True, follow=True)
    assert https_response.status_code == 200
    total, grade, results = observatory.score(http_response, [https_response], host="localhost")
    assert results == {
        "content-security-policy": ("csp-implemented-with-no-unsafe-default-src-none", 10),
        "cookies": ("cookies-not-found", 0),
        "cross-origin-resource-sharing": ("cross-origin-resource-sharing-not-implemented", 0),
        "redirection": ("redirection-to-https", 0),
        "referrer-policy": ("referrer-policy-private", 5),
        "strict-transport-security": ("hsts-implemented-max-age-at-least-six-months", 0),
        "subresource-integrity": ("sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0),
        "x-content-type-options": ("x-content-type-options-nosniff", 0),
        "x-frame-options": ("x-frame-options-implemented-via-csp", 5),
        "cross-origin-resource-policy": ("cross-origin-resource-policy-implemented-with-same-origin", 10),
    }
    assert (total, grade) == (130, "A+")


@pytest.mark.django_db
def test_an_editors_cookies_would_keep_the_grade(client, editor, home, production_security):  # noqa: F811
    """Signing in sets the CSRF and session cookies: Secure, SameSite, the session HttpOnly."""
    login_page = client.get("/admin/login/", secure=True)
    signed_in = client.post(
        "/admin/login/", {"username": editor.username, "password": "une-phrase-de-passe-longue"}, secure=True
    )
    assert signed_in.status_code == 302
    assert {"csrftoken", "sessionid"} <= set(login_page.cookies) | set(signed_in.cookies)
    assert observatory.cookies_modifier([login_page, signed_in]) == (
        "cookies-secure-with-httponly-sessions-and-samesite",
        5,
    )


@pytest.mark.django_db
def test_a_page_cache_can_keep_the_policy(client, home):
    """No nonce: the same page gets the same policy on every request, and its own id."""
    first, second = client.get("/fr/"), client.get("/fr/")
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert first["X-Request-ID"] != second["X-Request-ID"]
