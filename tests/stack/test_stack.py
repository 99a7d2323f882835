"""`make stack` over real HTTP: nginx in front of gunicorn (production settings), PostgreSQL
and Redis, as bin/stack starts them (tests/stack/conftest.py)."""

import gzip
import http.client
import re
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.conftest import OPENNESS_EN, OPENNESS_FR
from tests.stack.conftest import ADMIN, ROOT

EVENT_WITH_IMAGE = "/fr/evenements/conference-apnic-46/"
THIRTY_DAYS = 30 * 24 * 3600


def get(stack, path, **kwargs):
    kwargs.setdefault("timeout", 60)
    kwargs.setdefault("allow_redirects", False)
    return requests.get(stack.url + path, **kwargs)


def raw(port, path, method="GET", headers=None, host="127.0.0.1"):
    """Status, headers and body as sent, without decompression."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.request(method, path, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
        response = connection.getresponse()
        headers = {}
        for name, value in response.getheaders():  # repeated headers joined, as RFC 9110 allows
            headers[name.lower()] = f"{headers[name.lower()]}, {value}" if name.lower() in headers else value
        return response.status, headers, response.read()
    finally:
        connection.close()


def max_age(cache_control):
    match = re.search(r"max-age=(\d+)", cache_control or "")
    return int(match.group(1)) if match else 0


def test_pages_answer_in_both_languages_through_nginx(stack):
    for path, language in [("/fr/", "fr"), ("/en/", "en"), (OPENNESS_FR, "fr"), (OPENNESS_EN, "en")]:
        response = get(stack, path)
        assert response.status_code == 200, path
        assert response.headers["Server"] == "nginx"  # no version: server_tokens off
        assert f'<html lang="{language}"' in response.text, path
    assert "politique d" in get(stack, OPENNESS_FR).text.lower()
    # The bare domain opens French.
    response = get(stack, "/")
    assert response.status_code == 302 and response.headers["Location"] == "/fr/"


def test_a_french_404_page(stack):
    response = get(stack, "/fr/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert '<html lang="fr"' in response.text


def test_head_requests(stack):
    status, headers, body = raw(stack.port, "/fr/", method="HEAD")
    assert status == 200 and body == b""
    assert headers["content-type"].startswith("text/html")
    status, headers, body = raw(stack.port, "/healthz", method="HEAD")
    assert status == 200 and body == b""
    stylesheet = re.search(r"/static/css/main\.[0-9a-f]{12}\.css", get(stack, "/fr/").text).group(0)
    status, headers, body = raw(stack.port, stylesheet, method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


def test_uploaded_images_are_served_by_nginx_for_a_long_time(stack):
    page = get(stack, EVENT_WITH_IMAGE)
    assert page.status_code == 200
    sources = re.findall(r'/media/images/[^"\s,]+', page.text)
    assert sources, "the event page shows no image from /media/"
    for source in set(sources):
        response = get(stack, source)
        assert response.status_code == 200, source
        assert response.headers["Content-Type"].startswith("image/")
        assert max_age(response.headers["Cache-Control"]) >= THIRTY_DAYS
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response.headers["Content-Security-Policy"]
        assert "Set-Cookie" not in response.headers
        assert "Access-Control-Allow-Origin" not in response.headers
    # The production app serves no media itself: without nginx, every image was a 404.
    status, _headers, _body = raw(stack.app_port, sources[0])
    assert status == 404


def test_document_files_are_never_served_directly(stack):
    """Wagtail's /documents/<id>/ view checks collection privacy; the files behind it stay
    out of reach."""
    folder = stack.directory / "media" / "documents"
    folder.mkdir(exist_ok=True)
    (folder / "prive.pdf").write_bytes(b"%PDF-1.4 private")
    (folder / "prive.pdf").chmod(0o644)
    assert get(stack, "/media/documents/prive.pdf").status_code == 404


def test_static_files_are_hashed_long_lived_and_same_origin(stack):
    page = get(stack, "/fr/")
    assert "Access-Control-Allow-Origin" not in page.headers
    hashed = re.findall(r'/static/[^"\s]+\.[0-9a-f]{12}\.(?:css|js)', page.text)
    assert any(path.endswith(".css") for path in hashed), "no hashed stylesheet in the page"
    for path in set(hashed):
        response = get(stack, path)
        assert response.status_code == 200, path
        cache_control = response.headers["Cache-Control"]
        assert max_age(cache_control) == 365 * 24 * 3600 and "immutable" in cache_control
        assert "Access-Control-Allow-Origin" not in response.headers
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    # A name without hash may change content at the next deployment: an hour only.
    unhashed = get(stack, "/static/css/main.css")
    assert unhashed.status_code == 200 and max_age(unhashed.headers["Cache-Control"]) == 3600
    assert "Access-Control-Allow-Origin" not in unhashed.headers
    assert get(stack, "/static/nothing-here.css").status_code == 404


def test_html_is_compressed_with_gzip_and_brotli(stack):
    _status, identity_headers, identity = raw(stack.port, "/fr/", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in identity_headers
    status, headers, body = raw(stack.port, "/fr/", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in headers["vary"]
    page = gzip.decompress(body)
    assert page.startswith(b"<!DOCTYPE html>") and b"</html>" in page
    assert len(body) < len(identity) / 2
    status, headers, body = raw(stack.port, "/fr/", headers={"Accept-Encoding": "br, gzip"})
    assert status == 200 and headers["content-encoding"] == "br"
    assert len(body) < len(identity) / 2


def test_the_admin_login_works_behind_the_proxy(stack):
    response = get(stack, "/admin/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/admin/login/")
    login = get(stack, "/admin/login/")
    assert login.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    # The cookies are Secure (production settings), which requests keeps to HTTPS; a browser
    # sends them to localhost over HTTP. They are passed on by hand here.
    cookies = "; ".join(f"{name}={value}" for name, value in login.cookies.items())
    response = requests.post(
        stack.url + "/admin/login/",
        data={"username": ADMIN["username"], "password": ADMIN["password"], "csrfmiddlewaretoken": token},
        headers={"Cookie": cookies, "Origin": stack.url, "Referer": stack.url + "/admin/login/"},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:500]
    assert response.headers["Location"] == "/admin/"
    session = {**login.cookies.get_dict(), **response.cookies.get_dict()}
    dashboard = get(stack, "/admin/", headers={"Cookie": "; ".join(f"{k}={v}" for k, v in session.items())})
    assert dashboard.status_code == 200
    assert "Tableau de bord" in dashboard.text


def test_the_app_log_names_the_visitor_and_the_request(stack):
    probe = uuid.uuid4().hex
    # A client may claim any X-Forwarded-For: nginx appends the address it really sees.
    # /healthz is never cached, so the request reaches gunicorn even behind Varnish.
    response = get(stack, f"/healthz?probe={probe}", headers={"X-Forwarded-For": "203.0.113.9"})
    assert response.status_code == 200
    deadline = time.monotonic() + 10
    while probe not in stack.log("app") and time.monotonic() < deadline:
        time.sleep(0.2)
    line = next(line for line in stack.log("app").splitlines() if probe in line)
    # (Varnish, when it runs, appends nginx's address too.)
    assert line.startswith("203.0.113.9, 127.0.0.1"), line
    assert " via 127.0.0.1 " in line, line
    assert re.search(r"request_id=[0-9a-f]{32}", line), line


def app_environment(stack):
    """The environment bin/stack gave gunicorn (its master process, read from /proc)."""
    bind = f"GUNICORN_BIND=127.0.0.1:{stack.app_port}".encode()
    for process in Path("/proc").iterdir():
        try:
            command = (process / "cmdline").read_bytes()
            environ = (process / "environ").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        if b"gunicorn" in command and bind in environ:
            return dict(item.decode().split("=", 1) for item in environ if b"=" in item)
    pytest.fail("no gunicorn process of this stack")


def test_varnish_sits_between_nginx_and_gunicorn_and_the_app_knows_it(stack):
    response = get(stack, "/fr/")
    assert response.status_code == 200
    assert "varnish" in response.headers["Via"].lower() and response.headers["X-Varnish"]
    env = app_environment(stack)
    assert env["DJANGO_SETTINGS_MODULE"] == "optnc_site.settings.production"
    assert env["FRONT_CACHE_PURGE_URLS"] == f"http://127.0.0.1:{stack.port + 1}"
    # nginx, then Varnish, each append an address to X-Forwarded-For.
    assert env["TRUSTED_PROXY_COUNT"] == "2"
    assert env["SECURE_SSL_REDIRECT"] == "false"
    assert env["FORWARDED_ALLOW_IPS"] == "127.0.0.1"
    # Generated on the first start and kept in the stack's folder, for its owner only.
    key_file = stack.directory / "secret-key"
    assert env["SECRET_KEY"] == key_file.read_text().strip() and len(env["SECRET_KEY"]) >= 50
    assert key_file.stat().st_mode & 0o077 == 0
    assert env["DATABASE_URL"].endswith(f"@127.0.0.1:{stack.port + 3}/optnc")
    assert env["REDIS_URL"] == f"redis://127.0.0.1:{stack.port + 4}/0"


def listening_addresses(port):
    """The local addresses of the sockets listening on this TCP port (/proc/net/tcp, tcp6)."""
    addresses = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, _remote, state = row.split()[1:4]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                if len(address) == 8:
                    addresses.append(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
                else:
                    words = [bytes.fromhex(address[i : i + 8])[::-1] for i in range(0, 32, 8)]
                    addresses.append(socket.inet_ntop(socket.AF_INET6, b"".join(words)))
    return addresses


def test_gunicorn_and_the_services_behind_it_listen_on_loopback_only(stack):
    for name, port in stack.internal_ports.items():
        assert listening_addresses(port) == ["127.0.0.1"], (name, listening_addresses(port))
    # Another loopback address reaches a socket bound to 0.0.0.0, not one bound to 127.0.0.1.
    with socket.socket() as sock:
        sock.settimeout(2)
        assert sock.connect_ex(("127.0.0.2", stack.app_port)) != 0
    status, _headers, _body = raw(stack.app_port, "/healthz")
    assert status == 200


def test_slow_clients_do_not_hold_the_workers(stack):
    """Four clients sending one header line every 5 s, more than gunicorn's two workers:
    nginx holds them, a normal visitor is served meanwhile, and nginx drops them when
    client_header_timeout (10 s) has passed."""
    slow = []
    for number in range(4):
        sock = socket.create_connection(("127.0.0.1", stack.port), timeout=20)
        sock.sendall(f"GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-{number}: 1\r\n".encode())
        slow.append(sock)
    began = time.monotonic()
    try:
        for second in (0, 5):
            if second:
                time.sleep(max(0.0, began + second - time.monotonic()))
                for sock in slow:
                    sock.sendall(b"X-Still-There: 1\r\n")
            time.sleep(0.5)
            started = time.monotonic()
            assert get(stack, "/fr/", timeout=10).status_code == 200
            assert time.monotonic() - started < 4, "a normal request waited behind the slow clients"
        # Past 10 s in all, nginx gives up on them: they never reached gunicorn.
        for sock in slow:
            sock.settimeout(max(1.0, began + 13 - time.monotonic()))
            try:
                answer = sock.recv(1024)
            except ConnectionResetError:
                answer = b""
            assert answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer
        assert time.monotonic() - began < 14
    finally:
        for sock in slow:
            sock.close()


@pytest.fixture(scope="module")
def tls_front(stack):
    """deploy/nginx/start with a certificate: nginx's TLS configuration, in front of the
    running stack's upstream, on the stack's port + 6 (HTTP) and + 7 (HTTPS)."""
    folder = stack.directory / "tls"
    folder.mkdir()
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "NGINX_PREFIX": str(folder / "nginx"),
        "NGINX_LISTEN": f"127.0.0.1:{stack.port + 6}",
        "NGINX_TLS_LISTEN": f"127.0.0.1:{stack.port + 7}",
        "NGINX_UPSTREAM": f"127.0.0.1:{stack.upstream_port}",
        "NGINX_WORKER_PROCESSES": "1",
        "STATIC_ROOT": str(stack.directory / "static"),
        "MEDIA_ROOT": str(stack.directory / "media"),
        "TLS_CERTIFICATE": str(certificate),
        "TLS_CERTIFICATE_KEY": str(key),
    }
    start = str(ROOT / "deploy" / "nginx" / "start")
    process = subprocess.Popen([start], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"http://127.0.0.1:{stack.port + 6}/healthz", timeout=2)
                break
            except requests.ConnectionError:
                assert process.poll() is None, process.stdout.read().decode()
                assert time.monotonic() < deadline, "nginx with TLS did not start"
                time.sleep(0.1)
        yield stack.port + 6, stack.port + 7, certificate
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_tls_configuration_redirects_and_sends_hsts(stack, tls_front):
    http_port, https_port, certificate = tls_front
    response = requests.get(f"http://127.0.0.1:{http_port}/fr/", allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"] == "https://127.0.0.1/fr/"
    # The load balancer's probe speaks plain HTTP.
    assert requests.get(f"http://127.0.0.1:{http_port}/healthz", timeout=10).status_code == 200
    for path in ("/fr/", "/static/css/main.css"):
        response = requests.get(f"https://127.0.0.1:{https_port}{path}", verify=certificate, timeout=60)
        assert response.status_code == 200, path
        # nginx's own, once: the app's copy is hidden.
        assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        assert response.raw.headers.getlist("Strict-Transport-Security") == [
            "max-age=31536000; includeSubDomains; preload"
        ]
    # Over plain HTTP, no HSTS (browsers would ignore it anyway).
    assert "Strict-Transport-Security" not in get(stack, "/fr/").headers
