"""Every request's id and client address, in its response and in every log line it causes.

``RequestContextMiddleware`` gives each request an id: the ``X-Request-ID`` the trusted
proxy sent (only when ``TRUSTED_PROXY_COUNT`` says there is one, and only if it looks like
an id: 16 to 64 letters, digits, ``-`` or ``_``, so a client cannot write into the logs),
or a new random one. The id goes back in the response's ``X-Request-ID`` header and, with
the client address of ``client_ip``, into a context variable that ``RequestContextFilter``
copies onto every log record (``%(request_id)s`` and ``%(client_ip)s`` in the format);
Sentry events carry it as a tag.

It must be the first middleware: above a page cache, so that a cached page does not answer
with the id of the request that filled the cache.

Why not django-guid: it would take any client's header as the id, cannot tell a request
that came through our proxy from one that did not, and the client address would still need
a middleware of its own.
"""

import contextvars
import logging
import re
import uuid

import sentry_sdk
from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver

from .client_ip import client_ip

HEADER = "X-Request-ID"
WELL_FORMED = re.compile(r"[A-Za-z0-9_-]{16,64}")
EMPTY = {"request_id": "-", "client_ip": "-"}

_context = contextvars.ContextVar("request_context", default=EMPTY)


def current():
    """The request id and client address of the request being served (``-`` outside one)."""
    return _context.get()


def incoming_id(request):
    if getattr(settings, "TRUSTED_PROXY_COUNT", 0) <= 0:
        return None
    value = request.META.get("HTTP_X_REQUEST_ID", "")
    return value if WELL_FORMED.fullmatch(value) else None


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview runs the page as a dummy request inside the real one.
            return self.get_response(request)
        request_id = incoming_id(request) or uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is closed: Django logs a 4xx after the middleware returns.
        _context.set({"request_id": request_id, "client_ip": client_ip(request) or "-"})
        # A no-op unless Sentry was initialised (SENTRY_DSN).
        sentry_sdk.get_isolation_scope().set_tag("request_id", request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


@receiver(request_finished)
def _forget_request(**_kwargs):
    _context.set(EMPTY)


class RequestContextFilter(logging.Filter):
    """Adds ``request_id`` and ``client_ip`` to every record (``-`` outside a request)."""

    def filter(self, record):
        context = _context.get()
        record.request_id = context["request_id"]
        record.client_ip = context["client_ip"]
        return True
