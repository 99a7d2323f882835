"""Request ids and client addresses in responses and logs (issue #12, point 5)."""

import io
import logging
import re

import pytest
from django.conf import settings as django_settings

from optnc_site.core import health
from optnc_site.core.request_id import RequestContextFilter

GENERATED = re.compile(r"[0-9a-f]{32}")
FROM_PROXY = "5f0c6e2a9b1d4e7f8a3c2b1d0e9f8a7b"  # pragma: allowlist secret


def test_every_response_gets_its_own_id(client):
    ids = [client.get("/robots.txt")["X-Request-ID"] for _ in range(2)]
    assert all(GENERATED.fullmatch(value) for value in ids)
    assert ids[0] != ids[1]


@pytest.mark.parametrize(
    "proxies, incoming, honoured",
    [
        (0, FROM_PROXY, False),  # no proxy: a client's header is not an id
        (1, FROM_PROXY, True),
        (1, "123e4567-e89b-42d3-a456-426614174000", True),  # a UUID
        (1, "court", False),
        (1, "x" * 65, False),
        (1, "abcdefgh12345678\nfausse ligne", False),
        (1, "abcdefgh12345678 %(message)s", False),
    ],
)
def test_an_incoming_id_is_honoured_only_from_the_proxy_and_well_formed(
    client, settings, proxies, incoming, honoured
):
    settings.TRUSTED_PROXY_COUNT = proxies
    returned = client.get("/robots.txt", HTTP_X_REQUEST_ID=incoming)["X-Request-ID"]
    if honoured:
        assert returned == incoming
    else:
        assert GENERATED.fullmatch(returned)


@pytest.fixture
def log_lines():
    """The root logger's lines, formatted as the LOGGING setting formats them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(logging.Formatter(django_settings.LOGGING["formatters"]["request"]["format"]))
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: stream.getvalue().splitlines()
    root.removeHandler(handler)


@pytest.mark.django_db
def test_log_lines_carry_the_request_id_and_the_client_address(client, settings, monkeypatch, log_lines):
    settings.TRUSTED_PROXY_COUNT = 1

    def failing_cache_check():
        raise RuntimeError("cache injoignable")

    monkeypatch.setitem(health.CHECKS, "cache", failing_cache_check)
    response = client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.status_code == 503
    request_id = response["X-Request-ID"]
    lines = log_lines()
    # The check's own warning, and Django's "Service Unavailable" logged after the middleware.
    assert any("health check: cache failed" in line for line in lines), lines
    assert any("Service Unavailable: /healthz" in line for line in lines), lines
    for line in lines:
        assert f"[{request_id} 203.0.113.7]" in line, line


def test_outside_a_request_the_fields_are_dashes(log_lines):
    logging.getLogger("optnc_site.test").warning("hors requête")
    assert log_lines()[-1].endswith("optnc_site.test [- -] hors requête")
