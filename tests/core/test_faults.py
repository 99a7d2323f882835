"""The 503 answer of a database that does not answer (optnc_site/core/faults.py), in process.

tests/ops/test_faults.py cuts a real PostgreSQL off a running gunicorn; these check the
answer itself, and that a page cache above the handler keeps serving what it holds.
"""

import pytest
from django.conf import settings
from django.test import override_settings

from optnc_site.core import faults
from tests.helpers import soup_of, unreachable_database

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    "path,lang,title",
    [
        ("/fr/", "fr", "Site momentanément indisponible"),
        ("/en/", "en", "Site temporarily unavailable"),
        ("/", "fr", "Site momentanément indisponible"),
    ],
)
def test_a_browser_gets_the_503_page_in_the_language_of_the_address(client, home, path, lang, title):
    with unreachable_database():
        response = client.get(path, HTTP_ACCEPT=BROWSER, follow=True)
    soup = soup_of(response, 503)
    assert response["Retry-After"] == str(faults.RETRY_AFTER)
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Language"] == lang
    assert "Accept" in response["Vary"]
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == title
    assert soup.title.get_text() == f"{title} — OPT-NC"
    assert soup.select_one("main#contenu p")
    assert not soup.select("nav"), "no menu: it would come from the database"


@pytest.mark.parametrize(
    "accept",
    [None, "*/*", "application/json", "application/rss+xml, application/atom+xml;q=0.9, */*;q=0.1"],
)
def test_other_clients_get_one_sentence_of_plain_text(client, home, accept):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    with unreachable_database():
        response = client.get("/en/news/rss/", **headers)
    assert response.status_code == 503
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Retry-After"] == str(faults.RETRY_AFTER)
    assert (
        response.content.decode()
        == "The site is temporarily unavailable. Please try again in a few minutes.\n"
    )


def test_a_database_failure_in_a_middleware_is_a_503_too(client, home):
    # A 404 makes Wagtail's redirects middleware look the path up: the error is raised
    # after the view, and reaches the 500 handler, which answers 503 for it.
    client.raise_request_exception = False
    with unreachable_database():
        response = client.get("/nulle-part", HTTP_ACCEPT=BROWSER)
    assert soup_of(response, 503).h1.get_text() == "Site momentanément indisponible"


def test_other_server_errors_stay_500(client, home, monkeypatch):
    from optnc_site.core import models

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(models.HomePage, "get_context", explode)
    client.raise_request_exception = False
    response = client.get("/fr/", HTTP_ACCEPT=BROWSER)
    assert soup_of(response, 500).h1.get_text() == "Le site rencontre un problème"


CACHED_SITE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *settings.MIDDLEWARE,
    "django.middleware.cache.FetchFromCacheMiddleware",
]


@override_settings(MIDDLEWARE=CACHED_SITE, CACHE_MIDDLEWARE_SECONDS=60)
def test_a_page_cache_above_the_handler_keeps_serving_and_never_stores_the_503(client, home):
    # Django's own page cache stands for the site's: what it holds is served without the
    # database; what it does not hold is a 503, which it does not keep.
    assert client.get("/fr/", HTTP_ACCEPT=BROWSER).status_code == 200
    with unreachable_database():
        cached = client.get("/fr/", HTTP_ACCEPT=BROWSER)
        assert cached.status_code == 200
        assert soup_of(cached).h1
        assert client.get("/en/", HTTP_ACCEPT=BROWSER).status_code == 503
    assert client.get("/en/", HTTP_ACCEPT=BROWSER).status_code == 200


def test_with_debug_on_a_developer_gets_the_traceback(rf, settings):
    from django.db import OperationalError

    error = OperationalError("no such table: wagtailcore_site")
    middleware = faults.DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(rf.get("/fr/"), error).status_code == 503
    settings.DEBUG = True
    assert middleware.process_exception(rf.get("/fr/"), error) is None
