"""Schema creation and upgrades, only through the Alembic migrations shipped in this package.

Opening a database brings it to the newest schema: an empty one is created, an older one is
backed up (SQLite: a copy beside the file) and upgraded, and one written by a newer Ketnoi is
refused, because this version cannot know what that schema means.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from db import clock
from db.engine import describe_url, make_engine, sqlite_path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """A database that cannot be opened; the message is meant for the user."""


class NewerDatabaseError(DatabaseError):
    pass


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _backup_sqlite(path: Path, revision: str) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-upgrade-{revision}-{stamp}.bak")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine) -> Path | None:
    """Bring the database to the head revision; returns the backup written, if any."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise NewerDatabaseError(
                f"This database was written by a newer version of Ketnoi (schema {current}); "
                "update Ketnoi to open it."
            ) from exc
    elif inspect(engine).has_table("contact"):
        raise DatabaseError("This database has Ketnoi tables but no schema version; not opening it.")
    backup: Path | None = None
    path = sqlite_path(str(engine.url))
    if current is not None and path is not None and path.exists():
        backup = _backup_sqlite(path, current)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def open_database(url: str) -> Engine:
    """An engine on ``url`` whose schema is at the head revision."""
    engine = make_engine(url)
    try:
        upgrade(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise DatabaseError(
            f"Cannot open the database {describe_url(url)}: {reason[0] if reason else type(exc).__name__}"
        ) from exc
    return engine
