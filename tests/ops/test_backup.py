"""Backup and restore (issue #12, point 6): one archive, and a restored site that is the same.

The PostgreSQL test backs up the demo site of ``live_site`` with ``manage.py backup``,
restores it with ``manage.py restore`` into a fresh database and an empty media folder, and
compares what two gunicorn servers, one on each, answer: the same bytes for every page and
every image. The SQLite tests run the same code on small databases of their own.
"""

import hashlib
import json
import re
import shutil
import sqlite3
import stat
import tarfile
import time
from contextlib import closing
from urllib.parse import urlsplit

import pytest

from optnc_site.core.backup import BackupError, create_backup, restore_backup
from tests.conftest import OPENNESS_EN, OPENNESS_FR
from tests.helpers import missing_tool
from tests.ops.live import AppServer, manage

PAGES = [
    "/fr/",
    "/en/",
    OPENNESS_FR,
    OPENNESS_EN,
    "/en/partnerships/",
    "/fr/actualites/",
    "/en/news/",
    "/fr/actualites/signature-d-une-convention-avec-la-cci/",
    "/en/news/signing-agreement-cci/",
    "/fr/evenements/",
    "/en/events/",
    "/fr/adhesions-internationales/",
    "/fr/plan-du-site/",
    "/fr/actualites/rss/",
    "/en/news/atom/",
    "/sitemap.xml",
]
# (Nothing another test of the session changes: test_two_instances renames /fr/partenariats/.)
MEDIA_URL = re.compile(rb"/media/[^\"'\s,)]+")


def media_tree(root):
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def fetch_site(server):
    """Every page of PAGES, and every media file they show, as bytes."""
    client = server.client()
    pages = {}
    for path in PAGES:
        answer = client.html(path)
        assert answer.status == 200, (path, answer.status, server.log())
        pages[path] = answer.body
    media = {}
    for url in sorted({m.decode() for body in pages.values() for m in MEDIA_URL.findall(body)}):
        answer = client.get(urlsplit(url).path)
        assert answer.status == 200, (url, answer.status)
        media[url] = answer.body
    return pages, media


@pytest.fixture
def restored_database(live_site, postgres):
    name = f"{live_site.database[: -len('_live')]}_restored"
    postgres.create(name)
    yield name
    postgres.drop(name)


def test_a_restored_archive_serves_the_same_pages_and_images(
    live_site, postgres, restored_database, tmp_path
):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        missing_tool("pg_dump and pg_restore are not installed (apt-get install postgresql-client)")
    source = AppServer(live_site.env("backup-source"), tmp_path / "source.log").start()
    try:
        source_pages, source_media = fetch_site(source)  # the renditions now exist
    finally:
        source.stop()
    assert any("/images/" in url for url in source_media), "no rendition among the images"

    started = time.monotonic()
    result = manage(live_site.env(), "backup", "--directory", str(tmp_path / "backups"))
    backup_seconds = time.monotonic() - started
    (archive,) = (tmp_path / "backups").glob("optnc-*.tar.gz")
    assert str(archive) in result.stdout
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[:2] == ["manifest.json", "database.dump"]
    assert {name.removeprefix("media/") for name in names[2:]} == set(media_tree(live_site.media_root))
    assert manifest["database"] == {"vendor": "postgresql", "file": "database.dump"}
    assert ["core", "0001_initial"] in manifest["migrations"]
    assert manifest["media"]["files"] == len(names) - 2

    restored_media = tmp_path / "restored-media"
    target = live_site.env("backup-restored", postgres.url(restored_database), restored_media)
    started = time.monotonic()
    result = manage(target, "restore", str(archive))
    restore_seconds = time.monotonic() - started
    assert "restaurée en" in result.stdout, result.stdout
    assert "restent à appliquer" not in result.stdout  # the same code: nothing to migrate
    assert media_tree(restored_media) == media_tree(live_site.media_root)
    assert postgres.query(restored_database, "SELECT count(*) FROM django_session") == [(0,)]

    restored = AppServer(target, tmp_path / "restored.log").start()
    try:
        restored_pages, restored_media_files = fetch_site(restored)
    finally:
        restored.stop()
    for path in PAGES:
        assert restored_pages[path] == source_pages[path], path
    assert restored_media_files == source_media

    # Once restored, the target is not empty any more: refused, unless --force.
    refused = manage(target, "restore", str(archive), check=False)
    assert refused.returncode == 1
    assert "Restauration refusée" in refused.stderr and "--force" in refused.stderr
    forced = manage(target, "restore", "--force", str(archive))
    assert "restaurée en" in forced.stdout
    assert media_tree(restored_media) == media_tree(live_site.media_root)
    tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
    assert postgres.query(restored_database, tables) == postgres.query(live_site.database, tables)
    print(
        f"\nBackup of the demo site: {backup_seconds:.1f} s, {archive.stat().st_size / 1e3:.0f} kB; "
        f"restore: {restore_seconds:.1f} s for the command ({result.stdout.strip()})"
    )


