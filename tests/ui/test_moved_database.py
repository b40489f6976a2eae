"""The window whose database file is moved while it is open (reviewer h32, g17.png: "Added
contact" in the status bar, the contact in an orphaned -wal alone, then gone at the next start):
the save is refused in words, nothing is saved anywhere, and the next start makes no new
database over the -wal left behind."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import records
from app.errors import DatabaseMoved


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [str(r[0]) for r in con.execute("SELECT name FROM organisation WHERE name LIKE 'Saved%'")]
    finally:
        con.close()


def test_a_save_after_the_file_moved_is_refused_in_words_and_kept_typed(
    qtbot: Any, window: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved = tmp_path / "wk-moved.db"
    os.rename(db_path, moved)
    errors: list[BaseException] = []
    window.ctx.write(
        lambda s: records.create(s, "organisation", {"name": "Saved After Move"}), on_error=errors.append
    )
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    said = str(errors[0])
    assert isinstance(errors[0], DatabaseMoved)
    assert said.startswith(f"Not saved: the database file is no longer at {db_path}")
    assert "What you typed is still here." in said and "Put the file back" in said
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    window.ctx.write(lambda s: records.create(s, "organisation", {"name": "Saved By Key"}))
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    assert shown[0].startswith("Not saved: the database file is no longer at") and "typed" not in shown[0]
    assert _names(moved) == []
    os.rename(moved, db_path)  # put back: the same save works
    done: list[Any] = []
    window.ctx.write(
        lambda s: records.create(s, "organisation", {"name": "Saved After Return"}), on_done=done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert _names(db_path) == ["Saved After Return"]


def test_the_next_start_makes_no_new_database_over_the_left_wal(
    qtbot: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.migrate import open_database
    from ui import main

    db = tmp_path / "wk.db"
    open_database(f"sqlite:///{db}").dispose()
    os.rename(db, tmp_path / "wk-moved.db")
    wal = tmp_path / "wk.db-wal"
    wal.write_bytes(b"x" * 96_000)
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: boxes.append(text))
    QTimer.singleShot(8_000, QApplication.closeAllWindows)  # (had it opened: the test ends)
    assert main.run(str(db), settings=settings) == 1
    assert "cannot open the database" in boxes[0]
    assert f"There is no database at {db}, but wk.db-wal (94 KB) is left beside it" in boxes[0]
    assert not db.exists() and wal.stat().st_size == 96_000
