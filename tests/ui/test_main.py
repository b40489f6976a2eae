"""Starting the app: a database that cannot be opened gets a clear message, not a traceback."""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ui import file_dialogs

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
    """... and hands the cyclic collector to a timer on the GUI thread (ui.gui_gc: a collection
    on a pool thread freed Qt objects there and crashed a CI worker), stopped at quit."""
    from ui import gui_gc, main

    collector = gui_gc.install(qapp)  # (the tests' application has it: tests/ui/conftest.py)
    collector.stop()
    gc.enable()  # as in a new process
    seen = {}

    def fake_exec():
        # (visible: an earlier test's closed window may still be among the top-level widgets)
        top = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible()]
        assert len(top) == 1
        seen["title"] = top[0].windowTitle()
        seen["name"] = QApplication.applicationDisplayName()
        seen["collector"] = (gc.isenabled(), collector.timer.isActive())
        qapp.aboutToQuit.emit()  # File → Quit
        seen["after quit"] = (gc.isenabled(), collector.timer.isActive())
        top[0].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    QTimer.singleShot(0, lambda: None)
    try:
        assert main.run(str(tmp_path / "fresh.db"), settings=settings) == 0
    finally:
        gui_gc.install(qapp)
    assert (tmp_path / "fresh.db").exists()
    assert seen["collector"] == (False, True)  # automatic collection off, the GUI thread's timer on
    assert seen["after quit"] == (False, False)  # pool threads may still be finishing: off still
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
    damaged = db.read_bytes()
    seen: list[str] = []
    _answer_damage_box("restore", seen)
    opened = {}

    def fake_exec():
        opened["window"] = [
            w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible()
        ]
        assert len(opened["window"]) == 1  # (it is closed, its live updates stopped: none left polling)
        opened["window"][0].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert main.run(str(db), settings=settings) == 0
    assert opened["window"]
    assert backups.check_file(db) is None
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM organisation").fetchone()[0] == 300
    con.close()
    kept = [b for b in backups.listing(db) if b.damaged]  # the damaged one, set aside as it was
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged


def _damaged_without_backup(tmp_path: Path) -> Path:
    """A database with four pages overwritten from page 20 on, as a reviewer's
    ``dd if=/dev/urandom of=copy.db bs=4096 seek=20 count=4 conv=notrunc`` did; no backups."""
    import random

    from app import records
    from db.engine import unit_of_work
    from db.migrate import open_database, quick_check

    db = tmp_path / "damaged" / "ketnoi.db"
    db.parent.mkdir()
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        for n in range(300):
            records.create(s, "organisation", {"name": f"Đơn vị {n}", "notes": "ghi chú " * 60})
    engine.dispose()
    with db.open("r+b") as fh:
        fh.seek(4096 * 20)
        fh.write(random.Random(11).randbytes(4096 * 4))
    assert quick_check(f"sqlite:///{db}") is not None
    return db


