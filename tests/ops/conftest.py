"""Operations tests: the site in processes of its own, on real services the tests start.

Nothing here uses pytest-django's test database. The demo site is built once per session in
a PostgreSQL database of its own (``live_site``), on the server DATABASE_URL names, and
served by gunicorn with the production settings (tests/ops/live_settings.py).
"""

import os
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import pytest

from tests.helpers import RedisServer, free_port, missing_tool
from tests.ops.live import PostgresServer, manage, site_env

ADMIN = ("exploitation", "une-phrase-de-passe-pour-les-tests")


@dataclass
class LiveSite:
    postgres: PostgresServer
    database: str
    media_root: Path
    directory: Path

    @property
    def url(self):
        return self.postgres.url(self.database)

    def env(self, cache_name="cache", database_url=None, media_root=None, **extra):
        """A site process's environment; each ``cache_name`` is a file cache of its own."""
        return site_env(
            database_url or self.url, media_root or self.media_root, self.directory / cache_name, **extra
        )


@pytest.fixture(scope="session")
def postgres():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        missing_tool("the operations tests need PostgreSQL: DATABASE_URL=postgres://…")
    return PostgresServer(url)


@pytest.fixture(scope="session")
def live_site(postgres, tmp_path_factory):
    """The demo site and an administrator, in a database of their own, built once."""
    name = dj_database_url.parse(os.environ["DATABASE_URL"])["NAME"]
    directory = tmp_path_factory.mktemp("live-site")
    site = LiveSite(postgres, f"test_{name}_live", directory / "media", directory)
    postgres.create(site.database)
    env = site.env(
        DJANGO_SUPERUSER_USERNAME=ADMIN[0],
        DJANGO_SUPERUSER_EMAIL="exploitation@example.nc",
        DJANGO_SUPERUSER_PASSWORD=ADMIN[1],
    )
    for command in (["migrate", "--noinput"], ["load_demo_content"], ["ensure_admin"]):
        manage(env, *command)
    yield site
    postgres.drop(site.database)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    """A redis-server of the module's own (never the machine's), stopped at the end."""
    server = RedisServer(free_port(), tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()
