"""Copying a file Ketnoi may not write, from the command line — what its refusals advise: `ketnoi
backup FILE` and `ketnoi copy-db --from` work on it whatever its schema (an older one too); `ketnoi
backup` without FILE and `ketnoi restore` say in one line that it is read-only before touching
anything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from db.migrate import HEAD_REVISION
from db.read_only import connect
from tests.db.test_read_only_copy import _at, older_demo
from tests.read_only import demo_file, file_digest, read_only


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _revision(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def _rows(con: sqlite3.Connection) -> list[str]:
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _one_line(err: str, db: Path) -> None:
    assert err.count("\n") == 1, err
    assert err.startswith(
        f"ketnoi: Not changed: {db} is open read-only (the folder {db.parent} is read-only for you)"
    )
    assert "Errno" not in err and "OSError" not in err


def test_backup_without_a_file_says_read_only_before_touching_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_file(tmp_path / "ro")
    digest = file_digest(db)
    with read_only(db.parent):
        assert main(["backup", "--db", str(db)]) == 1
        captured = capsys.readouterr()
        _one_line(captured.err, db)
        assert f"ketnoi backup FILE --db {db} writes a copy to FILE instead" in captured.err
        assert captured.out == ""
        assert _names(db.parent) == ["ketnoi.db"]
    assert file_digest(db) == digest


def test_restore_says_read_only_before_reading_the_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_file(tmp_path / "ro")
    digest = file_digest(db)
    with read_only(db.parent):
        # no such backup: the read-only file is said first (it was "[Errno 30] …-backups")
        assert main(["restore", str(tmp_path / "no-such.db"), "--db", str(db)]) == 1
        _one_line(capsys.readouterr().err, db)
        assert _names(db.parent) == ["ketnoi.db"]
    assert file_digest(db) == digest


@pytest.mark.parametrize("revision", [HEAD_REVISION, "0014"])
def test_backup_to_a_file_copies_a_read_only_file_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], revision: str
) -> None:
    """The copy holds what the file holds, with its schema; opened, it is upgraded and
    writable. (0014: every backup made before schema 0015.)"""
    db = demo_file(tmp_path / "ro") if revision == HEAD_REVISION else older_demo(tmp_path / "ro", revision)
    digest = file_digest(db)
    copy = tmp_path / "mine" / "copy.db"
    copy.parent.mkdir()
    with read_only(db.parent):
        assert main(["backup", str(copy), "--db", str(db)]) == 0
        out = capsys.readouterr().out
        expected = _rows(connect(db))
        assert _names(db.parent) == ["ketnoi.db"]
    assert out.startswith(f"Backed up sqlite:///{db} to {copy} (")
    if revision != HEAD_REVISION:
        assert (
            f"The copy has the file's schema {revision}" in out and f"upgrades it to {HEAD_REVISION}" in out
        )
    else:
        assert "schema" not in out
    assert file_digest(db) == digest
    assert _rows(sqlite3.connect(copy)) == expected and _revision(copy) == revision
    assert main(["org", "add", "--name", "NIC mới", "--db", str(copy)]) == 0  # opened: upgraded, writable
    assert _revision(copy) == HEAD_REVISION
    capsys.readouterr()


def test_backup_to_a_file_copies_a_read_only_file_of_an_older_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """0013 (before the search indexes' rebuild) cannot be read as it is (`ketnoi search` says
    so), but it can be copied: the copy is the file as it is, upgraded when opened."""
    (tmp_path / "ro").mkdir()
    db = tmp_path / "ro" / "ketnoi.db"
    _at(db, "0013")
    digest = file_digest(db)
    copy = tmp_path / "copy.db"
    with read_only(db.parent):
        assert main(["search", "x", "--db", str(db)]) == 1
        assert "schema version 0013, older than" in capsys.readouterr().err
        assert main(["backup", str(copy), "--db", str(db)]) == 0
        assert "The copy has the file's schema 0013" in capsys.readouterr().out
        assert main(["backup", "--db", str(db)]) == 1  # no backups folder beside it
        _one_line(capsys.readouterr().err, db)
        assert _names(db.parent) == ["ketnoi.db"]
    assert file_digest(db) == digest and _revision(copy) == "0013"
    assert main(["info", "--db", str(copy)]) == 0
    assert _revision(copy) == HEAD_REVISION


@pytest.mark.parametrize("revision", ["0014", "0013"])
def test_copy_db_from_a_read_only_file_of_an_older_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], revision: str
) -> None:
    """copy-db --from a read-only older file: it is copied as it is to a temporary file, that
    copy upgraded (0015's data changes made), and the target filled from it; the file itself
    and its folder are left as they were."""
    if revision == "0014":
        db = older_demo(tmp_path / "ro", revision)
    else:
        (tmp_path / "ro").mkdir()
        db = tmp_path / "ro" / "ketnoi.db"
        _at(db, revision)
    digest = file_digest(db)
    target = tmp_path / "mine" / "ketnoi.db"
    target.parent.mkdir()
    with read_only(db.parent):
        assert main(["copy-db", "--from", str(db), "--to", str(target)]) == 0
        assert _names(db.parent) == ["ketnoi.db"]
    out = capsys.readouterr().out
    assert (
        f"{db} has schema {revision}, older than this Ketnoi's {HEAD_REVISION}, and may not be written" in out
    )
    assert "the copy is identical to the source" in out
    assert file_digest(db) == digest
    assert _revision(target) == HEAD_REVISION
    source = sqlite3.connect(db)
    mine = sqlite3.connect(target)
    try:
        query = "SELECT id, name FROM organisation ORDER BY id"
        assert mine.execute(query).fetchall() == source.execute(query).fetchall()
    finally:
        source.close()
        mine.close()
    assert main(["org", "add", "--name", "NIC mới", "--db", str(target)]) == 0


def test_restore_from_a_file_on_a_read_only_share(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The backup read from a read-only folder (check, schema, copy: db.backup.reader); it was
    "is not a readable database (unable to open database file)": a Ketnoi file is in WAL mode,
    and mode=ro must make its -shm beside it."""
    share = demo_file(tmp_path / "share")
    mine = demo_file(tmp_path / "mine")
    assert main(["org", "add", "--name", "Chỉ ở bản của tôi", "--db", str(mine)]) == 0
    with read_only(share.parent):
        # (two demo files: two databases, so the option that says it is meant)
        assert main(["restore", str(share), "--db", str(mine), "--other-database"]) == 0
        assert _names(share.parent) == ["ketnoi.db"]
    out = capsys.readouterr().out
    assert f"Restored {mine} from {share}." in out and "What it replaced is kept in" in out
    con = sqlite3.connect(mine)
    try:  # the restored file: without the organisation added to mine only
        assert con.execute(
            "SELECT count(*) FROM organisation WHERE name = 'Chỉ ở bản của tôi'"
        ).fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM organisation").fetchone() == (19,)
    finally:
        con.close()


def test_backup_file_names_a_folder_as_a_folder_and_adds_db(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reviewer: `ketnoi backup OUT` where OUT is a folder said "OUT exists already; choose a new
    file name", and a name without a suffix was written without one (the window adds .db); a
    read-only folder is named as such before SQLite is asked."""
    db = demo_file(tmp_path / "mine")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["backup", str(out), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{out} is a folder: name the copy's file in it, e.g. {out}/ketnoi-" in err and err.count("\n") == 1
    )
    assert main(["backup", str(out / "monday"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert (out / "monday.db").is_file() and not (out / "monday").exists()
    locked = tmp_path / "locked"
    locked.mkdir()
    with read_only(locked):
        assert main(["backup", str(locked / "c.db"), "--db", str(db)]) == 1
    assert f"the folder {locked} is read-only for you" in capsys.readouterr().err
