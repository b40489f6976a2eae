"""A SQLite file moved, renamed or deleted while Ketnoi has it open (reviewer h32: the window
said a contact was added after ``mv``; it was in the -wal left at the old path alone, and the
next start made a new database there over that -wal). A write is refused while the file is not
where it was opened, and works again once it is back; what was saved before the move is in the
moved file; no new database is ever made where only a -wal or -shm is left."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app import records
from app.cli import main
from app.errors import DatabaseMoved
from db.engine import unit_of_work
from db.migrate import LeftoverFilesError, open_database


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [str(r[0]) for r in con.execute("SELECT name FROM organisation ORDER BY id")]
    finally:
        con.close()


def test_a_write_after_the_file_moved_is_refused_and_works_again_once_it_is_back(tmp_path: Path) -> None:
    db, moved = tmp_path / "wk.db", tmp_path / "wk-moved.db"
    engine = open_database(f"sqlite:///{db}")
    try:
        with unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "Before Move"})
        os.rename(db, moved)
        with pytest.raises(DatabaseMoved) as refused, unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "Saved After Move"})
        said = str(refused.value)
        assert said.startswith(f"Not saved: the database file is no longer at {db}")
        assert "Nothing was saved" in said and "Put the file back" in said
        assert "Chưa lưu: tệp cơ sở dữ liệu không còn ở" in refused.value.vi
        # what was saved before the move is in the moved file itself (not in the old -wal alone)
        assert _names(moved) == ["Before Move"]
        os.rename(moved, db)  # back where it was opened: writes go on
        with unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "After Return"})
    finally:
        engine.dispose()
    assert _names(db) == ["Before Move", "After Return"]


def test_another_file_put_at_the_path_is_not_written_either(tmp_path: Path) -> None:
    db = tmp_path / "wk.db"
    engine = open_database(f"sqlite:///{db}")
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    other.dispose()
    try:
        os.rename(db, tmp_path / "away.db")
        os.rename(tmp_path / "other.db", db)
        with pytest.raises(DatabaseMoved), unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "Lost"})
    finally:
        engine.dispose()
    assert _names(db) == [] and _names(tmp_path / "away.db") == []


def test_a_file_moved_during_a_long_write_refuses_its_commit(tmp_path: Path) -> None:
    db = tmp_path / "wk.db"
    engine = open_database(f"sqlite:///{db}")
    try:
        with pytest.raises(DatabaseMoved), unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "Half Way"})
            os.rename(db, tmp_path / "moved.db")
    finally:
        engine.dispose()
    assert _names(tmp_path / "moved.db") == []


def test_no_new_database_is_made_where_a_moved_ones_wal_is_left(tmp_path: Path) -> None:
    db = tmp_path / "wk.db"
    engine = open_database(f"sqlite:///{db}")
    engine.dispose()
    wal = tmp_path / "wk.db-wal"
    wal.write_bytes(b"x" * 96_000)  # as a killed or moved window leaves it
    os.rename(db, tmp_path / "wk-moved.db")
    with pytest.raises(LeftoverFilesError) as refused:
        open_database(f"sqlite:///{db}")
    said = str(refused.value)
    assert said.startswith(f"No database at {db}, but wk.db-wal (94 KB) is left beside it")
    assert "Not creating a new database there" in said
    assert not db.exists() and wal.stat().st_size == 96_000  # untouched


@pytest.mark.parametrize("command", [["info"], ["org", "add", "--name", "NIC"], ["demo"]])
def test_the_cli_names_the_leftover_files_and_makes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    db = tmp_path / "wk.db"
    (tmp_path / "wk.db-wal").write_bytes(b"x" * 2048)
    (tmp_path / "wk.db-shm").write_bytes(b"\0" * 32768)
    assert main([*command, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ketnoi: No database at {db}, but wk.db-wal (2 KB) and wk.db-shm (32 KB) are left")
    assert not db.exists() and (tmp_path / "wk.db-wal").stat().st_size == 2048


def test_the_cli_says_it_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    db = tmp_path / "wk.db"
    (tmp_path / "wk.db-wal").write_bytes(b"x" * 2048)
    assert main(["info", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ketnoi: Không có cơ sở dữ liệu tại {db}, nhưng bên cạnh vẫn còn wk.db-wal (2 KB)")
