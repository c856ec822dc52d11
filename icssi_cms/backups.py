"""Backup archives with the database's own tools, and an all-or-nothing restore.

An archive (tar.gz) holds manifest.json, the database (a pg_dump custom-format dump,
or an SQLite copy made with SQLite's backup API: both consistent snapshots taken
while the site is written to) and media/. The manifest records the engine, the
migrations applied and the database file's SHA-256, so a restore can check the
whole archive before it touches anything (see docs/deploy.md, "Backups").
"""

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

FORMAT = 2

logger = logging.getLogger(__name__)

DEADLOCK_ATTEMPTS = 4


class RestoreRefused(Exception):
    """The archive cannot be restored here; nothing was changed."""


def engine():
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def known_migrations():
    """Every migration this version of the code has, as "app.name"."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


# --- PostgreSQL ----------------------------------------------------------------


def pg_env(database=None):
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    env.update(
        PGHOST=str(db.get("HOST") or "localhost"),
        PGPORT=str(db.get("PORT") or "5432"),
        PGUSER=str(db.get("USER") or ""),
        PGDATABASE=database or db["NAME"],
    )
    return env


def run(command, env, what):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RestoreRefused(f"{what} failed: {result.stderr.strip()[-1500:]}")
    return result.stdout


def pg_dump(path, database=None):
    run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(path)],
        pg_env(database),
        "pg_dump",
    )


def pg_restore(path, database, *options):
    run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *options]
        + ["--dbname", database, str(path)],
        pg_env(database),
        "pg_restore",
    )


def psql(sql, database="postgres"):
    return run(["psql", "-v", "ON_ERROR_STOP=1", "-tAc", sql], pg_env(database), "psql")


def pg_applied_migrations(database):
    rows = psql("SELECT app || '.' || name FROM django_migrations", database)
    return {line.strip() for line in rows.splitlines() if line.strip()}


# --- SQLite ----------------------------------------------------------------------


def sqlite_copy(source, target):
    """Copy with SQLite's backup API: one consistent snapshot, however busy the source."""
    src, dst = sqlite3.connect(source, timeout=30), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def sqlite_applied_migrations(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise RestoreRefused("the database in the archive is damaged")
        rows = db.execute("SELECT app || '.' || name FROM django_migrations").fetchall()
    except sqlite3.DatabaseError as error:
        raise RestoreRefused(f"the database in the archive cannot be read ({error})") from error
    finally:
        db.close()
    return {row[0] for row in rows}


# --- Backup ------------------------------------------------------------------------


def write_backup(path):
    """Write the archive at `path` and return its manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        database = Path(work) / (
            "database.pgdump" if engine() == "postgresql" else "database.sqlite3"
        )
        if engine() == "postgresql":
            pg_dump(database)
        else:
            sqlite_copy(settings.DATABASES["default"]["NAME"], database)
        applied = sorted(f"{app}.{name}" for app, name in _applied_here())
        manifest = {
            "format": FORMAT,
            "engine": engine(),
            "database": database.name,
            "sha256": sha256(database),
            "migrations": applied,
        }
        (Path(work) / "manifest.json").write_text(json.dumps(manifest, indent=1))
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / "manifest.json", arcname="manifest.json")
            archive.add(database, arcname=database.name)
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                archive.add(media, arcname="media")
        partial.replace(path)  # never a half-written archive under the real name
    return manifest


def _applied_here():
    from django.db.migrations.recorder import MigrationRecorder

    return MigrationRecorder(connection).applied_migrations().keys()


# --- Restore ------------------------------------------------------------------------


def unpack(archive, work):
    """Extract and check everything: the manifest, the database's checksum, the
    engine and the migrations. Returns (manifest, database path, migrations)."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise RestoreRefused(f"it is not a whole backup archive ({error})") from error
    work = Path(work)
    try:
        manifest = json.loads((work / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise RestoreRefused("it has no manifest: not made by `manage.py backup`") from error
    if manifest.get("format") != FORMAT:
        raise RestoreRefused(f"it is of backup format {manifest.get('format')}, not {FORMAT}")
    if manifest.get("engine") != engine():
        raise RestoreRefused(
            f"it is a {manifest.get('engine')} backup and this site runs on {engine()}"
        )
    database = work / str(manifest.get("database"))
    if not database.is_file() or sha256(database) != manifest.get("sha256"):
        raise RestoreRefused("its database file is incomplete or damaged (checksum differs)")
    return manifest, database


def check_versions(applied):
    """Refuse an archive of a newer site (migrations this code does not have)."""
    unknown = sorted(set(applied) - known_migrations())
    if unknown:
        raise RestoreRefused(
            "it comes from another version of the site, with migrations this one does "
            f"not have ({', '.join(unknown[:5])}): restore it with that version"
        )


def migrate_copy(env):
    """Bring a restored copy up to this code's migrations, in a separate process
    pointed at the copy."""
    result = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "migrate", "--noinput"],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RestoreRefused(f"migrating the archive's database failed: {result.stderr[-1500:]}")


def copy_env(**overrides):
    return {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE, **overrides}


def prepare_postgresql(dump):
    """Load the dump into a scratch database and migrate it there: proves the whole
    archive loads, without touching the site. Returns the scratch database's name."""
    live = settings.DATABASES["default"]["NAME"]
    scratch = f"{live[:40]}_restore_{uuid.uuid4().hex[:8]}"
    psql(f'CREATE DATABASE "{scratch}"')
    try:
        pg_restore(dump, scratch)
        check_versions(pg_applied_migrations(scratch))
        db = settings.DATABASES["default"]
        url = (
            f"postgres://{quote(str(db.get('USER')))}:{quote(str(db.get('PASSWORD') or ''))}"
            f"@{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{scratch}"
        )
        migrate_copy(copy_env(DATABASE_URL=url))
    except BaseException:
        drop_scratch(scratch)
        raise
    return scratch


def drop_scratch(scratch, attempts=2):
    """Drop the scratch copy; on failure, say so and leave it (the restore's outcome
    does not depend on it). A plain DROP, not WITH (FORCE): the only other visitor of
    a fresh copy is autovacuum, whose workers a plain DROP stops by itself, while
    FORCE refuses to signal them for a role that is neither superuser nor in
    pg_signal_backend ("must be a member of the role whose process is being
    terminated": CI failed so after a successful restore)."""
    for _attempt in range(attempts):
        try:
            psql(f'DROP DATABASE IF EXISTS "{scratch}"')
            return
        except RestoreRefused as error:
            failure = error
            time.sleep(1)
    logger.warning(
        "The restore's scratch database %s could not be dropped (%s): drop it with "
        'DROP DATABASE "%s" once nothing is connected to it.',
        scratch,
        failure,
        scratch,
    )


def replace_postgresql(scratch, work):
    """Replace the site's tables with the scratch database's in ONE transaction:
    any failure rolls everything back and readers see the old site until the commit."""
    migrated = Path(work) / "migrated.pgdump"
    pg_dump(migrated, scratch)
    connection.close()
    for attempt in range(1, DEADLOCK_ATTEMPTS + 1):
        try:
            pg_restore(
                migrated,
                settings.DATABASES["default"]["NAME"],
                "--clean",
                "--if-exists",
                "--single-transaction",
            )
            return
        except RestoreRefused as error:
            # pg_restore locks table after table while readers' queries lock theirs
            # in another order; PostgreSQL then aborts one side. Aborted, the whole
            # transaction rolled back, so trying again is safe (readers who lose get
            # the 503 "back in a moment" page, DatabaseUnavailableMiddleware).
            if "deadlock detected" not in str(error) or attempt == DEADLOCK_ATTEMPTS:
                raise
            logger.warning("Restore met a deadlock with readers (try %d): trying again", attempt)
            time.sleep(attempt)


def prepare_sqlite(database):
    check_versions(sqlite_applied_migrations(database))
    migrate_copy(copy_env(SQLITE_PATH=str(database), DATABASE_URL=""))


def replace_sqlite(database, wait):
    """Copy the checked database over the site's with SQLite's backup API: one write
    transaction, so readers see the old site or the new one, never a mixture. Readers
    do not block it (the site's database is in WAL mode); a writer that keeps the
    write lock for `wait` seconds makes the restore give up."""
    connection.close()
    live = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=min(wait, 10))
    source = sqlite3.connect(database)
    deadline = time.monotonic() + wait

    def give_up_when_late(status, remaining, total):
        # Python retries a busy step for ever; nothing is written until it succeeds.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise RestoreRefused(
                f"the site's database could not be replaced (it stayed busy for {wait:g} s)"
            )

    try:
        source.backup(live, progress=give_up_when_late)
    except sqlite3.Error as error:
        raise RestoreRefused(f"the site's database could not be replaced ({error})") from error
    finally:
        source.close()
        live.close()


