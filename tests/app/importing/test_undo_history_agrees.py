"""Undo history and Import history tell the same truth about imports (reviewer h109, shots
61-64): after a restore from a backup, Undo history marked every import the backup held "Cannot
be undone … undo does not reach back across a restore" while Import history said "Can be undone"
and ``ketnoi undo-import 3`` did undo it; and it listed "Undid the import of partnerA_hanoi.xlsx"
at the time of a later undo (which removed what that first undo had kept) instead of its own.

A real SQLite file, the real CLI, a real backup and restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import undo_history
from app.cli import main
from app.importing.history import import_history
from db import backup as backups
from db import clock
from db.engine import read_session
from db.migrate import open_database

HEADER = "Họ và tên,Email,Đơn vị\n"


def _csv(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


def _cli(db: Path, *args: str) -> None:
    assert main([*args, "--db", str(db), "--lang", "en"]) == 0


def _groups(db: Path) -> dict[str, undo_history.GroupEntry]:
    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as s:
            return {g.label: g for g in undo_history.recent_groups(s)}
    finally:
        engine.dispose()


def test_an_import_the_restored_backup_holds_can_be_undone_in_both_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    _cli(db, "import", str(_csv(tmp_path / "a.csv", "Nguyễn Văn An,an@vcn.vn,VCN")))
    assert (
        main(["org", "add", "--name", "Genetica", "--db", str(db)]) == 0
    )  # not an import: Undo does not reach it
    taken = backups.take(db, "manual")
    assert taken is not None
    backups.restore(db, taken)
    capsys.readouterr()

    groups = _groups(db)
    imported = groups['Imported "a.csv" (2 records)']
    assert imported.status == undo_history.READY, imported.reason
    assert imported.batch_id == 1
    added = next(g for label, g in groups.items() if "Genetica" in label)
    assert added.status == undo_history.FINAL and "across a restore" in added.reason
    engine = open_database(f"sqlite:///{db}")
    with read_session(engine) as s:
        (entry,) = import_history(s)
    engine.dispose()
    assert entry.undone_at is None  # Import history: "can be undone"
    _cli(db, "undo-import", "1")  # and it is
    assert "Undid import #1" in capsys.readouterr().out
    assert _groups(db)['Imported "a.csv" (2 records)'].status == undo_history.UNDONE


def _local(at: dt.datetime) -> str:
    """An entry's time (aware UTC, or naive UTC as SQLite keeps it) on the local clock."""
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return clock.local(aware).strftime("%H:%M")


def test_an_undo_is_listed_at_its_own_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.db"
    day = dt.datetime(2026, 12, 7, 6, 55)
    clock.set_fixed(day, ticking=False)
    _cli(db, "import", str(_csv(tmp_path / "a.csv", "Nguyễn Văn An,an@vcn.vn,Công ty Ánh Dương")))
    # b.csv places its person in the organisation a.csv created
    _cli(db, "import", str(_csv(tmp_path / "b.csv", "Trần Thị Bình,binh@anhduong.vn,Công ty Ánh Dương")))
    clock.set_fixed(day.replace(minute=58), ticking=False)
    _cli(db, "undo-import", "1")  # keeps the organisation: b.csv's person is in it
    clock.set_fixed(day.replace(hour=7, minute=5), ticking=False)
    _cli(db, "undo-import", "2")  # removes b.csv's person, and now the organisation too
    out = capsys.readouterr().out
    assert "also removed, left by imports undone before: 1 organisation" in out, out

    groups = _groups(db)
    first = groups['Undid the import of "a.csv"']
    second = groups['Undid the import of "b.csv"']
    assert _local(first.at) == "06:58"
    assert _local(second.at) == "07:05"
    assert (first.count, second.count) == (1, 2)  # the organisation with the undo that removed it
