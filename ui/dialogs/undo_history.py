"""Edit → Undo history…: the recent operations from the database (they outlive the window), the
newest first, each with what it did, when, who, how many records and whether it can still be
undone; "Undo selected" undoes one the way its kind is undone (:mod:`app.undo_history`).

A row that collides with later work says who changed what since (its tooltip and the detail
line under the list) and its Undo button stays disabled: nothing is forced. The list is read on
a pool thread; the undo runs on the write lane.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import undo_history
from app.errors import UserError
from app.undo_history import GroupEntry
from db import clock
from db.engine import Session, read_session
from ui.context import AppContext, recorded_name
from ui.focus import select_on_focus, select_row
from ui.icons import icon
from ui.rows import RowsModel
from ui.tasks import Task
from ui.team import hold_read_only, if_enabled, not_undoable_here, read_only_tip
from ui.widgets import AwayNote

COL_WHAT, COL_KIND, COL_WHEN, COL_WHO, COL_COUNT, COL_STATUS = range(6)
SHORT_COLUMNS = (COL_KIND, COL_WHEN, COL_WHO, COL_COUNT, COL_STATUS)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class UndoHistoryModel(RowsModel[GroupEntry]):
    """Plain rows (:class:`GroupEntry`) handed in by the dialog; no database access here."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def titles(self) -> tuple[str, ...]:
        return (self.tr("What"), self.tr("Kind"), self.tr("When"), self.tr("Who"), self.tr("Records"),
                self.tr("Status"))  # fmt: skip

    def cell(self, e: GroupEntry, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (e.label, self.status_text(e), e.reason) if x)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not self.undoable_here(e):
            return QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == ENTRY_ROLE:
            return e
        return None

    def _text(self, e: GroupEntry, col: int) -> str:
        if col == COL_WHAT:
            return e.label
        if col == COL_KIND:
            return self.kind_text(e.kind)
        if col == COL_WHEN:
            return self.ctx.fmt_datetime(_local(e.at))
        if col == COL_WHO:
            return e.actor or self.tr("No name recorded")  # no one chosen under Settings → I am
        if col == COL_COUNT:
            return self.ctx.fmt_number(e.count)
        return self.status_text(e)

    def kind_text(self, kind: str) -> str:
        names = {
            "edit": self.tr("Edit"),
            "bulk_edit": self.tr("Bulk edit"),
            "rating": self.tr("Re-rating"),
            "merge": self.tr("Merge"),
            "import": self.tr("Import"),
            "import_undo": self.tr("Undone import"),
            "delete": self.tr("Delete"),
            "restore": self.tr("Restore"),
            "create": self.tr("New"),
            "log_meeting": self.tr("Log meeting"),
            "mark_done": self.tr("Mark done"),
            "reopen": self.tr("Reopen"),
            "reschedule": self.tr("Reschedule"),
            "reorganisation": self.tr("Reorganisation"),
            "calendar_link": self.tr("Invitation linked"),  # app.invitation_links
            "post_add": self.tr("Post added"),
            "post_edit": self.tr("Post edited"),
            "post_remove": self.tr("Post removed"),
            "post_assign": self.tr("Took up a post"),
            "post_end": self.tr("Left a post"),
            "undo": self.tr("Undo"),
            "redo": self.tr("Redo"),
        }
        return names.get(kind, kind)

    def undoable_here(self, e: GroupEntry) -> bool:
        return e.undoable and not_undoable_here(self.ctx) is None

    def status_text(self, e: GroupEntry) -> str:
        if e.status == undo_history.READY and (here := not_undoable_here(self.ctx)) is not None:
            return here  # a read-only file, a reader: not "Can be undone" (reviewer)
        return {
            undo_history.READY: self.tr("Can be undone"),
            undo_history.UNDONE: self.tr("Undone"),
            undo_history.COLLIDES: self.tr("Changed since"),
            undo_history.FINAL: self.tr("Cannot be undone"),
        }.get(e.status, e.status)


