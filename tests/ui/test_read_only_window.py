"""A window on a SQLite file opened read-only (db.read_only): it works as a reader's window does
— every command that writes is off and says why (the file, not a role), the title and status bar
say "read-only" — while lists, search, record pages and the map read the file; and the file and
its folder are left as they were."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from db.migrate import read_only_problem
from tests.read_only import demo_file, file_digest, read_only
from ui import file_dialogs


def _actions(window: Any) -> dict[str, QAction]:
    return {a.objectName(): a for a in window.findChildren(QAction) if a.objectName()}


@pytest.fixture
def ro_window(qtbot: Any, qapp: Any, tmp_path: Path, settings: Any) -> Iterator[Any]:
    """The window on a file opened read-only (in a writable folder: no permission trick needed
    for what the window does; the folder case is the start-up test below)."""
    from db.read_only import open_read_only
    from ui.context import AppContext
    from ui.main_window import MainWindow

    db = demo_file(tmp_path / "backup")
    digest = file_digest(db)
    engine = open_read_only(f"sqlite:///{db}")
    ctx = AppContext(engine, settings)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    yield w
    ctx.tasks.cancel_all()
    ctx.tasks.wait()
    w.close()
    engine.dispose()
    assert sorted(p.name for p in db.parent.iterdir()) == ["ketnoi.db"]  # no -wal, -shm, backups
    assert file_digest(db) == digest


def test_every_write_is_off_and_says_why_while_reading_works(qtbot: Any, ro_window: Any) -> None:
    from ui.main_window import VIEWS
    from ui.team import WRITE_ACTIONS, is_reader, read_only_tip, wrapped

    w = ro_window
    db = Path(str(w.ctx.engine.url.database))
    assert is_reader(w.ctx)
    tip = read_only_tip(w.ctx)
    assert tip.startswith(f"{db} is open read-only") and "copy the file to a folder you can write" in tip
    assert "role" not in tip  # the file, not a role
    w.nav.setCurrentRow(VIEWS.index("organisation"))
    view = w.views["organisation"]
    qtbot.waitUntil(lambda: view.list.total >= 5, timeout=10_000)
    view.list.select_first()  # a selection would turn Edit and Delete on
    qtbot.waitUntil(lambda: bool(view.detail.record_id), timeout=10_000)
    w._update_enabled()
    acts = _actions(w)
    for name in WRITE_ACTIONS:
        assert name in acts, name
        assert not acts[name].isEnabled(), name
        assert acts[name].toolTip() == wrapped(tip), name
        assert acts[name].statusTip() == "Read-only file: changing it is off.", name  # (short: fits)
    for name in ("act_search", "act_refresh", "act_brief", "act_history", "act_export", "act_settings"):
        assert acts[name].isEnabled(), name
    label = w.findChild(QLabel, "read_only_status")
    assert label is not None and label.isVisible() and label.text() == "Read-only file"
    assert label.toolTip() == wrapped(tip)
    assert w.windowTitle() == "ketnoi.db (read-only) — Ketnoi"
    # the record page reads: the organisation's name is on it
    assert view.detail.record_id is not None
    # a double-click opens no form: the status bar says why
    messages: list[str] = []
    w.ctx.status_message.connect(messages.append)
    assert w.commands.edit("organisation", view.detail.record_id) is None
    assert messages == [tip]
    # the stakeholder map shows, and cannot be re-rated by dragging
    w.nav.setCurrentRow(VIEWS.index("map"))
    assert w.map_view.canvas.editable is False


def test_a_write_that_slips_through_is_refused_in_one_sentence(qtbot: Any, ro_window: Any) -> None:
    from db.errors import ReadOnlyFile

    failed: list[BaseException] = []
    done: list[object] = []
    w = ro_window
    w.ctx.write(lambda s: 1, on_done=done.append, on_error=failed.append)
    qtbot.waitUntil(lambda: bool(failed or done), timeout=10_000)
    assert not done and isinstance(failed[0], ReadOnlyFile)
    assert "is open read-only" in str(failed[0])


def _answer(choice: str, seen: list[dict[str, Any]]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        buttons = {b.objectName(): b for b in box.findChildren(QPushButton)}
        seen.append(
            {
                "name": box.objectName(),
                "text": box.text(),
                "buttons": sorted(b.text() for b in buttons.values()),
            }
        )
        if choice == "quit":
            box.button(QMessageBox.StandardButton.Close).click()
        elif choice == "yes":
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            buttons["open_read_only"].click()

    QTimer.singleShot(0, answer)


def test_open_read_only_from_the_message_opens_the_window(
    qtbot: Any, qapp: Any, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start on a file in a really read-only folder: the message offers "Open read-only",
    which opens the window on it; the lists show its rows and nothing is written beside it."""
    from ui import main
    from ui.main_window import VIEWS, MainWindow

    db = demo_file(tmp_path / "share")
    digest = file_digest(db)
    seen: list[dict[str, Any]] = []
    found: dict[str, Any] = {}
    windows: list[Any] = []
    show = MainWindow.show

    def record(self: Any) -> None:
        windows.append(self)
        show(self)

    def fake_exec() -> int:
        w = windows[-1]
        w.nav.setCurrentRow(VIEWS.index("contact"))
        view = w.views["contact"]
        qtbot.waitUntil(lambda: view.list.total >= 5, timeout=10_000)
        found["rows"] = view.list.model.rowCount()
        found["title"] = w.windowTitle()
        found["new"] = w.act_new.isEnabled()
        found["delete"] = _actions(w)["act_delete"].isEnabled()
        w.ctx.tasks.wait()
        w.close()
        return 0

    monkeypatch.setattr(MainWindow, "show", record)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    with read_only(db.parent):
        assert read_only_problem(db) is not None
        _answer("open", seen)
        assert main.run(str(db), settings=settings) == 0
    assert [s["name"] for s in seen] == ["read_only_database"]
    assert "Open read-only" in seen[0]["buttons"] and "Quit" in seen[0]["buttons"]
    assert found["rows"] >= 5 and found["title"] == "ketnoi.db (read-only) — Ketnoi"
    assert found["new"] is False and found["delete"] is False
    assert sorted(p.name for p in db.parent.iterdir()) == ["ketnoi.db"]
    assert file_digest(db) == digest


