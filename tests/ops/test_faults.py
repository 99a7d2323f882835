"""PostgreSQL or Redis goes away under a running site, and comes back (issue #12, points 4, 5).

gunicorn (production settings, two workers) reaches PostgreSQL through a TCP proxy the test
cuts, and a redis-server of its own that the test kills. Every request made during an
outage carries a query string of its own, so that no page cache can answer it in the site's
stead. The figures are printed (``pytest -s``).
"""

import itertools
import statistics
import time

import pytest

from tests.conftest import OPENNESS_FR
from tests.ops.live import AppServer, TcpProxy

CONNECT_TIMEOUT = 3  # DB_CONNECT_TIMEOUT's default (settings/base.py)
fresh = itertools.count()


def once(path):
    """``path`` with a query string no cache has seen."""
    return f"{path}?essai={next(fresh)}"


@pytest.fixture(scope="module")
def proxy(postgres):
    proxy = TcpProxy((postgres.host, postgres.port)).start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="module")
def server(live_site, postgres, proxy, redis_server, tmp_path_factory):
    url = postgres.url(live_site.database, host="127.0.0.1", port=proxy.port)
    env = live_site.env("faults", database_url=url, REDIS_URL=redis_server.url)
    server = AppServer(env, tmp_path_factory.mktemp("faults") / "gunicorn.log", workers=2).start()
    yield server
    server.stop()


@pytest.fixture
def client(server, proxy, redis_server):
    """A visitor of a site that is healthy when the test starts and again when it ends."""
    client = server.client()
    yield client
    proxy.restore()
    if redis_server.process.poll() is not None:
        redis_server.start()
    wait_for(lambda: all_healthy(client), "the site is healthy again", server)


def all_healthy(client, probes=6):
    """Consecutive 200s from ``/healthz``, so that every worker answers, not just one."""
    return all(client.get("/healthz").status == 200 for _ in range(probes))


def wait_for(condition, what, server, timeout=15):
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, f"{what}: not after {timeout} s\n{server.log()}"
        time.sleep(0.05)
    return time.monotonic() - started


def assert_unavailable_page(answer, lang, title):
    assert answer.status == 503, answer.text[:500]
    assert answer.headers["Retry-After"] == "30"
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Set-Cookie" not in answer.headers
    soup = answer.soup()
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == title
    assert soup.main and soup.title.get_text().startswith(title)


def test_database_down_503_in_french_then_back_without_restart(server, proxy, client):
    assert client.html("/fr/").status == 200  # each worker now holds a connection
    assert client.html(OPENNESS_FR).status == 200
    workers_before = server.process.pid

    proxy.cut()
    cut_at = time.monotonic()
    first = client.html(once(OPENNESS_FR))
    first_503_after = time.monotonic() - cut_at
    assert_unavailable_page(first, "fr", "Site momentanément indisponible")
    assert "Merci de réessayer dans quelques minutes." in first.text

    assert_unavailable_page(client.html(once("/en/")), "en", "Site temporarily unavailable")
    # Whatever does not prefer HTML gets the sentence alone.
    for accept in ("*/*", "application/rss+xml, application/atom+xml;q=0.9, */*;q=0.1"):
        plain = client.get(once("/fr/actualites/rss/"), Accept=accept)
        assert plain.status == 503 and plain.headers["Retry-After"] == "30"
        assert plain.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert (
            plain.text
            == "Le site est momentanément indisponible. Merci de réessayer dans quelques minutes.\n"
        )
    # A 404 asks Wagtail's redirects middleware, which needs the database: 503 as well.
    assert_unavailable_page(client.html(once("/page-inexistante/")), "fr", "Site momentanément indisponible")
    health = client.get("/healthz")
    assert health.status == 503
    assert health.json() == {"status": "error", "database": "error", "cache": "ok"}
    latencies = [client.html(once("/fr/")).seconds for _ in range(10)]

    proxy.restore()
    restored_at = time.monotonic()
    answers = [client.html(once("/fr/")) for _ in range(6)]
    back_after = time.monotonic() - restored_at
    assert [answer.status for answer in answers] == [200] * 6, server.log()
    assert client.get("/healthz").status == 200
    assert server.process.pid == workers_before and server.process.poll() is None
    print(
        f"\nDB refused: first 503 {first_503_after * 1000:.0f} ms after the cut; 503 median "
        f"{statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
        f"after restore, first answer 200 in {answers[0].seconds * 1000:.0f} ms "
        f"(6 pages in {back_after * 1000:.0f} ms)"
    )


def test_database_that_never_answers_costs_one_connect_timeout(server, proxy, client):
    assert client.html("/fr/").status == 200
    proxy.hang()
    latencies = []
    for _ in range(4):  # both workers: their broken connection first, then a new one that hangs
        answer = client.html(once("/fr/"))
        assert_unavailable_page(answer, "fr", "Site momentanément indisponible")
        latencies.append(answer.seconds)
    assert CONNECT_TIMEOUT - 0.5 < max(latencies) < CONNECT_TIMEOUT + 3, latencies
    health = client.get("/healthz")
    assert health.status == 503 and health.json()["database"] == "error"
    assert health.seconds < CONNECT_TIMEOUT + 3

    proxy.restore()
    back_after = wait_for(lambda: client.html(once("/fr/")).status == 200, "pages again", server)
    print(
        f"\nDB hanging: 503 in {', '.join(f'{s:.2f}' for s in latencies)} s; /healthz 503 in "
        f"{health.seconds:.2f} s; 200 again {back_after * 1000:.0f} ms after restore"
    )


def test_redis_down_fails_the_health_check_not_the_pages(server, redis_server, client):
    assert client.get("/healthz").status == 200
    redis_server.stop()
    health = client.get("/healthz")
    assert health.status == 503
    assert health.json() == {"status": "error", "database": "ok", "cache": "error"}
    page = client.html(once(OPENNESS_FR))
    assert page.status == 200 and b"main-nav" in page.body

    redis_server.start()
    back_after = wait_for(lambda: client.get("/healthz").status == 200, "/healthz 200", server)
    assert all_healthy(client), "a worker still reports the cache down after a 200"
    print(
        f"\nRedis down: /healthz 503 in {health.seconds * 1000:.0f} ms; 200 {back_after:.2f} s after restart"
    )


def test_healthz_leaves_no_session_no_cookie_and_is_never_stored(server, live_site, postgres, client):
    def sessions():
        return postgres.query(live_site.database, "SELECT count(*) FROM django_session")[0][0]

    before = sessions()
    for _ in range(3):
        health = client.get("/healthz")
        assert health.status == 200
        assert health.json() == {"status": "ok", "database": "ok", "cache": "ok"}
        assert health.headers["Content-Type"] == "application/json"
        assert "no-store" in health.headers["Cache-Control"]
        assert "Set-Cookie" not in health.headers
        assert "cookie" not in (health.headers.get("Vary") or "").lower()
    assert client.cookies == {}
    assert sessions() == before
