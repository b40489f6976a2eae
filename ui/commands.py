"""What the user does to records from the window: new, edit, delete with undo, mark done,
reschedule, add a note. Each write is one unit of work on the write lane."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app import actions, bulk_edit, records, undo_history, workdays
from app.due import quick_due, reschedule_base
from app.errors import ConflictError, UserError, ValidationError
from app.undo_history import ImportOnTop
from db import clock
from db.engine import Session, server_unreachable
from ui import labels
from ui.context import AppContext, Unreachable
from ui.datebox import DateBox
from ui.dialogs.conflict import ConflictDialog
from ui.dialogs.log_meeting import LogMeetingDialog
from ui.dialogs.record_form import RecordForm
from ui.icons import icon
from ui.import_offer import where_undone
from ui.lists.model import ROW_ROLE
from ui.not_written import error_text
from ui.service_words import service_text
from ui.team import is_reader, read_only_tip
from ui.widgets import ErrorLabel


class RescheduleDialog(QDialog):
    """A new due date. ``check`` (the date → what is wrong with it, "" when nothing) runs at OK:
    a refused date keeps the dialog open with the date and the reason beside the box
    (reviewer: a date before the meeting closed the dialog, the date typed lost, and an English
    message box named the field "due_date")."""

    def __init__(
        self,
        ctx: AppContext,
        current: dt.date | None,
        parent: QWidget | None = None,
        check: Callable[[dt.date], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(self.tr("Reschedule"))
        self.ctx = ctx
        self.date = DateBox(self)
        self.date.setObjectName("reschedule_date")
        self.date.setCalendarPopup(True)
        self.problem = ErrorLabel(self)
        self.problem.setObjectName("reschedule_problem")
        self.date.refused.connect(self.say)
        self.date.set_says_refusal(False)  # said by self.problem, under the box
        self.date.dateChanged.connect(lambda _d: self.say(None))
        self.date.setDisplayFormat(ctx.settings.qt_date_format())
        start = current or ctx.today()
        self.date.setDate(QDate(start.year, start.month, start.day))
        row = QHBoxLayout()
        base = reschedule_base(current, ctx.today())  # the due date while it lies ahead
        with ctx.read() as s:  # the office's days off and make-up days (a small table)
            cal = workdays.load_calendar(s)
        # Words that name a day ("thứ sáu", "ngày mai", "next friday", "eom") count from today,
        # as the officer means them; a count ("+3d", "+3 working days") as the picks do, from
        # the due date while it lies ahead, said beside the box (app.due.reschedule_from, as
        # `ketnoi action reschedule`; reviewer h149: "thứ sáu" on an action due Monday 14/12
        # gave Friday 18/12, "ngày mai" a Saturday eleven days away)
        self.date.read_words_from(
            ctx.today, lambda: cal, counts=lambda: base, counts_named=self.tr("the due date")
        )
        for text, which in (
            (self.tr("+1 day"), "day"),
            (self.tr("+1 week"), "week"),
            (self.tr("End of month"), "month"),
            (self.tr("+3 working days"), "3workdays"),
        ):
            day = quick_due(which, base, cal)
            b = QPushButton(text, self)
            b.setObjectName(f"reschedule_{which}")
            b.setToolTip(ctx.fmt_date(day))
            b.clicked.connect(lambda _c=False, d=day: self.date.setDate(QDate(d.year, d.month, d.day)))
            # a pick only sets the date: Enter then confirms it (OK), it does not pick again
            # (reviewer: "+1 week", Enter pressed "+1 week" a second time)
            b.setAutoDefault(False)
            b.setDefault(False)
            row.addWidget(b)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("New due date"), self))
        lay.addWidget(self.date)
        lay.addWidget(self.date.note_label())  # what words typed became: "next friday → Fri 11/12/2026"
        lay.addWidget(self.problem)
        lay.addLayout(row)
        lay.addWidget(buttons)

    def accept(self) -> None:
        problem = self.date.problem()  # a date typed that is no date: said beside the box
        if not problem and self.check is not None:
            problem = self.check(self.value())
        if problem:
            self.say(problem)
            self.date.setFocus()
            return
        super().accept()

    def say(self, problem: str | None) -> None:
        """The reason beside the box, begun with a capital as a sentence, and the dialog as tall
        as it needs (reviewer h108: the two lines of the Vietnamese reason were squeezed into
        one line's height, their accents cut, and the dialog did not grow; a window does not
        follow a wrapped label's height by itself)."""
        self.problem.show_error(problem)
        said = self.problem.text()
        if said.startswith("⚠ ") and len(said) > 2:
            self.problem.setText("⚠ " + said[2].upper() + said[3:])
        lay = self.layout()
        if lay is None:
            return
        lay.activate()
        need = lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else lay.sizeHint().height()
        self.setMinimumHeight(need)
        if need != self.height():
            self.resize(self.width(), need)

    def value(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())


class UndoOffer(QToolButton):
    """The status bar's "Undo" (and the Edit menu's text): this window's latest operation not yet
    undone, read from the database (after a restart, the user's own latest: ui.context). The
    button names it, cut to :attr:`NAME_PX`: a status message about another operation is never
    read as its. With nothing of this window's to undo, Edit → Undo is off and says where every
    step is (Undo history…): a colleague's or the command line's last change is not Ctrl+Z's."""

    NAME_PX = 220  # the operation's name on the button ("Undo: Log meeting “Trao đổi…”")

    def __init__(
        self, ctx: AppContext, action: QAction, undo: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status_undo")
        self.action = action
        self.setIcon(icon("undo"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.clicked.connect(lambda _c=False: undo())
        self.hide()
        self.ctx = ctx
        self.tip = action.toolTip()  # "Undo (Ctrl+Z)"
        for menu in action.associatedObjects():  # Edit: a menu shows no tip of its own
            if isinstance(menu, QMenu):
                menu.installEventFilter(self)
        ctx.undo_changed.connect(self.offer)
        ctx.refresh_undo()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Edit → Undo, off, says why when the pointer rests on it (a menu shows no status tip
        for an item that is off, nor tooltips unless asked)."""
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(watched, QMenu)
            and isinstance(event, QHelpEvent)
            and watched.actionAt(event.pos()) is self.action
            and not self.action.isEnabled()
        ):
            QToolTip.showText(event.globalPos(), self.action.toolTip(), watched)
            return True
        return super().eventFilter(watched, event)

    def offer(self, label: str) -> None:
        if label:
            self.action.setText(self.tr("&Undo: %1").replace("%1", label.replace("&", "&&")))
            self._status("")
            # named: beside "Import #1 undone: …" a bare "Undo" read as "undo that undo", and one
            # click undid an older meeting (reviewer); the whole name is the tooltip
            short = self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, self.NAME_PX)
            self.setText(self.tr("Undo: %1").replace("%1", short.replace("&", "&&")))
            self.setToolTip(self.tr("Undo: %1").replace("%1", label) + " (Ctrl+Z)")
            self.show()
        else:
            self.action.setText(self.tr("&Undo"))
            # an import on top: Ctrl+Z says where it is undone (ui.import_offer)
            on = self.ctx.import_on_top is not None
            self._status(self.ctx.undo_blocked, on)  # restored from a backup since: says so
            self.hide()

    def nothing_tip(self) -> str:
        """Why Edit → Undo is off: nothing this window did (nor, before it opened, this user) is
        left to undo; what others did since is not Ctrl+Z's."""
        return self.tr(
            "Nothing of yours to undo in this window. Edit → Undo history… lists every change, "
            "with who made it, and can undo any of them."
        )

    def _status(self, text: str, on: bool = True) -> None:
        """The action's tips and whether it is on (``on``: an operation or an import on top),
        unless a read-only file's or a reader's guard holds the action off (ui.team): its tips
        say why, and stay (what is wanted is kept for when the role writes again)."""
        self.action.setEnabled(on)
        if is_reader(self.ctx):
            return
        nothing = "" if on else self.nothing_tip()
        self.action.setStatusTip(text or nothing)  # (a restore since: the restore is named)
        self.action.setToolTip(" ".join(x for x in (text, nothing) if x) or self.tip)


class RedoOffer(QObject):
    """Edit → Redo (Ctrl+Y, Ctrl+Shift+Z): the undo just done in this window, offered back —
    its text names what it does again; disabled when the last thing done was not an undo."""

    def __init__(self, ctx: AppContext, action: QAction) -> None:
        super().__init__(action)
        self.action = action
        ctx.redo_changed.connect(self.offer)
        self.offer(ctx.redo_stack[-1][0] if ctx.redo_stack else "")

    def offer(self, label: str) -> None:
        if label:
            # "Bộ KH&CN": an & in a name is shown, not taken for the menu's access key
            self.action.setText(self.tr("&Redo: %1").replace("%1", label.replace("&", "&&")))
        else:
            self.action.setText(self.tr("&Redo"))
        self.action.setEnabled(bool(label))


class Commands(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        # Ctrl+Z when the newest operation is an import (undone in Import history): the window
        # says so with a way there (ui.import_offer); without a window, the sentence alone
        self.import_on_top: Callable[[ImportOnTop], object] | None = None
        # an undo that wrote one record: the window selects it where it is listed (kind, id)
        self.brought_back: Callable[[str, int], object] | None = None
        self._unreachable_shown = False  # a box saying the server cannot be reached is open

    def read_only(self) -> bool:
        """A reader's window writes nothing: its write commands are disabled (ui.team), and a way
        in that is not a button (a double-click on a row, a key) says why in the status bar."""
        if is_reader(self.ctx):
            self.ctx.status_message.emit(read_only_tip(self.ctx))
            return True
        return False

    def error(self, exc: BaseException) -> None:
        exc = self.ctx.in_words(exc)  # a team database's refusal: one sentence, not the server's
        if isinstance(exc, Unreachable):  # several reads fail at once: one box, not a stack
            self.ctx.status_message.emit(str(exc))
            if self._unreachable_shown:
                return
            self._unreachable_shown = True
            try:
                QMessageBox.warning(self.window, self.tr("Ketnoi"), str(exc))
            finally:
                self._unreachable_shown = False
            return
        message = error_text(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
        if isinstance(exc, ValidationError):  # the window's language, no field names ("due_date:")
            said = "; ".join(service_text(m) for m in exc.errors.values())
            message = self.tr("Not saved: %1").replace("%1", said)
        shown = self.window.findChild(QMessageBox, "login_disabled_box") if self.window is not None else None
        if shown is not None and shown.isVisible() and shown.text() == message:
            return  # the disabled login's box (ui.team) says it already: one box, not two
        QMessageBox.warning(self.window, self.tr("Ketnoi"), message)

    def opened(self, make: Callable[[], Any]) -> Any:
        """``make()`` (a form or dialog, which reads what it shows); None, said in one sentence,
        when the team database's server cannot be reached — the Edit button and Log meeting
        (Ctrl+M) did nothing at all while offline, the error reaching only stderr (reviewer)."""
        try:
            return make()
        except Exception as exc:
            if not server_unreachable(exc):
                raise
            self.not_opened()
            return None

    def not_opened(self) -> None:
        """Say in one sentence that what was asked for cannot be opened: the team database's
        server is out of reach."""
        text = self.ctx.unreachable_text(opening=True)
        self.ctx.status_message.emit(text)
        QMessageBox.warning(self.window, self.tr("Ketnoi"), text)

    # --- forms -----------------------------------------------------------------------------------

    def new(self, entity: str, initial: dict[str, Any] | None = None) -> int | None:
        if self.read_only():
            return None
        if entity == "meeting":
            return self.log_meeting()
        form = self.opened(lambda: RecordForm(self.ctx, entity, initial=initial, parent=self.window))
        if form is None:
            return None
        form.exec()
        form.deleteLater()  # a child of the window: without this every dialog opened stays alive
        return self.saved(entity, form.saved_id, created=True, merged=form.merged_said)

    def edit(self, entity: str, record_id: int) -> int | None:
        if self.read_only():
            return None
        if entity == "meeting":
            return self.log_meeting(record_id)
        form = self.opened(lambda: RecordForm(self.ctx, entity, record_id, parent=self.window))
        if form is None:
            return None
        form.exec()
        form.deleteLater()
        return self.saved(entity, form.saved_id, created=False, merged=form.merged_said)

    def log_meeting(
        self,
        meeting_id: int | None = None,
        organisation_id: int | None = None,
        contact_id: int | None = None,
    ) -> int | None:
        if self.read_only():
            return None
        dialog = self.opened(
            lambda: LogMeetingDialog(
                self.ctx,
                meeting_id,
                organisation_id=organisation_id,
                contact_id=contact_id,
                parent=self.window,
            )
        )
        if dialog is None:
            return None
        dialog.offer_draft()  # a meeting typed before a crash, never saved nor discarded
        dialog.exec()
        dialog.deleteLater()
        return self.saved("meeting", dialog.saved_id, created=meeting_id is None, merged=dialog.merged_said)

    def saved(self, entity: str, record_id: int | None, *, created: bool, merged: str = "") -> int | None:
        """Say in the status bar what was saved (its Undo button offers it back); ``merged``, the
        form's sentence that a colleague's save meanwhile was kept beside this one, is what stays
        (the generic "Saved …" sent after it hid it: reviewer)."""
        if merged:
            self.ctx.status_message.emit(merged)
        elif record_id:
            with self.ctx.read() as s:
                name = records.label(s, entity, record_id)
            text = self.tr("Added %1 “%2”") if created else self.tr("Saved %1 “%2”")
            what = labels.entity_name(entity).lower()
            self.ctx.status_message.emit(text.replace("%1", what).replace("%2", name))
        return record_id

    # --- delete / undo ---------------------------------------------------------------------------

    def delete(self, entity: str, ids: list[int]) -> None:
        if not ids:
            return
        actor = self.ctx.actor()
        what = labels.entity_name(entity, plural=len(ids) > 1).lower()
        text = self.tr("Deleted %1 %2").replace("%1", self.ctx.fmt_number(len(ids))).replace("%2", what)
        self.run_grouped(entity, lambda s: bulk_edit.delete_records(s, entity, ids, actor=actor), text, ids)

    def run_grouped(
        self,
        entity: str,
        fn: Callable[[Session], str],
        message: str,
        ids: list[int] | None = None,
        on_done: Callable[[str], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run one operation that returns its history group id; offer it as Edit → Undo."""
        if self.read_only():
            return
        chosen = list(ids or [])
        box: list[str] = []

        def work(s: Session) -> list[int]:
            box.append(fn(s) or "")
            return chosen  # announced as changed by ctx.write

        def done(_ids: list[int]) -> None:
            group = box[0] if box else ""
            if group:
                self.ctx.push_undo(message, group)
                self.ctx.status_message.emit(message)
            else:
                self.ctx.status_message.emit(self.tr("Nothing to change"))
            if on_done is not None:
                on_done(group)

        self.ctx.write(work, entity=entity, on_done=done, on_error=on_error or self.error)

    def undo(self) -> None:
        if self.read_only():
            return
        earlier = self.ctx.undo_offer_earlier
        item = self.ctx.pop_undo()
        if item is None:
            above = self.ctx.import_on_top
            if above is None:  # (restored from a backup since: the restore is named)
                self.ctx.status_message.emit(self.ctx.undo_blocked or self.tr("Nothing to undo"))
            elif self.import_on_top is not None:
                self.import_on_top(above)
            else:
                self.ctx.status_message.emit(where_undone(self.ctx, above))
            return
        label, group = item
        if earlier is not None and not self.undo_earlier_step(label, earlier):
            self.ctx.put_back_undo(item, earlier)
            return
        actor, lang = self.ctx.actor(), self.ctx.lang()
        day = self.ctx.settings.py_date_format()  # a refusal's day as Settings say

        def work(s: Session) -> tuple[str, str, tuple[str, int] | None]:
            done = undo_history.undo_entry(s, group, actor=actor, lang=lang, date_format=day)
            redo = undo_history.redo_label(s, done.undo_group, lang)
            return redo, done.undo_group, undo_history.only_record(s, done.undo_group)

        def undone(result: tuple[str, str, tuple[str, int] | None]) -> None:
            redo, undo_group, record = result
            self.ctx.undo_ended(group)
            self.ctx.undone(redo, undo_group)  # Edit → Redo offers it back
            self.ctx.status_message.emit(self.tr("Undone: %1").replace("%1", label))
            if record is not None and self.brought_back is not None:
                self.brought_back(*record)

        def failed(exc: BaseException) -> None:
            self.ctx.undo_ended(group)
            self.ctx.changed.emit("", [])
            self.error(exc)

        self.ctx.write(work, entity="", on_done=undone, on_error=failed)

    def undo_earlier_step(self, label: str, at: dt.datetime) -> bool:
        """Whether to undo ``label``, a step done before this window opened (yesterday's meeting
        logged, say): asked, naming it and when, No the default (reviewer h108)."""
        when = self.ctx.fmt_datetime(clock.local(at))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Undo an earlier step?"),
            self.tr("Undo “%1”, done on %2, before Ketnoi was opened this time?")
            .replace("%1", label)
            .replace("%2", when),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        undo_button = box.addButton(self.tr("Undo"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is undo_button

    def redo(self) -> None:
        """Edit → Redo: do again what the latest undo here took back (undo that undo)."""
        if self.read_only():
            return
        item = self.ctx.pop_redo()
        if item is None:
            self.ctx.status_message.emit(self.tr("Nothing to redo"))
            return
        label, undo_group = item
        actor, lang, day = self.ctx.actor(), self.ctx.lang(), self.ctx.settings.py_date_format()

        def work(s: Session) -> str:
            return undo_history.undo_entry(s, undo_group, actor=actor, lang=lang, date_format=day).undo_group

        def redone(redo_group: str) -> None:
            self.ctx.redone(redo_group)
            self.ctx.status_message.emit(self.tr("Redone: %1").replace("%1", label))

        def failed(exc: BaseException) -> None:
            self.ctx.clear_redo()
            self.ctx.changed.emit("", [])
            self.error(exc)

        self.ctx.write(work, entity="", on_done=redone, on_error=failed)

    def undo_history(self) -> None:
        """Edit → Undo history…: the recent operations from the database, any one undone."""
        from ui.dialogs.undo_history import UndoHistoryDialog

        dialog = UndoHistoryDialog(self.ctx, self.window)
        dialog.exec()
        dialog.deleteLater()

    # --- actions ---------------------------------------------------------------------------------

    def _run_actions(
        self,
        ids: list[int],
        rule: Callable[[Session, dict[int, dict[str, Any]]], str],
        message: Callable[[int], str],
    ) -> None:
        """Run one of :mod:`app.actions`' rules from the actions as the list shows them (``rule(s,
        seen)``); offer its group as Edit → Undo."""
        if self.read_only():
            return
        box: list[str] = []

        def work(s: Session, seen: dict[int, dict[str, Any]]) -> list[int]:
            group = rule(s, seen)
            box.append(group)
            return actions.changed_ids(s, group)

        def finished(done: list[int]) -> None:
            text = message(len(done))  # Qt counts: "1 action", "3 actions"
            if box and box[0]:
                self.ctx.push_undo(text, box[0])
            self.ctx.status_message.emit(text)

        self._write_actions(ids, work, finished, self.seen_rows(ids))

    def _write_actions(
        self,
        ids: list[int],
        work: Callable[[Session, dict[int, dict[str, Any]]], list[int]],
        finished: Callable[[list[int]], None],
        seen: dict[int, dict[str, Any]],
    ) -> None:
        """``work(session, seen)`` on the worker, ``finished`` with the ids it changed. Someone
        else's save meanwhile to what the command changes too (a due date, a status) is the
        conflict dialog, with their value: "Save mine over theirs" runs the command again from
        the action as it is stored now; otherwise the actions shown are read again and nothing
        is changed. (Their changes to anything else are merged by the service, never asked.)"""

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConflictError):
                self.ctx.changed.emit("action", ids)
                if exc.clashing and exc.restored is None:
                    dialog = ConflictDialog(self.ctx, exc, self.window)
                    dialog.exec()
                    dialog.deleteLater()
                    if dialog.choice == "mine":
                        again = {**seen, exc.entity_id: exc.current}
                        self._write_actions(ids, work, finished, again)
                    else:
                        self.ctx.status_message.emit(self.tr("Nothing changed"))
                    return
            self.error(exc)

        self.ctx.write(lambda s: work(s, seen), entity="action", on_done=finished, on_error=failed)

    def mark_done(self, ids: list[int], seen: dict[int, str] | None = None) -> None:
        """Ctrl+D and "Mark done": an action the person saw open is marked done, one they saw
        done reopens (the same key toggles back). ``seen`` (id → the status shown) defaults to
        the rows of the list on screen; the database's state decides only for actions the window
        never showed. Someone else's change in between is kept and said, not overturned."""
        if not ids or self.read_only():
            return
        rows = self.seen_rows(ids) if seen is None else {}
        shown = {i: str(row["status"]) for i, row in rows.items()} if seen is None else seen
        # never shown (beyond what a large selection reads back): decided as it is now
        targets: dict[int, bool | None] = {i: shown[i] != "done" if shown.get(i) else None for i in ids}
        actor = self.ctx.actor()
        box: list[actions.Outcome] = []

        def work(s: Session, seen_rows: dict[int, dict[str, Any]]) -> list[int]:
            outcome = actions.done_or_reopen(s, targets, actor=actor, seen=seen_rows)
            box[:] = [outcome]
            return outcome.changed

        def finished(_changed: list[int]) -> None:
            outcome = box[0] if box else actions.Outcome()
            changed = self.outcome_changed_text(outcome)
            if outcome.group:
                self.ctx.push_undo(changed, outcome.group)
            self.ctx.status_message.emit(self.outcome_text(outcome))

        self._write_actions(ids, work, finished, rows)

    SEEN_AT_MOST = 2_000  # rows read back from the list for a selection; beyond, as they are now

    def seen_rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """Each action as it is on screen: the list's row as last read, with its version (a
        change made elsewhere shows there only once the window has heard of it). What a
        command's change starts from: app.actions' ``seen``."""
        current_view = getattr(self.window, "current_view", None)
        view = current_view() if callable(current_view) else None
        if view is None or getattr(view, "entity", "") != "action":
            return {}
        model = view.list.model
        rows = {i: n for n, i in enumerate(model.loaded_ids())}
        out: dict[int, dict[str, Any]] = {}
        for i in ids[: self.SEEN_AT_MOST]:
            if i in rows:
                row = model.data(model.index(rows[i], 0), ROW_ROLE)
                if row and row.get("status") and not row.get("missing"):
                    out[i] = dict(row)
        return out

    def outcome_changed_text(self, outcome: actions.Outcome) -> str:
        """What the command changed ("Marked 2 actions done, reopened 1"): the Undo label."""
        parts = []
        if outcome.done:
            parts.append(self.tr("Marked %Ln action(s) done", "", len(outcome.done)))
        if outcome.reopened:
            parts.append(self.tr("Reopened %Ln action(s)", "", len(outcome.reopened)))
        return "; ".join(parts)

    def outcome_text(self, outcome: actions.Outcome) -> str:
        """The status bar's sentence: what changed, and what someone else had already done."""
        parts = [self.outcome_changed_text(outcome)] if outcome.changed else []
        for who, one, one_by, many, many_by in (
            (
                outcome.already_done,
                self.tr("“%1” was already done"),
                self.tr("“%1” was already marked done by %2"),
                self.tr("%1 actions were already done"),
                self.tr("%1 actions were already marked done (by %2)"),
            ),
            (
                outcome.already_open,
                self.tr("“%1” was already reopened"),
                self.tr("“%1” was already reopened by %2"),
                self.tr("%1 actions were already reopened"),
                self.tr("%1 actions were already reopened (by %2)"),
            ),
        ):
            if not who:
                continue
            names = ", ".join(sorted({n for n in who.values() if n}))
            if len(who) == 1:
                [(i, name)] = who.items()
                title = outcome.titles.get(i, f"#{i}")
                title = title if len(title) <= 40 else title[:39] + "…"
                text = (one_by if name else one).replace("%1", title).replace("%2", name)
            else:
                text = (many_by if names else many).replace("%1", self.ctx.fmt_number(len(who)))
                text = text.replace("%2", names)
            parts.append(text)
        return "; ".join(parts) or self.tr("Nothing to change")

    def reschedule(self, ids: list[int]) -> None:
        if not ids or self.read_only():
            return
        with self.ctx.read() as s:
            current = records.get(s, "action", ids[0]).get("due_date")

        def check(day: dt.date) -> str:
            with self.ctx.read() as s:
                return actions.due_date_problem(s, ids, day)

        dialog = RescheduleDialog(self.ctx, current, self.window, check)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        day, actor = dialog.value(), self.ctx.actor()
        self._run_actions(
            ids,
            lambda s, seen: actions.reschedule(s, ids, day, actor=actor, seen=seen),
            # the date it already had: said so, never "Rescheduled 0 actions" (reviewer h143)
            lambda n: self.tr("Rescheduled %Ln action(s)", "", n) if n else self.tr("Nothing to change"),
        )

    def add_note(self, record_id: int) -> None:
        if self.read_only():
            return
        text, ok = QInputDialog.getMultiLineText(self.window, self.tr("Add a note"), self.tr("Note"))
        if not ok or not text.strip():
            return
        stamp = f"[{self.ctx.fmt_date(self.ctx.today())}] "
        actor = self.ctx.actor()

        def work(s: Session) -> list[int]:
            current = records.get(s, "action", record_id)
            notes = current.get("notes") or ""
            values = {"notes": (notes + "\n" if notes else "") + stamp + text.strip()}
            version, group = current["version"], records.new_group_id()
            records.update(
                s, "action", record_id, values, expected_version=version, actor=actor, group_id=group
            )
            return [record_id]

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConflictError):
                self.ctx.changed.emit("action", [record_id])
            self.error(exc)

        self.ctx.write(
            work,
            entity="action",
            on_done=lambda _ids: self.ctx.status_message.emit(self.tr("Note added")),
            on_error=failed,
        )
