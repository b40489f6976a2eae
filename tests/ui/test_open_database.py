"""File → Open database… (Ctrl+O): another database file opened in place of the one on screen
(reviewer: only Settings → Database could, and only from the next start), the way Ketnoi opens
one at start — a damaged file's backup offered, a read-only file opened to look — with Cancel,
not Quit, as the way out, which leaves the window as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app import records
from db.engine import unit_of_work
from db.migrate import open_database
from tests.read_only import demo_file, read_only
from tests.ui.helpers import main_windows
from ui import file_dialogs


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path, asked: list[str]) -> None:
    def chosen(parent: Any, title: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(title)
        return str(path), ""

    monkeypatch.setattr(file_dialogs, "get_open_file_name", chosen)


def _open_action(window: Any) -> QAction:
    file_menu = window.menus["file"]
    found = [a for a in file_menu.actions() if a.text().replace("&", "") == "Open database…"]
    assert len(found) == 1, [a.text() for a in file_menu.actions()]
    return found[0]


def _answer(button: str, seen: list[dict[str, Any]]) -> None:
    """The next message box answered by the button of that objectName."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        buttons = {b.objectName(): b for b in box.findChildren(QPushButton)}
        seen.append({"name": box.objectName(), "buttons": sorted(b.text() for b in buttons.values())})
        buttons[button].click()

    QTimer.singleShot(0, answer)


def test_file_open_database_opens_the_chosen_file_in_place_of_this_one(
    qtbot: Any, first: Any, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import VIEWS

    other = tmp_path / "Văn phòng" / "đối tác.db"
    other.parent.mkdir()
    engine = open_database(f"sqlite:///{other}")
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Viện Chiến lược Phát triển"})
    engine.dispose()
    asked: list[str] = []
    _choose(monkeypatch, other, asked)
    act = _open_action(first)
    assert act.shortcut() == QKeySequence("Ctrl+O") and act.isEnabled()
    geometry = first.geometry()
    act.trigger()
    assert asked == ["Open database"]
    windows = main_windows(first)
    assert len(windows) == 1 and windows[0] is not first  # the first closed once this one opened
    new = windows[0]
    assert new.is_ready and new.geometry() == geometry
    assert Path(str(new.ctx.engine.url.database)) == other
    assert new.db_label.text() == str(other)
    assert new.statusBar().currentMessage() == f"Opened {other}. Ketnoi opens it at start from now on."
    assert settings.database_url == f"sqlite:///{other}"  # as Settings → Database, at once
    new.nav.setCurrentRow(VIEWS.index("organisation"))
    view = new.views["organisation"]
    qtbot.waitUntil(lambda: view.list.total == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not new.ctx.tasks.busy(), timeout=10_000)


def test_choosing_the_open_file_again_only_says_so(
    qtbot: Any, first: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = Path(str(first.ctx.engine.url.database))
    _choose(monkeypatch, here, [])
    _open_action(first).trigger()
    assert main_windows(first) == [first]
    assert first.statusBar().currentMessage() == f"{here} is open already."


def test_a_damaged_file_is_offered_its_backup_and_cancel_keeps_this_window(
    qtbot: Any, first: Any, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.test_main import _damaged_with_backup

    damaged, _copy = _damaged_with_backup(tmp_path / "damaged")
    _choose(monkeypatch, damaged, [])
    seen: list[dict[str, Any]] = []
    _answer("quit", seen)  # the box's way out
    before = str(first.ctx.engine.url)
    _open_action(first).trigger()
    assert [s["name"] for s in seen] == ["damaged_database"]
    assert "Cancel" in seen[0]["buttons"] and "Quit" not in seen[0]["buttons"]
    assert "Restore the backup" in seen[0]["buttons"]
    qtbot.waitUntil(lambda: main_windows(first) == [first], timeout=10_000)
    assert str(first.ctx.engine.url) == before and first.is_ready
    assert settings.database_url == ""  # nothing remembered


def test_a_read_only_file_opens_to_look_and_is_not_remembered(
    qtbot: Any, first: Any, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_file(tmp_path / "share")
    _choose(monkeypatch, db, [])
    seen: list[dict[str, Any]] = []
    with read_only(db.parent):
        _answer("open_read_only", seen)
        _open_action(first).trigger()
        windows = main_windows(first)
        assert [s["name"] for s in seen] == ["read_only_database"]
        assert "Cancel" in seen[0]["buttons"] and "Quit" not in seen[0]["buttons"]
        assert len(windows) == 1 and windows[0] is not first
        new = windows[0]
        assert new.windowTitle() == "ketnoi.db (read-only) — Ketnoi"
        assert new.statusBar().currentMessage() == f"Opened {db} (read-only)."
        assert settings.database_url == ""  # looked at, not chosen for every start
        qtbot.waitUntil(lambda: not new.ctx.tasks.busy(), timeout=10_000)
        new.close()
    assert sorted(p.name for p in db.parent.iterdir()) == ["ketnoi.db"]
