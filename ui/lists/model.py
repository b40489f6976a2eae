"""A table model over a SQL query that holds ids only and builds rows lazily (Anki's browser).

``fetchMore`` pulls the next page of ids in the query's order; ``data`` loads display rows
for a block of ids around the one asked for, and caches them; ``sort`` re-runs the query with
another ORDER BY. Nothing here grows with the table: 100,000 contacts cost one page of ids and
the rows of the screen. After an edit, :meth:`invalidate` drops cached rows so they are
rebuilt on the next paint.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from app import lists
from db.models import OPEN_STATUSES
from ui import labels
from ui.context import AppContext
from ui.icons import icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class RecordListModel(QAbstractTableModel):
    PAGE = 200  # ids per fetchMore
    BLOCK = 60  # rows built per data() miss

    def __init__(self, ctx: AppContext, query: lists.ListQuery, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._query = query
        self._columns = lists.COLUMNS[query.entity]
        self._ids: list[int] = []
        self._more = True
        self._rows: dict[int, dict[str, Any]] = {}
        # Instrumentation (tests and the status bar): what has been read from the database.
        self.ids_fetched = 0
        self.rows_fetched = 0
        self.reload()

    # --- query -----------------------------------------------------------------------------------

    @property
    def entity(self) -> str:
        return self._query.entity

    @property
    def query(self) -> lists.ListQuery:
        return self._query

    @property
    def columns(self) -> tuple[str, ...]:
        return self._columns

    def set_query(self, query: lists.ListQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (new filter, new order, or after a change)."""
        self.beginResetModel()
        self._ids = []
        self._rows.clear()
        self._more = True
        self._fetch_page()
        self.endResetModel()

    def _fetch_page(self) -> list[int]:
        with self.ctx.read() as s:
            page = lists.page_ids(s, self._query, offset=len(self._ids), limit=self.PAGE)
        self.ids_fetched += len(page)
        self._more = len(page) == self.PAGE
        self._ids.extend(page)
        return page

    def invalidate(self, ids: list[int] | None = None) -> None:
        """Forget cached rows (all, or ``ids``) and repaint."""
        if ids:
            for i in ids:
                self._rows.pop(i, None)
        else:
            self._rows.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1))

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def loaded_ids(self) -> list[int]:
        return list(self._ids)

    # --- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        with self.ctx.read() as s:
            page = lists.page_ids(s, self._query, offset=len(self._ids), limit=self.PAGE)
        self.ids_fetched += len(page)
        self._more = len(page) == self.PAGE
        if page:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._ids.extend(page)
            self.endInsertRows()

    def append_ids(self, ids: list[int], *, complete: bool = True) -> None:
        """Add ids fetched elsewhere (select all: every id of the query, ids only)."""
        have = set(self._ids)
        ids = [i for i in ids if i not in have]
        if ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
            self._ids.extend(ids)
            self.endInsertRows()
        self.ids_fetched += len(ids)
        if complete:
            self._more = False

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.column_title(self.entity, self._columns[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        desc = order == Qt.SortOrder.DescendingOrder
        key = self._columns[column]
        if key == self._query.sort_column and desc == self._query.descending and self._ids:
            return
        self._query = self._query.with_(sort=key, descending=desc)
        self.reload()

    def sort_section(self) -> tuple[int, Qt.SortOrder]:
        col = self._query.sort_column
        section = self._columns.index(col) if col in self._columns else 0
        order = Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
        return section, order

    def row_data(self, row: int) -> dict[str, Any] | None:
        record_id = self.id_at(row)
        if record_id is None:
            return None
        data = self._rows.get(record_id)
        if data is None:
            self._load_block(row)
            data = self._rows.get(record_id)
        return data

    def _load_block(self, row: int) -> None:
        start = (row // self.BLOCK) * self.BLOCK
        wanted = [i for i in self._ids[start : start + self.BLOCK] if i not in self._rows]
        with self.ctx.read() as s:
            found = lists.rows(s, self.entity, wanted)
        self.rows_fetched += len(found)
        for i in wanted:  # a row deleted meanwhile shows as empty rather than reloading forever
            self._rows[i] = found.get(i, {"id": i, "missing": True})

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
            ROW_ROLE,
        ):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        key = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, key)
        return self._decorate(row, key, role)

    # --- presentation ----------------------------------------------------------------------------

    def _display(self, row: dict[str, Any], key: str) -> str:
        value = row.get(key)
        if value is None:
            return ""
        if key == "kind":
            fn = {
                "organisation": labels.organisation_kind,
                "meeting": labels.meeting_kind,
                "action": labels.action_kind,
            }.get(self.entity)
            return fn(str(value)) if fn else str(value)
        if key == "direction":
            return labels.direction(str(value))
        if key == "status":
            return labels.status(str(value))
        if isinstance(value, dt.datetime):
            return self.ctx.fmt_datetime(value)
        if isinstance(value, dt.date):
            return self.ctx.fmt_date(value)
        return str(value)

    def _decorate(self, row: dict[str, Any], key: str, role: int) -> Any:
        first = index_is_first(key, self._columns)
        if role == Qt.ItemDataRole.DecorationRole and first and row.get("confidential"):
            return icon("lock")  # a confidential record (db/team.py decides who sees it)
        if self.entity != "action":
            if role == Qt.ItemDataRole.DecorationRole and index_is_first(key, self._columns):
                return icon(self.entity)
            return None
        status = row.get("status")
        due = row.get("due_date")
        overdue = status in OPEN_STATUSES and due is not None and due < self.ctx.today()
        if role == Qt.ItemDataRole.FontRole and (overdue or row.get("priority") == 1):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and status in ("done", "cancelled"):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.DecorationRole and key == "due_date":
            if overdue:
                return icon("warning")
            if status == "done":
                return icon("done")
        return None


def index_is_first(key: str, columns: tuple[str, ...]) -> bool:
    return bool(columns) and columns[0] == key
