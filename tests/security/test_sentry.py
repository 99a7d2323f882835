"""Errors go to Sentry when SENTRY_DSN is set, and nowhere otherwise (issue #12, point 5).

The production settings run in a process of their own (Sentry is initialised once per
process, by the settings), whose DSN names a small HTTP server of this test on 127.0.0.1:
the envelopes the SDK sends are read here, and nothing leaves the machine.
"""

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PORT = 18401  # this worktree's range

# A view that fails, requested through the whole middleware stack of the production settings.
FAILING_REQUEST = """
import json, django
from django.conf import settings

# The 500 page links its stylesheet: no collectstatic here, so no manifest to read it from.
plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
settings.STORAGES = {**settings.STORAGES, "staticfiles": plain}
django.setup()
import sentry_sdk
from optnc_site.core import views

def broken(request):
    raise RuntimeError("panne de démonstration")

views.robots = broken  # before the URLconf is imported
from django.test import Client

client = Client(HTTP_HOST="localhost", raise_request_exception=False)
response = client.get("/robots.txt", HTTP_COOKIE="sessionid=secret-de-session")
client_options = sentry_sdk.get_client().options
sentry_sdk.flush(timeout=10)
print(json.dumps({
    "status": response.status_code,
    "request_id": response["X-Request-ID"],
    "active": sentry_sdk.get_client().is_active(),
    "send_default_pii": client_options.get("send_default_pii"),
}))
"""


class Collector(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":  # the SDK's choice when the brotli module is installed
            import brotli

            body = brotli.decompress(body)
        self.server.envelopes.append(body.decode())
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Collector)
    server.envelopes = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def run_production(tmp_path, **environ):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SENTRY_", "DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="optnc_site.settings.production",
        SECRET_KEY="production-like-key-for-this-test-only",  # pragma: allowlist secret
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CACHE_DIR=str(tmp_path / "cache"),
        **environ,
    )
    command = [sys.executable, "-c", FAILING_REQUEST]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def events(server):
    found = []
    for envelope in server.envelopes:
        lines = envelope.splitlines()
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                found.append(json.loads(payload))
    return found


def test_with_sentry_dsn_errors_are_reported_without_personal_data(sentry_server, tmp_path):
    outcome = run_production(
        tmp_path,
        SENTRY_DSN=f"http://clepublique@127.0.0.1:{PORT}/42",
        SENTRY_RELEASE="optnc-site@1.2.3",
        SENTRY_ENVIRONMENT="recette",
    )
    assert outcome["status"] == 500
    assert outcome["active"] is True
    assert outcome["send_default_pii"] is False
    [event] = events(sentry_server)
    assert event["release"] == "optnc-site@1.2.3"
    assert event["environment"] == "recette"
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert event["tags"]["request_id"] == outcome["request_id"]
    assert event["transaction"] == "/robots.txt"
    sent = json.dumps(event)
    assert "secret-de-session" not in sent
    assert "user" not in event or "ip_address" not in event["user"]


def test_without_sentry_dsn_nothing_is_initialised_or_sent(sentry_server, tmp_path):
    outcome = run_production(tmp_path)
    assert outcome["status"] == 500
    assert outcome["active"] is False
    assert sentry_server.envelopes == []