# SQLite, and the refusals, on small databases --------------------------------------------------


def sqlite_site(directory, rows=("Accueil",)):
    """A tiny Django-like SQLite database (migrations, sessions, one table) and its media."""
    directory.mkdir()
    database = directory / "db.sqlite3"
    with closing(sqlite3.connect(database)) as connection:
        connection.executescript(
            "CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app TEXT, name TEXT, applied TEXT);"
            "INSERT INTO django_migrations (app, name, applied) VALUES ('core', '0001_initial', 'now');"
            "CREATE TABLE django_session (session_key TEXT PRIMARY KEY, session_data TEXT);"
            "INSERT INTO django_session VALUES ('abc', 'secret');"
            "CREATE TABLE page (title TEXT);"
        )
        connection.executemany("INSERT INTO page VALUES (?)", [(row,) for row in rows])
        connection.commit()
    media = directory / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "logo.fill-100x100.png").write_bytes(b"\x89PNG rendition")
    (media / "original_images").mkdir()
    (media / "original_images" / "logo.png").write_bytes(b"\x89PNG original")
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(database)}, media


def titles(database):
    with closing(sqlite3.connect(database["NAME"])) as connection:
        return [row[0] for row in connection.execute("SELECT title FROM page")]


def test_sqlite_round_trip_into_an_empty_site(tmp_path):
    database, media = sqlite_site(tmp_path / "source", rows=("Accueil", "Actualités"))
    archive, manifest = create_backup(database, media, tmp_path / "backups")
    assert manifest["database"] == {"vendor": "sqlite", "file": "database.sqlite3"}
    assert manifest["migrations"] == [["core", "0001_initial"]]
    assert manifest["media"] == {"files": 2, "bytes": len(b"\x89PNG rendition") + len(b"\x89PNG original")}
    assert manifest["application"]["version"]

    target = {**database, "NAME": str(tmp_path / "target" / "db.sqlite3")}
    restored = restore_backup(archive, target, tmp_path / "target-media")
    assert titles(target) == ["Accueil", "Actualités"]
    assert media_tree(tmp_path / "target-media") == media_tree(media)
    with closing(sqlite3.connect(target["NAME"])) as connection:
        assert connection.execute("SELECT count(*) FROM django_session").fetchone() == (0,)
    assert ("core", "0001_initial") not in restored.pending
    assert restored.unknown == []


def test_a_restore_refuses_a_site_that_is_not_empty_unless_forced(tmp_path):
    database, media = sqlite_site(tmp_path / "source", rows=("Sauvegardé",))
    archive, _manifest = create_backup(database, media, tmp_path / "backups")
    other, other_media = sqlite_site(tmp_path / "other", rows=("En ligne",))
    (other_media / "documents").mkdir()
    (other_media / "documents" / "rapport.pdf").write_bytes(b"%PDF")

    with pytest.raises(BackupError) as refused:
        restore_backup(archive, other, other_media)
    assert str(refused.value).startswith("Restauration refusée : la base de données")
    assert "et le dossier des médias" in str(refused.value) and "--force" in str(refused.value)
    assert titles(other) == ["En ligne"]  # nothing touched

    restore_backup(archive, other, other_media, force=True)
    assert titles(other) == ["Sauvegardé"]
    assert media_tree(other_media) == media_tree(media)  # the old document is gone


def test_media_kept_elsewhere_stay_out_of_the_archive_and_are_left_alone(tmp_path):
    database, media = sqlite_site(tmp_path / "source")
    archive, manifest = create_backup(database, None, tmp_path / "backups")
    assert manifest["media"] is None
    with tarfile.open(archive) as tar:
        assert tar.getnames() == ["manifest.json", "database.sqlite3"]
    target = {**database, "NAME": str(tmp_path / "target.sqlite3")}
    restore_backup(archive, target, media)  # the bucket's folder is not the restore's business
    assert media_tree(media) and titles(target) == ["Accueil"]


def test_an_archive_of_another_kind_of_database_or_not_an_archive_is_refused(tmp_path):
    database, media = sqlite_site(tmp_path / "source")
    archive, _manifest = create_backup(database, media, tmp_path / "backups")
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "optnc", "HOST": "127.0.0.1"}
    with pytest.raises(BackupError, match="contient une base sqlite, la cible est une base postgresql"):
        restore_backup(archive, postgres, tmp_path / "empty")
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_bytes(b"pas une archive")
    with pytest.raises(BackupError, match="ne peut pas être lue"):
        restore_backup(not_an_archive, database, tmp_path / "empty")
