"""One archive holds the whole site: the database, the media, and what they came from.

``create_backup`` writes ``optnc-YYYYmmdd-HHMMSS.tar.gz`` with, in this order:

- ``manifest.json``: the date, the application's version and commit, the database vendor,
  the migrations applied, the number and size of the media files;
- the database: ``database.dump`` (``pg_dump`` custom format) on PostgreSQL, or
  ``database.sqlite3`` (SQLite's online backup API, consistent while the site writes);
- ``media/``: every file under ``MEDIA_ROOT`` (originals, renditions, documents).

Sessions are left out (their rows, not their table): a restored site logs everyone out
rather than reviving logins. The archive is readable by its owner only: it holds the
editors' password hashes.

``restore_backup`` brings an archive back into an empty database and an empty media folder,
and refuses anything else unless told to empty them first (``force``): a restore never
merges into a live site by mistake. The database comes first (in one transaction on
PostgreSQL), then the media.

Why not a package: django-dbbackup writes the database and the media as two separate
archives (``dbbackup``, ``mediabackup``), records no migration state, and restores over
whatever is there; the site wants one archive and a restore that checks its target is
empty, which these few lines give around pg_dump, pg_restore and SQLite's backup API.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import tomllib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from psycopg.conninfo import make_conninfo

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
SESSIONS_TABLE = "django_session"
APPLIED_MIGRATIONS = "SELECT app, name FROM django_migrations ORDER BY id"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message, in French, says why and what to do."""


# Databases ---------------------------------------------------------------------------------


class PostgresDatabase:
    vendor = "postgresql"
    file_name = "database.dump"

    # Driver options that are not libpq's (Django's, psycopg's) stay out of pg_dump's conninfo.
    LIBPQ_KEYWORDS = frozenset(option.keyword.decode() for option in psycopg.pq.Conninfo.get_defaults())

    def __init__(self, settings_dict):
        self.name = settings_dict["NAME"]
        params = {
            "dbname": settings_dict["NAME"],
            "host": settings_dict.get("HOST") or None,
            "port": settings_dict.get("PORT") or None,
            "user": settings_dict.get("USER") or None,
            **{k: v for k, v in settings_dict.get("OPTIONS", {}).items() if k in self.LIBPQ_KEYWORDS},
        }
        # The password goes to libpq through the environment, never on a command line (ps).
        self.password = params.pop("password", None) or settings_dict.get("PASSWORD") or ""
        self.conninfo = make_conninfo(**{k: v for k, v in params.items() if v is not None})

    def _env(self):
        env = dict(os.environ)
        if self.password:
            env["PGPASSWORD"] = self.password
        return env

    def _connect(self):
        try:
            return psycopg.connect(self.conninfo, password=self.password or None, autocommit=True)
        except psycopg.OperationalError as error:
            raise BackupError(f"La base de données « {self.name} » est injoignable : {error}") from None

    def _run(self, command, what):
        try:
            result = subprocess.run(command, env=self._env(), capture_output=True, text=True)
        except FileNotFoundError:
            raise BackupError(f"{what} est introuvable : installez postgresql-client.") from None
        if result.returncode != 0:
            raise BackupError(f"{what} a échoué : {result.stderr.strip()}")

    def is_empty(self):
        with self._connect() as connection:
            (count,) = connection.execute(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
                "AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            ).fetchone()
        return count == 0

    def applied_migrations(self):
        with self._connect() as connection:
            return [list(row) for row in connection.execute(APPLIED_MIGRATIONS)]

    def dump(self, path):
        self._run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
            + [f"--exclude-table-data={SESSIONS_TABLE}", f"--file={path}", f"--dbname={self.conninfo}"],
            "pg_dump",
        )

    def load(self, path):
        self._run(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
            + [f"--dbname={self.conninfo}", str(path)],
            "pg_restore",
        )

    def wipe(self):
        with self._connect() as connection:
            connection.execute("DROP SCHEMA public CASCADE")
            connection.execute("CREATE SCHEMA public")
        if not self.is_empty():
            raise BackupError(
                f"La base « {self.name} » garde des tables hors du schéma public : videz-la à la main."
            )


