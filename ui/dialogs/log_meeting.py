"""Log a meeting in a minute: one keyboard-first dialog, saved in one transaction.

Title, date and time (now by default), kind, location; organisations and attendees by
type-ahead (new ones created inline); agenda, minutes, decisions; follow-up actions with
quick due dates. Ctrl+Return saves. The same dialog edits a past meeting.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app import dashboard, lists, records, reorg, undo
from app.errors import ConflictError, RecordGone, ValidationError
from app.meetings import (
    Chosen,
    FollowUp,
    MeetingDraft,
    Saved,
    as_stored,
    joining_default,
    own_organisation_ids,
    restore_and_save,
    save,
)
from app.reorg import Link
from db import clock
from db.models import MEETING_KINDS
from ui import dupwarn, labels, widgets
from ui import team as team_ui
from ui.context import AppContext
from ui.datebox import DateTimeBox
from ui.dialogs import gone, meeting_draft
from ui.dialogs.conflict import ConflictDialog, merged_said
from ui.dialogs.followups import FollowUpEditor
from ui.dialogs.pickers import Picker
from ui.dialogs.prefilled import PrefilledNote
from ui.dupwarn import DuplicateWarning, peek, reason_text
from ui.meeting_logged_twice import LoggedTwiceCheck
from ui.not_written import error_text
from ui.service_words import service_text
from ui.widgets import ErrorLabel


class TabLeavesField(QObject):
    """Tab and Shift+Tab leave a date/time edit instead of stepping through its sections
    (the arrow keys still do that), so the dialog's tab order holds."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Backtab or (
                event.key() == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.dialog.focusPreviousChild()
                return True
            if event.key() == Qt.Key.Key_Tab:
                self.dialog.focusNextChild()
                return True
        return False


class _OverBottom(QObject):
    """Keeps ``label`` over the bottom of ``box``, its width, its background filled, outside the
    box's layout: showing or hiding it changes no other widget's place."""

    def __init__(self, box: QWidget, label: QLabel) -> None:
        super().__init__(box)
        self.box, self.label = box, label
        label.setParent(box)
        label.setAutoFillBackground(True)
        label.hide()
        box.installEventFilter(self)
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.place()
        return False

    def place(self) -> None:
        width = self.box.width()
        height = min(self.label.heightForWidth(width), self.box.height())
        self.label.setGeometry(0, self.box.height() - height, width, height)
        self.label.raise_()


class LogMeetingDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int | None = None,
        *,
        organisation_id: int | None = None,
        contact_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.version: int | None = None
        # an edit: the meeting as read (what the save starts from) and as shown (what was typed
        # over): app.meetings.MeetingDraft.base and .shown
        self._base: dict[str, Any] | None = None
        self._shown: dict[str, Any] | None = None
        self.saved_id: int | None = None
        self.merged_said = ""  # the status bar's sentence when a colleague's save was merged in
        # A colleague deleted the meeting while it was edited here, and the officer chose to
        # restore it: the saves from now on restore it and save in one unit of work.
        self._restoring = False
        # the last restore when the dialog opened: one after it makes the ids picked here doubtful
        # (reviewer: a contact picked, the database restored, another contact given the same id;
        # the meeting was saved with that other person)
        # (a SQLite file's own read, a millisecond; a team server is never restored from here)
        self._restore_seen = ""
        if ctx.engine.dialect.name == "sqlite":
            with ctx.read() as session:
                self._restore_seen = undo.restore_seen(session)
        self.setObjectName("log_meeting")
        self.setWindowTitle(self.tr("Edit meeting") if meeting_id else self.tr("Log meeting"))
        self.resize(*self._room(parent))

        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("What was the meeting about?"))
        now = clock.now()
        self.when = DateTimeBox(QDateTime(now.year, now.month, now.day, now.hour, now.minute, 0), self)
        self.when.setObjectName("when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(ctx.settings.qt_date_format() + " HH:mm")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for k in MEETING_KINDS:
            self.kind.addItem(labels.meeting_kind(k), k)
        self.location = QLineEdit(self)
        self.location.setObjectName("location")
        self.location.setPlaceholderText(self.tr("Where (e.g. Hòa Lạc, online)"))
        self.organisations = Picker(ctx, "organisation", self)
        self.attendees = Picker(ctx, "contact", self)
        # our own people who took part (reviewer h129: only an import could record them)
        self.staff = Picker(ctx, "staff", self)
        self.staff.setObjectName("staff")
        # a meeting has one or two organisations, one line each; its people two lines each (a
        # new one: the organisation joined): the height goes to the people
        one = self.organisations.chosen_view.fontMetrics().height() + 6
        self.organisations.chosen_view.setMaximumHeight(
            3 * one + 2 * self.organisations.chosen_view.frameWidth()
        )
        # one line each, two or three of us: the height goes to the notes under it
        self.staff.chosen_view.setMaximumHeight(3 * one + 2 * self.staff.chosen_view.frameWidth())
        self.agenda = self._text("agenda", self.tr("Agenda"))
        self.minutes = self._text("minutes", self.tr("What was said"))
        self.decisions = self._text("decisions", self.tr("What was decided"))
        self.confidential = team_ui.confidential_box(self)
        self.followups = FollowUpEditor(ctx, self, base=now.date())
        # Follow-ups are due after the meeting: the quick picks count from its day.
        self.when.dateChanged.connect(
            lambda d: self.followups.set_base(dt.date(d.year(), d.month(), d.day()))
        )
        with ctx.read() as s:
            self._staff = lists.staff_list(s)
            self._own = own_organisation_ids(s)  # a new person joins it only when chosen
        self.followups.own = self._own  # nor is a follow-up about it, unless chosen
        self.attendees.changed.connect(self._people_changed)
        self.organisations.changed.connect(self._organisations_changed)
        self.attendees.linked_known.connect(self._organisations_changed)
        self._people_changed()
        # A person or organisation typed as new may exist already (another spelling).
        self.duplicates: dict[str, DuplicateWarning] = {}
        self._saving_anyway: set[tuple[str, int]] = set()  # likely duplicates saved beside
        self.logged_twice = LoggedTwiceCheck(ctx, self)  # a new meeting a colleague logged already
        for entity, picker in (("contact", self.attendees), ("organisation", self.organisations)):
            warning = DuplicateWarning(ctx, entity, self, offer_use=True)
            warning.setObjectName(f"duplicate_warning_{entity}")
            warning.open_requested.connect(peek(ctx, self))
            warning.use_requested.connect(self._use_existing)
            picker.changed.connect(lambda e=entity: self._check_new(e))
            self.duplicates[entity] = warning
        self.organisations.changed.connect(self._joining_changed)
        # An organisation reorganised by the meeting's day: its successor, said in one line the
        # officer can undo (app.reorg.successors_on; reviewer: a meeting in 2026 was filed under
        # the ministry merged into Bộ Tài chính in 2025, with no word).
        self.successor_note = QLabel(self)
        self.successor_note.setObjectName("successor_note")
        self.successor_note.setWordWrap(True)
        self.successor_note.setTextFormat(Qt.TextFormat.RichText)
        self.successor_note.linkActivated.connect(self._successor_link)
        self.successor_note.hide()
        # the person or organisation selected in the list, filled in: said, one click to remove
        self.prefilled = PrefilledNote(self.attendees, self.organisations, self)
        self._as_was: set[int] = set()  # organisations chosen as they were: never replaced
        # successor id -> (the organisation it replaced, its label, the reorganisation)
        self._moved: dict[int, tuple[int, str, Link]] = {}
        self._splits: dict[int, tuple[str, list[Link]]] = {}  # split ones: which successor?
        self._following = False
        self.organisations.changed.connect(self._follow_successors)
        self.when.dateChanged.connect(lambda _d: self._follow_successors())

        self.errors = {
            name: ErrorLabel(self)
            for name in ("title", "starts_at", "attendees", "organisation_ids", "staff_ids", "general")
        }
        for name, label in self.errors.items():
            label.setObjectName(f"error_{name}")
        # A date and time typed that is none: said under the box as it is refused, and gone once
        # it reads (the box stays red, Save refuses it until then).
        self.when.refused.connect(self.errors["starts_at"].show_error)
        self.when.set_says_refusal(False)
        # the follow-up's due date mended (or put back with Escape): the bottom line about it goes
        self.followups.due.refused.connect(self._due_mended)
        self.when.dateTimeChanged.connect(lambda _v: self.errors["starts_at"].show_error(None))
        # a name typed in a picker and not added (see _typed_not_added): said until it is added
        # or the box cleared
        self._said_typed: dict[str, str] = {}
        self._typed_pickers = {
            "organisation_ids": self.organisations,
            "attendees": self.attendees,
            "staff_ids": self.staff,  # (no "new" entry: a name typed there is a colleague to pick)
        }
        for field, picker in self._typed_pickers.items():
            picker.input.textChanged.connect(lambda _t, f=field: self._typed_mended(f))
        # A time typed abroad ("21:00 JST"): the box shows the office's time, this says from what.
        self.when_abroad = QLabel(self)
        self.when_abroad.setObjectName("when_abroad")
        self.when_abroad.setWordWrap(True)
        self.when_abroad.hide()
        self.when.dateTimeChanged.connect(lambda _v: self.when_abroad.hide())
        self.when.converted.connect(self._said_abroad)
        if meeting_id is None:  # a day typed alone: 09:00 (as an import or `ketnoi` reads it),
            self.when.set_time_for_a_date(QTime(9, 0))  # not the time the dialog opened

        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        when_row.addWidget(self.kind)
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(labels.field_label("title"), self._with_error(self.title, "title"))
        left.addRow(labels.field_label("starts_at"), self._with_error(when_row, "starts_at"))
        left.addRow("", self.when_abroad)
        left.addRow("", self.when.note_label())  # "tomorrow 9:00 → Tue 08/12/2026"
        left.addRow(labels.field_label("location"), self.location)
        left.addRow(
            labels.field_label("organisation_ids"), self._with_error(self.organisations, "organisation_ids")
        )
        left.addRow("", self.successor_note)
        left.addRow("", self.duplicates["organisation"])
        left.addRow(labels.field_label("attendees"), self._with_error(self.attendees, "attendees"))
        left.addRow("", self.duplicates["contact"])
        right = QFormLayout()
        right.addRow(labels.field_label("staff_ids"), self._with_error(self.staff, "staff_ids"))
        right.addRow(labels.field_label("agenda"), self.agenda)
        right.addRow(labels.field_label("minutes"), self.minutes)
        right.addRow(labels.field_label("decisions"), self.decisions)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addLayout(left, 5)  # the people and their organisations: wider
        top.addLayout(right, 4)
        fu_box = QGroupBox(self.tr("Follow-up actions"), self)
        QVBoxLayout(fu_box).addWidget(self.followups)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Ctrl+Return")
        for button in self.findChildren(QPushButton):  # Enter never clicks a button by surprise
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(seq), self, self.save)
        layout = QVBoxLayout(self)
        # the follow-ups share the height with the fields above (reviewer h96: at 720 px their
        # table showed two rows and a half while the lists of one organisation and two people
        # kept four rows each)
        layout.addLayout(top, 4)
        layout.addWidget(fu_box, 2)
        layout.addWidget(self.errors["general"])
        bottom = QHBoxLayout()
        bottom.addWidget(self.confidential)
        bottom.addSpacing(12)
        # beside Save, where the eyes are before Ctrl+Return; it takes no height from the lists
        bottom.addWidget(self.prefilled, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self._tab_order()
        if meeting_id:
            self._load(meeting_id)
        else:
            self._prefill(contact_id, organisation_id)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self._tab_leaves = TabLeavesField(self)
        for w in (self.when, self.followups.due):
            w.installEventFilter(self._tab_leaves)
        self._confirmed_discard = False
        self._initial = self._fingerprint()
        # a new meeting: what is typed kept on disk a second after it is typed, offered back
        # after a crash (ui.dialogs.meeting_draft; reviewer h108: a kill -9 lost all of it)
        self._draft: meeting_draft.DraftWatch | None = None
        if meeting_id is None:
            self._draft = meeting_draft.DraftWatch(self)
            self._draft.start()
            self.finished.connect(self._draft.stop)

    def _tab_order(self) -> None:
        for a, b in (
            (self.title, self.when),
            (self.when, self.kind),
            (self.kind, self.location),
            (self.location, self.organisations.input),
            (self.organisations.input, self.attendees.input),
            (self.attendees.input, self.staff.input),
            (self.staff.input, self.agenda),
            (self.agenda, self.minutes),
            (self.minutes, self.decisions),
            (self.decisions, self.followups.what),
            (self.followups.what, self.followups.about),
            (self.followups.about, self.followups.other),
            (self.followups.other, self.followups.who),
            (self.followups.who, self.followups.direction),
            (self.followups.direction, self.followups.due),
            (self.followups.due, self.followups.add_button),
            (self.followups.add_button, self.confidential),
        ):
            QWidget.setTabOrder(a, b)

    def _prefill(self, contact_id: int | None, organisation_id: int | None) -> None:
        """A new meeting: the person or organisation it was asked from, and the one logging it."""
        person_filled: Chosen | None = None
        organisation_filled: Chosen | None = None
        with self.ctx.read() as s:
            if contact_id:  # "log a meeting with this person": them, and their organisation
                person = records.get(s, "contact", contact_id)
                person_filled = Chosen(contact_id, person["full_name"])
                self.attendees.add(person_filled)
                organisation_id = organisation_id or person.get("organisation_id")
            if organisation_id:
                org_name = records.label(s, "organisation", organisation_id)
                organisation_filled = Chosen(organisation_id, org_name)
                self.organisations.add(organisation_filled)
        self.prefilled.fill(person_filled, organisation_filled)  # said, one click to remove
        # the person logging it ("I am" in Settings) took part, most days
        if (me := self._me()) is not None:
            self.staff.add(me)

    @staticmethod
    def _room(parent: QWidget | None) -> tuple[int, int]:
        """980×660, or as much of the screen as the taskbar and the window's frame leave, up to
        1200×760 (reviewer h108: at 1366×768 the attendees showed two rows and a half, a third
        person's organisation hidden, while 80 px of the screen's height stood unused)."""
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is None:
            return 980, 660
        room = screen.availableGeometry()
        return max(980, min(1200, room.width() - 80)), max(660, min(760, room.height() - 40))

    def _me(self) -> Chosen | None:
        """The staff member chosen under Settings → "I am", if any (one still working here)."""
        me = self.ctx.staff_id
        name = dict(self._staff).get(me) if me else None
        return Chosen(me, name) if me and name else None

    def typed_anything(self) -> bool:
        """Something typed or chosen since the dialog opened (and not discarded)."""
        return not self._confirmed_discard and self._fingerprint() != self._initial

    def offer_draft(self) -> bool:
        """A meeting typed here before and never saved nor discarded (the app was killed, the
        power cut): "Recover the meeting you were typing at 10:32?". Recover types it back in
        (nothing is saved until Save); Discard removes the draft. True when put back."""
        found = self._draft.found() if self._draft is not None else None
        if self._draft is None or found is None:
            return False
        said = meeting_draft.said_at(self.ctx, found.written_at)
        if meeting_draft.ask_recover(self.parentWidget() or self, said):
            meeting_draft.put_back(self, found.fields)
            return True
        self._draft.keeper.drop()  # discarded: what is typed now is kept from here on
        return False

    def _fingerprint(self) -> tuple[Any, ...]:
        """What the user has typed or chosen, to tell whether closing would lose anything."""
        return (
            self.title.text(),
            self.when.dateTime().toString(),
            self.kind.currentData(),
            self.location.text(),
            self.agenda.toPlainText(),
            self.minutes.toPlainText(),
            self.decisions.toPlainText(),
            self.confidential.isChecked(),
            repr(self.organisations.values()),
            repr(self.attendees.values()),
            repr(self.staff.values()),
            len(self.followups.new_items()),
            self.followups.what.text(),
        )

    def reject(self) -> None:
        """Esc and Cancel ask before dropping what was typed; never close during a save."""
        if not self.buttons.isEnabled():
            return  # a save is running: its result (or error) must be seen
        unsaved = self.typed_anything()
        if unsaved and not widgets.confirm_discard(self, self.tr("Discard this meeting?")):
            return
        if self._draft is not None:  # discarded on purpose: its draft goes too
            self._draft.drop()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next field (a half-typed meeting is never saved by accident); on
        the follow-ups' Add button it adds."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.focusWidget() is self.followups.add_button:  # Tab to "Add", Enter: added
                self.followups.add_button.click()  # (reviewer h149: the focus moved on, nothing added)
            elif self.focusWidget() is not self.followups.what:  # there Enter added a follow-up
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        w = QPlainTextEdit(self)
        w.setObjectName(name)
        w.setPlaceholderText(placeholder)
        w.setTabChangesFocus(True)
        return w

    def _due_mended(self, problem: str) -> None:
        if not problem and self.errors["general"].text().startswith("⚠ " + self._due_said("")):
            self.errors["general"].show_error(None)

    def _due_said(self, problem: str) -> str:
        return self.tr("Follow-up due date: %1").replace("%1", problem)

    def _said_abroad(self, text: str) -> None:
        """The time typed abroad and what it is in Hanoi, under the box ("" hides it)."""
        self.when_abroad.setText(text)
        self.when_abroad.setVisible(bool(text))

    def _with_error(self, item: Any, name: str) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        if isinstance(item, QHBoxLayout):
            lay.addLayout(item)
        else:
            lay.addWidget(item)
        if name in self._typed_pickers:
            # A picker's warning ("… is typed but not added") lies over the foot of its list, out
            # of the layout: shown, it moves nothing (reviewer h143: it pushed the follow-ups
            # down ~40 px under the pointer, and the next click landed in the wrong field).
            _OverBottom(box, self.errors[name])
        else:
            lay.addWidget(self.errors[name])
        return box

    def _joining_changed(self) -> None:
        """The meeting's organisations changed: those a new person can join, and so who can be
        responsible for a follow-up about one of them."""
        organisations = self.organisations.values()
        self.attendees.set_meeting_organisations(organisations, joining_default(organisations, self._own))
        self._people_changed()

    def _people_changed(self) -> None:
        self.followups.set_people(
            self._staff, [(c.key, c.label) for c in self.attendees.values()], self.attendees.joining()
        )
        self._organisations_changed()

    def _organisations_changed(self) -> None:
        """A follow-up can be about the meeting's organisations and the attendees' (which the
        save links to the meeting), or any other. The attendees' are those the picker has read
        off the UI thread so far (:attr:`Picker.linked`); each is offered once known."""
        theirs: dict[str, str] = {}
        for c in self.attendees.values():
            found = self.attendees.linked.get(c.id) if c.id is not None else None
            if found:
                theirs.setdefault(f"id:{found[0]}", found[1])
        self.followups.set_organisations(
            [(c.key, c.label) for c in self.organisations.values()], list(theirs.items())
        )

    def _picker(self, entity: str) -> Any:
        return self.attendees if entity == "contact" else self.organisations

    def _check_new(self, entity: str) -> None:
        new = [c for c in self._picker(entity).values() if c.id is None]
        warning = self.duplicates[entity]
        if not new:
            warning.clear()
            return
        if entity == "contact":
            orgs = [c.id for c in self.organisations.values() if c.id is not None]
            warning.check(
                {"full_name": new[-1].label, "organisation_id": orgs[0] if len(orgs) == 1 else None}
            )
        else:
            warning.check({"name": new[-1].label})

    def _use_existing(self, entity: str, record_id: int, label: str) -> None:
        """Replace the last person/organisation typed as new by the existing record."""
        picker = self._picker(entity)
        items = list(picker.values())
        for n in range(len(items) - 1, -1, -1):
            if items[n].id is None:
                items[n] = Chosen(record_id, label, items[n].role)
                break
        unique: dict[str, Chosen] = {}
        for c in items:
            unique.setdefault(c.key, c)
        picker.set_values(list(unique.values()))
        self._check_new(entity)
        # Typing goes on in the attendees' box: the next person to add after an organisation,
        # or another one after a person (the focus never stays on a hidden button, which gave
        # it to Save, and a Space then saved the meeting half-typed).
        self.attendees.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _day(self) -> dt.date:
        d = self.when.date()
        return dt.date(d.year(), d.month(), d.day())

    def _follow_successors(self) -> None:
        """The meeting's organisations reorganised by its day are their successors (a merger
        or a renaming: put in, said in the note, with a link back to the old one; a split: the
        note asks which); back to the old one when the day moves before the reorganisation."""
        if self._following:
            return
        self._following = True
        try:
            day = self._day()
            chosen = {c.id for c in self.organisations.values() if c.id is not None}
            for new, (old, old_label, link) in list(self._moved.items()):
                if new not in chosen:
                    del self._moved[new]  # removed by hand: nothing to say
                elif day < link.effective_on:  # dated before it now: as the officer chose it
                    del self._moved[new]
                    self.organisations.replace(f"id:{new}", Chosen(old, old_label))
            ids = [c.id for c in self.organisations.values() if c.id is not None and c.id not in self._as_was]
            with self.ctx.read() as s:
                now = reorg.successors_on(s, ids, day)
            labels_of = {c.id: c.label for c in self.organisations.values()}
            self._splits = {old: (labels_of[old], links) for old, links in now.items() if len(links) > 1}
            for old, links in now.items():
                if len(links) == 1:
                    link = links[0]
                    self._moved[link.id] = (old, labels_of[old], link)
                    self.organisations.replace(f"id:{old}", Chosen(link.id, link.name))
        finally:
            self._following = False
        self._say_successors()

    def _say_successors(self) -> None:
        fmt = self.ctx.settings.fmt_date
        lines = [
            self.tr('%1 became %2 on %3: the meeting is with %2. <a href="keep:%4">Keep %1</a>')
            .replace("%1", escape(old_label))
            .replace("%2", escape(link.name))
            .replace("%3", fmt(link.effective_on))
            .replace("%4", str(new))
            for new, (_old, old_label, link) in self._moved.items()
        ]
        for old, (label, links) in self._splits.items():
            choices = " · ".join(f'<a href="split:{old}:{x.id}">{escape(x.name)}</a>' for x in links)
            lines.append(
                self.tr('%1 was split on %2: which was the meeting with? %3 · <a href="keep:%4">Keep %1</a>')
                .replace("%1", escape(label))
                .replace("%2", fmt(links[0].effective_on))
                .replace("%3", choices)
                .replace("%4", f"old{old}")
            )
        self.successor_note.setText("<br>".join(lines))
        self.successor_note.setVisible(bool(lines))

    def _successor_link(self, href: str) -> None:
        """A link of the note: keep the old organisation (chosen as it was), or a split's
        successor."""
        kind, _sep, rest = href.partition(":")
        if kind == "keep" and rest.startswith("old"):  # a split one, kept as it was
            self._as_was.add(int(rest[3:]))
        elif kind == "keep" and int(rest) in self._moved:
            old, old_label, _link = self._moved.pop(int(rest))
            self._as_was.add(old)
            self._following = True
            try:
                self.organisations.replace(f"id:{rest}", Chosen(old, old_label))
            finally:
                self._following = False
        elif kind == "split":
            old_text, _sep, new_text = rest.partition(":")
            old, new = int(old_text), int(new_text)
            links = self._splits.get(old, ("", []))[1]
            link = next((x for x in links if x.id == new), None)
            if link is not None:
                self._moved[new] = (old, self._splits[old][0], link)
                self._following = True
                try:
                    self.organisations.replace(f"id:{old}", Chosen(new, link.name))
                finally:
                    self._following = False
        self._follow_successors()

    def _load(self, meeting_id: int) -> None:
        with self.ctx.read() as s:
            m = records.get(s, "meeting", meeting_id)
            orgs = [Chosen(o, records.label(s, "organisation", o)) for o in m.get("organisation_ids", [])]
            staff = [Chosen(i, records.label(s, "staff", i)) for i in m.get("staff_ids", [])]
            actions = dashboard.actions_for(s, meeting_id=meeting_id)
        self._as_was.update(o.id for o in orgs if o.id is not None)  # saved so: not changed unasked
        self.version = m["version"]
        self._base = self._shown = as_stored(m)
        self.title.setText(m["title"])
        st: dt.datetime = m["starts_at"]
        self.when.setDateTime(QDateTime(st.year, st.month, st.day, st.hour, st.minute, 0))
        self.kind.setCurrentIndex(max(0, self.kind.findData(m["kind"])))
        self.location.setText(m.get("location") or "")
        self.agenda.setPlainText(m.get("agenda") or "")
        self.minutes.setPlainText(m.get("minutes") or "")
        self.decisions.setPlainText(m.get("decisions") or "")
        self.confidential.setChecked(bool(m.get("confidential")))
        self.organisations.set_values(orgs)
        self.attendees.set_values(
            [Chosen(a["contact_id"], a.get("full_name", ""), a["role"]) for a in m["attendees"]]
        )
        self.staff.set_values(staff)
        for a in actions:
            self.followups.add_existing(
                FollowUp(
                    a["title"],
                    "",
                    a.get("responsible") or "",
                    a["direction"],
                    a["due_date"],
                    existing_id=a["id"],
                    status=a.get("status") or "open",
                    completed_on=a.get("completed_on"),
                    organisation_label=a.get("organisation") or "",
                )
            )

    def draft(self) -> MeetingDraft:
        q = self.when.dateTime()
        d, t = q.date(), q.time()
        starts = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        values: dict[str, Any] = {
            "title": self.title.text(),
            "starts_at": starts,
            "kind": self.kind.currentData(),
            "location": self.location.text(),
            "agenda": self.agenda.toPlainText(),
            "minutes": self.minutes.toPlainText(),
            "decisions": self.decisions.toPlainText(),
            "confidential": self.confidential.isChecked(),
        }
        if self.meeting_id is None and self.ctx.staff_id:
            values["owner_id"] = self.ctx.staff_id
        pending = self.followups.what.text().strip()
        if pending:  # typed but not yet added: do not lose it
            self.followups.add_current()
        return MeetingDraft(
            values,
            self.organisations.values(),
            self.attendees.values(),
            self.followups.new_items(),
            self.meeting_id,
            self.version,
            base=self._base,
            shown=self._shown,
            staff_ids=[c.id for c in self.staff.values() if c.id is not None],
        )

    def save(self) -> None:
        if not self.buttons.isEnabled():
            return
        for label in self.errors.values():
            label.show_error(None)
        # Ctrl+Return after a date typed: read it first; one that is none stops the save, said
        # by its field (reviewer: the meeting was saved at "now", the text typed thrown away).
        problem = self.when.problem()
        if problem:
            self.errors["starts_at"].show_error(problem)
            self.when.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        problem = self.followups.due.problem()
        if problem:
            self.errors["general"].show_error(self._due_said(problem))
            self.followups.due.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._typed_not_added():
            return
        if not self._no_likely_duplicate():
            return
        draft, actor = self.draft(), self.ctx.actor()
        self.buttons.setEnabled(False)
        if self.meeting_id is None:
            self.logged_twice.before_saving(
                draft,
                actor,
                write=lambda: self._write(draft, actor),
                back=lambda: self.buttons.setEnabled(True),
            )
        else:
            self._write(draft, actor)

    def _typed_not_added(self) -> bool:
        """A name typed in the organisations' or attendees' box and not added (Enter, or a click
        on a suggestion) stops the save, said under that box, the focus there with what Enter
        would add shown (reviewer h129: "Viettel" typed, a click elsewhere, Save: the meeting was
        saved with no organisation). It is not added for the officer: the first of several
        matches, or a new record with the letters as typed ("le minh chau"), would be a guess."""
        for field, picker in self._typed_pickers.items():
            typed = picker.input.text().strip()
            if typed:
                said = self.tr("“%1” is typed but not added: press Enter to add it, or clear the box")
                self._said_typed[field] = typed
                self.errors[field].show_error(said.replace("%1", typed))
                picker.input.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _typed_mended(self, field: str) -> None:
        """The box said to hold a name not added was cleared or its name added: said no more."""
        picker = self._typed_pickers[field]
        if field in self._said_typed and not picker.input.text().strip():
            del self._said_typed[field]
            self.errors[field].show_error(None)

    def _write(self, draft: MeetingDraft, actor: str) -> None:
        write = restore_and_save if self._restoring and draft.meeting_id is not None else save
        seen, lang = self._restore_seen, self.ctx.lang()

        def checked_then_saved(s: Any) -> Any:
            undo.check_not_restored_since(s, seen, lang)
            return write(s, draft, actor=actor)

        self.ctx.write(
            checked_then_saved,
            entity="",
            on_done=self._saved,
            on_error=self._failed,
        )

    def _no_likely_duplicate(self) -> bool:
        """A person or organisation typed as new that is very probably one already saved (the
        strip under it says so) asks once: save a second one anyway, open the existing one, or
        go back (where "Use this one" is). A look-up still running is waited for."""
        for entity, warning in self.duplicates.items():
            if warning.pending():
                self.buttons.setEnabled(False)  # no second save while the look-up answers
                warning.when_settled(self._save_after_look_up)
                return False
            likely = [c for c in warning.likely() if (entity, c.id) not in self._saving_anyway]
            if not likely or not any(c.id is None for c in self._picker(entity).values()):
                continue
            best = likely[0]
            why = ", ".join(dict.fromkeys(reason_text(r) for r in best.reasons))
            name = best.label + (f" ({best.subtitle})" if best.subtitle else "")
            choice = dupwarn.ask_about_duplicate(self, entity, name, why)
            if choice == "open":
                peek(self.ctx, self)(entity, best.id)
            if choice != "save":
                return False
            self._saving_anyway.update((entity, c.id) for c in likely)
        return True

    def _save_after_look_up(self) -> None:
        if isValid(self) and self.isVisible():
            self.buttons.setEnabled(True)
            self.save()

    def _saved(self, saved: Saved) -> None:
        if self._restoring:  # said, as the dialog closes: the meeting is in its list again
            self.ctx.status_message.emit(
                self.tr("“%1” is back from the trash, with your changes saved.").replace(
                    "%1", self.title.text()
                )
            )
        if saved.merged:  # a colleague saved other fields meanwhile: both kept, said in the status bar
            self.merged_said = merged_said(self.ctx, self.title.text(), saved.saved)
            self.ctx.status_message.emit(self.merged_said)
        self.saved_id = saved.meeting_id
        if self._draft is not None:  # saved: nothing to recover
            self._draft.drop()
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            placed = {k: v for k, v in exc.errors.items() if k in self.errors and exc.entity == "meeting"}
            for name, message in placed.items():
                self.errors[name].show_error(service_text(message))
            rest = [
                f"{labels.entity_name(exc.entity) if exc.entity != 'meeting' else ''} "
                f"{labels.field_label(k)}: {service_text(v)}".strip()
                for k, v in exc.errors.items()
                if k not in placed
            ]
            if rest:
                self.errors["general"].show_error("; ".join(rest))
            if "title" in placed:
                self.title.setFocus()
        elif isinstance(exc, ConflictError):
            # Someone saved a field changed here too (the others were merged, never asked about):
            # their value beside yours. "Save mine" writes the fields changed here over the
            # version now stored, theirs elsewhere kept; otherwise the next save asks again.
            named = self._named(exc)
            dialog = ConflictDialog(self.ctx, named, self)
            dialog.exec()
            if dialog.choice == "mine":
                self.version, self._base = exc.current_version, exc.current
                self.save()
            elif dialog.choice == "theirs":
                self._confirmed_discard = True
                self.reject()
            else:  # the field both changed, their value and yours, in the window's language
                self.errors["general"].show_error(error_text(named))
        elif isinstance(exc, RecordGone) and exc.entity == "meeting" and exc.entity_id == self.meeting_id:
            self._gone(exc)
        elif isinstance(exc, undo.RestoredSinceOpened):
            # the people and organisations picked by id taken out (those typed as new stay), the
            # restore held from now on: the next save is of what is picked again
            self._restore_seen = exc.seen
            self.attendees.set_values([c for c in self.attendees.values() if c.id is None])
            self.organisations.set_values([c for c in self.organisations.values() if c.id is None])
            self.errors["general"].show_error(str(exc))
        else:
            self.errors["general"].show_error(str(exc))

    def _gone(self, exc: RecordGone) -> None:
        """A colleague deleted the meeting (or emptied the trash) since the dialog opened: said
        who and when, in the window's language, with the way on the record form offers
        (ui.dialogs.gone). Deleted: restored and saved with what was typed here, in one unit of
        work (app.meetings.restore_and_save). Removed for good: saved as a new meeting. What was
        typed stays in the dialog whatever the answer. (Meetings are never merged: a merged one
        would be said, with no way on.)"""
        way = gone.way_on(self.ctx, exc, "meeting", int(self.meeting_id or 0), follow_merge=False)
        self.errors["general"].show_error(way.said)
        if not gone.offer(self, way):
            return
        self.errors["general"].show_error(None)
        if way.how == "deleted":
            self._restoring = True
        else:  # removed for good: a new meeting, with the follow-ups typed here
            self.meeting_id = self.version = self._base = self._shown = None
            self._restoring = False
            self.setWindowTitle(self.tr("Log meeting"))
        self.save()

    def _named(self, exc: ConflictError) -> ConflictError:
        """``exc`` as the conflict dialog shows it: attendees and organisations by name."""
        known = {c.id: c.label for c in (*self.attendees.values(), *self.organisations.values())}

        def names(kind: str, ids: list[int]) -> list[str]:
            with self.ctx.read() as s:
                return [known.get(i) or records.label(s, kind, i) for i in ids]

        def shown(values: dict[str, Any]) -> dict[str, Any]:
            out = dict(values)
            if isinstance(values.get("attendees"), list):
                out["attendees"] = names("contact", [a["contact_id"] for a in values["attendees"]])
            if isinstance(values.get("organisation_ids"), list):
                out["organisation_ids"] = names("organisation", list(values["organisation_ids"]))
            if isinstance(values.get("staff_ids"), list):  # (ids of another table: not ``known``)
                with self.ctx.read() as s:
                    out["staff_ids"] = [records.label(s, "staff", i) for i in values["staff_ids"]]
            return out

        return ConflictError(
            exc.entity,
            exc.entity_id,
            exc.label,
            expected_version=exc.expected_version,
            current_version=exc.current_version,
            current=shown(exc.current),
            attempted=shown(exc.attempted),
            restored=exc.restored,
            clashing=exc.clashing,
            saved=exc.saved,  # (who saved it meanwhile: the dialog names them, as the contact's does)
        )