def stage_media(work):
    """The archive's media beside MEDIA_ROOT, ready to be swapped in."""
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    staged = media.parent / f".{media.name}-restore-{uuid.uuid4().hex[:8]}"
    source = Path(work) / "media"
    if source.exists():
        shutil.copytree(source, staged)
    else:
        staged.mkdir()
    return staged


def swap_media(staged):
    media = Path(settings.MEDIA_ROOT)
    old = media.parent / f".{media.name}-old-{uuid.uuid4().hex[:8]}"
    if media.exists():
        media.rename(old)
    staged.rename(media)
    shutil.rmtree(old, ignore_errors=True)


def restore(archive, wait=60):
    """Check the whole archive, prepare a migrated copy of its database and its media
    beside the site, then replace the site's in one step each. Any failure before the
    database's commit leaves the site exactly as it was. `wait`: how many seconds an
    SQLite site's database may stay locked by a writer before the restore gives up."""
    with tempfile.TemporaryDirectory() as work:
        manifest, database = unpack(archive, work)
        staged = stage_media(work)
        scratch = None
        try:
            if manifest["engine"] == "postgresql":
                scratch = prepare_postgresql(database)
                replace_postgresql(scratch, work)
            else:
                prepare_sqlite(database)
                replace_sqlite(database, wait)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        finally:
            if scratch:
                drop_scratch(scratch)
        swap_media(staged)
    return manifest
