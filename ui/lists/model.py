"""A table model over a SQL query that holds ids only and builds rows by block (Anki's browser).

The ids of the whole result come from one query that walks an index (``lists.ids``): the
first screen's worth on the UI thread (a ``LIMIT``-ed walk, so the list paints at once), the
rest off the UI thread; then ``rowCount`` is the size of the result, the scroll bar is true and
Ctrl+End or a drag of the scroll bar reaches any row. ``data`` builds display rows for the
block of ids around the one asked for (``WHERE id IN (…)``) and caches them; ``sort`` runs the
query again with another ORDER BY. After a change, :meth:`invalidate` marks rows stale (only
those on screen are read again) and :meth:`refresh` runs the id query again in the background
when the change can move rows in or out of the result or change their order.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from app import lists, reorg
from db.engine import server_unreachable
from db.models import OPEN_STATUSES
from ui import labels
from ui.context import AppContext
from ui.details.story import BECAME
from ui.icons import icon
from ui.tasks import Task

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class RecordListModel(QAbstractTableModel):
    FIRST = 200  # ids read on the UI thread: the first screen, from the index
    BLOCK = 60  # rows built per data() miss
    CACHE = 5_000  # rows kept built; beyond that the cache starts again

    # every id of the query is known: rowCount() is the size of the result
    ids_complete = Signal()
    # the team database's server could not be reached (its sentence), or again ("")
    unreachable_changed = Signal(str)

    def __init__(self, ctx: AppContext, query: lists.ListQuery, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._query = query
        self._columns = lists.COLUMNS[query.entity]
        self._ids: array[int] = array("q")
        self._complete = False
        self._token = 0  # only the latest id query's answer counts
        self.by_change = False  # the latest reset reads the same query again after a change
        # … that change (this window's or another's), not a new query: a record gone from it was
        # taken out by someone (the window says who: ui.window_views.say_gone)
        self.after_change = False
        self._rows: dict[int, dict[str, Any]] = {}
        # Rows kept listed though the query now leaves them out, with the row each had: an
        # action this window just marked done stays, struck through, under the selection so that
        # Ctrl+D again reopens it, until the person moves to another row or the query changes
        # (reviewer h143: the next row took its place and the second Ctrl+D marked it done).
        self._kept: dict[int, int] = {}
        self._waiting: list[Callable[[], object]] = []
        # what the list says in place of its rows while the server cannot be reached ("" else)
        self.unreachable = ""
        # Instrumentation (tests, benchmarks): what has been read from the database.
        self.id_queries = 0  # id queries started (first screens and whole results)
        self.ids_fetched = 0
        self.rows_fetched = 0
        ctx.server_back.connect(self._server_back)
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

    @property
    def complete(self) -> bool:
        """Whether every id of the query is known (else the rest is being read)."""
        return self._complete

    def set_query(self, query: lists.ListQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """A new filter or order: the first screen now, from the index; the rest in the background."""
        self.by_change = self.after_change = False
        self._kept.clear()
        self._token += 1
        try:
            first = self._first_screen()
        except Exception as exc:
            self._offline(exc)
            return
        self._reachable()
        self.beginResetModel()
        self._ids = array("q", first[: self.FIRST])
        self._complete = len(first) <= self.FIRST
        self.endResetModel()
        if self._complete:
            self._finish()
        else:
            self._read_all()

    def refresh(self, *, moves_on: bool = True) -> None:
        """After a change that can move rows in or out of the result, or reorder them: the id
        query again. A short list answers on the UI thread; a long one keeps showing its rows
        until the new ids arrive, then swaps them (the cached rows stay)."""
        self.by_change = moves_on  # (the view: a row gone by a change hands its place to the next)
        self.after_change = True
        self._token += 1
        if self.unreachable:  # nothing shown to keep: read the first screen again
            self.reload()
            return
        if self._complete and len(self._ids) <= self.FIRST:
            try:
                first = self._first_screen()
            except Exception as exc:
                self._offline(exc)
                return
            if len(first) <= self.FIRST:
                self._swap(first)
                return
        self._complete = False  # the rows shown stay until the new ids arrive
        self._read_all()

    def keep(self, ids: Iterable[int]) -> None:
        """Keep ``ids`` listed, where they are, through the changes to come (until
        :meth:`release_kept` or a new query)."""
        for i in ids:
            row = self.row_of(i)
            if row >= 0:
                self._kept[i] = row

    def kept(self) -> set[int]:
        return set(self._kept)

    def release_kept(self) -> None:
        """The person moved on: rows kept that the query leaves out go (the query read again)."""
        if self._kept:
            self._kept.clear()
            # (after the selection's signal has been handled: not a reset inside it)
            QTimer.singleShot(0, self, lambda: self.refresh(moves_on=False))

    def _with_kept(self, found: array[int]) -> array[int]:
        if not self._kept:
            return found
        listed = set(found)
        out = list(found)
        for i, row in sorted(self._kept.items(), key=lambda kv: kv[1]):
            if i not in listed:
                out.insert(min(row, len(out)), i)
        return array("q", out)

    def _first_screen(self) -> list[int]:
        self.id_queries += 1
        with self.ctx.read() as s:
            first = lists.ids(s, self._query, limit=self.FIRST + 1)
        self.ids_fetched += len(first)
        return first

    def _read_all(self) -> None:
        # Started from the event loop, after the first screen is painted: the reading thread
        # would otherwise take the interpreter's lock from that paint (2x slower at 100k ids).
        token = self._token
        QTimer.singleShot(0, self, lambda: self._start_read_all(token))

    def _start_read_all(self, token: int) -> None:
        if token != self._token:  # another query came meanwhile: its own read follows
            return
        query, engine = self._query, self.ctx.engine
        self.id_queries += 1

        def work(_task: Task) -> array[int]:
            from db.engine import read_session

            with read_session(engine) as s:
                return array("q", lists.ids(s, query))

        def done(found: array[int]) -> None:
            if token == self._token:
                self.ids_fetched += len(found)
                self._swap(found)

        def failed(exc: BaseException) -> None:
            if token == self._token:
                self._offline(exc)

        self.ctx.tasks.run(work, on_done=done, on_error=failed, owner=self)

    def _offline(self, exc: BaseException) -> None:
        """A read failed. The server cannot be reached: the list empties and says so in place
        of its rows (the view), its column titles stay, and the count is not told (-1) — it
        showed psycopg's words in a box, then a blank list under the old count (reviewer).
        It reads again when a change comes (the live feed's reconnection) or a filter changes.
        Any other error goes where it went."""
        if not server_unreachable(exc):
            handler = self.ctx.tasks.default_error
            if handler is None:
                raise exc
            handler(exc)
            return
        text = self.ctx.unreachable_text()
        self.beginResetModel()
        self._ids = array("q")
        self._rows.clear()
        self._complete = False
        self.endResetModel()
        if text != self.unreachable:
            self.unreachable = text
            self.unreachable_changed.emit(text)

    def _server_back(self) -> None:
        if self.unreachable:
            self.reload()

    def _reachable(self) -> None:
        if self.unreachable:
            self.unreachable = ""
            self.unreachable_changed.emit("")

    def _swap(self, found: Iterable[int]) -> None:
        self._reachable()
        new = self._with_kept(found if isinstance(found, array) else array("q", found))
        if new != self._ids:
            n = len(self._ids)
            if n and new[:n] == self._ids:  # the first screen, and the rest after it
                self.beginInsertRows(QModelIndex(), n, len(new) - 1)
                self._ids = new
                self.endInsertRows()
            else:
                self.beginResetModel()
                self._ids = new
                self.endResetModel()
        self._complete = True
        self._finish()

    def _finish(self) -> None:
        waiting, self._waiting = self._waiting, []
        for fn in waiting:
            fn()
        self.ids_complete.emit()

    def when_complete(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` once every id is known (now, if they are)."""
        if self._complete:
            fn()
        else:
            self._waiting.append(fn)

    def invalidate(self, ids: Iterable[int] | None = None) -> None:
        """Mark rows stale (``ids``, or all): the rows on screen are read again as they are
        painted, the others when they are next shown. The id query is not run again."""
        if ids is None:
            self._rows.clear()
        else:
            for i in ids:
                self._rows.pop(i, None)
        if self._ids:
            last = self.index(len(self._ids) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

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
        if not lists.sortable(self.entity, key):
            return  # the view puts its sort indicator back (ListPanel)
        if key == lists.sort_column(self._query) and desc == self._query.descending and self._ids:
            return
        self._query = self._query.with_(sort=key, descending=desc)
        self.reload()

    def sort_section(self) -> tuple[int, Qt.SortOrder]:
        col = lists.sort_column(self._query)
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
        if len(self._rows) > self.CACHE:
            self._rows.clear()
        wanted = [i for i in self._ids[start : start + self.BLOCK] if i not in self._rows]
        try:
            with self.ctx.read() as s:
                found = lists.rows(s, self.entity, wanted)
                if self.entity == "organisation":  # merged into / renamed to / split into (issue 15)
                    for org_id, links in reorg.became_of(s, found).items():
                        found[org_id]["became"] = links
        except Exception as exc:  # (asked while painting: the list empties after the paint)
            if not server_unreachable(exc):
                raise
            token = self._token
            QTimer.singleShot(0, self, lambda e=exc: self._offline(e) if token == self._token else None)
            return
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
        if row.get("became") and key == "name":
            return self._succeeded(row, role)
        if role == Qt.ItemDataRole.ToolTipRole and key == "due_date" and self.entity == "action":
            said = {"overdue": self.tr("Overdue"), "today": self.tr("Due today")}.get(self._due(row), "")
            return " — ".join(x for x in (self._display(row, key), said) if x)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, key)
        return self._decorate(row, key, role)

    def _due(self, row: dict[str, Any]) -> str:
        """An open action's due date: "overdue", "today" (as the banner counts them) or ""."""
        due = row.get("due_date")
        if row.get("status") not in OPEN_STATUSES or due is None:
            return ""
        today = self.ctx.today()
        return "overdue" if due < today else "today" if due == today else ""

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
        if key == "organisation" and row.get("organisation_in_trash") and value:
            return self.tr("%1 (in the trash)").replace("%1", str(value))
        if key == "organisations" and row.get("organisations_in_trash"):  # a meeting's
            gone = set(row["organisations_in_trash"])
            mark = self.tr("%1 (in the trash)")
            return ", ".join(mark.replace("%1", n) if n in gone else n for n in row["organisation_names"])
        if key == "direction":
            return labels.direction(str(value))
        if key == "status":
            return labels.status(str(value))
        if isinstance(value, dt.datetime):
            return self.ctx.fmt_datetime(value)
        if isinstance(value, dt.date):
            return self.ctx.fmt_date(value)
        return str(value)

    def _succeeded(self, row: dict[str, Any], role: int) -> Any:
        """An organisation that was merged into, renamed to or split into others: its row
        greyed, its name with the reorganisation's icon and "→ successor", the tooltip saying
        what happened and when."""
        links = row["became"]
        names = ", ".join(x.name for x in links)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.get('name') or ''} → {names}"
        if role == Qt.ItemDataRole.ToolTipRole:
            first = links[0]
            said = QCoreApplication.translate("Story", str(BECAME.get(first.kind, BECAME["merged"])))
            when = said.replace("%1", names).replace("%2", self.ctx.fmt_date(first.effective_on))
            return f"{row.get('name') or ''}\n{when}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.DecorationRole and not row.get("confidential"):
            return icon("merge")  # seen even where a long name cuts "→ successor" off
        return self._decorate(row, "name", role)

    def _decorate(self, row: dict[str, Any], key: str, role: int) -> Any:
        first = index_is_first(key, self._columns)
        if role == Qt.ItemDataRole.ForegroundRole and row.get("became"):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)  # succeeded
        if role == Qt.ItemDataRole.DecorationRole and first and row.get("confidential"):
            return icon("lock")  # a confidential record (db/team.py decides who sees it)
        if self.entity != "action":
            if role == Qt.ItemDataRole.DecorationRole and index_is_first(key, self._columns):
                return icon(self.entity)
            return None
        status = row.get("status")
        when = self._due(row)
        overdue = when == "overdue"
        if role == Qt.ItemDataRole.FontRole and (overdue or row.get("priority") == 1 or status == "done"):
            font = QFont()
            font.setBold(overdue or row.get("priority") == 1)
            font.setStrikeOut(status == "done")  # done, as a to-do list shows it (greyed too)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and status in ("done", "cancelled"):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.DecorationRole and key == "due_date":
            if overdue:
                return icon("warning")
            if when == "today":
                return icon("bell")  # the due-today banner's bell
            if status == "done":
                return icon("done")
        return None


def index_is_first(key: str, columns: tuple[str, ...]) -> bool:
    return bool(columns) and columns[0] == key
