"""Starting the app: a database that cannot be opened gets a clear message, not a traceback."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def test_a_newer_or_foreign_database_is_refused_with_a_message(qapp, tmp_path, monkeypatch, settings):
    from ui import main

    bad = tmp_path / "old.db"
    con = sqlite3.connect(bad)
    con.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY)")  # Ketnoi tables, no schema version
    con.commit()
    con.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert main.run(f"sqlite:///{bad}", settings=settings) == 1
    assert "cannot open the database" in shown[0] and "no schema version" in shown[0]

    garbage = tmp_path / "notes.txt"
    garbage.write_bytes(b"this is not a database at all" * 100)
    assert main.run(str(garbage), settings=settings) == 1
    assert "notes.txt" in shown[1]


def test_run_opens_the_window_on_the_database(qapp, tmp_path, monkeypatch, settings):
    from ui import main

    seen = {}

    def fake_exec():
        top = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"]
        seen["title"] = top[0].windowTitle()
        top[0].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    QTimer.singleShot(0, lambda: None)
    assert main.run(str(tmp_path / "fresh.db"), settings=settings) == 0
    assert "Ketnoi" in seen["title"]
    assert (tmp_path / "fresh.db").exists()
