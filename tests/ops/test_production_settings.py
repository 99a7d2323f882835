"""Several instances need one cache: production settings refuse a per-machine one (issue #12)."""

import os
import subprocess
import sys

import pytest

from tests.ops.live import ROOT, SECRET_KEY

SHOW_CACHES = (
    "import optnc_site.settings.production as production; "
    "print(production.INSTANCES, sorted({c['BACKEND'] for c in production.CACHES.values()}))"
)


def import_production(**env):
    environment = {
        k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "INSTANCES", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(SECRET_KEY=SECRET_KEY, **env)
    return subprocess.run(
        [sys.executable, "-c", SHOW_CACHES],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env,expected",
    [
        ({}, "1 ['django.core.cache.backends.filebased.FileBasedCache']"),
        ({"INSTANCES": "1"}, "1 ['django.core.cache.backends.filebased.FileBasedCache']"),
        (
            {"INSTANCES": "3", "REDIS_URL": "redis://cache:6379/0"},
            "3 ['optnc_site.core.cache.ResilientRedisCache']",
        ),
    ],
)
def test_one_instance_or_a_shared_redis_starts(env, expected):
    result = import_production(**env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_several_instances_with_a_per_machine_cache_refuse_to_start():
    result = import_production(INSTANCES="2")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert message.startswith("INSTANCES=2 : plusieurs instances du site partagent la base de données")
    assert "Définissez REDIS_URL" in message


def test_an_instance_count_that_is_not_a_number_is_refused_clearly():
    result = import_production(INSTANCES="deux")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "INSTANCES vaut « deux » : indiquez le nombre d'instances du site (1 par défaut)."
    )
