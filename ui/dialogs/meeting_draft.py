"""Log meeting keeps a draft of what is typed (app.meeting_drafts), and offers it back.

Reviewer h108: a kill -9 (a power cut, a forced reboot) while a meeting was typed lost the
title, the place, the people (a new one among them), the minutes and the follow-ups. Now a
second after each change the dialog's fields are written to a draft file off the UI thread;
the draft is removed when the meeting is saved or deliberately discarded, and the next Log
meeting on the same database asks "Recover the meeting you were typing at 10:32?". A draft
never writes to the database: recovered, it is only typed back into the dialog.

What is kept is plain data (JSON): the fields, the organisations and people as chosen (new
ones by their names, with the organisation a new person joins), the follow-ups added and the
one being typed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QSessionManager
from PySide6.QtWidgets import QMessageBox, QWidget

from app import meeting_drafts
from app.meeting_drafts import Draft, DraftKeeper
from app.meetings import Chosen, FollowUp

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.dialogs.log_meeting import LogMeetingDialog

KEEP_EVERY_MS = 1000  # what was typed is on disk at most a second or two after it was typed


def database_name(dialog: LogMeetingDialog) -> str:
    """The database the draft belongs to: its URL, never with a password."""
    return _database(dialog.ctx)


def _database(ctx: AppContext) -> str:
    return ctx.engine.url.render_as_string(hide_password=True)


def said_at(ctx: AppContext, written_at: dt.datetime) -> str:
    """When a draft was written, as the question says it: "10:32" today, else day and time."""
    return written_at.strftime("%H:%M") if written_at.date() == ctx.today() else ctx.fmt_datetime(written_at)


def waiting_said(ctx: AppContext) -> str:
    """The window's start: a meeting typed on this database and never saved nor discarded,
    said in the status bar (Log meeting offers it back); "" when there is none. (A small file
    read once.)"""
    database = _database(ctx)
    found = meeting_drafts.read(meeting_drafts.draft_path(database), database)
    if found is None:
        return ""
    return QCoreApplication.translate(
        "MeetingDraft", "A meeting you were typing at %1 was not saved: Log meeting (Ctrl+M) offers it back."
    ).replace("%1", said_at(ctx, found.written_at))


def _chosen(c: Chosen, picked: set[str]) -> dict[str, Any]:
    return {**asdict(c), "picked": c.key in picked}


def _as_chosen(d: dict[str, Any]) -> Chosen:
    org = d.get("organisation")
    return Chosen(
        d.get("id") if isinstance(d.get("id"), int) else None,
        str(d.get("label") or ""),
        str(d.get("role") or "participant"),
        None if org is None else str(org),
    )


def _day(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def fields_of(dialog: LogMeetingDialog) -> dict[str, Any]:
    """What the dialog holds, as JSON values (nothing of it is changed: a follow-up being typed
    stays in its box)."""
    q = dialog.when.dateTime()
    d, t = q.date(), q.time()
    fu = dialog.followups
    return {
        "title": dialog.title.text(),
        "starts_at": dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).isoformat(),
        "kind": dialog.kind.currentData(),
        "location": dialog.location.text(),
        "agenda": dialog.agenda.toPlainText(),
        "minutes": dialog.minutes.toPlainText(),
        "decisions": dialog.decisions.toPlainText(),
        "confidential": dialog.confidential.isChecked(),
        "organisations": [_chosen(c, dialog.organisations.picked()) for c in dialog.organisations.values()],
        "attendees": [_chosen(c, dialog.attendees.picked()) for c in dialog.attendees.values()],
        "staff": [_chosen(c, set()) for c in dialog.staff.values()],
        "followups": [
            {**asdict(f), "due": f.due.isoformat() if f.due else None, "completed_on": None}
            for f in fu.new_items()
        ],
        "typing": {
            "what": fu.what.text(),
            "due": due.isoformat() if (due := fu.due_date()) is not None else None,
            "direction": fu.direction.currentData(),
            "who": fu.who.currentData(),
        },
        "restore_seen": dialog._restore_seen,
    }


def put_back(dialog: LogMeetingDialog, fields: dict[str, Any]) -> None:
    """Type ``fields`` (a draft's) back into ``dialog``. People and organisations picked by id
    before the database was restored from a backup are left out (their ids may name others
    now: the dialog's own rule, app.undo.check_not_restored_since); those typed as new stay."""
    restored_since = str(fields.get("restore_seen") or "") != dialog._restore_seen
    dialog.title.setText(str(fields.get("title") or ""))
    try:
        st = dt.datetime.fromisoformat(str(fields.get("starts_at")))
        dialog.when.setDateTime(QDateTime(st.year, st.month, st.day, st.hour, st.minute, 0))
    except ValueError:
        pass
    dialog.kind.setCurrentIndex(max(0, dialog.kind.findData(fields.get("kind"))))
    dialog.location.setText(str(fields.get("location") or ""))
    dialog.agenda.setPlainText(str(fields.get("agenda") or ""))
    dialog.minutes.setPlainText(str(fields.get("minutes") or ""))
    dialog.decisions.setPlainText(str(fields.get("decisions") or ""))
    dialog.confidential.setChecked(bool(fields.get("confidential")))
    pickers = [(dialog.organisations, "organisations"), (dialog.attendees, "attendees")]
    if "staff" in fields:  # (a draft kept before our staff were chosen here: the default stays)
        pickers.append((dialog.staff, "staff"))
    for picker, name in pickers:
        rows = [r for r in fields.get(name) or [] if isinstance(r, dict)]
        chosen = [(_as_chosen(r), bool(r.get("picked"))) for r in rows]
        chosen = [(c, p) for c, p in chosen if c.label and not (restored_since and c.id is not None)]
        picker.set_values([c for c, _p in chosen], picked={c.key for c, p in chosen if p})
    fu = dialog.followups
    for r in fields.get("followups") or []:
        if not isinstance(r, dict) or not r.get("title"):
            continue
        fu.add_existing(
            FollowUp(
                str(r["title"]),
                str(r.get("responsible") or ""),
                str(r.get("responsible_label") or ""),
                str(r.get("direction") or "we_owe"),
                _day(r.get("due")),
                organisation=str(r.get("organisation") or ""),
                organisation_label=str(r.get("organisation_label") or ""),
                due_words=str(r.get("due_words") or ""),
            )
        )
    typing = fields.get("typing") or {}
    if isinstance(typing, dict):
        fu.what.setText(str(typing.get("what") or ""))
        direction = fu.direction.findData(typing.get("direction"))
        if direction >= 0:
            fu.direction.setCurrentIndex(direction)
        who = fu.who.findData(typing.get("who"))
        if who >= 0:
            fu.who.setCurrentIndex(who)
        due = _day(typing.get("due"))
        if due is not None:
            fu.due.setDate(QDate(due.year, due.month, due.day))
        elif "due" in typing and typing["due"] is None:  # no due date
            fu.set_due(None)


def ask_recover(parent: QWidget, written_at: str) -> bool:
    """Ask "Recover the meeting you were typing at 10:32?": True to recover, False to discard it.
    (One function, so that tests can answer it.)"""
    tr = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("MeetingDraft", "Recover a meeting?"),
        tr("MeetingDraft", "Recover the meeting you were typing at %1?").replace("%1", written_at),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        tr("MeetingDraft", "Ketnoi closed before it was saved. Nothing of it is in the database yet.")
    )
    recover = box.addButton(tr("MeetingDraft", "&Recover"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("MeetingDraft", "&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(recover)
    box.exec()
    return box.clickedButton() is recover


class DraftWatch(QObject):
    """Every second: what the dialog holds, written when it changed (nothing typed yet: no
    draft). The file is removed by :meth:`drop` (saved or discarded); a dialog that dies
    without either (a crash) leaves it for the next Log meeting."""

    def __init__(self, dialog: LogMeetingDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.keeper = DraftKeeper(database_name(dialog))
        self._kept = False  # this dialog wrote a draft (nothing typed again: removed)
        self.timer = QTimer(self)
        self.timer.setInterval(KEEP_EVERY_MS)
        self.timer.timeout.connect(self.keep)
        # The application asked to end with the dialog open (a logout or a shutdown: Windows
        # asks for the session's data, a service manager sends SIGTERM, ui.quit_signals): what
        # was typed since the last second is written now, and waited for (reviewer h143 lost
        # the last words typed before a SIGTERM). The draft stays for the next Log meeting.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.last_keep)
            if isinstance(app, QGuiApplication):
                app.commitDataRequest.connect(self._session_ending)

    def start(self) -> None:
        self.timer.start()

    def _session_ending(self, _manager: QSessionManager) -> None:
        self.last_keep()

    def last_keep(self) -> None:
        """While the dialog is open (neither saved, discarded nor closed): keep what it holds
        now and wait until it is on disk."""
        if not self.timer.isActive():
            return
        self.keep()
        with contextlib.suppress(TimeoutError):  # (a disk that slow: the application ends anyway)
            self.keeper.flush()

    def found(self) -> Draft | None:
        return self.keeper.read()

    def keep(self) -> None:
        if not self.dialog.typed_anything():
            if self._kept:
                self.keeper.drop()
                self._kept = False
            return
        self.keeper.keep(fields_of(self.dialog))
        self._kept = True

    def drop(self) -> None:
        self.timer.stop()
        self.keeper.drop()
        self._kept = False

    def stop(self) -> None:
        """The dialog closed: no more writes (those asked finish on their thread)."""
        self.timer.stop()
        self.keeper.close()
