"""File → Import history…: every past import with its counts, newest first; "Undo import"
undoes any of them, in any order (:func:`app.importing.undo_import`), and says what was kept
because it was edited or used since, worded in the window's language.

The list is read on a pool thread; the undo runs on the write lane with a progress bar that
counts the import's records ("Undoing import #3… 45,000 of 100,205 records"; busy only for the
first read) and a Cancel that rolls it back (nothing changed). The dialog may be closed
meanwhile: the undo goes on and its result is announced in the main window's status bar only
(never to a deleted widget).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
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

from app.importing import ImportCancelled, UndoResult, undo_import
from app.importing.history import ImportEntry, import_history
from app.importing.messages import msg
from db import clock
from db.engine import Session, read_session
from ui.context import AppContext, Unreachable
from ui.focus import select_on_focus, select_row
from ui.icons import icon
from ui.import_wizard.common import describe
from ui.import_wizard.messages import wording
from ui.labels import records_counted
from ui.rows import RowsModel
from ui.tasks import Task
from ui.team import hold_read_only, not_undoable_here, read_only_tip

COL_ID, COL_WHEN, COL_WHO, COL_FILE, COL_NEW, COL_UPDATED, COL_REJECTED, COL_CREATED, COL_STATE = range(9)
NUMBERS = (COL_ID, COL_NEW, COL_UPDATED, COL_REJECTED, COL_CREATED)


# The dialog's words without the dialog (it may be closed before an undo ends).
def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportHistoryDialog", text)


def undo_summary(ctx: AppContext, result: UndoResult) -> list[str]:
    """What an undo did, first line first (the status bar's), in the window's language."""
    removed = sum(result.deleted.values()) + sum(result.swept.values())
    fields = result.restored_fields
    removed_text = QCoreApplication.translate("ImportHistoryDialog", "%Ln record(s) removed", "", removed)
    # fields of records that existed before the import (those it created are removed, not
    # counted: "5,732 fields restored" after an import of new rows read as records changed back)
    fields_text = QCoreApplication.translate(
        "ImportHistoryDialog", "%Ln field(s) put back on records that existed before", "", fields
    )
    lines = [  # "1 record removed", "3 records removed"
        _tr("Import #%1 was undone: %2, %3.")
        .replace("%1", str(result.batch_id))
        .replace("%2", removed_text)
        .replace("%3", fields_text)
    ]
    if result.returned:
        back = ", ".join(records_counted(k, v) for k, v in result.returned.items())
        lines.append(
            _tr("Put back in the trash, as the import had brought them back from there: %1").replace(
                "%1", back
            )
        )
    if result.swept:
        # "4 contacts, 1 organisation" (it said "contact 4")
        swept = ", ".join(records_counted(k, v) for k, v in result.swept.items())
        lines.append(_tr("Also removed, left by imports undone before: %1").replace("%1", swept))
    return lines + what_stays(result) + kept_lines(result)


def kept_lines(result: UndoResult) -> list[str]:
    """What the undo kept because it was edited or used since, each named; first what it left
    as it was, merged into another record or deleted since (never said "kept": reviewer, an
    imported contact merged away was listed as kept, read as a record still there)."""
    lines = []
    if result.gone:
        lines += [
            _tr("Left as they are, merged into another record or deleted since:"),
            *(f"• {wording(k)}" for k in result.gone[:20]),
        ]
    if result.kept:
        lines += [
            _tr("Kept, because they were edited or used since:"),
            *(f"• {wording(k)}" for k in result.kept[:20]),
        ]
    return lines


def what_stays(result: UndoResult) -> list[str]:
    """What the undo leaves on purpose, said (the database is otherwise as before the import):
    the records it removed are in the trash, the column choices remembered for the file's layout
    stay for the next file laid out the same."""
    lines = []
    if result.deleted or result.swept or result.returned:
        lines.append(_tr("What it removed is in the trash (View → Trash restores it)."))
    if result.remembered:
        lines.append(
            _tr(
                "The column choices remembered for this file's layout stay for the next file laid out the same."
            )
        )
    return lines


def _listed(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c" in the window's language ("" for none)."""
    if len(parts) < 2:
        return "".join(parts)
    return _tr("%1 and %2").replace("%1", ", ".join(parts[:-1])).replace("%2", parts[-1])


def undo_question(ctx: AppContext, e: ImportEntry) -> str:
    """What undoing the import ``e`` removes and puts back, asked before it starts: an import's
    undo cannot itself be undone."""
    order = ("contact", "organisation", "meeting", "action", "staff")
    # what will really be removed when it was read (a record edited or used since is kept, and
    # what it needs with it), else what the import created
    removes = e.created if e.removes is None else e.removes
    kinds = sorted(removes, key=lambda k: (order.index(k) if k in order else len(order), k))
    parts = [records_counted(k, removes[k]) for k in kinds if removes[k]]
    what = _listed(parts)
    lines = [
        _tr("Undo import #%1 (%2, %3)?")
        .replace("%1", str(e.id))
        .replace("%2", e.file_name)
        .replace("%3", ctx.fmt_date(_local(e.created_at).date()))
    ]
    if what and e.updated:
        lines.append(
            _tr("%1 it created will be removed, and the updates it made put back.").replace("%1", what)
        )
    elif what:
        lines.append(_tr("%1 it created will be removed.").replace("%1", what))
    elif e.updated:
        lines.append(_tr("The updates it made will be put back."))
    # (said, so the counts above are not read as the import's: "14 organisations" it made, 13 go)
    kept = _listed([records_counted(k, e.keeps[k]) for k in sorted(e.keeps, key=order.index) if e.keeps[k]])
    if kept:
        lines.append(
            _tr(
                "%1 it created will be kept: edited or used since the import, or needed by one that is kept."
            ).replace("%1", kept)
        )
    gone = _listed(
        [records_counted(k, e.leaves[k]) for k in sorted(e.leaves, key=order.index) if e.leaves[k]]
    )
    if gone:
        lines.append(
            _tr(
                "%1 it created will be left as they are: merged into another record or deleted since."
            ).replace("%1", gone)
        )
    back = _listed(
        [records_counted(k, e.returns[k]) for k in sorted(e.returns, key=order.index) if e.returns[k]]
    )
    if back:
        lines.append(_tr("%1 it brought back from the trash will go back there.").replace("%1", back))
    # (it said "This cannot be undone." alone: the records it removes go to the trash and can
    # be restored from there, reviewer h118; it is the undo as one step that cannot be reversed)
    if what:
        lines.append(
            _tr(
                "What it removes goes to the trash (View → Trash…); the undo itself cannot be reversed in one step."
            )
        )
    else:
        lines.append(_tr("The undo itself cannot be reversed in one step."))
    return "\n\n".join(lines)


def answer(box: QMessageBox) -> QAbstractButton | None:
    """The button the user answered ``box`` with (tests answer it without a modal loop)."""
    box.exec()
    return box.clickedButton()


def confirm_undo_import(parent: QWidget, ctx: AppContext, e: ImportEntry) -> bool:
    """Ask before undoing the import ``e`` (its undo cannot be undone itself); Cancel is the
    default. Import history and the import wizard's own "Undo this import" both ask this."""
    box = QMessageBox(parent)
    box.setObjectName("import_history_confirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Undo import"))
    box.setText(undo_question(ctx, e))
    yes = box.addButton(_tr("Undo import"), QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    yes.setObjectName("import_history_confirm_undo")
    yes.setIcon(icon("undo"))
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    return answer(box) is yes


def hidden_words(e: ImportEntry) -> str:
    """Why the import ``e`` is not undoable by this login (a team database: it touches a record
    they may not see): the refusal its undo would give, in the window's language."""
    said = wording(msg("undo_hidden", id=e.id))
    return said[:1].upper() + said[1:] + "."


def _local(at: dt.datetime) -> dt.datetime:
    return clock.local(at) if at.tzinfo else at


class ImportHistoryModel(RowsModel[ImportEntry]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def titles(self) -> tuple[str, ...]:
        return (self.tr("#"), self.tr("When"), self.tr("Who"), self.tr("File (sheets)"), self.tr("New"),
                self.tr("Updated"), self.tr("Not imported"), self.tr("Created alongside"),
                self.tr("State"))  # fmt: skip

    def cell(self, e: ImportEntry, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_FILE:
            return self._text(e, col)
        if col == COL_WHO and not e.created_by and role == Qt.ItemDataRole.ToolTipRole:
            # A file without sign-in records the name chosen under Settings → I am; before one
            # was chosen it recorded none. Said so, not guessed (the file may come from elsewhere).
            return self.tr(
                "No name was recorded with this import. Ketnoi records the name chosen under "
                "File → Settings → “I am”: choose yourself there and later imports carry your name."
            )
        if col == COL_WHO and not e.created_by and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QPalette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATE and not e.undone:
            if e.hidden:
                return hidden_words(e)
            return read_only_tip(self.ctx) if not_undoable_here(self.ctx) is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and (
            e.undone or e.hidden or not_undoable_here(self.ctx) is not None
        ):
            return QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return None

    def _text(self, e: ImportEntry, col: int) -> str:
        n = self.ctx.fmt_number
        if col == COL_ID:
            return str(e.id)
        if col == COL_WHEN:
            return self.ctx.fmt_datetime(_local(e.created_at))
        if col == COL_WHO:
            return e.created_by or self.tr("No name recorded")
        if col == COL_FILE:
            return f"{e.file_name} ({e.sheets})" if e.sheets else e.file_name
        if col == COL_NEW:
            return n(e.new)
        if col == COL_UPDATED:
            return n(e.updated)
        if col == COL_REJECTED:
            return n(e.rejected)
        if col == COL_CREATED:
            return n(e.organisations_created + e.staff_created)
        if e.undone_at is not None:
            return self.tr("Undone %1").replace("%1", self.ctx.fmt_datetime(_local(e.undone_at)))
        # a read-only file, a reader: its Undo button is off, and the row says so (reviewer)
        if e.hidden:  # a team database: part of it is hidden from this login (its tooltip: why)
            return self.tr("Cannot be undone")
        return not_undoable_here(self.ctx) or self.tr("Can be undone")


class ImportHistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, select: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._wanted = select  # the import to select once the list is read (Ctrl+Z's offer)
        self._away = False  # the last read could not reach the server (said in self.detail)
        self._said = ""  # why the selected import cannot be undone, as self.detail says it
        self.setObjectName("import_history_dialog")
        self.setWindowTitle(self.tr("Import history"))
        self.resize(960, 460)
        self.model = ImportHistoryModel(ctx, self)
        self.view = QTableView(self)
        self.view.setObjectName("import_history_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        select_on_focus(self.view)  # tabbed into: an import selected, its buttons on
        self.detail = QLabel(self)
        self.detail.setObjectName("import_history_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(icon("undo"), self.tr("&Undo import"), self)
        self.undo_button.setObjectName("import_history_undo")
        self.undo_button.clicked.connect(self.undo_selected)
        hold_read_only(ctx, self.undo_button)  # a reader looks only
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("import_history_progress_label")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_history_progress")
        self.progress.setRange(0, 0)  # busy until the undo's first count
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton(self.tr("Cancel undo"), self)
        self.cancel_button.setObjectName("import_history_cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel_undo)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        progress_row.addStretch(1)
        self.progress_label.hide()
        self.progress.hide()
        self.cancel_button.hide()
        self._task: Task | None = None
        self._undoing = 0  # the import being undone
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.detail)
        lay.addLayout(progress_row)
        lay.addLayout(buttons)
        self.busy = False
        self.load()

    def load(self) -> None:
        engine = self.ctx.engine

        def work(_task: Task) -> list[ImportEntry]:
            with read_session(engine) as session:
                return import_history(session)

        self.ctx.tasks.run(work, on_done=self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, entries: list[ImportEntry]) -> None:
        if self._away:  # the server is back (ui.tasks.TaskManager.read_again)
            self._away = False
            self.detail.clear()
        current = self.current()
        self.model.set_rows(entries)
        wanted = current.id if current is not None else self._wanted
        self._wanted = None
        if wanted is not None:
            self.select(wanted)
        self._selected()

    def _failed(self, exc: BaseException, text: str | None = None) -> None:
        self._away = isinstance(exc, Unreachable)  # (said until a read gets through)
        self._stop_busy()
        self.detail.setText(text if text is not None else describe(exc))
        self._selected()

    def current(self) -> ImportEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, batch_id: int) -> None:
        for i, e in enumerate(self.model.rows):
            if e.id == batch_id:
                select_row(self.view, i)
                return

    def _selected(self) -> None:
        e = self.current()
        self.undo_button.setEnabled(not self.busy and e is not None and not e.undone and not e.hidden)
        # why the one selected cannot be undone here; gone when another is selected (an undo's
        # result or a read's error stays: they are not this sentence)
        said = hidden_words(e) if e is not None and e.hidden else ""
        if said or self.detail.text() == self._said:
            self.detail.setText(said)
        self._said = said

    def confirm_undo(self, e: ImportEntry) -> bool:
        return confirm_undo_import(self, self.ctx, e)

    def undo_selected(self) -> None:
        """Ask first, with what the undo will really remove (read off the UI thread: as long
        as the import), then undo."""
        e = self.current()
        if e is None or e.undone or e.hidden or self.busy:
            return
        self.busy = True  # (the button off while it reads)
        self._selected()
        engine, batch_id = self.ctx.engine, e.id

        def work(_task: Task) -> list[ImportEntry]:
            with read_session(engine) as session:
                return import_history(session, batch_id=batch_id, plan=True)

        def read(found: list[ImportEntry]) -> None:
            self.busy = False
            self._selected()
            if not found or found[0].undone or found[0].hidden:  # undone, gone or hidden meanwhile
                self.load()
            elif self.confirm_undo(found[0]):
                self._undo(found[0])

        self.ctx.tasks.run(work, on_done=read, on_error=self._failed, owner=self, again=False)

    def _undo(self, e: ImportEntry) -> None:
        self.busy = True
        self._selected()
        actor, batch_id, ctx = self.ctx.actor(), e.id, self.ctx
        self._undoing = batch_id
        self.progress_label.setText(self.tr("Undoing import #%1…").replace("%1", str(batch_id)))
        self.progress.setRange(0, 0)
        self.progress_label.show()
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

        def work(s: Session, task: Task) -> UndoResult:
            return undo_import(
                batch_id, session=s, actor=actor, progress=task.progress, cancel=task.cancelled
            )

        def progressed(done: int, total: int) -> None:
            if shiboken6.isValid(self):  # closed meanwhile: the undo goes on, unseen
                self._progressed(done, total)

        def done(result: UndoResult) -> None:  # the dialog may be gone: announce, then tell it
            try:
                lines = undo_summary(ctx, result)
            except Exception as exc:  # never a busy bar for ever: the undo is done, say so
                lines = [_tr("Import #%1 was undone.").replace("%1", str(batch_id)), describe(exc)]
            ctx.status_message.emit(lines[0])
            if shiboken6.isValid(self):
                self._undone(lines)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ImportCancelled):
                text = _tr("Undo of import #%1 cancelled: nothing was changed.").replace("%1", str(batch_id))
                status = text
            else:
                text = describe(exc)
                status = _tr("Import #%1 was not undone: %2").replace("%1", str(batch_id)).replace("%2", text)
            if shiboken6.isValid(self):  # the bar stops first, whatever the status bar does
                self._failed(exc, status)
            ctx.status_message.emit(status)

        self._task = self.ctx.write_task(
            work, entity="", on_done=done, on_error=failed, on_progress=progressed
        )

    def _progressed(self, done: int, total: int) -> None:
        """A real count: records of the import dealt with (restored or removed) of all of them."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(
            self.tr("Undoing import #%1… %2 of %3 records")
            .replace("%1", str(self._undoing))
            .replace("%2", self.ctx.fmt_number(done))
            .replace("%3", self.ctx.fmt_number(total))
        )

    def cancel_undo(self) -> None:
        """Stop the undo running: its transaction rolls back, the import stays as it was."""
        if self._task is not None and self.busy:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    def _stop_busy(self) -> None:
        self.busy = False
        self._task = None
        self.progress_label.hide()
        self.progress.hide()
        self.cancel_button.hide()

    def _undone(self, lines: list[str]) -> None:
        self._stop_busy()
        self.detail.setText("\n".join(lines))
        self.load()
