"""A Redis cache whose failure is a cache miss, never an outage.

Django's built-in ``RedisCache`` lets the Redis client's errors through: with Redis down,
every page that reads the menu or a page link from the cache answers 500. The site keeps
working without its cache (everything it caches comes from the database), so this backend
turns the client's connection and timeout errors into misses:

* reads answer as if the key were absent (``get`` → default, ``get_many`` → ``{}``,
  ``has_key`` → ``False``, ``incr`` → ``ValueError`` as for a missing key);
* writes do nothing and say so (``add``/``touch``/``delete``/``clear`` → ``False``,
  ``set_many`` → every key, which Django's API reads as "not stored");
* a warning is logged, at most once every ``LOG_INTERVAL`` seconds per server, so a dead
  Redis does not flood the logs;
* after a failure the backend stops asking Redis for ``RETRY_AFTER`` seconds (one page
  then costs one timeout, not one per cache call), then tries again: as soon as Redis
  answers, the cache works again. No circuit stays open;
* the socket connect and read timeouts are short by default (``DEFAULT_SOCKET_TIMEOUT``),
  so a host that does not answer costs a fraction of a second; the ``OPTIONS``
  ``socket_connect_timeout`` and ``socket_timeout`` override them.

Why not a package: django-redis has ``DJANGO_REDIS_IGNORE_EXCEPTIONS``, but the project
dropped django-redis for Django's built-in backend (it is not in requirements.lock), and
no maintained package adds this to Django's built-in ``RedisCache``; the few lines here
are cheaper than a dependency.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_ERRORS = (RedisConnectionError, RedisTimeoutError)
DEFAULT_SOCKET_TIMEOUT = 0.25

# Shared by every thread's cache instance: one warning per server and interval.
_last_warning = {}
_last_warning_lock = threading.Lock()


def _miss_on_failure(miss):
    """Run the method; on a Redis connection or timeout error, answer ``miss(args)``."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._retry_at:
                return miss(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except REDIS_ERRORS as error:
                self._failed(method.__name__, error)
                return miss(*args, **kwargs)

        return wrapper

    return decorator


def _default(key, default=None, *args, **kwargs):
    return default


def _false(*args, **kwargs):
    return False


def _none(*args, **kwargs):
    return None


def _empty(*args, **kwargs):
    return {}


def _all_keys(data, *args, **kwargs):
    return list(data)


def _not_found(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unavailable).")


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache``, for which an unreachable Redis is a miss (see the module)."""

    RETRY_AFTER = 1.0
    LOG_INTERVAL = 60.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._options = {
            "socket_connect_timeout": DEFAULT_SOCKET_TIMEOUT,
            "socket_timeout": DEFAULT_SOCKET_TIMEOUT,
            **self._options,
        }
        self._retry_at = 0.0

    def _failed(self, operation, error):
        now = time.monotonic()
        self._retry_at = now + self.RETRY_AFTER
        server = ",".join(self._servers)
        with _last_warning_lock:
            last = _last_warning.get(server)
            if last is not None and now - last < self.LOG_INTERVAL:
                return
            _last_warning[server] = now
        logger.warning(
            "Cache unavailable (%s on %s: %s); serving without the cache, retrying in %.1f s.",
            operation,
            self._location_for_log(),
            error,
            self.RETRY_AFTER,
        )

    def round_trip(self, key, value, timeout=30):
        """Set, read back and delete ``key``, asking Redis even within ``RETRY_AFTER``.

        For the health check, which must report Redis as it is now: through the methods
        above, a probe just after Redis came back would still read the pause of the last
        failure as a miss. Errors are raised, not turned into misses; a success ends the
        pause for this instance.
        """
        RedisCache.set(self, key, value, timeout=timeout)
        try:
            if RedisCache.get(self, key) != value:
                raise RuntimeError("the value set was not read back")
        finally:
            RedisCache.delete(self, key)
        self._retry_at = 0.0

    def _location_for_log(self):
        # Never the credentials a Redis URL may carry before its "@".
        return ",".join(server.rsplit("@", 1)[-1] for server in self._servers)

    @_miss_on_failure(_false)
    def add(self, key, value, *args, **kwargs):
        return super().add(key, value, *args, **kwargs)

    @_miss_on_failure(_default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_miss_on_failure(_none)
    def set(self, key, value, *args, **kwargs):
        return super().set(key, value, *args, **kwargs)

    @_miss_on_failure(_false)
    def touch(self, key, *args, **kwargs):
        return super().touch(key, *args, **kwargs)

    @_miss_on_failure(_false)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_miss_on_failure(_empty)
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_miss_on_failure(_false)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_miss_on_failure(_not_found)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_miss_on_failure(_all_keys)
    def set_many(self, data, *args, **kwargs):
        return super().set_many(data, *args, **kwargs)

    @_miss_on_failure(_none)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_miss_on_failure(_false)
    def clear(self):
        return super().clear()