def _answer_all(choices: list[str], seen: list[dict[str, Any]]) -> None:
    """Each message box in turn answered by the button of that objectName ("quit": Close)."""
    left = list(choices)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or any(s.get("box") is box for s in seen):
            QTimer.singleShot(20, answer)
            return
        buttons = {b.objectName(): b for b in box.findChildren(QPushButton)}
        seen.append({"box": box, "name": box.objectName(), "text": box.text(), "info": box.informativeText()})
        choice = left.pop(0)
        if choice == "quit":
            box.button(QMessageBox.StandardButton.Close).click()
        elif choice == "yes":
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            buttons[choice].click()
        if left:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)


def _older(db: Path) -> None:
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '0013'")
    con.commit()
    con.close()


def test_a_file_that_cannot_be_read_correctly_is_said_so(
    qtbot: Any, qapp: Any, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older schema cannot be upgraded read-only: the message names the file and its version
    and offers a copy, at once (reviewer: "Open read-only" was offered first, and could not
    work); Quit ends the start."""
    from ui import main

    db = demo_file(tmp_path / "old")
    _older(db)
    seen: list[dict[str, Any]] = []
    with read_only(db.parent):
        _answer_all(["quit"], seen)
        assert main.run(str(db), settings=settings) == 1
    assert [s["name"] for s in seen] == ["older_read_only"]
    assert seen[0]["text"].startswith(f"{db} was saved by an older Ketnoi (schema 0013).")
    assert "Save a copy in a folder you can write" in seen[0]["info"]


def test_a_log_that_cannot_be_read_without_its_shm_is_said_at_once(
    qtbot: Any, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviewer: a -wal holding changes, without its -shm, in a read-only folder was first
    offered "Open read-only" (naming the -wal as the read-only file), which then failed. Now the
    one message says why it cannot be opened and what to copy."""
    import sqlite3

    from ui import main

    db = demo_file(tmp_path / "live")
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("UPDATE organisation SET name = 'Colleague''s name' WHERE id = 1")
    writer.commit()
    copy = tmp_path / "copy"
    copy.mkdir()
    for suffix in ("", "-wal"):
        Path(copy / f"ketnoi.db{suffix}").write_bytes(Path(f"{db}{suffix}").read_bytes())
    writer.close()
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: boxes.append(text))
    offered: list[Any] = []  # a read-only message, if one came, is not shown: recorded, declined
    monkeypatch.setattr(main, "read_only_box", lambda exc, _parent=None: offered.append(exc) or False)
    with read_only(copy):
        assert main.run(str(copy / "ketnoi.db"), settings=settings) == 1
    assert offered == [] and len(boxes) == 1
    assert "ketnoi.db-wal beside it holds changes" in boxes[0]
    assert "Copy ketnoi.db together with ketnoi.db-wal to a folder you can write" in boxes[0]


