"""Settings → Database: a new location is opened on OK in place of the one open (reviewer: after
Welcome → Connect to a team database, the window stayed on the file, told only in grey that the
server would be used from the next start). Not opened — the person was told why — the window
stays as it was and the location saved before is kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import records
from db.engine import unit_of_work
from db.migrate import open_database
from tests.ui.helpers import main_windows


def _settings_ok(window: Any, path: Path) -> None:
    """Settings opened from the window, the file typed as its database, OK."""
    from ui.dialogs.settings import SettingsDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.use_file.setChecked(True)
        dialog.file.setText(str(path))
        dialog.apply()

    QTimer.singleShot(0, answer)
    window.open_settings()


def test_a_new_file_chosen_in_settings_is_opened_on_ok(
    qtbot: Any, first: Any, tmp_path: Path, settings: Any
) -> None:
    other = tmp_path / "Văn phòng" / "nhóm.db"
    other.parent.mkdir()
    engine = open_database(f"sqlite:///{other}")
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Viện Chiến lược Phát triển"})
    engine.dispose()
    _settings_ok(first, other)
    windows = main_windows(first)
    assert len(windows) == 1 and windows[0] is not first
    new = windows[0]
    assert Path(str(new.ctx.engine.url.database)) == other
    assert new.statusBar().currentMessage() == f"Opened {other}. Ketnoi opens it at start from now on."
    assert settings.database_url == f"sqlite:///{other}"
    qtbot.waitUntil(lambda: not new.ctx.tasks.busy(), timeout=10_000)


def test_a_location_that_does_not_open_leaves_the_window_and_the_saved_location(
    qtbot: Any,
    first: Any,
    tmp_path: Path,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = tmp_path / "danh bạ.db"
    sheet.write_bytes(b"PK\x03\x04 not a database")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: told.append(text) or 0)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text) or 0)
    before = str(first.ctx.engine.url)
    _settings_ok(first, sheet)
    qtbot.waitUntil(lambda: main_windows(first) == [first], timeout=10_000)
    assert told and str(sheet) in told[0], told
    assert str(first.ctx.engine.url) == before
    assert settings.database_url == ""  # as before: nothing was saved there
