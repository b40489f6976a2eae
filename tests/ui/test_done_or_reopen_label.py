"""Ctrl+D marks an open action done and reopens a done one: its menu item, toolbar button and
context menu say which, by the selection (reviewer: on the "Done" filter the menu said "Mark
done" and clicking it reopened the action, "Reopened 1 action")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtWidgets import QMenu


def _select(qtbot: Any, window: Any, preset: str, chosen: list[int]) -> Any:
    window.show_actions(preset)
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: all(panel.model.row_of(i) >= 0 for i in chosen), timeout=10_000)
    sel = panel.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    for i in chosen:
        sel.select(panel.model.index(panel.model.row_of(i), 0), flags)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    return panel


def _context_menu_texts(qtbot: Any, window: Any, panel: Any, aid: int) -> list[str]:
    rect = panel.view.visualRect(panel.model.index(panel.model.row_of(aid), 0))
    panel.view.customContextMenuRequested.emit(rect.center() + QPoint(0, 0))
    menu = window.context_menu
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions()]
    menu.close()
    return texts


def test_the_command_says_reopen_for_done_actions_and_reopens(
    qtbot: Any, window: Any, ctx: Any, ids: Any
) -> None:
    done, open_ = ids["a_done"], ids["a_overdue"]
    panel = _select(qtbot, window, "done", [done])
    assert window.act_done.text() == "Re&open"
    assert window.act_done.toolTip() == "Reopen the selected done actions (Ctrl+D)"
    assert "Re&open" in _context_menu_texts(qtbot, window, panel, done)
    assert "&Mark done" not in _context_menu_texts(qtbot, window, panel, done)

    window.act_done.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Reopened 1 action", timeout=10_000)

    _select(qtbot, window, "all", [open_])
    assert window.act_done.text() == "&Mark done"
    _select(qtbot, window, "all", [open_, done])  # (reopened: open again)
    assert window.act_done.text() == "&Mark done"


def test_a_mixed_selection_says_it_does_both(qtbot: Any, window: Any, ids: Any) -> None:
    _select(qtbot, window, "all", [ids["a_done"], ids["a_overdue"]])
    assert window.act_done.text() == "Mark done / re&open"
    assert window.act_done.toolTip() == "Mark the open actions done and reopen the done ones (Ctrl+D)"
    _select(qtbot, window, "all", [ids["a_overdue"]])
    assert window.act_done.text() == "&Mark done"
