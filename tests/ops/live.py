"""Real services for the operations tests: app servers in their own processes, a TCP proxy
that cuts the database off, a PostgreSQL database of their own, an HTTP client with cookies.
"""

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import dj_database_url
import psycopg
from bs4 import BeautifulSoup

from tests.helpers import free_port

ROOT = Path(__file__).resolve().parent.parent.parent
HOST = "localhost"  # the Host every request names, so that absolute URLs are the same everywhere
SECRET_KEY = "test-only-key-not-secret" * 3  # 50 characters and more, as check --deploy wants
# Requests to a server that stopped or hangs fail in seconds.
HTTP_TIMEOUT = 30


def site_env(database_url, media_root, cache_dir, **extra):
    """The environment of a site process: production settings, this run's database and media."""
    env = {
        k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "INSTANCES", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.ops.live_settings",
        SECRET_KEY=SECRET_KEY,
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        CACHE_DIR=str(cache_dir),
        PYTHONUNBUFFERED="1",
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env, *args, check=True):
    """``manage.py`` in a process of its own, with ``env``."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    if check:
        assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


# PostgreSQL ---------------------------------------------------------------------------------


class PostgresServer:
    """The PostgreSQL server DATABASE_URL names, on which the tests make databases of their own."""

    def __init__(self, url):
        self.settings = dj_database_url.parse(url)
        self.host = self.settings["HOST"] or "127.0.0.1"
        self.port = int(self.settings["PORT"] or 5432)

    def url(self, name, host=None, port=None):
        user = self.settings["USER"] or ""
        password = f":{self.settings['PASSWORD']}" if self.settings["PASSWORD"] else ""
        at = "@" if user else ""
        return f"postgres://{user}{password}{at}{host or self.host}:{port or self.port}/{name}"

    def connect(self, name="postgres"):
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.settings["USER"] or None,
            password=self.settings["PASSWORD"] or None,
            dbname=name,
            autocommit=True,
        )

    def create(self, name):
        self.drop(name)  # left over by an interrupted run
        with self.connect() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

    def drop(self, name):
        with self.connect() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def query(self, name, sql, params=()):
        with self.connect(name) as connection:
            return connection.execute(sql, params).fetchall()


# A TCP proxy the test can cut --------------------------------------------------------------------


class TcpProxy:
    """Forwards a port of its own to ``upstream``; ``cut()`` makes the database go away.

    - ``cut()``: every connection is closed and the port refuses new ones, as when
      PostgreSQL stops or its host restarts;
    - ``hang()``: every connection is closed, and new ones are accepted but never answered,
      as when the database host is overloaded or a firewall swallows the packets;
    - ``restore()``: connections are forwarded again.
    """

    def __init__(self, upstream):
        self.upstream = upstream
        self.port = free_port()
        self.mode = "forward"
        self._listener = None
        self._sockets = set()
        self._lock = threading.Lock()

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:  # the listener was closed: cut() or stop()
                return
            self._track(client)
            if self.mode != "forward":
                continue  # hang: accepted, never answered
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                self._close(client)
                continue
            server.settimeout(None)
            self._track(server)
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        self._close(source)
        self._close(target)

    def _track(self, sock):
        with self._lock:
            self._sockets.add(sock)

    def _close(self, sock):
        with self._lock:
            self._sockets.discard(sock)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()

    def _close_all(self):
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            self._close(sock)

    def cut(self):
        self.mode = "down"
        if self._listener is not None:
            # shutdown() first: close() alone leaves a listener that a blocked accept() holds
            # open, and the kernel would go on accepting connections for it.
            self._close(self._listener)
            self._listener = None
        self._close_all()

    def hang(self):
        self.mode = "hang"
        self._close_all()
        if self._listener is None:
            self.start()

    def restore(self):
        self._close_all()  # the connections a hang accepted
        self.mode = "forward"
        if self._listener is None:
            self.start()

    def stop(self):
        self.cut()


# App servers ------------------------------------------------------------------------------------


class AppServer:
    """gunicorn serving the site in processes of its own, stopped by its pid."""

    def __init__(self, env, log_path, workers=1):
        self.env, self.log_path, self.workers = env, Path(log_path), workers
        self.port = free_port()
        self.process = None

    def start(self, timeout=120):
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "optnc_site.wsgi:application"]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)]
            + ["--timeout", "60", "--graceful-timeout", "5"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            assert self.process.poll() is None, f"gunicorn stopped:\n{self.log()}"
            try:
                self.client().get("/healthz")
                return self
            except OSError:
                assert time.monotonic() < deadline, f"gunicorn does not answer:\n{self.log()}"
                time.sleep(0.2)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def log(self):
        return self.log_path.read_text(errors="replace")[-5000:] if self.log_path.exists() else ""

    def client(self):
        return Client(self.port)


# HTTP ---------------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def text(self):
        return self.body.decode()

    def json(self):
        return json.loads(self.body)

    def soup(self):
        return BeautifulSoup(self.body, "html.parser")


class Client:
    """A visitor, or an editor once logged in: one cookie jar, plain HTTP to one server.

    Cookies are kept whatever their ``Secure`` flag (the production settings set it; here
    no TLS proxy stands in front), and unsafe requests name the site's origin, as a browser
    does, for Django's CSRF check.
    """

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, data=None, headers=None):
        headers = {"Host": HOST, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{HOST}"})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=HTTP_TIMEOUT)
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return Answer(response.status, response.headers, content, time.monotonic() - started)

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, data):
        return self.request("POST", path, data=data)

    def html(self, path):
        """A page as a browser asks for it."""
        return self.get(path, Accept="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