def _click_when_shown(name: str, button: str, seen: list[dict]) -> None:
    """Once the modal box ``name`` is shown, click its button ``button`` (an object name, or
    a standard button's name: "Yes", "No", "Close")."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != name:
            QTimer.singleShot(20, answer)
            return
        assert isinstance(box, QMessageBox)
        seen.append(
            {
                "text": box.text(),
                "informative": box.informativeText(),
                "details": box.detailedText(),
                "buttons": {b.objectName(): b.text() for b in box.buttons() if b.objectName()},
            }
        )
        standard = getattr(QMessageBox.StandardButton, button, None)
        found = box.button(standard) if standard is not None else box.findChild(QPushButton, button)
        assert found is not None, button
        found.click()

    QTimer.singleShot(0, answer)


def _run_to_window(monkeypatch, url: str, settings) -> tuple[int, list[str]]:
    """main.run until the window holds a database; returns its exit code and the URL opened."""
    from ui import main

    opened: list[str] = []
    earlier = set(QApplication.topLevelWidgets())  # an earlier test's window may not be collected yet

    def fake_exec():
        top = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "main_window" and w.isVisible() and w not in earlier
        ]
        opened.append(str(top[-1].ctx.engine.url))
        top[-1].ctx.tasks.wait()
        top[-1].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    return main.run(url, settings=settings), opened


def test_without_a_backup_a_new_database_is_started_beside_and_the_damaged_file_is_untouched(
    qapp, tmp_path, monkeypatch, settings
):
    from db import backup as backups

    db = _damaged_without_backup(tmp_path)
    before = db.read_bytes()
    files_before = sorted(p.name for p in db.parent.iterdir())
    new = tmp_path / "elsewhere" / "fresh"  # no suffix: .db is added
    new.parent.mkdir()
    asked: list[tuple[str, str]] = []

    def save_dialog(_parent, _title, suggested, _filter, **_kw):
        asked.append((suggested, _filter))
        return str(new), ""

    monkeypatch.setattr(file_dialogs, "get_save_file_name", save_dialog)
    boxes: list[dict] = []
    _click_when_shown("damaged_database", "start_new", boxes)
    _click_when_shown("remember_database", "Yes", boxes)
    code, opened = _run_to_window(monkeypatch, str(db), settings)

    assert code == 0
    damaged_box = boxes[0]
    assert "is damaged" in damaged_box["text"] and "No backup of it was found" in damaged_box["text"]
    assert {"open_another", "start_new", "quit"} <= set(damaged_box["buttons"])
    assert "restore_latest" not in damaged_box["buttons"]  # nothing to restore
    details = damaged_box["details"]
    assert details.startswith(f"Ketnoi has left {db} exactly as it is.")  # one plain sentence first
    assert "IT support" in details and "What SQLite reported:" in details
    assert details.split("What SQLite reported:\n")[1].startswith(str(db))  # its own words, after
    assert asked[0][0] == str(db.parent / "ketnoi-new.db")  # suggested beside the damaged one

    created = new.with_suffix(".db")
    assert opened == [f"sqlite:///{created}"]
    con = sqlite3.connect(created)
    assert con.execute("SELECT count(*) FROM organisation").fetchone()[0] == 0  # empty, working
    con.close()
    assert db.read_bytes() == before  # the damaged file: never written, renamed or deleted
    assert sorted(p.name for p in db.parent.iterdir()) == files_before
    assert backups.listing(db) == []
    assert settings.database_url == f"sqlite:///{created}"  # agreed: the next start opens it
    boxes.clear()
    code, opened = _run_to_window(monkeypatch, None, settings)
    assert code == 0 and opened == [f"sqlite:///{created}"] and boxes == []  # no question
    assert db.read_bytes() == before


def test_without_a_backup_another_file_is_opened_and_settings_are_left_when_declined(
    qapp, tmp_path, monkeypatch, settings
):
    from app import records
    from db.engine import unit_of_work
    from db.migrate import open_database

    db = _damaged_without_backup(tmp_path)
    before = db.read_bytes()
    other = tmp_path / "other.db"
    engine = open_database(f"sqlite:///{other}")
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Bộ Ngoại giao"})
    engine.dispose()
    settings.database_url = f"sqlite:///{db}"  # the damaged one is the chosen database
    chosen: list[str] = []

    def open_dialog(_parent, _title, folder, _filter):
        chosen.append(folder)
        return str(other), ""

    monkeypatch.setattr(file_dialogs, "get_open_file_name", open_dialog)
    boxes: list[dict] = []
    _click_when_shown("damaged_database", "open_another", boxes)
    _click_when_shown("remember_database", "No", boxes)
    code, opened = _run_to_window(monkeypatch, None, settings)

    assert code == 0 and opened == [f"sqlite:///{other}"]
    assert chosen == [str(db.parent)]
    assert "other.db" in boxes[1]["text"] and "ketnoi.db" in boxes[1]["text"]
    assert settings.database_url == f"sqlite:///{db}"  # declined: this session only
    assert db.read_bytes() == before


def test_a_file_chosen_instead_that_does_not_open_brings_the_question_back(
    qapp, tmp_path, monkeypatch, settings
):
    from ui import main

    db = _damaged_without_backup(tmp_path)
    before = db.read_bytes()
    notes = tmp_path / "notes.txt"
    notes.write_text("không phải cơ sở dữ liệu\n" * 50, encoding="utf-8")
    picks = iter([str(db), str(notes)])  # first the damaged file itself, then a text file
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *_a: (next(picks), ""))
    refused: list[str] = []
    monkeypatch.setattr(
        main.QMessageBox, "information", staticmethod(lambda _p, _t, text: refused.append(text))
    )
    errors: list[str] = []
    monkeypatch.setattr(main.QMessageBox, "critical", staticmethod(lambda _p, _t, text: errors.append(text)))
    boxes: list[dict] = []
    _click_when_shown("damaged_database", "open_another", boxes)  # → the damaged file: refused
    QTimer.singleShot(300, lambda: _click_when_shown("damaged_database", "open_another", boxes))  # → notes
    QTimer.singleShot(900, lambda: _click_when_shown("damaged_database", "Close", boxes))  # → Quit
    assert main.run(str(db), settings=settings) == 1
    assert refused == ["That is the damaged file. Choose another one."]
    assert len(errors) == 1 and "notes.txt" in errors[0]
    assert len(boxes) == 3 and all(str(db) in b["text"] for b in boxes)  # asked again about the damaged one
    assert db.read_bytes() == before
    assert not notes.with_name("notes.txt-journal").exists()


def test_a_new_database_is_never_made_over_an_existing_file(qapp, tmp_path, monkeypatch, settings):
    from ui import main

    db = _damaged_without_backup(tmp_path)
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"mine")
    picks = iter([str(taken), str(db)])
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *_a, **_k: (next(picks), ""))
    refused: list[str] = []
    monkeypatch.setattr(
        main.QMessageBox, "information", staticmethod(lambda _p, _t, text: refused.append(text))
    )
    boxes: list[dict] = []
    _click_when_shown("damaged_database", "start_new", boxes)
    QTimer.singleShot(300, lambda: _click_when_shown("damaged_database", "start_new", boxes))
    QTimer.singleShot(900, lambda: _click_when_shown("damaged_database", "quit", boxes))
    before = db.read_bytes()
    assert main.run(str(db), settings=settings) == 1
    assert len(refused) == 2 and all("exists already" in r for r in refused)
    assert taken.read_bytes() == b"mine" and db.read_bytes() == before


def test_with_a_backup_the_other_ways_are_offered_beside_it(qapp, tmp_path, settings):
    from ui import main

    db, _copy = _damaged_with_backup(tmp_path)
    boxes: list[dict] = []
    _click_when_shown("damaged_database", "quit", boxes)
    assert main.run(str(db), settings=settings) == 1
    assert set(boxes[0]["buttons"]) == {"restore_latest", "open_another", "start_new", "quit"}
    assert boxes[0]["buttons"]["quit"] == "Quit"


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


def test_a_workbook_opened_as_a_database_is_said_to_be_imported_instead(
    qapp, tmp_path, monkeypatch, settings
):
    """Reviewer: Ctrl+O on an .xlsx said, under the Vietnamese first line, the raw English
    "Cannot open the database sqlite:////…/A_bo.xlsx: file is not a database"."""
    from ui import i18n, main

    book = tmp_path / "danh-ba.xlsx"
    book.write_bytes(b"PK\x03\x04" + b"\x00" * 2000)  # a zip, as every .xlsx
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    settings.language = "vi"
    try:
        assert main.run(str(book), settings=settings) == 1
    finally:
        i18n.install(qapp, "en")
    assert f"{book} không phải là cơ sở dữ liệu Ketnoi (không phải tệp SQLite)" in shown[0]
    assert "Tệp → Nhập từ bảng tính…" in shown[0] and "file is not a database" not in shown[0]
    assert book.read_bytes()[:4] == b"PK\x03\x04"  # untouched
