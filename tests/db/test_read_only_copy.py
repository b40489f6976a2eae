"""A file Ketnoi may not write, copied and read whatever its schema: db.backup copies it through
db.read_only's choice of connection (nothing made beside it), and a file older only by
migrations that change data (db.migrate.DATA_ONLY_REVISIONS) is read as it is."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import event, text

from db import backup as backups
from db.engine import make_engine, read_only_reason, read_session
from db.migrate import (
    DATA_ONLY_REVISIONS,
    HEAD_REVISION,
    alembic_config,
    read_only_problem,
    stored_revision,
)
from db.read_only import OlderSchemaError, connect, data_only_since, open_read_only
from tests.read_only import demo_file, file_digest, read_only


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _at(db: Path, revision: str, statements: list[str] | None = None) -> None:
    """``db`` brought to ``revision`` by the migrations themselves (a new file: made); the SQL
    they run is added to ``statements``."""
    engine = make_engine(f"sqlite:///{db}")
    if statements is not None:
        event.listen(engine, "before_cursor_execute", lambda _c, _cur, sql, *_a: statements.append(sql))
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _schema(db: Path) -> list[tuple[str, str, str, str]]:
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master").fetchall()
    finally:
        con.close()
    return sorted((str(a), str(b), str(c), " ".join(str(d).split())) for a, b, c, d in rows)


def _dump(con: sqlite3.Connection) -> list[str]:
    return list(con.iterdump())


def older_demo(folder: Path, revision: str) -> Path:
    """``folder/ketnoi.db`` made by the migrations up to ``revision`` and filled with the demo
    data by this Ketnoi: what a backup taken before those later migrations holds. The demo is
    written at the head and the file taken down to ``revision`` (0018 added a column the demo's
    letters fill)."""
    from app import demo

    folder.mkdir()
    db = folder / "ketnoi.db"
    _at(db, "head")
    engine = make_engine(f"sqlite:///{db}")
    try:
        demo.fill(engine)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=DELETE")  # closed cleanly: nothing beside it
    con.close()
    assert _names(folder) == ["ketnoi.db"]
    return db


@pytest.mark.parametrize("revision", sorted(DATA_ONLY_REVISIONS))
def test_each_data_only_migration_leaves_the_schema_as_it_was(tmp_path: Path, revision: str) -> None:
    """What makes reading a file from before it safe: the migration runs no CREATE, DROP or
    ALTER (0014, which rebuilds the search indexes, would fail here), and every table, column,
    index, trigger and view is as the migration before left it."""
    step = ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    assert step is not None and isinstance(step.down_revision, str)
    db = tmp_path / "k.db"
    _at(db, step.down_revision)
    before = _schema(db)
    ran: list[str] = []
    _at(db, revision, ran)
    assert any("UPDATE alembic_version" in sql for sql in ran)  # the migration did run
    ddl = [sql for sql in ran if sql.lstrip().split(None, 1)[0].upper() in ("CREATE", "DROP", "ALTER")]
    assert ddl == []
    assert _schema(db) == before
    assert len(before) > 30  # the whole schema was compared, not an empty file's


def test_which_older_schemas_are_read_as_they_are() -> None:
    assert HEAD_REVISION not in DATA_ONLY_REVISIONS  # 0018 adds a column to letter
    assert data_only_since(HEAD_REVISION)
    assert not data_only_since("0017") and not data_only_since("0016") and not data_only_since("0014")
    assert not data_only_since("0013")  # 0014 adds the search indexes
    assert not data_only_since("0001")


def test_a_file_older_only_by_data_only_migrations_is_read_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(As this Ketnoi at 0016 read a file at 0014: no migration since 0017 changes data only.)"""
    monkeypatch.setattr("db.read_only.HEAD_REVISION", "0016")
    db = older_demo(tmp_path / "old", "0014")
    digest = file_digest(db)
    with read_only(db.parent):
        engine = open_read_only(f"sqlite:///{db}", read_only_problem(db))
        try:
            assert stored_revision(engine) == "0014"
            assert read_only_reason(engine) is not None
            with read_session(engine) as s:
                names = {str(r[0]) for r in s.execute(text("SELECT name FROM organisation")).all()}
            assert len(names) == 19 and "Bộ Khoa học và Công nghệ" in names
        finally:
            engine.dispose()
        assert _names(db.parent) == ["ketnoi.db"]
    assert file_digest(db) == digest


@pytest.mark.parametrize("revision", ["0013", "0016"])
def test_a_file_older_by_a_schema_change_is_still_refused(tmp_path: Path, revision: str) -> None:
    (tmp_path / "old").mkdir()
    db = tmp_path / "old" / "ketnoi.db"
    _at(db, revision)
    with read_only(db.parent), pytest.raises(OlderSchemaError, match=f"schema version {revision}"):
        open_read_only(f"sqlite:///{db}", read_only_problem(db))


@pytest.mark.parametrize("revision", [HEAD_REVISION, "0014"])
def test_a_backup_of_a_read_only_file_is_taken_without_writing_beside_it(
    tmp_path: Path, revision: str
) -> None:
    """db.backup's copy of a file in a read-only folder: ``mode=ro`` alone failed there
    ("unable to open database file": it must make the -shm). The copy holds every row the file
    does, with its schema as it is, and nothing appears beside the file."""
    db = demo_file(tmp_path / "ro") if revision == HEAD_REVISION else older_demo(tmp_path / "ro", revision)
    digest = file_digest(db)
    out = tmp_path / "out"
    out.mkdir()
    with read_only(db.parent):
        written = backups.take(db, "manual", to=out / "copy.db")
        assert written == out / "copy.db"
        source = connect(db)
        try:
            expected = _dump(source)
        finally:
            source.close()
        assert _names(db.parent) == ["ketnoi.db"]
    assert file_digest(db) == digest
    copy = sqlite3.connect(written)
    try:
        assert _dump(copy) == expected
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    finally:
        copy.close()
    assert _names(out) == ["copy.db"]  # a standalone copy: no -wal or -shm left by it


def test_a_read_only_copy_holds_what_its_log_holds(tmp_path: Path) -> None:
    """A file copied with its -wal and -shm while a colleague had it open: the copy holds the
    change still in the log (db.read_only reads it with mode=ro)."""
    live = demo_file(tmp_path / "live")
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("UPDATE organisation SET name = 'Colleague''s name' WHERE id = 1")
    writer.commit()
    share = tmp_path / "share"
    share.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{live}{suffix}", share / f"ketnoi.db{suffix}")
    writer.close()
    db = share / "ketnoi.db"
    with read_only(share):
        written = backups.take(db, "manual", to=tmp_path / "copy.db")
    assert written is not None
    con = sqlite3.connect(written)
    try:
        assert con.execute("SELECT name FROM organisation WHERE id = 1").fetchone() == ("Colleague's name",)
    finally:
        con.close()


def test_no_backups_folder_beside_a_read_only_file_is_one_clear_error(tmp_path: Path) -> None:
    db = demo_file(tmp_path / "ro")
    with read_only(db.parent):
        assert not backups.folder_writable(db)
        with pytest.raises(backups.BackupError, match=f"Cannot back up {db}: Read-only file system"):
            backups.take(db, "manual")
        assert _names(db.parent) == ["ketnoi.db"]
    assert backups.folder_writable(db)
