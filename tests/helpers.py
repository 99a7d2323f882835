"""Helpers shared by the tests."""

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager

import pytest
import redis
from bs4 import BeautifulSoup

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def soup_of(response, status=200):
    """The parsed HTML of a response, which must have the given status."""
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content, "html.parser")


HIDDEN = ("unpublished", "restricted")


def hide(page, how):
    """Take ``page`` out of visitors' sight: ``unpublished``, or ``restricted`` to signed-in users."""
    if how == "unpublished":
        page.unpublish()
    elif how == "restricted":
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    else:
        raise ValueError(f"hide: {how!r} is not one of {HIDDEN}")


def missing_tool(reason):
    """Outside CI a developer without the tool is told why; in CI (CI=true) it is a failure,
    so that CI never skips a test (README, « Tests »)."""
    if IN_CI:
        pytest.fail(reason, pytrace=False)
    pytest.skip(f"{reason} (see README, « Tests »)")


@contextmanager
def unreachable_database(alias="default"):
    """The connection swapped for one to a closed port of the same server: a real connection
    failure (the driver's OperationalError), not a mocked cursor."""
    from django.db import connections

    original = connections[alias]
    broken = type(original)({**original.settings_dict, "HOST": "127.0.0.1", "PORT": free_port()}, alias)
    connections[alias] = broken
    try:
        yield
    finally:
        connections[alias] = original
        broken.close()


_handed_out = set()


def free_port():
    """A port nobody listens on right now, closed again for a server to take.

    The kernel's choice, unless ``TEST_PORT_RANGE`` (e.g. ``18500-18599``) confines the
    servers the tests start to a range, on a machine shared with other test runs; a port is
    handed out once per run, since its server may not have bound it yet.
    """
    configured = os.environ.get("TEST_PORT_RANGE")
    if configured:
        first, _, last = configured.partition("-")
        candidates = range(int(first), int(last or first) + 1)
    else:
        candidates = [0] * 50  # the kernel may hand back a port it gave a moment ago: ask again
    for candidate in candidates:
        if candidate in _handed_out:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            port = sock.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port
    raise RuntimeError(f"no free port (TEST_PORT_RANGE={configured or 'unset'})")


REDIS_SERVER = shutil.which("redis-server")
REDIS_MISSING = "redis-server is not installed (apt-get install redis-server)"


class RedisServer:
    """A redis-server of the test's own, on a port of its own, killed by its pid."""

    def __init__(self, port, directory):
        self.port, self.directory, self.process = port, directory, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        if not REDIS_SERVER:
            missing_tool(REDIS_MISSING)
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return client
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
