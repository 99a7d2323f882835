"""The production stack of `make stack`, for the tests of this folder.

bin/stack runs for real, with its own PostgreSQL cluster and Redis (the test database of
DATABASE_URL and the shared Redis are left alone), in a folder of its own under /tmp, on
STACK_TEST_PORT (18210) to STACK_TEST_PORT + 7, once per session. It is stopped by its
process id at the end, and the fixture then checks that nothing it started still listens.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import missing_tool

ROOT = Path(__file__).resolve().parent.parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
START_TIMEOUT = 600  # seconds; a first start migrates and loads the demo content
ADMIN = {"username": "pile-admin", "password": "une phrase de passe pour la pile"}  # pragma: allowlist secret
# What the stack's environment must not inherit from the test run: it brings its own.
INHERITED_SETTINGS = [
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "TLS_CERTIFICATE",
    "TLS_CERTIFICATE_KEY",
    "VARNISH_VCL",
]


@dataclass
class RunningStack:
    port: int
    directory: Path
    process: subprocess.Popen
    output: str
    startup_seconds: float

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def app_port(self):
        return self.port + 2

    @property
    def internal_ports(self):
        """gunicorn, PostgreSQL, Redis (and Varnish when it runs): loopback only."""
        return {
            "varnish": self.port + 1,
            "app": self.port + 2,
            "postgres": self.port + 3,
            "redis": self.port + 4,
        }

    @property
    def upstream_port(self):
        return self.port + 1  # Varnish

    def log(self, name):
        return (self.directory / "logs" / f"{name}.log").read_text(errors="replace")


def listening(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def require_tools():
    for tool in ("nginx", "redis-server", "envsubst"):
        if shutil.which(tool) is None:
            missing_tool(f"{tool} is not installed (see .ci/run)")
    if not (PG_BIN / "initdb").exists():
        missing_tool(f"{PG_BIN}/initdb is missing (PostgreSQL 15 server)")
    if shutil.which("varnishd") is None:
        missing_tool("varnishd is not installed (apt-get install varnish varnish-modules)")


@pytest.fixture(scope="session")
def stack():
    require_tools()
    port = int(os.environ.get("STACK_TEST_PORT", "18210"))
    busy = [p for p in range(port, port + 8) if listening(p)]
    assert not busy, f"ports {busy} are taken: set STACK_TEST_PORT to a free range"
    # Under /tmp, which nginx's workers and PostgreSQL (nobody, when the tests run as root)
    # can traverse, unlike pytest's private temporary folders.
    directory = Path(tempfile.mkdtemp(prefix="optnc-stack-"))
    directory.chmod(0o755)
    env = {name: value for name, value in os.environ.items() if name not in INHERITED_SETTINGS}
    env.update(
        PORT=str(port),
        STACK_DIR=str(directory),
        DJANGO_SUPERUSER_USERNAME=ADMIN["username"],
        DJANGO_SUPERUSER_PASSWORD=ADMIN["password"],
        DJANGO_SUPERUSER_EMAIL="pile@example.nc",
        WEB_CONCURRENCY="2",
    )
    if not (ROOT / "deploy" / "varnish" / "default.vcl").exists():
        env["VARNISH_VCL"] = str(Path(__file__).with_name("pass.vcl"))
    output_path = directory / "stack-output.txt"
    began = time.monotonic()
    with open(output_path, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "bin" / "stack")],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        while "Pile prête" not in output_path.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() - began > START_TIMEOUT:
                pytest.fail(f"bin/stack did not start:\n{output_path.read_text(errors='replace')}")
            time.sleep(0.5)
        running = RunningStack(port, directory, process, output_path.read_text(), time.monotonic() - began)
        print(f"\nbin/stack started in {running.startup_seconds:.1f} s:\n{running.output}")
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            returncode = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            returncode = process.wait()
        output = output_path.read_text(errors="replace")
        still = [p for p in range(port, port + 5) if listening(p)]
        shutil.rmtree(directory, ignore_errors=True)
    assert returncode == 0, output
    assert "SIGTERM reçu" in output
    assert not still, f"still listening after the stack stopped: {still}"
