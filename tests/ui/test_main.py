"""Starting the app: a database that cannot be opened gets a clear message, not a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

ROOT = Path(__file__).resolve().parents[2]


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
        seen["name"] = QApplication.applicationDisplayName()
        top[0].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    QTimer.singleShot(0, lambda: None)
    assert main.run(str(tmp_path / "fresh.db"), settings=settings) == 0
    assert (tmp_path / "fresh.db").exists()
    # The title bar on X11, Wayland and Windows: Qt appends " — <display name>" to the window's
    # title unless the title already ends with it (QPlatformWindow::formatWindowTitle).
    title, name = seen["title"], seen["name"]
    shown = title if title.endswith(name) else f"{title} — {name}"
    assert name == "Ketnoi" and shown.count("Ketnoi") == 1, shown


SHOW_TITLE = """
import subprocess, sys
from PySide6.QtWidgets import QApplication
from ui import main
from ui.settings import Settings

def fake_exec():
    w = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")
    QApplication.processEvents()
    out = subprocess.run(["xprop", "-id", str(int(w.winId())), "_NET_WM_NAME"], capture_output=True, text=True)
    print(out.stdout.strip())
    w.close()
    return 0

QApplication.exec = staticmethod(fake_exec)
raise SystemExit(main.run(sys.argv[1], settings=Settings(sys.argv[2])))
"""


def test_the_x11_title_bar_names_the_app_once(tmp_path):
    """The title the window manager receives, read back with xprop from a virtual X server."""
    if not (shutil.which("xvfb-run") and shutil.which("xprop")):
        pytest.skip("needs xvfb-run and xprop")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    args = [str(tmp_path / "x.db"), str(tmp_path / "k.ini")]
    out = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", SHOW_TITLE, *args],
        check=False, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    if "no Qt platform plugin could be initialized" in out.stderr:
        pytest.skip("the xcb platform plugin cannot load here (libxcb-cursor0 and friends missing)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("_NET_WM_NAME"), out.stdout
    title = out.stdout.split("=", 1)[1].strip().strip('"')
    assert title == "Relationships, meetings, commitments — Ketnoi"


def _damaged_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    from app import records
    from db import backup as backups
    from db.engine import unit_of_work
    from db.migrate import open_database

    db = tmp_path / "ketnoi.db"
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        for n in range(300):
            records.create(s, "organisation", {"name": f"Đơn vị {n}", "notes": "ghi chú " * 60})
    engine.dispose()
    copy = backups.take(db, "daily")
    assert copy is not None
    with db.open("r+b") as fh:
        fh.seek(db.stat().st_size // 2)
        fh.write(b"\xff" * 8192)
    return db, copy


def _answer_damage_box(button: str, seen: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "damaged_database":
            QTimer.singleShot(20, answer)
            return
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        if button == "restore":
            box.findChild(QPushButton, "restore_latest").click()
        else:
            box.button(QMessageBox.StandardButton.Close).click()

    QTimer.singleShot(0, answer)


def test_a_damaged_database_is_named_and_left_untouched_when_the_backup_is_declined(
    qapp, tmp_path, monkeypatch, settings
):
    from ui import main

    db, _copy = _damaged_with_backup(tmp_path)
    before = db.read_bytes()
    seen: list[str] = []
    _answer_damage_box("close", seen)
    assert main.run(str(db), settings=settings) == 1
    assert "is damaged" in seen[0] and "latest good backup" in seen[0]
    assert db.read_bytes() == before  # nothing written to it


def test_a_damaged_database_is_replaced_by_its_latest_good_backup_on_request(
    qapp, tmp_path, monkeypatch, settings
):
    from db import backup as backups
    from ui import main

    db, _copy = _damaged_with_backup(tmp_path)
    seen: list[str] = []
    _answer_damage_box("restore", seen)
    opened = {}

    def fake_exec():
        opened["window"] = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"]
        opened["window"][0].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert main.run(str(db), settings=settings) == 0
    assert opened["window"]
    assert backups.check_file(db) is None
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM organisation").fetchone()[0] == 300
    con.close()
    assert any(b.reason == "before-restore" for b in backups.listing(db))  # the damaged one, kept


def test_the_window_takes_the_days_backup_at_start_once(qapp, tmp_path, monkeypatch, settings):
    from db import backup as backups
    from db.migrate import open_database
    from ui import main

    db = tmp_path / "ketnoi.db"
    open_database(f"sqlite:///{db}").dispose()

    def fake_exec():
        # this run's window (an earlier test's may not be collected yet)
        top = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "main_window" and w.isVisible() and str(db) in str(w.ctx.engine.url)
        ]
        top[-1].ctx.tasks.wait()  # the copy runs on the write lane, after the first paint
        top[-1].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert main.run(str(db), settings=settings) == 0
    assert [b.reason for b in backups.listing(db)] == ["daily"]
    assert main.run(str(db), settings=settings) == 0  # the same day: no second copy
    assert [b.reason for b in backups.listing(db)] == ["daily"]
