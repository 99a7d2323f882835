"""A Redis that goes away is a cache miss, not an outage (optnc_site/core/cache.py)."""

import logging
import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from optnc_site.core import cache as resilient
from tests.conftest import OPENNESS_FR
from tests.helpers import RedisServer, free_port


def redis_caches(port):
    location = f"redis://127.0.0.1:{port}/0"
    return {
        alias: {
            "BACKEND": "optnc_site.core.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in (("default", "optnc"), ("renditions", "optnc-renditions"))
    }


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(free_port(), tmp_path)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _fresh_warnings(monkeypatch):
    """Each test sees its own first warning; the retry window is short for the restart."""
    monkeypatch.setattr(resilient, "_last_warning", {})
    monkeypatch.setattr(resilient.ResilientRedisCache, "RETRY_AFTER", 0.2)


def menu_keys(client):
    return [key for key in client.keys("optnc:*") if b"main-menu" in key]


def test_page_survives_redis_going_away_and_caches_again_when_it_returns(
    client, demo_content, redis_server, caplog
):
    raw = redis_server.start()
    with override_settings(CACHES=redis_caches(redis_server.port)):
        assert client.get(OPENNESS_FR).status_code == 200
        assert menu_keys(raw), "the menu was not cached in Redis"

        redis_server.stop()
        with caplog.at_level(logging.WARNING, logger="optnc_site.core.cache"):
            response = client.get(OPENNESS_FR)
            assert response.status_code == 200
            assert b"main-nav" in response.content  # the menu, from the database
            # Once more: still 200, and the warning is not repeated within the interval.
            time.sleep(0.3)
            assert client.get(OPENNESS_FR).status_code == 200
        warnings = [
            r for r in caplog.records if r.name == "optnc_site.core.cache" and r.levelno == logging.WARNING
        ]
        assert len(warnings) == 1
        assert "Cache unavailable" in warnings[0].getMessage()

        raw = redis_server.start()
        assert menu_keys(raw) == []  # a new, empty server
        time.sleep(0.3)  # past the retry window
        assert client.get(OPENNESS_FR).status_code == 200
        assert menu_keys(raw), "the menu is not cached again once Redis is back"
        assert caches["default"].get("missing", "default") == "default"
        caches["default"].set("back", 1)
        assert caches["default"].get("back") == 1


def test_redis_nobody_listens_on_costs_one_attempt_per_cache_and_is_harmless(
    client, demo_content, caplog, monkeypatch
):
    """The page asks the dead Redis once per cache, then serves the rest of itself without it.

    Counted, not timed: each attempt costs at most the short socket timeouts checked below.
    """
    monkeypatch.setattr(resilient.ResilientRedisCache, "RETRY_AFTER", 60)
    attempts = []
    failed = resilient.ResilientRedisCache._failed

    def counting(self, operation, error):
        attempts.append((self._servers[0], operation))
        failed(self, operation, error)

    monkeypatch.setattr(resilient.ResilientRedisCache, "_failed", counting)
    port = free_port()  # closed again: nobody listens there
    with override_settings(CACHES=redis_caches(port)), caplog.at_level(logging.WARNING):
        response = client.get(OPENNESS_FR)
        again = client.get(OPENNESS_FR)
    assert response.status_code == 200 and again.status_code == 200
    assert b"main-nav" in response.content
    assert 1 <= len(attempts) <= 2, attempts  # "default" and perhaps "renditions"
    assert any(r.name == "optnc_site.core.cache" for r in caplog.records)


def test_every_operation_is_a_miss_when_redis_is_unreachable():
    with override_settings(CACHES=redis_caches(free_port())):
        cache = caches["default"]
        assert cache.get("key", "fallback") == "fallback"
        assert cache.set("key", 1) is None
        assert cache.add("key", 1) is False
        assert cache.get_or_set("key", 2) == 2
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert cache.has_key("key") is False
        assert cache.delete("key") is False
        assert cache.delete_many(["a", "b"]) is None
        assert cache.touch("key") is False
        assert cache.clear() is False
        with pytest.raises(ValueError):
            cache.incr("key")


def test_short_socket_timeouts_by_default_and_overridable():
    caches_settings = redis_caches(free_port())
    caches_settings["renditions"]["OPTIONS"] = {"socket_timeout": 2}
    with override_settings(CACHES=caches_settings):
        assert caches["default"]._options["socket_connect_timeout"] == resilient.DEFAULT_SOCKET_TIMEOUT
        assert caches["default"]._options["socket_timeout"] == resilient.DEFAULT_SOCKET_TIMEOUT
        assert caches["renditions"]._options["socket_timeout"] == 2


def test_healthz_sees_redis_back_at_once_though_the_cache_still_pauses(client, db, redis_server, monkeypatch):
    """The pause after a failure spares pages a timeout each; the probe must not inherit it."""
    monkeypatch.setattr(resilient.ResilientRedisCache, "RETRY_AFTER", 60)
    with override_settings(CACHES=redis_caches(redis_server.port), HEALTHZ_CACHE_TIMEOUT=2):
        down = client.get("/healthz")
        assert down.status_code == 503 and down.json()["cache"] == "error"

        redis_server.start()
        assert caches["default"].get("key", "paused") == "paused"  # still within the pause
        up = client.get("/healthz")
        assert up.status_code == 200, up.content
        assert up.json() == {"status": "ok", "database": "ok", "cache": "ok"}
