"""A write that finds the database held by another program (BEGIN EXCLUSIVE) fails in one
clear line after the busy timeout, and writes nothing."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from app.cli import main
from db.migrate import open_database


def test_a_locked_database_is_named_in_one_line_and_nothing_is_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ketnoi.db"
    open_database(f"sqlite:///{db}").dispose()
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_S", 1)  # 10 s for people; the same path
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        assert main(["org", "add", "--name", "NIC", "--db", str(db)]) == 1
        took = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert err == (
        f"ketnoi: Not saved: another program or Ketnoi window is holding the database {db} "
        "(waited 1 s). Nothing was saved; try again in a moment\n"
    )
    assert 0.9 < took < 5, took  # it waited the busy timeout, no more
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM organisation").fetchone()[0] == 0
    con.close()
    assert main(["org", "add", "--name", "NIC", "--db", str(db)]) == 0  # free again: it saves
