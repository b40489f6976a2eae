"""Ctrl+Z in the list's filter box: its typing first, then the window's last step. Reviewer h119:
after a merge the focus was in the filter box; the first Ctrl+Z cleared the filter, the second
did nothing while the status bar offered "Undo: Merged contact…"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import wait_idle
from tests.ui.test_redo import _delete_in_window, _deleted


def test_ctrl_z_in_the_filter_box_undoes_the_typing_then_the_step(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    _delete_in_window(qtbot, window, ctx, ids["bao"])
    assert _deleted(engine, ids["bao"])
    search = window.views["contact"].list.search
    search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    qtbot.keyClicks(search, "ng")
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the typing
    wait_idle(qtbot, ctx)
    assert search.text() == "" and _deleted(engine, ids["bao"])
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the step
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: not _deleted(engine, ids["bao"]), timeout=10_000)


def test_a_filter_box_never_typed_in_gives_ctrl_z_to_the_window(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    _delete_in_window(qtbot, window, ctx, ids["bao"])
    search = window.views["contact"].list.search
    search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: not _deleted(engine, ids["bao"]), timeout=10_000)
