"""deploy/compose.yaml, the Dockerfile and the scripts they share with `make stack` agree.

No container engine runs here: these tests read the files and check that each service
finds what another one offers (ports, volumes, networks, scripts).
"""

import os
import re
import subprocess

import yaml
from gunicorn.config import Config

from tests.stack.conftest import ROOT

DEPLOY = ROOT / "deploy"


def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def dockerfile_stages():
    """{stage name: {"env": {...}, "cmd": [...], "copies": [source, ...]}} of the Dockerfile."""
    stages, current = {}, None
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    for line in text.splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "FROM":
            name = words[3] if len(words) > 3 and words[2].upper() == "AS" else words[1]
            current = stages.setdefault(name, {"env": {}, "cmd": None, "copies": []})
        elif words[0] == "ENV":
            current["env"].update(pair.split("=", 1) for pair in words[1:])
        elif words[0] == "CMD":
            current["cmd"] = yaml.safe_load(line[len("CMD") :])
        elif words[0] == "COPY" and not any(word.startswith("--from") for word in words):
            current["copies"].extend(word for word in words[1:-1] if not word.startswith("--"))
    return stages


def test_compose_runs_the_six_services_from_the_dockerfile_stages():
    services = compose()["services"]
    assert set(services) == {"nginx", "varnish", "app", "scheduler", "postgres", "redis"}
    stages = dockerfile_stages()
    for name in ("app", "scheduler", "nginx", "varnish"):
        target = services[name]["build"]["target"]
        assert target in stages, (name, target)
        assert services[name]["build"]["context"] == ".."
    for stage in ("nginx", "varnish"):
        script = ROOT / stages[stage]["cmd"][0].removeprefix("/app/")
        assert script.exists() and os.access(script, os.X_OK), script
        for source in stages[stage]["copies"]:
            assert (ROOT / source).exists(), source
    assert services["scheduler"]["command"] == ["bin/scheduler"]
    assert stages["app"]["cmd"] == ["bin/start"]


def test_only_nginx_is_published_and_the_app_sits_on_internal_networks():
    config = compose()
    services, networks = config["services"], config["networks"]
    assert [name for name, service in services.items() if service.get("ports")] == ["nginx"]
    assert services["nginx"]["ports"] == ["${HTTP_PORT:-80}:8080", "${HTTPS_PORT:-443}:8443"]
    nginx_env = dockerfile_stages()["nginx"]["env"]
    assert (nginx_env["NGINX_LISTEN"], nginx_env["NGINX_TLS_LISTEN"]) == ("8080", "8443")
    for name in ("postgres", "redis", "varnish"):
        assert all(networks[network].get("internal") for network in services[name]["networks"]), name
    assert networks["front"]["internal"] and networks["data"]["internal"]
    assert set(services["nginx"]["networks"]) == {"edge", "front"}
    # gunicorn trusts forwarded headers from the front network only, the one it listens on.
    app_env = services["app"]["environment"]
    subnet = networks["front"]["ipam"]["config"][0]["subnet"]
    assert app_env["FORWARDED_ALLOW_IPS"] == subnet


def test_each_hop_finds_the_next_one():
    services = compose()["services"]
    stages = dockerfile_stages()
    app_env = services["app"]["environment"]
    app_port = app_env["GUNICORN_BIND"].rsplit(":", 1)[1]
    assert stages["varnish"]["env"]["APP_HOST"] == "app"
    assert stages["varnish"]["env"]["APP_PORT"] == app_port
    varnish_port = stages["varnish"]["env"]["VARNISH_LISTEN"].rsplit(":", 1)[1]
    assert services["nginx"]["environment"]["NGINX_UPSTREAM"] == f"varnish:{varnish_port}"
    assert app_env["FRONT_CACHE_PURGE_URLS"] == f"http://varnish:{varnish_port}"
    assert app_env["DATABASE_URL"].split("@", 1)[1] == "postgres:5432/optnc"
    assert app_env["REDIS_URL"] == "redis://redis:6379/0"


def test_nginx_serves_the_media_volume_that_the_app_writes():
    services = compose()["services"]
    media_root = services["app"]["environment"]["MEDIA_ROOT"]
    assert f"media:{media_root}" in services["app"]["volumes"]
    nginx_media = dockerfile_stages()["nginx"]["env"]["MEDIA_ROOT"]
    assert f"media:{nginx_media}:ro" in services["nginx"]["volumes"]
    assert "media" in compose()["volumes"]


def test_gunicorn_listens_on_loopback_unless_told_otherwise(monkeypatch):
    for name in ("GUNICORN_BIND", "PORT", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    config = Config()
    namespace = {}
    exec((DEPLOY / "gunicorn.conf.py").read_text(), namespace)
    for name in ("bind", "forwarded_allow_ips", "workers", "timeout", "worker_tmp_dir", "preload_app"):
        config.set(name, namespace[name])
    assert config.bind == ["127.0.0.1:8000"]
    assert config.forwarded_allow_ips == ["127.0.0.1", "::1"]
    assert config.timeout == 30
    assert "%({x-forwarded-for}i)s" in namespace["access_log_format"]


def test_bin_start_serves_with_the_deploy_configuration():
    start = (ROOT / "bin" / "start").read_text()
    assert "--config deploy/gunicorn.conf.py" in start
    assert "0.0.0.0" not in start


def render(template, **env):
    return subprocess.run(
        [str(DEPLOY / "render"), str(template)],
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
    )


def test_render_replaces_only_the_named_placeholders(tmp_path):
    template = tmp_path / "site.conf"
    template.write_text("listen ${NGINX_LISTEN};\nreturn 301 https://$host$request_uri;\n")
    result = render(template, NGINX_LISTEN="127.0.0.1:18299")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "listen 127.0.0.1:18299;\nreturn 301 https://$host$request_uri;\n"
    missing = render(template)
    assert missing.returncode == 1
    assert "NGINX_LISTEN" in missing.stderr


def test_every_nginx_placeholder_has_a_default_in_its_start_script():
    """The nginx container renders with no environment at all (TLS aside)."""
    start = (DEPLOY / "nginx" / "start").read_text()
    for template in (DEPLOY / "nginx").glob("*.template"):
        for name in set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)\}", template.read_text())):
            if not name.startswith("TLS_"):
                assert f': "${{{name}:=' in start, (template.name, name)
