"""A list reached from the keyboard (Tab, Shift+Tab, a shortcut) selects a row.

Qt makes the first row of a list reached by Tab its current row but leaves it unselected: the
row shows a focus frame only, and a window's buttons that act on the selection stay greyed until
Space (reviewer: Trash's Restore stayed off after tabbing into the list). :func:`select_on_focus`
selects the current row on such a focus, or the first row when there is none; a list that holds
a selection already keeps it, and a click selects what it clicks as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView
from shiboken6 import isValid

_BY_KEYS = frozenset(
    {
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    }
)


class _SelectOnFocus(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() in _BY_KEYS
            and isinstance(watched, QAbstractItemView)
            and isValid(watched)
        ):
            select_current_or_first(watched)
        return False


def select_current_or_first(view: QAbstractItemView) -> None:
    """Select the view's current row (its first, if none) unless something is selected."""
    selection, model = view.selectionModel(), view.model()
    if selection is None or model is None or selection.hasSelection() or not model.rowCount():
        return
    index = view.currentIndex()
    if not index.isValid():
        index = model.index(0, 0)
    flag = selection.SelectionFlag.ClearAndSelect
    if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
        flag |= selection.SelectionFlag.Rows
    selection.setCurrentIndex(index, flag)
    view.scrollTo(index)


def select_on_focus(*views: QAbstractItemView) -> None:
    """``views`` select a row when the keyboard brings the focus to them (see the module)."""
    for view in views:
        watcher = _SelectOnFocus(view)
        view.installEventFilter(watcher)
