"""A list reached from the keyboard (Tab, Shift+Tab, a shortcut) selects a row.

Qt makes the first row of a list reached by Tab its current row but leaves it unselected: the
row shows a focus frame only, and a window's buttons that act on the selection stay greyed until
Space (reviewer: Trash's Restore stayed off after tabbing into the list). :func:`select_on_focus`
selects the current row on such a focus, or the first row when there is none; a list that holds
a selection already keeps it, and a click selects what it clicks as before.

:func:`select_row` is how a window selects a row itself (after a read, an undo, a record found):
``QTableView.selectRow`` asks the keyboard, and with Ctrl held (Ctrl+Z, Ctrl+D just pressed)
it toggles the row, so a row already selected came out unselected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget
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


def select_row(view: QAbstractItemView, row: int) -> None:
    """Make ``row`` the view's current row and its only selection, whatever keys are held.

    ``QTableView.selectRow`` takes its selection command from the keyboard's modifiers: with
    Ctrl down it toggles, so a row already selected when a read came back (the Posts dialog
    after Ctrl+Z, a list after Ctrl+D) was unselected and the window's commands went grey."""
    selection, model = view.selectionModel(), view.model()
    if selection is None or model is None or not 0 <= row < model.rowCount():
        return
    index = model.index(row, 0)
    flag = selection.SelectionFlag.ClearAndSelect
    if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
        flag |= selection.SelectionFlag.Rows
    selection.setCurrentIndex(index, flag)
    view.scrollTo(index)


def select_current_or_first(view: QAbstractItemView, *, first: bool = False) -> None:
    """Select the view's current row (its first, if none or ``first``) unless something is
    selected."""
    selection, model = view.selectionModel(), view.model()
    if selection is None or model is None or selection.hasSelection() or not model.rowCount():
        return
    index = view.currentIndex()
    select_row(view, 0 if first or not index.isValid() else index.row())


def select_on_focus(*views: QAbstractItemView) -> None:
    """``views`` select a row when the keyboard brings the focus to them (see the module)."""
    for view in views:
        watcher = _SelectOnFocus(view)
        view.installEventFilter(watcher)


_INTO_LIST = frozenset({Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter})


class _IntoList(QObject):
    def __init__(
        self,
        box: QWidget,
        view: QAbstractItemView,
        settle: Callable[[Callable[[], None]], None],
    ) -> None:
        super().__init__(box)
        self._view, self._settle = view, settle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or event.key() not in _INTO_LIST:
            return False
        self._settle(self._enter)
        return True  # never the dialog's default button (Trash's Restore) from a filter box

    def _enter(self) -> None:
        view = self._view
        model = view.model() if isValid(view) else None
        if model is None or not model.rowCount() or not view.isVisible():
            return
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        view.clearSelection()
        select_current_or_first(view, first=True)


def into_list(box: QWidget, view: QAbstractItemView, settle: Callable[[Callable[[], None]], None]) -> None:
    """Down, Enter or Return in a window's filter ``box`` go on into ``view``: once the list
    answers the box's words (``settle(then)`` calls ``then`` when the read the box asked for
    has come back), the list gets the focus on its first row, selected. Enter no longer
    pressed the window's default button (reviewer h92: in Trash it restored the row selected;
    in Letters it opened a new letter)."""
    box.installEventFilter(_IntoList(box, view, settle))
