"""File → Backups… on a file opened read-only: Restore is off and says why (it would replace the
file), Back up now too where no backups folder can be made beside it, and "Save a copy…" writes
the file as it is where the person chooses. A copy that fails says so in the person's language
and leaves nothing like "Backing up…" in the status bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db import backup as backups
from db.migrate import read_only_problem
from tests.read_only import demo_file, file_digest, read_only
from ui import file_dialogs


def _dialog_on(qtbot: Any, ctx: Any) -> Any:
    from ui.dialogs.backups import BackupsDialog

    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def ro_ctx(qapp: Any, tmp_path: Path, settings: Any) -> Iterator[Any]:
    """A context on a file in a really read-only folder (tests/read_only.py), opened read-only,
    with one backup taken beforehand (its folder read-only too)."""
    from db.read_only import open_read_only
    from ui.context import AppContext

    db = demo_file(tmp_path / "share")
    assert backups.take(db, "daily") is not None
    digest, names = file_digest(db), sorted(p.name for p in db.parent.iterdir())
    with read_only(db.parent), read_only(backups.folder_for(db)):
        engine = open_read_only(f"sqlite:///{db}", read_only_problem(db))
        ctx = AppContext(engine, settings)
        try:
            yield ctx
        finally:
            ctx.tasks.cancel_all()
            ctx.tasks.wait()
            engine.dispose()
        assert sorted(p.name for p in db.parent.iterdir()) == names
    assert file_digest(db) == digest


def test_back_up_and_restore_are_held_and_say_why(qtbot: Any, ro_ctx: Any) -> None:
    dialog = _dialog_on(qtbot, ro_ctx)
    assert dialog.list.topLevelItemCount() == 1  # the copies are listed
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))  # a selection would enable Restore
    for button in (dialog.take_button, dialog.restore_button):
        assert not button.isEnabled()
        assert "is open read-only" in button.toolTip() and "copy the file" in button.toolTip()
    dialog.list.clearSelection()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    assert not dialog.restore_button.isEnabled() and "is open read-only" in dialog.restore_button.toolTip()
    assert dialog.save_copy_button.isVisible() and dialog.save_copy_button.isEnabled()
    assert dialog.note.text().startswith(
        "This file is open read-only, and Ketnoi may not make copies beside it"
    )


def test_save_a_copy_writes_the_file_where_chosen(
    qtbot: Any, ro_ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from ui import answers

    said: list[str] = []
    offered: list[str] = []
    ro_ctx.status_message.connect(said.append)
    answers._hub(ro_ctx).file_written.connect(lambda _message, path: offered.append(path))
    to = tmp_path / "mine" / "copy.db"
    to.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *_a, **_k: (str(to), ""))
    dialog = _dialog_on(qtbot, ro_ctx)
    dialog.save_copy_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert said == ["Saving a copy…", f"Backed up to {to}"]
    assert offered == [str(to)]  # the window offers Open and Show in folder beside it (answers.file_written)
    con = sqlite3.connect(to)
    try:
        assert con.execute("SELECT count(*) FROM organisation").fetchone() == (19,)
    finally:
        con.close()


def test_in_a_writable_folder_only_restore_is_held(
    qtbot: Any, qapp: Any, tmp_path: Path, settings: Any
) -> None:
    """A file opened read-only whose folder is writable (a read-only file, or opened so): a copy
    can go into its backups folder, so Back up now stays."""
    from db.read_only import open_read_only
    from ui.context import AppContext

    db = demo_file(tmp_path / "mine")
    engine = open_read_only(f"sqlite:///{db}")
    ctx = AppContext(engine, settings)
    try:
        dialog = _dialog_on(qtbot, ctx)
        assert dialog.take_button.isEnabled() and not dialog.restore_button.isEnabled()
        assert dialog.note.text().startswith("Ketnoi copies the database before every import")
        dialog.take_button.click()
        qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1 and not dialog.busy, timeout=10_000)
    finally:
        ctx.tasks.wait()
        engine.dispose()


def _close_box(seen: list[dict[str, str]]) -> None:
    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close)
            return
        seen.append({"name": box.objectName(), "text": box.text(), "info": box.informativeText()})
        box.accept()

    QTimer.singleShot(0, close)


@pytest.mark.parametrize(
    "lang, headline, reason",
    [
        ("en", "The backup was not taken.", "(it is read-only for you)"),
        ("vi", "Chưa sao lưu được.", "(nơi này chỉ cho phép bạn đọc)"),
    ],
)
def test_a_failed_backup_says_so_and_leaves_no_backing_up(
    qtbot: Any, qapp: Any, ctx: Any, lang: str, headline: str, reason: str
) -> None:
    """The backups folder is read-only (a real bind mount): the copy fails in the worker. The
    box says it in the person's language without "[Errno 30]", and the status bar's last word
    is that it was not taken, not "Backing up…"."""
    from db.engine import sqlite_path
    from ui import i18n

    db_file = sqlite_path(str(ctx.engine.url))
    assert db_file is not None
    folder = backups.folder_for(db_file)
    folder.mkdir()
    said: list[str] = []
    ctx.status_message.connect(said.append)
    seen: list[dict[str, str]] = []
    try:
        assert i18n.install(qapp, lang) == lang
        with read_only(folder):
            dialog = _dialog_on(qtbot, ctx)
            assert dialog.take_button.isEnabled()  # not a read-only file: nothing held
            _close_box(seen)
            dialog.take_button.click()
            qtbot.waitUntil(lambda: bool(seen) and not dialog.busy, timeout=10_000)
    finally:
        i18n.install(qapp, "en")
    assert seen[0]["name"] == "backup_failed" and seen[0]["text"] == headline
    assert str(folder) in seen[0]["info"] and reason in seen[0]["info"]
    assert "Errno" not in seen[0]["info"]
    assert said[-1] == headline and len(said) == 2  # "Backing up…", then this
    assert dialog.take_button.isEnabled()  # can be tried again


def test_save_a_copy_never_replaces_a_file_and_asks_again(
    qtbot: Any, ro_ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviewer: "Save a copy…" onto another Ketnoi database replaced it after the save dialog's
    own "replace it?", and deleted its -wal, whose committed change was lost. An existing name
    is refused with a word, then a folder Ketnoi may not write; the dialog opens again in the
    folder chosen each time; the third, new name is written. The other database is untouched."""
    import sqlite3

    other = tmp_path / "theirs" / "t.db"
    other.parent.mkdir()
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES ('kept in the -wal')")
    con.commit()  # (left open: the change stays in t.db-wal)
    wal = Path(str(other) + "-wal").read_bytes()
    locked = tmp_path / "locked"
    locked.mkdir()
    new = tmp_path / "mine" / "copy.db"
    new.parent.mkdir()
    answers = iter([str(other), str(locked / "c.db"), str(new)])
    starts: list[str] = []

    def ask(_parent: Any, _title: str, start: str, *_a: Any, **_k: Any) -> tuple[str, str]:
        starts.append(start)
        return next(answers), ""

    monkeypatch.setattr(file_dialogs, "get_save_file_name", ask)
    seen: list[dict[str, str]] = []
    dialog = _dialog_on(qtbot, ro_ctx)
    with read_only(locked):
        _close_box(seen)
        QTimer.singleShot(300, lambda: _close_box(seen))
        dialog.save_copy_button.click()
        qtbot.waitUntil(lambda: not dialog.busy and new.exists(), timeout=10_000)
    assert [s["name"] for s in seen] == ["copy_refused", "copy_refused"]
    assert seen[0]["text"] == f"{other} exists already. The copy needs a new file name: choose another one."
    assert seen[1]["text"] == f"Ketnoi may not write to the folder {locked}: choose another one."
    assert [Path(s).parent for s in starts] == [Path.home(), other.parent, locked]
    assert Path(str(other) + "-wal").read_bytes() == wal  # their change is still there
    con.close()  # (the last connection: its change is checkpointed into t.db)
    check = sqlite3.connect(other)
    try:
        assert check.execute("SELECT x FROM t").fetchall() == [("kept in the -wal",)]
    finally:
        check.close()
    copy = sqlite3.connect(new)
    try:
        assert copy.execute("SELECT count(*) FROM organisation").fetchone() == (19,)
    finally:
        copy.close()
