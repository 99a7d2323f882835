"""A database that does not answer is an outage visitors are told about: 503, not 500.

With PostgreSQL down (stopped, restarting, unreachable), every page fails on its first
query with Django's ``OperationalError`` or ``InterfaceError``. Visitors then get a short
page saying the site is unavailable for a moment, in the language of the address they
asked for, with ``Retry-After`` (browsers, crawlers and proxies come back later instead of
taking the page for broken); a client that does not prefer HTML (a feed reader, curl, a
script) gets the same sentence as plain text. Nothing on the way reads the database again:
the page is rendered without a request context, so no menu, no site settings, no session.

Recovery needs no restart: ``CONN_MAX_AGE`` with ``conn_health_checks`` (settings/base.py)
makes Django drop a connection that failed and open a new one on the next request, and the
``connect_timeout`` bounds how long a request waits for a database host that drops packets.

Two ways in, one answer:

- ``DatabaseUnavailableMiddleware.process_exception``: an error raised by a view or while its
  template response renders (nearly every case). Logged as one warning line per request,
  without a traceback: during an outage the log says what happens, not why a hundred times.
- ``server_error`` (the 500 handler) asks ``database_unavailable_response`` too, for an error
  raised by a middleware after the view (Wagtail's redirects lookup on a 404).

A page cache placed above this (a middleware earlier in ``MIDDLEWARE``, or a front cache)
keeps answering what it holds: the 503 says ``Cache-Control: no-store``, so it never
replaces a cached page.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client is asked to wait: a PostgreSQL restart or fail-over takes about as long.
RETRY_AFTER = 30
# For the clients that do not prefer HTML (feed readers, scripts).
PLAIN_MESSAGE = gettext_lazy(
    "Le site est momentanément indisponible. Merci de réessayer dans quelques minutes."
)


def path_language(request):
    """The language of the requested address (``/en/…``), else the site's first language."""
    code = request.path.strip("/").split("/", 1)[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def render_error_page(request, template_name):
    """An error page in the path's language, rendered without the database.

    No request is given to the template, so no context processor runs (no site settings, no
    user, no messages): the page cannot fail again for the reason it is shown.
    """
    language = path_language(request)
    with translation.override(language):
        return language, loader.render_to_string(template_name, {"LANGUAGE_CODE": language})


def database_unavailable(request):
    """The 503 answer: an HTML page for browsers, one sentence of plain text for the others."""
    if request.get_preferred_type(["text/plain", "text/html"]) == "text/html":
        language, body = render_error_page(request, "503.html")
        content_type = "text/html; charset=utf-8"
    else:
        language = path_language(request)
        with translation.override(language):
            body = f"{PLAIN_MESSAGE}\n"
        content_type = "text/plain; charset=utf-8"
    response = HttpResponse(body, status=503, content_type=content_type)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept"])
    return response


def database_unavailable_response(request, exception):
    """The 503 answer if ``exception`` says the database does not answer, else ``None``.

    Not with ``DEBUG`` on: a developer who forgot ``migrate`` (SQLite's "no such table" is an
    ``OperationalError`` too) gets Django's traceback, not an outage page.
    """
    if settings.DEBUG or not isinstance(exception, DATABASE_ERRORS):
        return None
    logger.warning("Database unavailable, 503 for %s %s: %s", request.method, request.path, exception)
    return database_unavailable(request)


class DatabaseUnavailableMiddleware:
    """Turns a database failure of a view into the 503 answer (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return database_unavailable_response(request, exception)
