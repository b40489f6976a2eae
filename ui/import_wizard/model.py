"""The preview table: every row of the sheet with its status and reasons.

The model holds the service's :class:`~app.importing.RowResult` list as it is and a list of
the indexes currently shown (all rows, or only some statuses); ``data()`` builds each cell on
demand, so 100,000 rows cost one list of ints, no per-row objects or widgets. Filtering and
sorting rebuild that index list (a list comprehension / ``list.sort``), never a proxy model
(100k rows: a ``QSortFilterProxyModel`` sorts them in 9 s, this model in 0.1 s;
``python tests/benchmarks/bench_choices.py --only sort``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from app.importing import STATUSES, RowResult
from ui.import_wizard.messages import wordings

COL_ROW, COL_STATUS, COL_RECORD, COL_DETAILS = range(4)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
WARNED = "warned"  # not a status: set_statuses((WARNED,)) shows the rows with a warning

STATUS_COLOURS = {
    "new": "#2e9d4f",
    "update": "#2f74c0",
    "duplicate": "#d08a1c",
    "error": "#c8372d",
    "skip": "#8a8f98",
}
WARNING_COLOUR = "#a8640c"
RECORD_FIELD = {"contact": "full_name", "organisation": "name", "meeting": "title", "action": "title"}
Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    tr = QCoreApplication.translate
    return {
        "new": tr("Import", "New"),
        "update": tr("Import", "Update"),
        "duplicate": tr("Import", "Duplicate"),
        "error": tr("Import", "Error"),
        "skip": tr("Import", "Skip"),
    }.get(status, status)


_ICONS: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon:
    """A small filled dot in the status colour (made once per status)."""
    if status not in _ICONS:
        app = QGuiApplication.instance()
        ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
        size = round(12 * ratio)
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLOURS.get(status, "#888888")))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        pm.setDevicePixelRatio(ratio)
        _ICONS[status] = QIcon(pm)
    return _ICONS[status]


def record_label(kind: str, row: RowResult, raw: dict[int, str] | None = None) -> str:
    """What the row is about: a name or a title, with its organisation when it has one."""
    if row.columns is None:
        text = (raw or {}).get(row.row, "")
    else:
        text = str(row.columns.get(RECORD_FIELD.get(kind, "name")) or "")
    org = row.refs.get("organisation")
    if org and kind in ("contact", "action"):
        text += f" — {org}"
    return text


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[RowResult] = []
        self._shown: list[int] = []
        self._kind = "contact"
        self._raw: dict[int, str] = {}
        self._statuses: frozenset[str] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (COL_ROW, Qt.SortOrder.AscendingOrder)

    # --- filling ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RowResult], kind: str, raw_names: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._rows, self._kind, self._raw = rows, kind, raw_names or {}
        self._shown = self._visible()
        self._apply_sort()
        self.endResetModel()

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        """Show only rows with these statuses (None: every row)."""
        self.beginResetModel()
        self._statuses = frozenset(statuses) if statuses is not None else None
        self._shown = self._visible()
        self._apply_sort()
        self.endResetModel()

    def _visible(self) -> list[int]:
        if self._statuses is None:
            return list(range(len(self._rows)))
        keep = self._statuses
        if WARNED in keep:  # a warning is said of rows of any status
            return [i for i, r in enumerate(self._rows) if r.status in keep or r.said_warnings]
        return [i for i, r in enumerate(self._rows) if r.status in keep]

    def warned(self) -> int:
        """How many written rows carry a warning (a value kept as it was, unchecked)."""
        return sum(1 for r in self._rows if r.said_warnings)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for r in self._rows:
            out[r.status] = out.get(r.status, 0) + 1
        return out

    def raw_names(self) -> dict[int, str]:
        return self._raw

    def row_at(self, row: int) -> RowResult:
        return self._rows[self._shown[row]]

    def total(self) -> int:
        return len(self._rows)

    # --- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        tr = QCoreApplication.translate
        titles = (
            tr("Import", "Row"),
            tr("Import", "Status"),
            tr("Import", "Record"),
            tr("Import", "What happens"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        r = self._rows[self._shown[index.row()]]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == COL_ROW:
                return str(r.row)
            if col == COL_STATUS:
                return status_label(r.status)
            if col == COL_RECORD:
                return record_label(self._kind, r, self._raw) or "—"
            if col == COL_DETAILS:
                return wordings(r.messages()) or self._default_text(r.status)
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATUS:
            return status_icon(r.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DETAILS and r.status == "error":
            return QBrush(QColor(STATUS_COLOURS["error"]))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DETAILS and r.said_warnings:
            return QBrush(QColor(WARNING_COLOUR))  # imported, with a value kept as typed
        if role == Qt.ItemDataRole.ForegroundRole and (
            r.status == "skip" or (col == COL_DETAILS and not r.messages())
        ):
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == STATUS_ROLE:
            return r.status
        if role == SORT_ROLE:
            return self._key(col)(self._shown[index.row()])
        return None

    def _default_text(self, status: str) -> str:
        if status != "new":
            return ""
        tr = QCoreApplication.translate
        return {
            "contact": tr("Import", "A new contact is created"),
            "organisation": tr("Import", "A new organisation is created"),
            "meeting": tr("Import", "A new meeting is created"),
            "action": tr("Import", "A new action is created"),
        }.get(self._kind, "")

    # --- sorting (the model's own index list, never a proxy) --------------------------------------

    def _key(self, col: int) -> Any:
        rows, kind, raw = self._rows, self._kind, self._raw
        order = {s: i for i, s in enumerate(STATUSES)}
        if col == COL_STATUS:
            return lambda i: (order.get(rows[i].status, 9), rows[i].row)
        if col == COL_RECORD:
            return lambda i: (record_label(kind, rows[i], raw).casefold(), rows[i].row)
        if col == COL_DETAILS:
            return lambda i: (
                wordings(rows[i].messages()).casefold() or self._default_text(rows[i].status),
                rows[i].row,
            )
        return lambda i: rows[i].row

    def _apply_sort(self) -> None:
        col, order = self._sort
        self._shown.sort(key=self._key(col), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < 4:
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._shown)
        self._sort = (column, order)
        self._apply_sort()
        where = {src: pos for pos, src in enumerate(self._shown)}
        for idx in self.persistentIndexList():
            if idx.isValid():
                new_row = where[old[idx.row()]]
                self.changePersistentIndex(idx, self.index(new_row, idx.column()))
        self.layoutChanged.emit()
