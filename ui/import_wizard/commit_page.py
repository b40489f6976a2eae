"""Page 4: write the rows (one transaction, one import batch), then say what was done.

Cancel during the write rolls the whole transaction back (the service raises, the unit of
work rolls back): the database is as it was. It is honoured up to the COMMIT; once that runs
(the task's stage "finishing") Cancel is disabled and the bar says so, and a cancel that came
after the last check is said on the page ("Cancel came too late: import #5 was written."). After the write the page offers the error report
for the rejected rows and "Undo this import", which reverses exactly this batch.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from app import import_underway as underway
from app.importing import CommitResult, ImportCancelled, UndoResult, undo_import
from app.importing.errors import ImportRefused
from app.importing.history import ImportEntry, import_history
from app.importing.undo import check_batch
from app.undo_history import IMPORT_PREFIX
from db.engine import read_session, sqlite_path, unit_of_work
from ui import labels
from ui.icons import icon
from ui.import_wizard import work
from ui.import_wizard.common import BusyStrip, describe, message_label, num, show_error, show_note
from ui.import_wizard.history_dialog import kept_lines, what_stays
from ui.import_wizard.messages import wording
from ui.import_wizard.reports import button_text, report_holds, save_error_report
from ui.tasks import Task

SHOWN_REMATCHED = 10  # rows matched again at the import, said on the page (the rest counted)

if TYPE_CHECKING:
    import datetime as dt

    from ui.import_wizard.wizard import ImportWizard


class CommitPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("All accepted rows are written in one step, or none."))
        self.state = "idle"  # writing, done, cancelled, failed, undone
        self.busy = BusyStrip(self)
        self.busy.cancel_requested.connect(self._cancel)
        self._quiet = QTimer(self)  # a step of the writing that reports no rows: said (_still)
        self._quiet.setInterval(250)
        self._quiet.timeout.connect(self._still)
        self._cancel_asked = False  # Cancel pressed (or the wizard closed) while it wrote
        self.headline = QLabel(self)
        self.headline.setObjectName("commit_headline")
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures = QFormLayout()
        self.figures.setHorizontalSpacing(18)
        self.message = message_label(self)
        self.message.setObjectName("commit_message")

        self.report = QPushButton(self.tr("Save error report…"), self)
        self.report.setObjectName("commit_report")
        self.report.clicked.connect(lambda: self.save_report())  # noqa: PLW0108 (not the bool)
        self.undo = QPushButton(icon("undo"), self.tr("&Undo this import"), self)
        self.undo.setObjectName("commit_undo")
        self.undo.clicked.connect(self.undo_import)
        # a write that failed (the server out of reach, say): the same rows, mapping and choices
        # written again, without redoing the wizard (reviewer h130: only Finish was offered)
        self.retry = QPushButton(self.tr("&Try again"), self)
        self.retry.setObjectName("commit_retry")
        self.retry.clicked.connect(self.try_again)
        self.again = QPushButton(self.tr("Import &another sheet…"), self)
        self.again.setObjectName("commit_again")
        self.again.clicked.connect(self.w.another_sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry)
        buttons.addWidget(self.report)
        buttons.addWidget(self.undo)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        self.report.hide()
        self.undo.hide()
        self.again.hide()
        self.retry.hide()

        lay = QVBoxLayout(self)
        lay.addWidget(self.busy)
        lay.addWidget(self.headline)
        lay.addSpacing(6)
        lay.addLayout(self.figures)
        lay.addSpacing(6)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        lay.addStretch(1)

    # --- writing -------------------------------------------------------------------------------

    def initializePage(self) -> None:
        previews = list(self.w.previews)
        assert previews
        self.state = "writing"
        self._cancel_asked = False
        self.headline.setText("")
        writes = sum(p.counts()[s] for p in previews for s in ("new", "update"))
        self._writing = self.tr("Writing %1 rows…").replace("%1", num(writes))
        self.busy.start(self._writing)
        self._held: dict[str, int] = {}
        self._checking = False
        self._last_report = time.monotonic()
        self._quiet.start()
        engine = self.w.ctx.engine
        actor = self.w.ctx.actor()
        db_file = sqlite_path(str(engine.url))
        # said at the next start should this window die before the import ends (app.import_underway)
        self._underway = underway.begin(db_file, previews[0].path.name) if db_file is not None else None
        self.w.run_task(
            lambda task: work.commit(engine, previews, actor, task),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            write=True,
            on_stage=self._stage,
        )

    QUIET_S = 1.0
    """No row written for this long while writing: the import checks rows against the database."""

    def _progress(self, done: int, total: int) -> None:
        self._last_report = time.monotonic()
        if self._checking:
            self._checking = False
            self.busy.label.setText(self._writing)
        self.busy.progress(done, total)

    def _still(self) -> None:
        """No rows written for :attr:`QUIET_S`: the import matches a sheet's rows against what the
        database holds (app.importing.commit: before each sheet's writing; 6 s at 100k contacts),
        and the strip says so, its bar moving, instead of standing at "5 / 3,009"."""
        if self.state != "writing":
            self._quiet.stop()
            return
        if self._checking or time.monotonic() - self._last_report < self.QUIET_S:
            return
        self._checking = True
        held = [labels.records_counted(kind, n) for kind, n in self._held.items()]
        self.busy.waiting(
            self.tr("Checking against %1…").replace("%1", ", ".join(held))
            if held
            else self.tr("Checking against the records in the database…")
        )

    def _cancel(self) -> None:
        self._cancel_asked = True
        self.w.cancel_task()

    def _stage(self, name: str) -> None:
        if name.startswith(work.HELD_STAGE):  # what the rows are checked against
            for part in filter(None, name.removeprefix(work.HELD_STAGE).split(",")):
                kind, _, n = part.partition("=")
                self._held[kind] = int(n)
            return
        if name == "finishing" and self.state == "writing":
            self.state = "finishing"  # (closing the wizard now asks nothing: it finishes, then closes)
            self.busy.finishing(self.tr("Finishing: saving the import (it can no longer be cancelled)…"))

    def _too_late(self) -> bool:
        """Cancel was pressed, or the wizard closed, while the import wrote, yet it was written:
        the cancel came after its last check, as the COMMIT began."""
        return self._cancel_asked or self.w.closing()

    def _ended(self) -> None:
        self._quiet.stop()
        marker, self._underway = getattr(self, "_underway", None), None
        if marker is not None:
            marker.end()

    def _done(self, result: CommitResult) -> None:
        self._ended()
        self.busy.stop()
        self.state = "done"
        self.w.commit_result = result
        c = result.counts
        if result.batch_id is None:
            self._nothing_written(result)
            return
        self.setTitle(self.tr("Imported"))
        self.setSubTitle(self.tr("Undo reverses exactly this import; edits made since are kept."))
        self.headline.setText(self.tr("Import #%1 is done.").replace("%1", str(result.batch_id)))
        late = self._too_late()
        if late:  # (it said "Import #5 is done" with nothing about the cancel)
            self.headline.setText(
                self.tr("Cancel came too late: import #%1 was written.").replace("%1", str(result.batch_id))
            )
        rows = [
            (self.tr("New records"), c.get("new", 0)),
            (self.tr("Records updated"), c.get("update", 0)),
            (self.tr("Rows skipped"), c.get("skip", 0)),
            (self.tr("Rows not imported (errors, duplicates)"), c.get("error", 0) + c.get("duplicate", 0)),
        ]
        if result.restored:  # (updated too: counted above with the records updated)
            rows.append((self.tr("Records brought back from the trash"), sum(result.restored.values())))
        if c.get("organisations_created"):
            rows.append((self.tr("Organisations created for the rows"), c["organisations_created"]))
        if c.get("staff_created"):
            rows.append((self.tr("Staff members created"), c["staff_created"]))
        self._figures(rows)
        self._offer_report()
        self.undo.show()
        self.undo.setEnabled(True)
        self.again.setVisible(self._sheets_left())
        show_note(self.message, self.tr("The mapping is remembered for the next file with the same headers."))
        if result.rematched or result.imported_since:
            show_note(self.message, self._rematched(result))
        if late:  # first, above what the page says of the rows
            undo = self.tr("Undo this import removes it again; edits made since are kept.")
            show_note(self.message, f"{undo}\n{self.message.text()}")
        self.w.ctx.remember(f"{IMPORT_PREFIX}{result.batch_id}")  # this window's (Ctrl+Z: ui.context)
        self.w.ctx.changed.emit("", [])
        if late:
            self._said_too_late(result.batch_id)
            return
        self.w.ctx.status_message.emit(
            self.tr("Import #%1: %2 new, %3 updated")
            .replace("%1", str(result.batch_id))
            .replace("%2", num(c.get("new", 0)))
            .replace("%3", num(c.get("update", 0)))
        )

    def _said_too_late(self, batch_id: int) -> None:
        """In the main window too, and in a box if the wizard is closing (the page is not seen
        again), as a cancel that worked is said."""
        said = self.tr(
            "Cancel came too late: import #%1 was written. File → Import history… can undo it."
        ).replace("%1", str(batch_id))
        self.w.ctx.status_message.emit(said)
        if self.w.closing():
            box = QMessageBox(QMessageBox.Icon.Information, self.w.windowTitle(), said,
                              QMessageBox.StandardButton.Ok, self.w.parentWidget())  # fmt: skip
            box.setObjectName("import_too_late")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.w.cancelled_box = box
            box.open()

    def _rematched(self, result: CommitResult) -> str:
        """What the database changed since the preview made of the rows: the imports committed
        meanwhile whose records they met (a colleague importing the same workbook), one line
        each, then the other rows matched again, one by one."""
        lines = [f"⚠ {wording(m, where=True)}" for m in result.imported_since]
        if result.rematched:
            said = len({(m.sheet, m.row) for m in result.rematched})
            lines.append(
                "⚠ "
                + self.tr(
                    "%Ln row(s) matched again, because the database changed since the preview:", "", said
                )
            )
            lines += [f"• {wording(m, where=True)}" for m in result.rematched[:SHOWN_REMATCHED]]
            if len(result.rematched) > SHOWN_REMATCHED:
                lines.append(
                    self.tr("… and %1 more").replace("%1", num(len(result.rematched) - SHOWN_REMATCHED))
                )
        return "\n".join(lines)

    def _nothing_written(self, result: CommitResult) -> None:
        """Every row was rejected or skipped: nothing to undo, no mapping remembered."""
        c = result.counts
        self.setTitle(self.tr("Nothing imported"))
        self.setSubTitle(self.tr("Every row was rejected or skipped, so nothing was written."))
        self.headline.setText(self.tr("Nothing was imported."))
        self._figures(
            [
                (self.tr("Rows skipped"), c.get("skip", 0)),
                (
                    self.tr("Rows not imported (errors, duplicates)"),
                    c.get("error", 0) + c.get("duplicate", 0),
                ),
            ]
        )
        self._offer_report()
        self.undo.hide()
        self.again.setVisible(self._sheets_left())
        if result.imported_since:
            # (another officer or window imported the file after this preview: its rows now
            # match what that import wrote, and nothing is left to write; not "rejected")
            self.setSubTitle(
                self.tr("Another import wrote these records after the preview, so nothing was left to write.")
            )
            show_note(self.message, self._rematched(result))
            return
        show_note(
            self.message,
            self.tr("Save the rows not imported to a workbook, correct them and import it again."),
        )

    def _offer_report(self) -> None:
        """The report's button when there is something to report: rows rejected ("Save error
        report…"), or warnings or updates only ("Save report…")."""
        holds = report_holds(list(self.w.previews))
        self.report.setText(button_text(holds))
        self.report.setVisible(bool(holds))

    def _sheets_left(self) -> bool:
        """Sheets of the file neither imported in this pass nor before in this wizard."""
        done = {i.name for i in self.w.chosen} | set(self.w.imported)
        return any(s.layout is not None and s.name not in done for s in self.w.sheets)

    def _failed(self, exc: BaseException) -> None:
        self._ended()
        self.busy.stop()
        cancelled = isinstance(exc, ImportCancelled)
        self.state = "cancelled" if cancelled else "failed"
        self.setTitle(self.tr("Import cancelled") if cancelled else self.tr("Import failed"))
        self.headline.setText(self.tr("Nothing was written."))
        self._figures([])
        show_error(self.message, describe(exc))
        # Said in the main window too: the wizard may be closing (Escape, its close box).
        if cancelled:
            said = self.tr("Import cancelled: nothing was written.")
            self.w.ctx.status_message.emit(said)
            if self.w.closing():  # the page is not seen again; a status bar message is missed
                box = QMessageBox(QMessageBox.Icon.Information, self.w.windowTitle(), said,
                                  QMessageBox.StandardButton.Ok, self.w.parentWidget())  # fmt: skip
                box.setObjectName("import_cancelled")
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                self.w.cancelled_box = box
                box.open()
        else:
            self.w.ctx.status_message.emit(self.tr("Import failed: nothing was written."))
            self.retry.setVisible(bool(self.w.previews) and not isinstance(exc, ImportRefused))
            if self.retry.isVisible():
                self.retry.setFocus()  # Enter tries again; Finish stays a click away

    def try_again(self) -> None:
        """Write the same previews again (nothing was written: the import is one transaction,
        and it matches the rows against the database again as it writes)."""
        if self.w.busy() or self.state != "failed" or not self.w.previews:
            return
        self.reset()
        self.initializePage()
        self.completeChanged.emit()

    def _figures(self, rows: list[tuple[str, int]]) -> None:
        while self.figures.rowCount():
            self.figures.removeRow(0)
        for text, n in rows:
            value = QLabel(num(n), self)
            value.setObjectName("figure")
            self.figures.addRow(text + ":", value)

    # --- after the write -------------------------------------------------------------------------

    def save_report(self, target: str | None = None) -> None:
        if self.w.previews:
            save_error_report(self.w, list(self.w.previews), target, self.message)

    def undo_import(self) -> None:
        result = self.w.commit_result
        if result is None or result.batch_id is None or self.w.busy():
            return
        made_at, batch_id, engine = result.made_at, result.batch_id, self.w.ctx.engine
        self.undo.setEnabled(False)  # while it reads what the question names

        def read_(_task: Task) -> list[ImportEntry]:  # as long as the import: off the UI thread
            with read_session(engine) as s:
                check_batch(s, batch_id, made_at)  # this very import, not one reusing its id
                return import_history(s, batch_id=batch_id, plan=True)

        self.w.run_task(
            read_, on_done=lambda entries: self._ask_undo(entries, made_at), on_error=self._undo_unread
        )

    def _undo_unread(self, exc: BaseException) -> None:
        # restored from a backup taken before it, meanwhile: refused for good
        self.undo.setEnabled(not isinstance(exc, ImportRefused))
        show_error(self.message, describe(exc))

    def _ask_undo(self, entries: list[ImportEntry], made_at: dt.datetime | None) -> None:
        from ui.import_wizard.history_dialog import confirm_undo_import

        result = self.w.commit_result
        self.undo.setEnabled(True)
        if result is None or result.batch_id is None:
            return
        if entries and not confirm_undo_import(self, self.w.ctx, entries[0]):
            return
        self.undo.setEnabled(False)
        self.busy.start(self.tr("Undoing import #%1…").replace("%1", str(result.batch_id)))
        self.busy.cancel.hide()  # one transaction, run to the end here; it counts its records
        engine, actor, batch_id = self.w.ctx.engine, self.w.ctx.actor(), result.batch_id
        assert batch_id is not None

        def work_(task: Task) -> UndoResult:
            with unit_of_work(engine) as session:
                return undo_import(
                    batch_id, session=session, actor=actor, progress=task.progress, made_at=made_at
                )

        self.w.run_task(
            work_,
            on_done=self._undone,
            on_error=self._undo_failed,
            on_progress=self.busy.progress,
            write=True,
        )

    def _undone(self, result: UndoResult) -> None:
        self._stop_busy()
        self.state = "undone"
        self.w.commit_result = None
        deleted = sum(result.deleted.values())
        self.setTitle(self.tr("Import undone"))
        self.headline.setText(self.tr("Import #%1 was undone.").replace("%1", str(result.batch_id)))
        rows = [
            (self.tr("Records removed"), deleted),
            (self.tr("Fields put back on earlier records"), result.restored_fields),
        ]
        if result.returned:
            rows.append((self.tr("Records put back in the trash"), sum(result.returned.values())))
        self._figures(rows)
        self.undo.hide()
        # what was kept because edited or used since, each named as Import history names it
        # ("3 fields were changed after the import" counted records kept for a letter as fields)
        said = (
            [] if result.kept or result.gone else [self.tr("The database is as it was before this import.")]
        )
        first = " ".join([*said, *what_stays(result)])
        show_note(self.message, "\n".join(x for x in [first, *kept_lines(result)] if x))
        self.w.ctx.changed.emit("", [])
        self.w.ctx.status_message.emit(self.headline.text())

    def _stop_busy(self) -> None:
        self.busy.stop()
        self.busy.cancel.show()

    def _undo_failed(self, exc: BaseException) -> None:
        self._stop_busy()
        self.undo.setEnabled(True)
        show_error(self.message, describe(exc))

    def reset(self) -> None:
        self.state = "idle"
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("All accepted rows are written in one step, or none."))
        self.headline.setText("")
        self._figures([])
        self.message.hide()
        for button in (self.report, self.undo, self.again, self.retry):
            button.hide()

    def isComplete(self) -> bool:
        return not self.w.busy() and self.state not in ("writing", "finishing")
