"""``GET /healthz``: does this process reach its database and its cache?

For the load balancer and the container's probe. The answer is small JSON, never stored by
a browser or a proxy, and the view touches neither the session nor the user: a probe every
few seconds leaves no session row and gets no cookie.

The cache check runs in a worker thread and is given ``HEALTHZ_CACHE_TIMEOUT`` seconds: a
Redis that accepts connections but never answers (a full host, a half-open firewall) makes
the check fail instead of holding the request, and the worker thread. While a stuck check is
still waiting, the next ones fail at once rather than pile up more threads behind it.
"""

import logging
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

DEFAULT_CACHE_TIMEOUT = 2.0  # seconds

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthz-cache")
_lock = threading.Lock()
_pending = None  # the cache check that last timed out, while it still runs


def check_database(alias=DEFAULT_DB_ALIAS):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def _cache_round_trip(alias):
    cache = caches[alias]
    key = f"healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    if hasattr(cache, "round_trip"):  # ResilientRedisCache: past its pause after a failure
        cache.round_trip(key, value)
        return
    cache.set(key, value, timeout=30)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the value set was not read back")
    finally:
        cache.delete(key)


def check_cache(alias="default", timeout=None):
    """A set/get round trip on the cache, given at most ``timeout`` seconds."""
    global _pending
    if timeout is None:
        timeout = getattr(settings, "HEALTHZ_CACHE_TIMEOUT", DEFAULT_CACHE_TIMEOUT)
    with _lock:
        if _pending is not None and not _pending.done():
            raise TimeoutError("the previous cache check has not returned yet")
        future = _executor.submit(_cache_round_trip, alias)
    try:
        return future.result(timeout=timeout)
    except FutureTimeoutError:
        with _lock:
            _pending = future
        raise TimeoutError(f"no answer from the cache within {timeout} s") from None


def wait_for_pending_check(timeout=None):
    """Wait until a cache check that timed out has returned (for the tests)."""
    future = _pending
    if future is not None:
        try:
            future.result(timeout=timeout)
        except Exception:  # noqa: BLE001 - its failure was already reported
            pass


CHECKS = {"database": check_database, "cache": check_cache}


@never_cache
@require_safe
def healthz(request):
    body = {"status": "ok"}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure is the answer
            logger.warning("health check: %s failed: %r", name, error)
            body[name] = "error"
            body["status"] = "error"
        else:
            body[name] = "ok"
    return JsonResponse(body, status=200 if body["status"] == "ok" else 503)
