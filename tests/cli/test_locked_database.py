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


def test_an_import_that_waits_for_another_writer_says_so_then_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviewer: `ketnoi import` on a file another window was writing printed nothing for
    minutes (it waits up to 10 for another import). It says it waits, then imports."""
    import threading

    from openpyxl import Workbook

    db = tmp_path / "ketnoi.db"
    open_database(f"sqlite:///{db}").dispose()
    book = tmp_path / "danh-ba.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Email", "Tổ chức"])
    ws.append(["Nguyễn Thị Hồng Nhung", "nhung@nic.example.vn", "Trung tâm Đổi mới sáng tạo Quốc gia"])
    wb.save(book)
    from app.importing import commit

    monkeypatch.setattr(commit, "SAY_WAITING_S", 0.5)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    tries: list[float] = []
    first_try = commit._run_import

    def run(*args: object) -> object:  # the other writer finishes while the second try waits
        tries.append(float(args[-1]))  # type: ignore[arg-type]
        if len(tries) == 2:
            threading.Timer(0.5, lambda: holder.execute("ROLLBACK")).start()
        return first_try(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(commit, "_run_import", run)
    try:
        assert main(["import", str(book), "--db", str(db)]) == 0
    finally:
        holder.close()
    assert tries == [0.5, 600.0]
    out = capsys.readouterr().out
    assert "Waiting for another import or Ketnoi window that is writing to the database to finish" in out
    assert "(at most 10 minutes; Ctrl+C stops without writing anything)" in out
    assert "→ import #1" in out
    con = sqlite3.connect(db)
    assert con.execute("SELECT full_name FROM contact").fetchall() == [("Nguyễn Thị Hồng Nhung",)]
    con.close()