class SqliteDatabase:
    vendor = "sqlite"
    file_name = "database.sqlite3"

    def __init__(self, settings_dict):
        self.name = settings_dict["NAME"]
        if str(self.name) in {"", ":memory:"} or "mode=memory" in str(self.name):
            raise BackupError("Une base SQLite en mémoire ne se sauvegarde ni ne se restaure.")
        self.path = Path(self.name)

    def is_empty(self):
        if not self.path.exists() or self.path.stat().st_size == 0:
            return True
        with closing(sqlite3.connect(self.path)) as connection:
            return connection.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)

    def applied_migrations(self):
        with closing(sqlite3.connect(self.path)) as connection:
            return [list(row) for row in connection.execute(APPLIED_MIGRATIONS)]

    def dump(self, path):
        source, target = sqlite3.connect(self.path), sqlite3.connect(path)
        try:
            source.backup(target)
            if target.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (SESSIONS_TABLE,)).fetchone():
                target.execute(f"DELETE FROM {SESSIONS_TABLE}")
                target.commit()
                target.execute("VACUUM")
        finally:
            source.close()
            target.close()

    def load(self, path):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        source, target = sqlite3.connect(path), sqlite3.connect(self.path)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()

    def wipe(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def database_for(settings_dict):
    engine = settings_dict["ENGINE"]
    if engine.endswith("postgresql"):
        return PostgresDatabase(settings_dict)
    if engine.endswith("sqlite3"):
        return SqliteDatabase(settings_dict)
    raise BackupError(f"Base de données non prise en charge par la sauvegarde : {engine}.")


# Media -------------------------------------------------------------------------------------


def _media_files(media_root):
    return sorted(path for path in Path(media_root).rglob("*") if path.is_file()) if media_root else []


def _is_empty_dir(path):
    return not path.exists() or next(path.iterdir(), None) is None


def _empty_dir(path):
    for child in path.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


# The archive ---------------------------------------------------------------------------------


def application_version():
    with open(settings.BASE_DIR / "pyproject.toml", "rb") as file:
        version = tomllib.load(file)["project"]["version"]
    # The container has no .git: its build passes the commit as GIT_COMMIT.
    commit = os.environ.get("GIT_COMMIT")
    if not commit and (settings.BASE_DIR / ".git").exists() and shutil.which("git"):
        result = subprocess.run(
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"], capture_output=True, text=True
        )
        commit = result.stdout.strip() if result.returncode == 0 else None
    return {"version": version, "commit": commit or None}


def create_backup(database_settings, media_root, directory):
    """Write the archive into ``directory``; ``media_root`` is ``None`` for media kept elsewhere (S3)."""
    database = database_for(database_settings)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime()
    archive = directory / f"optnc-{now:%Y%m%d-%H%M%S}.tar.gz"
    partial = archive.with_name(f".{archive.name}.partial")
    files = _media_files(media_root)
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(timespec="seconds"),
        "application": application_version(),
        "database": {"vendor": database.vendor, "file": database.file_name},
        "migrations": database.applied_migrations(),
        "media": None
        if media_root is None
        else {"files": len(files), "bytes": sum(path.stat().st_size for path in files)},
    }
    if archive.exists():
        raise BackupError(f"L'archive {archive} existe déjà : relancez dans une seconde.")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w:gz") as tar:
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
            tar.addfile(info, io.BytesIO(data))
            with tempfile.TemporaryDirectory() as scratch:
                dump = Path(scratch) / database.file_name
                database.dump(dump)
                tar.add(dump, arcname=database.file_name)
            for path in files:
                tar.add(path, arcname=f"{MEDIA}/{path.relative_to(media_root).as_posix()}")
        partial.rename(archive)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return archive, manifest


@dataclass
class Restored:
    manifest: dict
    seconds: float
    pending: list  # migrations of this code the archive's database has not applied
    unknown: list  # migrations of the archive this code does not have (a newer version)


def restore_backup(archive, database_settings, media_root, force=False):
    """Bring ``archive`` back into an empty database and media folder (emptied first if ``force``)."""
    started = time.monotonic()
    database = database_for(database_settings)
    media_root = Path(media_root)
    try:
        tar = tarfile.open(archive, mode="r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"L'archive {archive} ne peut pas être lue : {error}") from None
    with tar:
        manifest = _read_manifest(tar, archive)
        if manifest["database"]["vendor"] != database.vendor:
            raise BackupError(
                f"L'archive contient une base {manifest['database']['vendor']}, la cible est une base "
                f"{database.vendor} : restaurez-la dans une base du même type."
            )
        media_wanted = manifest["media"] is not None
        occupied = []
        if not database.is_empty():
            occupied.append(f"la base de données « {database.name} »")
        if media_wanted and not _is_empty_dir(media_root):
            occupied.append(f"le dossier des médias « {media_root} »")
        if occupied:
            if not force:
                raise BackupError(
                    f"Restauration refusée : {' et '.join(occupied)} n'est pas vide. Une restauration "
                    "remplace tout le site : relancez avec --force pour d'abord tout effacer."
                )
            database.wipe()
            if media_wanted and media_root.exists():
                _empty_dir(media_root)
        for member in tar:
            if member.name == manifest["database"]["file"]:
                with tempfile.TemporaryDirectory() as scratch:
                    tar.extract(member, scratch, filter="data")
                    database.load(Path(scratch) / member.name)
            elif media_wanted and member.name.startswith(f"{MEDIA}/"):
                media_root.mkdir(parents=True, exist_ok=True)
                relative = member.replace(name=member.name.removeprefix(f"{MEDIA}/"), deep=False)
                tar.extract(relative, media_root, filter="data")
    applied = {tuple(migration) for migration in manifest["migrations"]}
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return Restored(
        manifest=manifest,
        seconds=time.monotonic() - started,
        pending=sorted(on_disk - applied),
        unknown=sorted(applied - on_disk),
    )


def _read_manifest(tar, archive):
    first = tar.next()
    if first is None or first.name != MANIFEST:
        raise BackupError(f"{archive} n'est pas une sauvegarde du site (pas de {MANIFEST} en tête).")
    manifest = json.load(tar.extractfile(first))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Format d'archive {manifest.get('format')} inconnu de cette version du site.")
    return manifest