class UndoHistoryDialog(QDialog):
    LIMIT = 50

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo_history")
        self.setWindowTitle(self.tr("Undo history"))
        self.ctx = ctx
        self.loads = 0  # finished reads (tests wait on it)
        self.mine = QCheckBox(self.tr("Only &my changes"), self)
        self.mine.setObjectName("undo_history_mine")
        self.mine.toggled.connect(lambda _on: self.load())
        self.away = AwayNote(ctx, "undo_history_unreachable", self)  # the server out of reach
        self.model = UndoHistoryModel(ctx, self)
        self.view = QTableView(self)
        self.view.setObjectName("undo_history_list")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        for col in SHORT_COLUMNS:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selected())
        select_on_focus(self.view)  # tabbed into: a change selected, Undo selected on
        self.view.doubleClicked.connect(if_enabled(lambda: self.undo_button, self.undo_selected))
        self.detail = QLabel(self)
        self.detail.setObjectName("undo_history_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.undo_button = QPushButton(icon("undo"), self.tr("&Undo selected"), self)
        self.undo_button.setObjectName("undo_history_undo")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(lambda _c=False: self.undo_selected())
        hold_read_only(ctx, self.undo_button)  # a reader looks only
        refresh = QPushButton(icon("refresh"), self.tr("&Refresh"), self)
        refresh.clicked.connect(lambda _c=False: self.load())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(
            QLabel(self.tr("The latest operations, newest first; they are kept in the database."), self)
        )
        top.addStretch(1)
        top.addWidget(self.mine)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("undo_history_progress_label")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("undo_history_progress")
        self.progress.setMaximumWidth(260)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addStretch(1)
        self.progress_label.hide()
        self.progress.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(refresh)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.away)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.detail)
        lay.addLayout(progress_row)
        lay.addLayout(bottom)
        self.resize(1180, 600)  # fits a 1366x768 screen
        self.load()

    # --- reading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the latest groups on a pool thread (their checks grow with the history)."""
        engine, lang, limit = self.ctx.engine, self.ctx.lang(), self.LIMIT
        day = self.ctx.settings.py_date_format()  # a reason's date as Settings say (a restore's)
        only_mine, staff_id = self.mine.isChecked(), self.ctx.staff_id

        def work(task: Task) -> list[GroupEntry]:
            with read_session(engine) as s:
                actor = None  # everyone's
                if only_mine:
                    actor = recorded_name(s, staff_id)
                task.check()
                return undo_history.recent_groups(s, limit=limit, actor=actor, lang=lang, date_format=day)

        self.undo_button.setEnabled(False)
        self.ctx.tasks.run(work, on_done=self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, entries: list[GroupEntry]) -> None:
        self.away.read()
        chosen = self.current()
        self.model.set_rows(entries)
        for col in SHORT_COLUMNS:  # their text in full, with room to breathe
            self.view.resizeColumnToContents(col)
            self.view.setColumnWidth(col, self.view.columnWidth(col) + 16)
        ids = [e.group_id for e in entries]
        row = ids.index(chosen.group_id) if chosen is not None and chosen.group_id in ids else 0
        if entries:
            select_row(self.view, row)
        else:
            self.detail.setText(self.tr("Nothing has been changed yet."))
        self._selected()
        self.loads += 1

    def _failed(self, exc: BaseException) -> None:
        self.loads += 1
        if not self.isVisible():  # closed while it read: no box from a dialog no longer there
            return  # (a test's database taken down under it aborted the process: h152)
        if self.away.say(exc):  # in place of the rows, not a box in front of an empty list
            self.model.set_rows([])
            self.detail.clear()
            self._selected()
            return
        QMessageBox.warning(self, self.tr("Undo history"), str(exc))

    # --- choosing and undoing ----------------------------------------------------------------

    def current(self) -> GroupEntry | None:
        index = self.view.currentIndex()
        found = self.model.data(index, ENTRY_ROLE) if index.isValid() else None
        return found if isinstance(found, GroupEntry) else None

    def select_group(self, group_id: str) -> None:
        for row, e in enumerate(self.model.rows):
            if e.group_id == group_id:
                select_row(self.view, row)
                return

    def _selected(self) -> None:
        e = self.current()
        self.undo_button.setEnabled(e is not None and e.undoable)
        if e is None:
            return
        text = f"<b>{_escape(e.label)}</b> — {_escape(self.model.status_text(e))}"
        if e.reason:
            text += f"<br>{_escape(e.reason)}"
        elif e.undoable and not self.model.undoable_here(e):  # why not here, and what to do
            text += f"<br>{_escape(read_only_tip(self.ctx))}"
        self.detail.setText(text)

    def undo_selected(self) -> None:
        e = self.current()
        if e is None or not e.undoable:
            return
        if e.kind == "import" and e.batch_id is not None:  # it cannot itself be undone: ask
            self._ask_then_undo(e, e.batch_id)
            return
        self._undo(e)

    def _ask_then_undo(self, e: GroupEntry, batch_id: int) -> None:
        """Ask before undoing an import, with what its undo will really remove: read off the UI
        thread (as long as the import), the button off meanwhile."""
        from app.importing.history import ImportEntry, import_history
        from ui.import_wizard.history_dialog import confirm_undo_import

        engine = self.ctx.engine
        self.undo_button.setEnabled(False)

        def work(_task: Task) -> list[ImportEntry]:
            with read_session(engine) as session:
                return import_history(session, batch_id=batch_id, plan=True)

        def read(found: list[ImportEntry]) -> None:
            self._selected()
            if not found or confirm_undo_import(self, self.ctx, found[0]):
                self._undo(e)

        def failed(exc: BaseException) -> None:
            self._selected()
            QMessageBox.warning(self, self.tr("Undo history"), f"{type(exc).__name__}: {exc}")

        self.ctx.tasks.run(work, on_done=read, on_error=failed, owner=self, again=False)

    def _undo(self, e: GroupEntry) -> None:
        actor, lang, day = self.ctx.actor(), self.ctx.lang(), self.ctx.settings.py_date_format()
        self.undo_button.setEnabled(False)
        self.progress_label.setText(self.tr("Undoing: %1").replace("%1", e.label))
        self.progress.setRange(0, 0)  # busy until a count comes (an import's undo counts its records)
        self.progress_label.show()
        self.progress.show()

        kept: list[str] = []
        # undoing an undo is a redo: said so, with what it does again ("Redone: Edited …")
        said = [self.tr("Undone: %1").replace("%1", e.label)]
        redo: list[tuple[str, str]] = []  # what Edit → Redo then offers back

        def work(s: Session, task: Task) -> list[int]:
            result = undo_history.undo_entry(
                s, e.group_id, actor=actor, lang=lang, progress=task.progress, date_format=day
            )
            kept.extend(result.kept)
            if e.kind == "undo":
                said[0] = _tr("Redone: %1").replace("%1", undo_history.base_label(s, e.group_id, lang))
            elif result.undo_group:
                redo.append((undo_history.redo_label(s, result.undo_group, lang), result.undo_group))
            return []

        def progressed(done: int, total: int) -> None:
            if shiboken6.isValid(self):  # closed meanwhile: the undo goes on, unseen
                self.progress.setRange(0, max(total, 1))
                self.progress.setValue(done)
                self.progress_label.setText(
                    self.tr("Undoing: %1 — %2 of %3 records")
                    .replace("%1", e.label)
                    .replace("%2", self.ctx.fmt_number(done))
                    .replace("%3", self.ctx.fmt_number(total))
                )

        def done(_ids: list[int]) -> None:
            if redo:
                self.ctx.undone(*redo[0])
            self.ctx.status_message.emit(said[0])
            if not shiboken6.isValid(self):
                return
            self._stop_progress()
            self.load()
            if kept:  # an import's undo keeps what was changed since, and says so
                text = self.tr("Undone, except what was changed since (kept as it is):")
                QMessageBox.information(self, self.tr("Undo history"), "\n".join([text, *kept[:20]]))

        def failed(exc: BaseException) -> None:
            self.ctx.changed.emit("", [])
            message = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
            if not shiboken6.isValid(self):
                self.ctx.status_message.emit(message)
                return
            self._stop_progress()
            QMessageBox.warning(self, self.tr("Undo history"), message)
            self.load()

        self.ctx.write_task(work, entity="", on_done=done, on_error=failed, on_progress=progressed)

    def _stop_progress(self) -> None:
        self.progress_label.hide()
        self.progress.hide()


def _tr(text: str) -> str:
    return QCoreApplication.translate("UndoHistoryDialog", text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _local(at: dt.datetime) -> dt.datetime:
    return clock.local(at) if at.tzinfo else at
