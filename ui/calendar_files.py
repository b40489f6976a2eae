"""Calendars and address books from the window (issue 14 items 1 and 2).

    export_calendar(window, ctx)                 # File → Export calendar (.ics)…: upcoming + open actions
    export_calendar(window, ctx, meeting_ids=[…]) # a list's selection: "Export to calendar…"
    export_calendar(window, ctx, action_ids=[…])  # the Actions list's selection, the same
    export_list_calendar(window, ctx, entity, query, said, words)  # the list shown, as filtered
    export_vcards(window, ctx, contact_ids=None)  # File → Export contacts (vCard)…, or a selection
    import_invitation(window, ctx)               # File → Import calendar invitation (.ics)…

The files are written off the UI thread; the status bar then names the file with Open and Show in
folder beside it (:func:`ui.answers.file_written`). An invitation is read off the UI thread too,
then shown in :class:`InvitationDialog` (the meeting it creates or updates, its attendees: known
ones matched, unknown ones with a tick box to add them as contacts) and written on the write
lane as one undoable step. A .vcf file goes through the import wizard (it reads contacts).
An organiser's cancellation is no invitation: it asks before moving the meeting it cancels to the
trash (one undoable step), and says why when it changes nothing (:func:`cancel_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import calendars, lists, vcards
from app.calendar_commands import write_ics, write_vcf
from app.calendar_refusals import NotAnInvitation
from db.engine import Session, read_session
from db.paths import not_ordinary
from ui import answers, dupwarn, file_dialogs, labels
from ui.context import AppContext
from ui.dialogs.conflict import saved_by
from ui.not_written import error_text
from ui.tasks import Task

FOLDER_KEY = "exports/folder"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarFiles", text)


def _ask_save(
    parent: QWidget | None, ctx: AppContext, title: str, name: str, kind: str, suffix: str
) -> Path | None:
    folder = str(ctx.settings.qsettings.value(FOLDER_KEY, "")) or QDir.homePath()
    chosen, _ = file_dialogs.get_save_file_name(
        parent, title, str(Path(folder) / name), f"{kind} (*{suffix})"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    ctx.settings.qsettings.setValue(FOLDER_KEY, str(path.parent))
    return path


def kept_said(ctx: AppContext, result: calendars.InviteResult) -> str:
    """What another saved on the meeting and the update kept, e.g. “What Trần Văn Bình saved on
    the meeting meanwhile is kept: Location, Agenda.”"""
    fields = ", ".join(labels.field_label(f) for f in result.kept)
    who = saved_by(ctx, result.saved)
    if who:
        return (
            _tr("What %2 saved on the meeting meanwhile is kept: %1.")
            .replace("%1", fields)
            .replace("%2", who)
        )
    if who == "":
        return _tr(
            "What was saved on the meeting meanwhile in another window or from the command line is kept: %1."
        ).replace("%1", fields)
    return _tr("What someone else saved on the meeting meanwhile is kept: %1.").replace("%1", fields)


def _failed(parent: QWidget | None, ctx: AppContext, title: str, exc: BaseException) -> None:
    message = error_text(exc)  # a file not written: which and why, in the person's language
    ctx.status_message.emit(message)
    QMessageBox.warning(parent, title, message)


def export_calendar(
    parent: QWidget | None,
    ctx: AppContext,
    meeting_ids: list[int] | None = None,
    path: Path | str | None = None,
    reminders: str = "allday",
    action_ids: list[int] | None = None,
) -> Task | None:
    """Every upcoming meeting and the open actions (as all-day reminders: Google Calendar ignores
    tasks), or only ``meeting_ids`` with their own follow-ups (as ``ketnoi export-ics --meeting``
    does), or only ``action_ids`` (the Actions list's selection: an officer's own follow-ups, not
    the whole office's), to an .ics file. The status bar says how many events went private
    (confidential, or naming a confidential record: :mod:`app.calendar_marks`)."""
    title = _tr("Export to calendar")
    if action_ids is not None:
        if not action_ids:
            ctx.status_message.emit(_tr("Select the actions to export first."))
            return None
        meeting_ids = []
    elif meeting_ids is not None and not meeting_ids:
        ctx.status_message.emit(_tr("Select the meetings to export first."))
        return None
    target = Path(path) if path else _ask_save(parent, ctx, title, "ketnoi.ics", _tr("Calendar"), ".ics")
    if target is None:
        return None
    engine, lang = ctx.engine, ctx.lang()  # an action's description in the window's words
    only_actions = meeting_ids == [] and bool(action_ids)

    def work(_task: Task) -> calendars.Exported:
        return write_ics(engine, target, meeting_ids, action_ids=action_ids, reminders=reminders, lang=lang)

    def done(out: calendars.Exported) -> None:
        answers.file_written(ctx, written_text(out, target, only_actions=only_actions), target)

    return ctx.tasks.run(work, on_done=done, on_error=lambda exc: _failed(parent, ctx, title, exc))


def written_text(out: calendars.Exported, target: Path, *, only_actions: bool = False) -> str:
    """What the status bar says of a calendar file written: how many meetings and reminders went
    to ``target``, those chosen that were left out and why, and those marked private."""
    meetings, reminders = out.meetings, out.reminders  # plain names: lupdate reads the counts
    written = QCoreApplication.translate("CalendarFiles", "Calendar written: %Ln meeting(s),", "", meetings)
    rest = QCoreApplication.translate(
        "CalendarFiles", "%Ln open action(s) as all-day reminders → %1", "", reminders
    )
    text = f"{written} {rest.replace('%1', str(target))}"
    if only_actions:
        text = QCoreApplication.translate(
            "CalendarFiles",
            "Calendar written: %Ln open action(s) as all-day reminders → %1",
            "",
            reminders,
        ).replace("%1", str(target))
    left_out = sum(1 for x in out.skipped if x.code in ("not_open", "no_due"))
    if left_out:  # chosen by hand: say why some are not in the file
        text += " " + QCoreApplication.translate(
            "CalendarFiles", "(%Ln left out: done, cancelled or without a due date)", "", left_out
        )
    private = out.private
    if private:  # (reviewer h106: a confidential meeting went to the calendar unsaid)
        text += " " + QCoreApplication.translate(
            "CalendarFiles",
            "(%Ln event(s) marked private, as confidential or naming a confidential record: "
            "give the file only to those who may see them)",
            "",
            private,
        )
    return text


def export_list_calendar(
    parent: QWidget | None,
    ctx: AppContext,
    entity: str,
    query: lists.ListQuery,
    said: list[str],
    words: list[str],
    path: Path | str | None = None,
    reminders: str = "allday",
    count: int | None = None,
) -> Task | None:
    """File → Export this list to calendar (.ics)… and the list's context menu: the meetings the
    Meetings list holds as filtered (``query``: its period, kind, organisation, owner and the
    words typed; with their own open follow-ups, as a selection goes), or the open actions the
    Actions list holds. Reviewer h129 filtered the meetings to this week and got every upcoming
    meeting from File → Export calendar, which still writes them all. ``said``: the filters as
    the list shows them, repeated in the status bar with how many went; ``words``: the filters
    in the proposed file name (:func:`ui.exports.default_list_name`); ``count``: how many rows
    the list holds, when known (none: said, and no file asked for)."""
    from ui.exports import default_list_name

    title = _tr("Export this list to calendar")
    nothing = _tr("The list holds no meetings: no calendar written.")
    if entity == "action":
        nothing = _tr("The list holds no actions: no calendar written.")
    if count == 0:
        ctx.status_message.emit(nothing)
        return None
    name = default_list_name(entity, words, ctx.today(), suffix=".ics")
    target = Path(path) if path else _ask_save(parent, ctx, title, name, _tr("Calendar"), ".ics")
    if target is None:
        return None
    engine, lang = ctx.engine, ctx.lang()

    def work(_task: Task) -> calendars.Exported | None:
        with read_session(engine) as s:  # the list's own query, every row of it
            ids = lists.ids(s, query)
        if not ids:
            return None
        if entity == "action":
            return write_ics(engine, target, [], action_ids=ids, reminders=reminders, lang=lang)
        return write_ics(engine, target, ids, reminders=reminders, lang=lang)

    def done(out: calendars.Exported | None) -> None:
        if out is None:  # (emptied meanwhile: a colleague's change, a new day)
            ctx.status_message.emit(nothing)
            return
        text = written_text(out, target, only_actions=entity == "action")
        if said:
            text += " " + _tr("(the list as filtered: %1)").replace("%1", ", ".join(said))
        answers.file_written(ctx, text, target)

    return ctx.tasks.run(work, on_done=done, on_error=lambda exc: _failed(parent, ctx, title, exc))


def export_vcards(
    parent: QWidget | None,
    ctx: AppContext,
    contact_ids: list[int] | None = None,
    path: Path | str | None = None,
    version: str = "3.0",
) -> Task | None:
    """The contacts (every one when None, but the confidential: said with how many) to a .vcf
    file for phones and address books; a confidential one selected is written, marked private
    (:mod:`app.vcards`), and the status bar says the file holds it."""
    title = _tr("Export vCard")
    if contact_ids is not None and not contact_ids:
        ctx.status_message.emit(_tr("Select the contacts to export first."))
        return None
    target = (
        Path(path) if path else _ask_save(parent, ctx, title, "ketnoi.vcf", _tr("vCard contacts"), ".vcf")
    )
    if target is None:
        return None
    engine = ctx.engine

    def work(_task: Task) -> vcards.ExportedCards:
        return write_vcf(engine, target, contact_ids, version=version)

    def done(out: vcards.ExportedCards) -> None:
        count, withheld, secret = out.count, out.withheld, out.confidential
        text = QCoreApplication.translate("CalendarFiles", "vCard written: %Ln contact(s) → %1", "", count)
        text = text.replace("%1", str(target))
        if withheld:  # (reviewer h106: confidential people went to a phone's address book unsaid)
            text += " " + QCoreApplication.translate(
                "CalendarFiles",
                "(%Ln confidential contact(s) left out: select them in the Contacts list to export them)",
                "",
                withheld,
            )
        if secret:
            text += " " + QCoreApplication.translate(
                "CalendarFiles",
                "(it holds %Ln confidential contact(s), marked private: give it only to those who may see them)",
                "",
                secret,
            )
        answers.file_written(ctx, text, target)

    return ctx.tasks.run(work, on_done=done, on_error=lambda exc: _failed(parent, ctx, title, exc))


# --- an invitation ------------------------------------------------------------------------------------


def note_text(note: calendars.Note) -> str:
    """One of :data:`app.calendars.NOTES`, in the window's language."""
    code, params = note
    words = {
        "whole_day": _tr("A whole-day event: the meeting starts at 00:00."),
        "unknown_zone": _tr("Time zone %1 is not known: the times are taken as written, check them."),
        "no_email": _tr("Attendee %1 has no e-mail address: left out."),
        "several_events": _tr("The file holds %1 events: only the first is imported."),
        "repeating": _tr("A repeating event: only its first occurrence is imported."),
        "restored": _tr("The meeting this invitation made was in the trash: it is back."),
    }
    text = words.get(code, code)
    return text.replace("%1", str(params.get("attendee", params.get("n", params.get("zone", "")))))


def _fill(text: str, values: dict[str, str]) -> str:
    """``%1``, ``%2``… replaced in one pass (a title holding "%2" stays as written)."""
    return re.sub(r"%(\d)", lambda mt: values.get(mt.group(1), mt.group(0)), text)


def cancel_text(code: str, inv: calendars.Invitation, plan: calendars.Plan) -> str:
    """What an organiser's cancellation does (:data:`app.calendars.CANCEL_OUTCOMES`, or
    "ask" for the question before it), in the window's language."""
    # One line each: update.py reads a call to the helper with its text on the same line.
    # fmt: off
    words = {
        "ask": _tr("The organiser cancelled the meeting “%1” on %2. Move it to the trash?"),
        "cancelled": _tr("Meeting “%1” on %2 cancelled by the organiser: moved to the trash."),
        "not_found": _tr("%4: the organiser cancelled “%1” on %2, a meeting not in Ketnoi: nothing imported."),
        "outdated": _tr("%4: this cancellation of “%1” on %2 is older than the invitation Ketnoi holds (the organiser has sent a newer one since): nothing changed."),
        "took_place": _tr("Meeting “%1” on %2 was cancelled by the organiser, but it took place (minutes, decisions or follow-up actions are logged): it is left as it is."),
        "in_trash": _tr("Meeting “%1” on %2 was cancelled by the organiser: it is in the trash already."),
        "other_occurrence": _tr("The organiser cancelled the occurrence on %3 of “%1”; Ketnoi holds only the one on %2: nothing changed."),
    }
    # fmt: on
    starts = plan.starts_at if plan.starts_at is not None else inv.starts_at
    return _fill(
        words[code],
        {
            "1": plan.title or inv.title,
            "2": starts.strftime("%d/%m/%Y %H:%M"),
            "3": (inv.occurrence or inv.starts_at).strftime("%d/%m/%Y %H:%M"),
            "4": inv.file_name,
        },
    )


@dataclass(frozen=True)
class _Read:
    inv: calendars.Invitation
    plan: calendars.Plan


class InvitationDialog(QDialog):
    """The meeting an invitation creates or updates, and which unknown attendees become contacts.

    An invitation for a meeting logged already (:attr:`app.calendars.Plan.logged`) says so —
    "Trần Thị Lan already logged “…” with Genetica at 09:33 (meeting #12)." — with what linking
    changes in it and what stays as logged, and offers Link to it (the default), New meeting or
    Cancel (:attr:`new_meeting` says which was chosen)."""

    def __init__(self, read: _Read, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invitation_dialog")
        self.setWindowTitle(self.tr("Import calendar invitation"))
        self.new_meeting = False
        inv, plan = read.inv, read.plan
        linking = plan.meeting_id is None and plan.logged is not None
        if linking and plan.logged is not None:
            head = " ".join(
                (
                    dupwarn.already_logged_text(plan.logged),
                    self.tr(
                        "Link the invitation to meeting #%1? Its updates and cancellation will then apply to it; its title stays as logged."
                    ).replace("%1", str(plan.logged.meeting_id)),
                )
            )
        elif plan.meeting_id is None:
            head = self.tr("Creates a planned meeting:")
        else:
            head = self.tr("Updates meeting #%1 (imported from this invitation before):").replace(
                "%1", str(plan.meeting_id)
            )
        intro = QLabel(head, self)
        intro.setObjectName("invitation_head")
        intro.setWordWrap(True)
        changes = self._changes(plan) if plan.target is not None else None
        form = QFormLayout()
        when = inv.starts_at.strftime("%d/%m/%Y %H:%M")
        if inv.ends_at is not None:
            when += "–" + inv.ends_at.strftime(
                "%H:%M" if inv.ends_at.date() == inv.starts_at.date() else "%d/%m/%Y %H:%M"
            )
        for label, value in (
            (self.tr("Title"), inv.title),
            (self.tr("When"), when),
            (self.tr("Location"), inv.location),
            (self.tr("Organiser"), str(inv.organizer or "")),
        ):
            shown = QLabel(value or "—", self)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        self.list = QListWidget(self)
        self.list.setObjectName("invitation_attendees")
        for p, cid, name in plan.matched:
            item = QListWidgetItem(
                self.tr("✓ %1 (contact #%2)").replace("%1", f"{name} <{p.email}>").replace("%2", str(cid))
            )
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.list.addItem(item)
        for p, _sid, name in plan.staff:
            item = QListWidgetItem(self.tr("✓ %1 (our staff)").replace("%1", f"{name} <{p.email}>"))
            self.list.addItem(item)
        for p in plan.unknown:
            item = QListWidgetItem(self.tr("Add as contact: %1").replace("%1", str(p)))
            item.setData(Qt.ItemDataRole.UserRole, p.email)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        notes = [note_text(n) for n in inv.notes]
        if plan.in_trash:
            notes.append(self.tr("That meeting is in the trash: importing brings it back."))
        buttons = QDialogButtonBox(self)
        if linking:
            ok = buttons.addButton(self.tr("Link to it"), QDialogButtonBox.ButtonRole.AcceptRole)
            ok.setObjectName("link_invitation")
            new = buttons.addButton(self.tr("New meeting"), QDialogButtonBox.ButtonRole.ActionRole)
            new.setObjectName("new_meeting")
            new.clicked.connect(self._new_meeting)
        else:
            label = self.tr("Create meeting") if plan.meeting_id is None else self.tr("Update meeting")
            ok = buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if changes is not None:
            layout.addWidget(changes)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Attendees:"), self))
        layout.addWidget(self.list)
        if notes:
            shown = QLabel("\n".join(notes), self)
            shown.setObjectName("invitation_notes")
            shown.setWordWrap(True)
            layout.addWidget(shown)
        layout.addWidget(buttons)
        self.resize(560, 440)

    def _new_meeting(self) -> None:
        self.new_meeting = True
        self.accept()

    def _changes(self, plan: calendars.Plan) -> QLabel:
        """What the update changes, one field a line, old → new (reviewer: "Updates meeting #9"
        and not that it moves from 14:00 to 15:00); or that it changes none of them."""
        names = {
            "title": self.tr("Title"),
            "starts_at": self.tr("Starts"),
            "ends_at": self.tr("Ends"),
            "location": self.tr("Location"),
            "agenda": self.tr("Agenda"),
        }
        lines = [f"{names.get(f, f)}: {old} → {new}" for f, old, new in plan.changes]
        text = "\n".join(lines) if lines else self.tr("No change to the title, time, location or agenda.")
        if plan.kept:
            kept = ", ".join(names.get(f, f) for f in plan.kept)
            text += "\n" + self.tr("Kept as logged: %1").replace("%1", kept)
        shown = QLabel(text, self)
        shown.setObjectName("invitation_changes")
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if lines:
            font = shown.font()
            font.setBold(True)
            shown.setFont(font)
        return shown

    def chosen(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.data(Qt.ItemDataRole.UserRole) and i.checkState() == Qt.CheckState.Checked
        ]


def _cancel_goes_ahead(parent: QWidget | None, title: str, r: _Read, *, ask: bool) -> bool:
    """A cancellation that moves its meeting to the trash, asked first; any other is said."""
    if r.plan.cancel != "cancelled":  # nothing to do: say why
        QMessageBox.information(parent, title, cancel_text(r.plan.cancel, r.inv, r.plan))
        return False
    text = cancel_text("ask", r.inv, r.plan)
    return not ask or _confirm_cancel(parent, title, text)


def _cancel_done(
    parent: QWidget | None,
    ctx: AppContext,
    title: str,
    result: calendars.InviteResult,
    inv: calendars.Invitation,
) -> None:
    text = cancel_text(result.status, inv, result.plan)
    if result.status == "cancelled":
        ctx.push_undo(text, result.group_id)
        ctx.status_message.emit(text)
    else:  # the meeting changed between the reading and the writing
        QMessageBox.information(parent, title, text)


def _confirm_cancel(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("cancel_invitation")
    move = box.addButton(_tr("Move to trash"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(move)
    try:
        box.exec()
        return box.clickedButton() is move
    finally:
        box.deleteLater()


def _outdated_text(title: str) -> str:
    """What an older version of an invitation than the one a meeting came from does: nothing."""
    # fmt: off
    return _tr("This invitation is older than the one “%1” came from (the organiser has sent a newer one since): nothing changed").replace("%1", title)
    # fmt: on


def _goes_ahead(parent: QWidget | None, ctx: AppContext, title: str, r: _Read, *, ask: bool) -> bool:
    """Whether the invitation read is written: a cancellation as :func:`_cancel_goes_ahead`
    decides; an earlier e-mail of the thread than the invitation the meeting came from never
    (said in a box when the user opened the file, in the status bar when dropped; the service
    would write nothing either); any other, yes."""
    if r.inv.cancelled:
        return _cancel_goes_ahead(parent, title, r, ask=ask)
    if r.plan.sequence is None or r.inv.sequence >= r.plan.sequence:
        return True
    text = _outdated_text(r.plan.title or r.inv.title)
    if ask:
        QMessageBox.information(parent, title, text)
    else:
        ctx.status_message.emit(text)
    return False


def import_invitation(
    parent: QWidget | None, ctx: AppContext, path: Path | str | None = None, *, ask: bool = True
) -> Task | None:
    """Read an .ics invitation, show what it will do, then create or update the meeting."""
    title = _tr("Import calendar invitation")
    if path is None:
        name, _ = file_dialogs.get_open_file_name(parent, title, "", _tr("Calendar invitations (*.ics)"))
        if not name:
            return None
        path = name
    source = Path(path)
    reader = ctx.actor()  # (asked on the UI thread: "You already logged…")

    def read(_task: Task) -> _Read:
        if not_ordinary(source):  # a pipe or a device: reading it could wait forever
            raise NotAnInvitation("not_ordinary", source.name)
        try:
            too_big = source.stat().st_size > calendars.MAX_ICS_BYTES
            data = b"\0" * (calendars.MAX_ICS_BYTES + 1) if too_big else source.read_bytes()
        except OSError as exc:
            raise NotAnInvitation("unreadable", source.name, detail=exc.strerror or exc) from None
        inv = calendars.read_ics(data, source.name)
        with ctx.read() as s:  # (and a meeting logged already it would make again: a query)
            return _Read(inv, calendars.plan_invitation(s, inv, actor=reader))

    def chosen(r: _Read) -> None:
        create: list[str] = []
        new_meeting = False
        if not _goes_ahead(parent, ctx, title, r, ask=ask):
            return
        if ask and not r.inv.cancelled:
            dialog = InvitationDialog(r, parent)
            try:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
                create = dialog.chosen()
                new_meeting = dialog.new_meeting
            finally:
                dialog.deleteLater()
        actor = ctx.actor()

        def work(s: Session) -> calendars.InviteResult:
            # the meeting as the preview showed it: someone's save since is merged with (their
            # other fields kept) or, on a field the invitation changes too, refused naming it
            # linked to the meeting logged already unless "New meeting" was chosen
            return calendars.import_invitation(
                s, r.inv, create_contacts=create, seen=r.plan, actor=actor, new_meeting=new_meeting
            )

        ctx.write(
            work,
            entity="meeting",
            on_done=lambda result: done(result, r.inv),
            on_error=lambda exc: _failed(parent, ctx, title, exc),
        )

    def done(result: calendars.InviteResult, inv: calendars.Invitation) -> None:
        if inv.cancelled:
            _cancel_done(parent, ctx, title, result, inv)
            return
        # fmt: off
        words = {  # (one line each: update.py reads a helper call with its text on its line)
            "created": _tr("Meeting created from the invitation: “%1”"),
            "linked": _tr("Invitation linked to the meeting already logged: “%1”"),
            "updated": _tr("Meeting updated from the invitation: “%1”"),
            "unchanged": _tr("The invitation changes nothing in “%1”"),
            "outdated": _outdated_text("%1"),  # (a newer one imported since this one was read)
        }
        # fmt: on
        text = words[result.status].replace("%1", result.title)
        if result.status not in ("unchanged", "outdated"):
            ctx.push_undo(text, result.group_id)
        ctx.status_message.emit(f"{text}. {kept_said(ctx, result)}" if result.kept else text)
        restored = [n for n in result.notes if n[0] == "restored"]
        if restored:
            QMessageBox.information(parent, title, text + "\n\n" + note_text(restored[0]))

    return ctx.tasks.run(read, on_done=chosen, on_error=lambda exc: _failed(parent, ctx, title, exc))
