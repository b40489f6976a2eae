"""The table of a record list: keeps the current record across a sort, a filter or a refresh.

A :class:`~ui.lists.model.RecordListModel` resets when its query changes. Before the reset the
table notes the current record's id; after it, it selects that record again wherever it now
is (once every id is known, if it is not on the first screen), or says the record left the
list (:attr:`record_lost`), so that the detail pane never shows a record the list does not.
Ctrl+End asked before the last ids arrive goes to the last row when they do. A click on a
column the list cannot sort by leaves the sort indicator where it was.

Ctrl with Home, End, Up, Down, Page Up or Page Down selects the row it moves to, as the key
alone does (Qt's extended selection would move the current row only, leaving the highlight on
the old one: Del would then delete a record other than the one on the page). Ctrl+click and
Ctrl+Space still toggle a row, Shift (also with Ctrl) extends.

A letter or digit typed in the table is not a command: it is passed on (:attr:`typed`) to the
list's filter box, as a user expects of a list (reviewer: typing "dang" in Actions with the
list focused made the bare "D" mark the selected action done). The table's own keys (arrows,
Home/End, Enter, Delete, Space, Tab, anything with Ctrl or Alt) stay the table's.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from app import lists
from ui.lists.model import RecordListModel

# Keys that move the current row: with Ctrl they select where they move (with Ctrl+Shift they
# extend the selection there; Qt would move the current row only, for both).
_MOVES = frozenset(
    {
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    }
)


class RecordTable(QTableView):
    record_lost = Signal()  # the current record is not in the list any more
    gone_by_change = Signal(int)  # … because of a change (deleted, merged, moved out): its id
    typed = Signal(QKeyEvent)  # a printable key pressed in the table: for the filter box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keep = 0  # the id to select again after a reset
        self._keep_row = -1  # its row then
        self._by_change = False  # the reset is the same query read again after a change
        self._after_change = False  # … this window's or another's (the record gone: said who)
        self._generation = 0  # resets seen: a pending re-selection is for the latest only
        self.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        # A column's size hint reads the rows on screen only (Qt's default reads 1,000 rows,
        # which here would build 1,000 rows from the database on the UI thread at each fit).
        self.horizontalHeader().setResizeContentsPrecision(0)
        # Tab leaves the list for the record's page and its buttons, as in a file manager's
        # list; Qt's default walked cell by cell and on to the next row, changing the record
        # selected (reviewer: Tab from VIN reached NIC; Del then acts on another record)
        self.setTabKeyNavigation(False)

    def record_model(self) -> RecordListModel:
        model = self.model()
        assert isinstance(model, RecordListModel)
        return model

    def setModel(self, model: RecordListModel) -> None:  # type: ignore[override]
        super().setModel(model)
        model.modelAboutToBeReset.connect(self._before_reset)
        model.modelReset.connect(self._after_reset)

    def current_id(self) -> int:
        row = self.currentIndex().row()
        found = self.record_model().id_at(row) if row >= 0 else None
        return found or 0

    def select_id(self, record_id: int, *, center: bool = False) -> bool:
        """Make ``record_id`` the current row and show it; False if it is not (yet) listed."""
        model = self.record_model()
        row = model.row_of(record_id)
        if row < 0:
            return False
        index = model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        hint = (
            QAbstractItemView.ScrollHint.PositionAtCenter
            if center
            else QAbstractItemView.ScrollHint.EnsureVisible
        )
        self.scrollTo(index, hint)
        return True

    def choose_row(self, row: int) -> None:
        """Select ``row`` as the person chose it (from the filter box): a record still waiting
        to be selected again after the last reset is not, when its ids arrive."""
        self._generation += 1
        self._keep = 0
        index = self.record_model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def _before_reset(self) -> None:
        current = self.current_id()
        if current:
            self._keep_row = self.currentIndex().row()
        self._by_change = self.record_model().by_change
        self._after_change = self.record_model().after_change
        self._keep = current or self._keep

    def _after_reset(self) -> None:
        self._generation += 1
        keep, generation = self._keep, self._generation
        if not keep:
            return
        model = self.record_model()

        def again() -> None:
            if generation != self._generation:
                return
            self._keep = 0
            if self.select_id(keep, center=True):
                return
            # Gone from the same list by a change (deleted, moved out of the view): the row that
            # took its place becomes the current row, so the arrows go on from there, but it is
            # not selected: Del or Ctrl+D pressed again acts on nothing until the person chooses
            # a row they can see (reviewer h143: Del twice deleted two records; an action marked
            # done here stays listed instead, ui.lists.model's ``keep``). A new filter or sort
            # that leaves it out selects nothing either: the pane is cleared rather than showing
            # a record the person did not choose.
            rows = model.rowCount()
            if self._after_change:
                self.gone_by_change.emit(keep)
            self.record_lost.emit()
            if self._by_change and rows and self._keep_row >= 0:
                index = model.index(min(self._keep_row, rows - 1), 0)
                self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.Clear)
                self.scrollTo(index)

        if self.select_id(keep, center=True):
            self._keep = 0
        else:
            model.when_complete(again)

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        model = self.record_model()
        if action == QAbstractItemView.CursorAction.MoveEnd and not model.complete:
            generation = self._generation

            def to_end() -> None:
                if generation == self._generation and model.rowCount():
                    self.select_id(model.id_at(model.rowCount() - 1) or 0)

            model.when_complete(to_end)
        return super().moveCursor(action, modifiers)

    def selectionCommand(
        self,
        index: QModelIndex | QPersistentModelIndex,
        event: QEvent | None = None,
    ) -> QItemSelectionModel.SelectionFlag:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and event.key() in _MOVES
        ):
            flag = QItemSelectionModel.SelectionFlag
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                return flag.SelectCurrent | flag.Rows  # extends from the anchor, as Shift alone
            return flag.ClearAndSelect | flag.Rows
        return super().selectionCommand(index, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        command = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        command |= Qt.KeyboardModifier.MetaModifier
        if text and text.isprintable() and not text.isspace() and not event.modifiers() & command:
            self.typed.emit(event)
            event.accept()
            return
        super().keyPressEvent(event)

    def _sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        model = self.model()
        if not isinstance(model, RecordListModel) or not 0 <= section < len(model.columns):
            return
        if not lists.sortable(model.entity, model.columns[section]):
            QTimer.singleShot(0, self._show_sort)

    def _show_sort(self) -> None:
        section, order = self.record_model().sort_section()
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(section, order)
        header.blockSignals(False)
        header.viewport().update()
