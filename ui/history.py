"""A record's history (every kind): who changed what and when, old → new, with names for ids and
dates in the user's format; merges and imports said as such. "Restore this value" writes an old
value back as an ordinary, undoable edit; a record saved since shows the conflict dialog.

Rows come from :func:`app.history.record_history` (what ``ketnoi history`` prints), read off
the UI thread; the table model only lays them out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import history, records
from app.errors import ConflictError, NotFoundError
from app.history_events import OTHERS, REORGANISED, Event
from db import clock
from db.engine import Session, read_session
from ui import labels
from ui.context import AppContext
from ui.dialogs.conflict import ConflictDialog
from ui.fit import HeaderTips
from ui.focus import select_on_focus
from ui.icons import icon
from ui.rows import RowsModel
from ui.team import hold_read_only
from ui.widgets import AwayNote

SHORT = 120  # characters of a long text shown in a cell (the tooltip has it all)
# A reorganisation's row (app.reorg): %1 the day it took effect; the organisation that ceased
# before, what it became after
_REORGANISED = {
    "merged": QT_TRANSLATE_NOOP("HistoryModel", "Reorganisation: merged on %1"),
    "renamed": QT_TRANSLATE_NOOP("HistoryModel", "Reorganisation: renamed on %1"),
    "split": QT_TRANSLATE_NOOP("HistoryModel", "Reorganisation: split on %1"),
}


class HistoryModel(RowsModel[history.HistoryEntry]):
    """Plain :class:`app.history.HistoryEntry` rows handed in by the dialog."""

    COLUMNS = ("at", "actor", "what", "old", "new")

    def __init__(self, ctx: AppContext, entity: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity

    def titles(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Who"), self.tr("Change"), self.tr("Before"), self.tr("After"))

    def cell(self, e: history.HistoryEntry, col: int, role: int) -> Any:
        column = self.COLUMNS[col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            full = self.text(e, column)
            if role == Qt.ItemDataRole.ToolTipRole:  # a narrow column elides: the whole text here
                return full if full and column in ("what", "old", "new") else None
            flat = " ".join(full.split())
            return flat if len(flat) <= SHORT else flat[: SHORT - 1] + "…"
        if role == Qt.ItemDataRole.DecorationRole and column == "what":
            if e.merged:
                return icon("merge")
            if e.undid_import:
                return icon("undo")
            if e.imported:
                return icon("import")
            if e.op in ("delete", "purge"):
                return icon("delete")
        return None

    # --- words ----------------------------------------------------------------------------------

    def text(self, e: history.HistoryEntry, column: str) -> str:
        if column == "at":
            return self.ctx.fmt_datetime(clock.local(e.at))
        if column == "actor":
            return e.actor
        if e.event is not None:
            what, before, after = self.event_parts(e.event)
            return {"what": what, "old": before, "new": after}[column]
        if column == "what":
            return self.what(e)
        if not e.field:
            return ""
        value, label = (e.old, e.old_label) if column == "old" else (e.new, e.new_label)
        return self.value(e.field, value, label)

    def what(self, e: history.HistoryEntry) -> str:
        if e.field:
            name = labels.field_label(e.field)
            if e.op == "merge":
                return self.tr("%1 (merge)").replace("%1", name)
            if e.undid_import:  # not said as the import itself (reviewer)
                return (
                    self.tr("%1 (undo of import #%2 from %3)")
                    .replace("%1", name)
                    .replace("%2", str(e.batch_id))
                    .replace("%3", e.batch_file or "?")
                )
            if e.imported:
                return self.tr("%1 (import of %2)").replace("%1", name).replace("%2", e.batch_file or "?")
            if e.op == "purge":
                return self.tr("%1 (removed for good from the trash)").replace("%1", name)
            return name
        if e.op == "merge":
            if e.merged_into:
                return self.tr("Merged into “%1”").replace("%1", e.merged_with)
            if e.merged_id is None:
                return self.tr("Merged “%1” into this record").replace("%1", e.merged_with)
            said = (
                self.tr("Merged #%2 “%1” into this record, which took that name from it")
                if e.took_name  # (the record now bears that name: said by the merged one's id)
                else self.tr("Merged #%2 “%1” into this record")
            )
            return said.replace("%1", e.merged_with).replace("%2", str(e.merged_id))
        if e.op == "create":
            if e.imported:
                return self.tr("Created by the import of %1").replace("%1", e.batch_file or "?")
            return self.tr("Created")
        if e.op == "delete" and e.undid_import:
            return (
                self.tr("Deleted (undo of import #%1 from %2)")
                .replace("%1", str(e.batch_id))
                .replace("%2", e.batch_file or "?")
            )
        if e.op == "restore" and e.imported:  # brought back from the trash by an import
            return self.tr("Restored by the import of %1").replace("%1", e.batch_file or "?")
        if e.op == "undo":  # an undo and a redo told apart, with what (reviewer h129)
            what = e.step_of.get(self.ctx.lang(), "")
            if what:
                return (self.tr("Redo: %1") if e.redo else self.tr("Undo: %1")).replace("%1", what)
            return self.tr("Redo") if e.redo else self.tr("Undo")
        words = {
            "delete": self.tr("Deleted"),
            "restore": self.tr("Restored"),
            "undo": self.tr("Undo"),
            "purge": self.tr("Removed for good"),
            "succeed": self.tr("Reorganisation"),  # app.reorg: merged / renamed / split
            "post": self.tr("Post or holder"),  # app.posts: a post added, a holder assigned or ended
        }
        return words.get(e.op, e.op)

    def event_parts(self, e: Event) -> tuple[str, str, str]:
        """A post's or a reorganisation's row (app.history_events) as (change, before, after),
        in words, with names and the user's date format (reviewer: "Post or holder" and
        nothing else; the command line printed "post: action=add, post_id=2, …")."""
        day = self.ctx.fmt_date
        held = ", ".join(x for x in (e.post, e.organisation) if x)
        if e.code == "invitation_linked":  # app.invitation_links: its title as the invitation gave it
            return self.tr("Linked to the calendar invitation “%1”").replace("%1", e.invitation), "", ""
        if e.code in REORGANISED:
            how = self.tr(str(_REORGANISED[e.code.split("_")[0]])).replace("%1", day(e.on) if e.on else "?")
            return f"{how} ({e.note})" if e.note else how, e.predecessor, OTHERS.join(e.successors)
        if e.code == "post_added":
            if e.new is None:
                return self.tr("Post added"), "", e.post
            return (
                self.tr("Post added"),
                "",
                self.tr("%1 (precedence %2)").replace("%1", e.post).replace("%2", str(e.new)),
            )
        if e.code == "post_removed":
            return self.tr("Post removed"), e.post, ""
        if e.code == "post_changed":
            what = {
                "title": self.tr("Post renamed"),
                "title_en": self.tr("English name of the post “%1”"),
                "rank": self.tr("Precedence of the post “%1”"),
                "notes": self.tr("Notes on the post “%1”"),
            }.get(e.field, e.field)
            return what.replace("%1", e.post), self.value("", e.old, None), self.value("", e.new, None)
        if e.code == "post_assigned":  # (a narrow Change column leaves Before and After room)
            after = self.tr("%1 from %2").replace("%1", held).replace("%2", day(e.on)) if e.on else held
            if e.note:
                after = self.tr("%1 (decision %2)").replace("%1", after).replace("%2", e.note)
            return self.tr("Took up a post"), "", after
        if e.code == "post_ended":  # the post held before, its last day after (each column whole)
            last = self.tr("last day %1")
            before = f"{held}, {last.replace('%1', day(e.old))}" if e.old else held
            return self.tr("Left a post"), before, last.replace("%1", day(e.on)) if e.on else ""
        return e.code, "", ""

    def value(self, field: str, value: Any, label: str | None) -> str:
        return labels.field_value(self.ctx, self.entity, field, value, label)


class HistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, entity: str, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity, self.record_id = entity, record_id
        self.version: int | None = None
        # the record as this dialog last read it: what a restore starts from (merged with a
        # colleague's save meanwhile to other fields, asked about when they changed this one)
        self.base: dict[str, Any] | None = None
        self.loaded = False
        self._generation = 0
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("History"))
        self.heading = QLabel(self)
        self.heading.setObjectName("history_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.away = AwayNote(ctx, "history_unreachable", self)  # the server out of reach
        self.model = HistoryModel(ctx, entity, self)
        self.table = QTableView(self)
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # a row of one line as tall as the lists' rows; one of more lines as tall as they need
        self.table.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        # A change too long for its column, or a long value, goes on over a second line (each
        # row as tall as its cells need) rather than ending in "…"; the tooltip has it whole too.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        for col in (0, 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        HeaderTips.install(header)
        self._own_widths = False  # a column dragged: the person's widths, not fitted again
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        # fitted again once a resize or a drag pauses (each row measured: up to 1,000 of them)
        self._refit = QTimer(self, singleShot=True, interval=60)
        self._refit.timeout.connect(self.fit_columns)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        select_on_focus(self.table)  # tabbed into: a change selected, its buttons on
        self.restore_button = QPushButton(icon("undo"), self.tr("&Restore this value"), self)
        self.restore_button.setObjectName("history_restore")
        self.restore_button.setToolTip(
            self.tr("Write the value from before this change back (Ctrl+Z takes it back)")
        )
        self.restore_button.clicked.connect(lambda _c=False: self.restore_selected())
        hold_read_only(ctx, self.restore_button)  # a reader looks only
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.note = QLabel(self)
        self.note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.away)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        ctx.changed.connect(self._changed)
        self.resize(_fitting(self, 1120, 560))
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.loaded = False
        engine, entity, record_id = self.ctx.engine, self.entity, self.record_id

        def work(_task: Any) -> tuple[str, dict[str, Any] | None, list[history.HistoryEntry]]:
            with read_session(engine) as s:
                entries = history.record_history(s, entity, record_id, role_label=labels.role)
                label = records.label(s, entity, record_id)
                try:
                    base: dict[str, Any] | None = records.snapshot(s, entity, record_id)
                except NotFoundError:  # deleted: its history can be read, not written to
                    base = None
                return label, base, entries

        def done(result: tuple[str, dict[str, Any] | None, list[history.HistoryEntry]]) -> None:
            if generation == self._generation:
                self._show(*result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation and self.away.read_failed(exc):
                self.version, self.base = None, None  # nothing to restore from a list not read
                self.model.set_rows([])
                self.note.hide()
                self.loaded = True
                self._update_buttons()

        self.ctx.tasks.run(work, on_done=done, on_error=failed, owner=self)

    def _show(self, label: str, base: dict[str, Any] | None, entries: list[history.HistoryEntry]) -> None:
        self.away.read()
        self.base = base
        self.version = version = int(base["version"]) if base is not None else None
        self.heading.setText(f"{labels.entity_name(self.entity)}: {label}")
        self.setWindowTitle(self.tr("History of %1").replace("%1", label))
        self.model.set_rows(entries)
        self.fit_columns()
        if len(entries) >= history.LIMIT:
            self.note.setText(
                self.tr("The latest %1 changes are shown.").replace("%1", self.ctx.fmt_number(len(entries)))
            )
        elif version is None:
            self.note.setText(self.tr("This record is in the trash: restore it to change it."))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self.loaded = True
        self._update_buttons()

    def fit_columns(self) -> None:
        """When and Who as wide as their contents; the change described whole; Before and
        After share what is left: each whole if they can be, else the shorter whole, else in
        proportion to what they need, each keeping a fifth of the room (or all it needs, if
        less) and its title whole. A change still too long (a
        reorganisation's long note), and a long value, go on over more lines: the rows grow.

        On a laptop (1366×768) the Change column was cut at a third of the table ("Reorganisation:
        merged on 01/03/2025 (Nghị quyết …") while Before and After stretched over the rest with
        a few words each (reviewer)."""
        if self._own_widths:
            self.table.resizeRowsToContents()
            return
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - header.sectionSize(0) - header.sectionSize(1)
        if room <= 0:
            return
        want = {c: max(self.needs(c), header.sectionSizeHint(c)) for c in (2, 3, 4)}
        least = {c: max(header.sectionSizeHint(c), min(want[c], room // 5)) for c in (3, 4)}
        change = max(header.sectionSizeHint(2), min(want[2], room - least[3] - least[4]))
        rest = room - change
        values = want[3] + want[4]
        short, long = (3, 4) if want[3] <= want[4] else (4, 3)
        if values <= rest:  # both whole, the room to spare shared
            before = want[3] + (rest - values) // 2
        elif want[short] <= rest - least[long]:  # the shorter whole, the longer on more lines
            before = want[3] if short == 3 else rest - want[4]
        else:
            before = rest * want[3] // values
        before = max(least[3], min(before, rest - least[4]))
        self._fitting = True
        self.table.setColumnWidth(2, change)
        self.table.setColumnWidth(3, before)  # After, the last, takes what is left
        self._fitting = False
        self.table.resizeRowsToContents()

    def needs(self, column: int) -> int:
        """How wide ``column`` must be for its longest text to show on one line: the text, its
        icon (a merge's, an import's), the cell's margins."""
        metrics = self.table.fontMetrics()
        style = self.table.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        icon_room = self.table.iconSize().width() if self.table.iconSize().width() > 0 else 16
        most = 0
        for row in range(self.model.rowCount()):
            index = self.model.index(row, column)
            width = metrics.horizontalAdvance(str(index.data() or ""))
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                width += icon_room + 4
            most = max(most, width)
        return most + margin + 4

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if not self._fitting and section in (2, 3) and self.table.isVisible() and self.loaded:
            self._own_widths = True  # dragged by the person
        if section >= 2 and not self._fitting and self.loaded:
            self._refit.start()  # the rows as tall as their cells now need

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.loaded:
            self._refit.start()

    def _changed(self, _entity: str, _ids: list[int]) -> None:
        if self.isVisible():
            self.reload()

    def selected(self) -> history.HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()]

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.restore_button.setEnabled(bool(entry and entry.restorable and self.version is not None))

    def restore_selected(self, base: dict[str, Any] | None = None) -> None:
        """Write the selected change's old value back, over the record as this dialog read it
        (``base``: as a conflict's "Save mine over theirs" found it stored)."""
        entry = self.selected()
        if entry is None or not entry.restorable:
            return
        start = base if base is not None else self.base
        entity, record_id, actor = self.entity, self.record_id, self.ctx.actor()
        box: list[str] = []
        field_name = labels.field_label(entry.field)
        before = self.model.value(entry.field, entry.old, entry.old_label)

        def work(s: Session) -> list[int]:
            _version, group = history.restore_value(
                s, entity, record_id, entry.field, entry.id, actor=actor, base=start
            )
            box.append(group)
            return [record_id]

        def done(_ids: list[int]) -> None:
            message = self.tr("%1 set back to “%2”").replace("%1", field_name).replace("%2", before)
            if box and box[0]:
                self.ctx.push_undo(message, box[0])
            self.ctx.status_message.emit(message)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConflictError):
                dialog = ConflictDialog(self.ctx, exc, self)
                dialog.exec()
                dialog.deleteLater()
                if dialog.choice == "mine":
                    self.restore_selected(exc.current)
                else:
                    self.reload()
                return
            self.ctx.changed.emit(entity, [record_id])
            if self.ctx.tasks.default_error is None:
                raise exc
            self.ctx.tasks.default_error(exc)

        self.ctx.write(work, entity=entity, on_done=done, on_error=failed)


def _fitting(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, or less on a small screen (a dialog is never bigger than it)."""
    screen = widget.screen().availableGeometry() if widget.screen() else None
    if screen is None or screen.width() <= 0:
        return QSize(width, height)
    return QSize(min(width, screen.width() - 40), min(height, screen.height() - 60))


def show_history(parent: QWidget, ctx: AppContext, entity: str, record_id: int) -> HistoryDialog:
    """Open (non-modal) the history of one record; the dialog deletes itself when closed."""
    dialog = HistoryDialog(ctx, entity, record_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
