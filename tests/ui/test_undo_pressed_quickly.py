"""Ctrl+Z pressed again while the first undo is still being written does not take the same step
twice (reviewer h95: three quick presses in Posts… undid the notes, then a box said "Sửa chức vụ
…: Đã được root hoàn tác ngày 6/12", already undone by her). A read of the offer that ran
before the undo was written still named that step; it is no longer offered again."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import Qt

from app import posts
from db.engine import read_session, sqlite_path
from tests.ui.helpers import wait_idle
from tests.ui.test_posts_dialog import _open, _row_of, _two_posts
from ui.focus import select_row


def test_ctrl_z_pressed_twice_while_the_first_undo_waits_undoes_once_and_says_no_error(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    import ui.commands

    boxes: list[str] = []
    monkeypatch.setattr(ui.commands.QMessageBox, "warning", lambda _p, _t, text, *a: boxes.append(text))
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    select_row(dialog.table, _row_of(dialog, "Pho Giam doc"))
    dialog.notes.setPlainText("Anh Đặng phụ trách")
    dialog.save_notes()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: ctx.undo_offer is not None and ctx.undo_offer[1] == dialog.groups[-1])

    path = sqlite_path(str(ctx.engine.url))
    assert path is not None
    other = sqlite3.connect(path, timeout=0.1)  # another program holds the write lock a moment:
    other.execute("BEGIN IMMEDIATE")  # the undo waits to be written
    try:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        ctx.refresh_undo()  # a read of the offer while the undo waits (a change heard meanwhile)
        qtbot.waitUntil(lambda: ctx.tasks._reads.activeThreadCount() == 0)
        qtbot.wait(50)  # (its answer delivered)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    finally:
        other.rollback()
        other.close()
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        assert posts.get_post(s, deputy).notes == ""  # undone, once
    assert boxes == []
    qtbot.waitUntil(lambda: dialog.notes.toPlainText() == "")