def test_an_older_file_is_copied_where_chosen_and_the_copy_opened(
    qtbot: Any, qapp: Any, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Save a copy and open it…": the file copied as it is to the folder chosen, the copy
    upgraded as it opens and the window on it, writable; the file and its folder as they were."""
    import sqlite3

    from ui import main
    from ui.main_window import MainWindow

    db = demo_file(tmp_path / "old")
    _older(db)
    digest = file_digest(db)
    copy = tmp_path / "mine" / "copy.db"
    copy.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *_a, **_k: (str(copy), ""))
    found: dict[str, Any] = {}
    windows: list[Any] = []
    show = MainWindow.show

    def record(self: Any) -> None:
        windows.append(self)
        show(self)

    def fake_exec() -> int:
        w = windows[-1]
        qtbot.waitUntil(lambda: w.ctx is not None and not w.ctx.tasks.busy(), timeout=10_000)
        found["title"] = w.windowTitle()
        found["new"] = w.act_new.isEnabled()
        w.ctx.tasks.wait()
        w.close()
        return 0

    monkeypatch.setattr(MainWindow, "show", record)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    seen: list[dict[str, Any]] = []
    with read_only(db.parent):
        _answer_all(["save_older_copy", "yes"], seen)
        assert main.run(str(db), settings=settings) == 0
        assert sorted(p.name for p in db.parent.iterdir()) == ["ketnoi.db"]
    assert [s["name"] for s in seen] == ["older_read_only", "remember_database"]
    # the way back to the copy at the next start (reviewer: the read-only file came back, and
    # choosing the copy again was refused as a name that exists)
    assert (
        seen[1]["text"]
        == "Open the copy copy.db at every start from now on, instead of the read-only ketnoi.db?"
    )
    assert "Changes are saved in the copy, not in ketnoi.db." in seen[1]["info"]
    assert Path(settings.database_url.removeprefix("sqlite:///")) == copy
    assert found["new"] is True and "read-only" not in found["title"]
    con = sqlite3.connect(copy)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "0013"  # upgraded
        assert con.execute("SELECT count(*) FROM organisation").fetchone() == (19,)
    finally:
        con.close()
    assert any(
        p.name.endswith("before-upgrade-0013.db") for p in (tmp_path / "mine" / "copy-backups").iterdir()
    )
    assert file_digest(db) == digest


def test_briefs_and_exports_are_written_elsewhere(
    qtbot: Any, ro_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF brief and a workbook export of the read-only file, written to a writable folder."""
    from openpyxl import load_workbook
    from pypdf import PdfReader
    from PySide6.QtCore import Qt

    from app import resolve
    from ui import briefs

    w = ro_window
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    with w.ctx.read() as s:
        viettel = resolve.resolve(s, "organisation", "Viettel")
    w.navigate("organisation", viettel)
    assert w.act_brief.isEnabled()
    w.act_brief.trigger()
    dialog = next(d for d in w.findChildren(briefs.BriefDialog) if d.isVisible())
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    assert "Viettel" in "".join(p.extract_text() for p in PdfReader(opened[0]).pages)
    dialog.close()
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    w.act_export.trigger()
    qtbot.waitUntil(lambda: "Exported" in w.statusBar().currentMessage(), timeout=20_000)
    names = {
        c.value
        for ws in load_workbook(target, read_only=True).worksheets
        for r in ws.iter_rows(max_row=40)
        for c in r
    }
    assert any(isinstance(n, str) and "Viettel" in n for n in names)


def test_search_everywhere_finds_records_in_the_read_only_file(qtbot: Any, ro_window: Any) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from app import resolve
    from ui.dialogs.search import SearchDialog

    ctx = ro_window.ctx
    with ctx.read() as s:
        viettel = resolve.resolve(s, "organisation", "Viettel")
    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    for ch in "viettel":
        QApplication.sendEvent(
            dialog.box, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # (chosen once the answer comes)
    qtbot.waitUntil(lambda: dialog.chosen == ("organisation", viettel), timeout=10_000)
