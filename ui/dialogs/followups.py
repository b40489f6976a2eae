"""Follow-up actions added inline while logging a meeting: what, about which organisation, who,
which way, by when.

A follow-up is about one of the meeting's organisations or an attendee's (by default the first
that is not our own office: the counterpart; "—" when every one listed is ours — reviewer h129: a
follow-up added to a meeting with MOST, NIC listed first, was filed under NIC), or any other
("Other organisation…" opens a type-ahead: "Issue introduction letter to Genetica" from a meeting
with MOST is Genetica's). Who can be responsible is listed in groups, each under
its title: the people of the organisation it is about (its attendees first, a new person joining
it too, then its other contacts, its departments' included), the other attendees, our staff —
the side that owes first. Something they owe starts with the first person of that organisation,
never an attendee of another (reviewer: "They owe" with MOST jumped to NIC's attendee, and MOST's
own people could not be chosen); something we owe, with the current user.

Return in the "what" field or in the due date adds the follow-up, and the next one starts as
"we owe" again (reviewer: a we-owe item filed as they-owe, the direction kept from the one
before); Ctrl+1 / Ctrl+2 / Ctrl+3 set the due date to tomorrow, in a week, or the end of the
month; "No due date" (Ctrl+0, or the box's text cleared) leaves it without one (reviewer h129:
the box could not be emptied, while the command line and Edit action allowed it); Delete removes
the selected follow-up; F2, Enter or a double-click puts a follow-up added
here back in the editor (Add then puts it back where it was).
A deadline typed at the end of the text ("Gửi thư giới thiệu trước thứ sáu") sets the due date
while the box is not set by hand (:mod:`ui.dialogs.followup_deadline`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import dashboard, records, workdays
from app.due import quick_due
from app.meetings import FollowUp
from db.engine import read_session
from ui import labels
from ui.context import AppContext
from ui.datebox import DateBox
from ui.dialogs.followup_deadline import DeadlineInText
from ui.fit import ElidedComboBox
from ui.icons import icon
from ui.widgets import Lookup

OTHER = "other"  # the "Other organisation…" entry of the organisation box
PEOPLE_OF_ORGANISATION = 30  # at most this many of a chosen organisation's people offered


class FollowUpEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, base: dt.date) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.base = base  # the meeting's day: quick picks count from it
        self.items: list[FollowUp] = []
        self._people_read = 0  # the latest read of an organisation's people: older answers dropped
        self.what = QLineEdit(self)
        self.what.setObjectName("followup_what")
        self.what.setPlaceholderText(self.tr("Follow-up: what is to be done (Enter adds it)"))
        self.about = ElidedComboBox(self)
        self.about.setObjectName("followup_organisation")
        self.about.setMinimumContentsLength(12)
        self.about.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.about.set_tip(self.tr("The organisation this follow-up is about"))
        self.other = Lookup(ctx, "organisation", self)
        self.other.setObjectName("followup_other_organisation")
        self.other.setPlaceholderText(self.tr("Other organisation: name or acronym"))
        self.other.hide()
        self.other.picked.connect(self._other_picked)
        self._meeting_orgs: list[tuple[str, str]] = []
        self._extra_orgs: list[tuple[str, str]] = []  # organisations picked through "Other…"
        # our own office's organisations (app.meetings.own_organisation_ids): never the default
        self.own: set[int] = set()
        self._about_chosen = False  # the user picked what it is about: kept as the lists change
        self._staff: list[tuple[int, str]] = []
        self._attendees: list[tuple[str, str]] = []
        self._org_people: list[tuple[str, str]] = []
        self._joining: dict[str, str] = {}  # a new attendee's key → the organisation they join
        self._their_side: set[str] = set()  # the "who" entries of the organisation it is about
        self.who = ElidedComboBox(self)
        self.who.setObjectName("followup_who")
        # The user picked a Responsible: lists filled again keep it; until then it follows the
        # direction (we owe: the current user or nobody; they owe: the first attendee). A switch
        # of direction by the user drops a Responsible from the wrong side (one of our staff for
        # something they owe, one of their people for something we owe) for the new default;
        # a Responsible picked after that switch is kept with the direction the user chose.
        self._who_chosen = False
        self._direction_chosen = False  # the user set the direction of this follow-up
        self._keep_who = ""  # a follow-up back in the editor: its Responsible, once listed
        self._editing_at: int | None = None  # ...and its place in the list
        self.who.setMinimumContentsLength(16)
        self.who.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.direction = QComboBox(self)
        self.direction.setObjectName("followup_direction")
        for d in ("we_owe", "they_owe"):
            self.direction.addItem(labels.direction(d), d)
        self.due = DateBox(self)
        self.due.setObjectName("followup_due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(ctx.settings.qt_date_format())
        # no due date: the box at its minimum, which shows these words (Qt's special value)
        self.due.setSpecialValueText(self.tr("No due date"))
        self.due.calendarWidget().installEventFilter(self)  # opened with none: the meeting's month
        self.due.dateChanged.connect(self._stepped_from_none)
        # a deadline at the end of the text sets the due date while the box is not set by hand
        self.deadline = DeadlineInText(self.what, self.due, lambda: self.base, self._calendar, self)
        self.deadline.place(quick_due("week", base))
        # "next friday", "+3 working days", "ngày mai" typed count from the meeting's day, as the
        # picks do (reviewer h143: the letters were swallowed and Enter added the default date)
        self.due.read_words_from(lambda: self.base, self._calendar, named=self.tr("the meeting's day"))
        # room for the words as they are typed ("+3 ngày làm việc" was cut in a box sized to a date)
        words = max(self.fontMetrics().horizontalAdvance(w) for w in ("+3 working days", "thứ sáu tuần sau"))
        self.due.setMinimumWidth(words + 40)
        self.quick: list[QPushButton] = []
        for text, key, delta in (
            (self.tr("+1 day"), "Ctrl+1", "day"),
            (self.tr("+1 week"), "Ctrl+2", "week"),
            (self.tr("End of month"), "Ctrl+3", "month"),
            (self.tr("+3 working days"), "Ctrl+4", "3workdays"),
        ):
            b = QPushButton(text, self)
            b.setObjectName(f"due_{delta}")
            b.setToolTip(key)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _c=False, d=delta: self.quick_pick(d))
            QShortcut(
                QKeySequence(key),
                self,
                lambda d=delta: self.quick_pick(d),
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
            self.quick.append(b)
        self.no_due = QPushButton(self.tr("No due date"), self)
        self.no_due.setObjectName("due_none")
        self.no_due.setToolTip("Ctrl+0")
        self.no_due.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.no_due.clicked.connect(lambda: self.set_due(None))
        QShortcut(
            QKeySequence("Ctrl+0"),
            self,
            lambda: self.set_due(None),
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.quick.append(self.no_due)
        self.add_button = QPushButton(icon("new"), self.tr("Add"), self)
        self.add_button.setObjectName("followup_add")
        self.add_button.clicked.connect(self.add_current)
        self.what.returnPressed.connect(self.add_current)
        self.who.currentIndexChanged.connect(self._who_changed)
        self.direction.currentIndexChanged.connect(self._direction_changed)
        self.about.currentIndexChanged.connect(self._about_changed)
        self.about.activated.connect(self._about_picked)

        self.list = QTreeWidget(self)
        self.list.setObjectName("followup_list")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [
                self.tr("Follow-up"),
                self.tr("About"),
                self.tr("Responsible"),
                self.tr("Direction"),
                self.tr("Due"),
            ]
        )
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the title takes the room left, not the due date (reviewer h108: "Qualcomm gửi thông
        # tin chươ…" cut while 170-200 px stood empty right of "Hạn", the last column stretched)
        self.list.header().setStretchLastSection(False)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.installEventFilter(self)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.due.installEventFilter(self)
        self.list.setMaximumHeight(self.fontMetrics().height() * 8)

        row1 = QHBoxLayout()
        row1.setSpacing(6)
        row1.addWidget(self.what, 3)
        row1.addWidget(self.about, 2)
        row1.addWidget(self.other, 2)
        row1.addWidget(self.who, 2)
        row1.addWidget(self.direction)
        row2 = QHBoxLayout()
        row2.setSpacing(6)
        row2.addWidget(self.due)
        for b in self.quick:
            row2.addWidget(b)
        row2.addStretch(1)
        row2.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row1)
        layout.addLayout(row2)
        note = self.due.note_label()  # under the row: why a date is refused, what words became
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.deadline.note)  # "due Fri 11/12 (from “trước thứ sáu”) · keep …"
        layout.addWidget(self.list)
        self.set_organisations([], [])
        self.set_people([], [])

    def set_due(self, day: dt.date | None) -> None:
        """Due on ``day``; None: no due date (the person's choice for this follow-up: a
        deadline in its text is then left in the title)."""
        self.deadline.choose()
        self.due.setDate(self.due.minimumDate() if day is None else QDate(day.year, day.month, day.day))

    def _stepped_from_none(self, d: QDate) -> None:
        """An arrow key or the wheel on "No due date" steps from the box's minimum (1752): a week
        after the meeting instead."""
        if d != self.due.minimumDate() and d.year() < 1900 and not self.deadline.placing:
            self.set_due(quick_due("week", self.base))

    def due_date(self) -> dt.date | None:
        """The due date chosen; None: no due date."""
        d = self.due.date()
        if d == self.due.minimumDate():
            return None
        return dt.date(d.year(), d.month(), d.day())

    def quick_pick(self, which: str) -> None:
        cal = None
        if which in ("workday", "3workdays"):  # the office's days off too (a small table)
            cal = self._calendar()
        self.set_due(quick_due(which, self.base, cal))

    def _calendar(self) -> workdays.WorkCalendar:
        with self.ctx.read() as s:
            return workdays.load_calendar(s)

    def set_base(self, day: dt.date) -> None:
        """The meeting moved to ``day``: picks count from it, and a due date left at its
        default (a week after the meeting) moves along; one the user typed stays."""
        old, self.base = self.base, day
        if self.deadline.base_moved(quick_due("week", old), quick_due("week", day)):
            return  # a deadline read from the text: counted again from the new day
        if self.due_date() == quick_due("week", old):
            self.deadline.place(quick_due("week", day))

    def set_organisations(self, meeting: list[tuple[str, str]], attendees: list[tuple[str, str]]) -> None:
        """What a follow-up can be about: the meeting's organisations (``Chosen.key``, label), the
        attendees' (``id:<n>``), those picked before, any other. The default is the first that
        is not our own office (:attr:`own`), else "—" (none); one the user picked is kept."""
        self._meeting_orgs = list(meeting)
        current = self.about.currentData()
        self.about.blockSignals(True)
        self.about.clear()
        entries: dict[str, str] = {}
        for key, name in (*meeting, *attendees, *self._extra_orgs):
            entries.setdefault(key, name)
        ours = {f"id:{o}" for o in self.own}
        counterpart = next((key for key in entries if key not in ours), "")
        if not counterpart:  # none listed, or only our own office: about none unless picked
            self.about.addItem("—", "")
        for key, name in entries.items():
            self.about.addItem(icon("organisation"), name, key)
        self.about.addItem(icon("search"), self.tr("Other organisation…"), OTHER)
        index = self.about.findData(current) if self._about_chosen and current != OTHER else -1
        if index < 0:
            self._about_chosen = False
            index = max(0, self.about.findData(counterpart))
        self.about.setCurrentIndex(index)
        self.about.blockSignals(False)
        self._about_changed(self.about.currentIndex())

    def add_organisation(self, organisation_id: int, label: str) -> None:
        """Offer ``organisation_id`` (picked through "Other organisation…") and choose it."""
        key = f"id:{organisation_id}"
        if all(k != key for k, _ in self._extra_orgs):
            self._extra_orgs.append((key, label))
        if self.about.findData(key) < 0:
            self.about.insertItem(self.about.count() - 1, icon("organisation"), label, key)
        self.about.setCurrentIndex(self.about.findData(key))
        self._about_chosen = True

    def _about_picked(self, _i: int) -> None:
        """The user chose what the follow-up is about (an "Other organisation…" is chosen once
        picked there): kept when the meeting's organisations or people change."""
        if self.about.currentData() != OTHER:
            self._about_chosen = True

    def _other_picked(self, organisation_id: int) -> None:
        with self.ctx.read() as s:
            label = records.label(s, "organisation", organisation_id)
        self.other.set_record(None, "")
        self.other.hide()
        self.add_organisation(organisation_id, label)
        self.who.setFocus()

    def _about_changed(self, _i: int) -> None:
        key = str(self.about.currentData() or "")
        if key == OTHER:
            self.other.show()
            self.other.setFocus()
            self._set_org_people([])
            return
        self.other.hide()
        self._people_read += 1
        if not key.startswith("id:"):
            self._set_org_people([])
            return
        # someone there can be responsible: read on a pool thread (a slow team database must not
        # freeze the dialog), offered once known if that organisation is still the one chosen
        read, engine, org = self._people_read, self.ctx.engine, int(key[3:])

        def work(_task: object) -> list[tuple[str, str]]:
            with read_session(engine) as s:
                rows = dashboard.organisation_people(s, org, limit=PEOPLE_OF_ORGANISATION, departments=True)
            return [(f"id:{r['id']}", str(r["full_name"])) for r in rows]

        def done(people: list[tuple[str, str]]) -> None:
            if read == self._people_read:
                self._set_org_people(people)

        self.ctx.tasks.run(work, on_done=done, on_error=lambda _e: None, owner=self)

    def _set_org_people(self, people: list[tuple[str, str]]) -> None:
        self._org_people = people
        self._fill_who()  # the group of the organisation it is about, even with the same people

    def about_key(self) -> str:
        key = str(self.about.currentData() or "")
        return "" if key == OTHER else key

    def set_people(
        self,
        staff: list[tuple[int, str]],
        attendees: list[tuple[str, str]],
        joining: dict[str, str] | None = None,
    ) -> None:
        """Who can be responsible: our staff (the current user first), the attendees and the
        people of the organisation the follow-up is about; ``joining``: the organisation (key)
        each new attendee joins."""
        self._staff, self._attendees = list(staff), list(attendees)
        self._joining = dict(joining or {})
        self._fill_who()

    def _fill_who(self) -> None:
        current = self._keep_who or self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        about = self.about_key()
        members = {key for key, _ in self._org_people}
        theirs = [
            (key, name)
            for key, name in self._attendees
            if key in members or (about and self._joining.get(key) == about)
        ]
        self._their_side = {f"contact:{key}" for key, _ in theirs}
        theirs += [(key, name) for key, name in self._org_people if f"contact:{key}" not in self._their_side]
        self._their_side |= {f"contact:{key}" for key, _ in theirs}
        others = [(key, name) for key, name in self._attendees if f"contact:{key}" not in self._their_side]
        me = self.ctx.staff_id
        ours = [
            (name + (" " + self.tr("(me)") if sid == me else ""), f"staff:{sid}")
            for sid, name in sorted(self._staff, key=lambda s: s[0] != me)
        ]
        groups = [
            (self.tr("People of %1").replace("%1", self.about.currentText()), theirs),
            (self.tr("Other attendees") if theirs else self.tr("Attendees"), others),
        ]
        people = [(title, [(name, f"contact:{key}") for key, name in group]) for title, group in groups]
        staff = [(self.tr("Our staff"), ours)]
        for title, entries in (
            people + staff if self.direction.currentData() == "they_owe" else staff + people
        ):
            if entries:
                self._group_title(title)
                for name, data in entries:
                    self.who.addItem(icon("contact"), name, data)
        self.who.addItem("—", "")
        view, widest = self.who.view(), 0  # the list as wide as its titles and names: none cut
        for i in range(self.who.count()):
            font = self.who.itemData(i, Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
            widest = max(widest, metrics.horizontalAdvance(self.who.itemText(i)))
        view.setMinimumWidth(
            widest + self.who.iconSize().width() + 32 + view.verticalScrollBar().sizeHint().width()
        )
        index = self.who.findData(current) if self._who_chosen and current is not None else -1
        self.who.setCurrentIndex(index if index >= 0 else self._default_who())
        self.who.blockSignals(False)

    def _group_title(self, title: str) -> None:
        """A title over a group of the Responsible list: not a choice (the arrow keys skip it)."""
        if self.who.count():
            self.who.insertSeparator(self.who.count())
        self.who.addItem(title)
        model = self.who.model()
        if isinstance(model, QStandardItemModel):
            item = model.item(self.who.count() - 1)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            font = item.font()
            font.setBold(True)
            item.setFont(font)

    def _default_who(self) -> int:
        """The Responsible a follow-up starts with, for the direction chosen: something we owe
        is ours to do (the current user's staff record, else nobody: an external contact is
        never the default); something they owe, the first person of the organisation it is
        about (the first attendee when it is about none), never an attendee of another."""
        nobody = self.who.findData("")
        if self.direction.currentData() == "they_owe":
            first = next(
                (
                    i
                    for i in range(self.who.count())
                    if str(self.who.itemData(i) or "") in self._their_side
                    or (not self.about_key() and str(self.who.itemData(i) or "").startswith("contact:"))
                ),
                -1,
            )
            return first if first >= 0 else nobody
        me = self.ctx.staff_id
        mine = self.who.findData(f"staff:{me}") if me else -1
        return mine if mine >= 0 else nobody

    def _who_changed(self, _i: int) -> None:
        self._keep_who = ""
        self._who_chosen = True  # defaults are set with the signals blocked: this is a choice
        if self._direction_chosen:  # "They owe", then one of our staff: both as the user chose
            return
        data = str(self.who.currentData() or "")
        self.direction.blockSignals(True)
        self.direction.setCurrentIndex(1 if data.startswith("contact:") else 0)
        self.direction.blockSignals(False)

    def _direction_changed(self, _i: int) -> None:
        self._direction_chosen = True
        who = str(self.who.currentData() or "")
        wrong_side = "staff:" if self.direction.currentData() == "they_owe" else "contact:"
        if not self._who_chosen or who.startswith(wrong_side):
            self._who_chosen = False  # the direction's default again, until the user picks
        self._fill_who()  # the side that owes first

    def add_current(self) -> None:
        title = self.what.text().strip()
        if not title:
            return
        if self.due.problem():  # a due date typed that is none: kept red in its box, not added
            self.due.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        who = str(self.who.currentData() or "")
        label = self.who.currentText() if who else ""
        about = self.about_key()
        read = self.deadline.read
        item = FollowUp(
            read.title if read is not None else title,
            who,
            label,
            str(self.direction.currentData()),
            self.due_date(),
            organisation=about,
            organisation_label=self.about.currentText() if about else "",
            due_words=read.words if read is not None else "",
        )
        self._append(item, at=self._editing_at)
        self._editing_at = None
        self.add_button.setText(self.tr("Add"))
        self.what.clear()  # (a due date read from its text: the one before it back)
        self.deadline.next_one()
        self._start_as_default()
        self.what.setFocus()

    def _start_as_default(self) -> None:
        """The next follow-up starts as the first did: "we owe", the default Responsible."""
        self.direction.blockSignals(True)
        self.direction.setCurrentIndex(0)
        self.direction.blockSignals(False)
        self._direction_chosen = self._who_chosen = False  # picking a person sets it again
        self._keep_who = ""
        self._fill_who()

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        row = self.list.indexOfTopLevelItem(item)  # taken out of the list once the click is over
        QTimer.singleShot(0, self, lambda: self.edit_row(row))

    def edit_row(self, row: int) -> None:
        """A follow-up added here back in the editor, to change and add again (one saved
        before is changed in the follow-ups list)."""
        if not 0 <= row < len(self.items) or self.items[row].existing_id is not None:
            return
        if self.what.text().strip():  # one being typed is added first: nothing lost
            self.add_current()
        item = self.items.pop(row)
        self.list.takeTopLevelItem(row)
        self._editing_at = row
        if item.due_words:  # read from its text: read again (and changed with it)
            self.deadline.put_back(quick_due("week", self.base))
        else:  # its date (or none) as it was added: the person's
            self.set_due(item.due)
        self.what.setText(f"{item.title} {item.due_words}" if item.due_words else item.title)
        self.direction.blockSignals(True)
        self.direction.setCurrentIndex(max(0, self.direction.findData(item.direction)))
        self.direction.blockSignals(False)
        self._direction_chosen = True
        self._who_chosen, self._keep_who = bool(item.responsible), item.responsible
        key = item.organisation
        if key.startswith("id:") and self.about.findData(key) < 0:
            self.add_organisation(int(key[3:]), item.organisation_label)
        if self.about.findData(key) >= 0:  # as it was added (else the default)
            self.about.setCurrentIndex(self.about.findData(key))
            self._about_chosen = True
        self._fill_who()
        self.add_button.setText(self.tr("Update"))
        self.what.setFocus()

    def _append(self, item: FollowUp, at: int | None = None) -> None:
        at = len(self.items) if at is None else min(at, len(self.items))
        self.items.insert(at, item)
        row = QTreeWidgetItem(
            [
                item.title,
                item.organisation_label,
                item.responsible_label,
                labels.direction(item.direction),
                self._due_text(item),
            ]
        )
        self.list.insertTopLevelItem(at, row)
        self._show_state(row, item)

    def _due_text(self, item: FollowUp) -> str:
        """ "11/12/2026", "11/12/2026 (from “trước thứ sáu”)", "no due date"."""
        if item.due is None:
            return self.tr("no due date")
        day = self.ctx.fmt_date(item.due)
        if not item.due_words:
            return day
        return self.tr("%1 (from “%2”)").replace("%1", day).replace("%2", item.due_words)

    def _show_state(self, row: QTreeWidgetItem, item: FollowUp) -> None:
        """A follow-up added here: to be saved with the meeting. One saved before (editing a
        meeting): its state as the follow-ups list shows it — overdue bold with the warning,
        due today with the bell, done with the tick and greyed, cancelled greyed (reviewer:
        every saved follow-up had the tick, an open one looked done). Saving the meeting never
        writes a saved one; it is changed in the follow-ups list."""
        if item.existing_id is None:
            row.setIcon(0, icon("new"))
            tip = self.tr("New: saved with the meeting · F2 or double-click: change · Delete: remove")
            for column in range(self.list.columnCount()):
                row.setToolTip(column, f"{row.text(column)}\n{tip}" if column == 0 else tip)
            return
        today, due = self.ctx.today(), item.due
        state = item.status if item.status in ("done", "cancelled") else "open"
        if state == "open" and due is not None and due <= today:
            state = "overdue" if due < today else "today"
        said = {
            "overdue": self.tr("Overdue"),
            "today": self.tr("Due today"),
            "done": labels.status("done"),
            "cancelled": labels.status("cancelled"),
        }.get(state, labels.status(item.status))
        if state == "done" and item.completed_on is not None:
            said = self.tr("%1 on %2").replace("%1", said).replace("%2", self.ctx.fmt_date(item.completed_on))
        row.setIcon(0, icon({"overdue": "warning", "today": "bell", "done": "done"}.get(state, "action")))
        tip = self.tr("%1 · saved before: change it in the follow-ups list").replace("%1", said)
        for column in range(self.list.columnCount()):
            row.setToolTip(column, f"{row.text(column)}\n{tip}" if column == 0 else tip)
            if state in ("done", "cancelled"):
                row.setForeground(column, QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText))
            if state == "overdue":
                font = row.font(column)
                font.setBold(True)
                row.setFont(column, font)
        row.setData(0, Qt.ItemDataRole.UserRole, state)

    def add_existing(self, item: FollowUp) -> None:
        self._append(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.due.calendarWidget() and event.type() == QEvent.Type.Show:
            if self.due_date() is None:  # no due date: the month of the meeting, not of 1752
                self.due.calendarWidget().setCurrentPage(self.base.year, self.base.month)
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.due and self._clears_due(event):
            self.set_due(None)  # the box emptied: no due date
            return True
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        if watched is self.due and enter and self.what.text().strip():
            # Enter in the due date adds the follow-up, as in its title; a date that is none
            # stays in its box, red
            if not self.due.problem():
                self.add_current()
            return True
        if watched is not self.list:
            return False
        item = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        if enter or event.key() == Qt.Key.Key_F2:
            self.edit_row(row)
            return True
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if row >= 0 and self.items[row].existing_id is None:
                self.list.takeTopLevelItem(row)
                del self.items[row]
            return True
        return False

    def _clears_due(self, event: QKeyEvent) -> bool:
        """Backspace or Delete that leaves the due date's box empty (all of it selected, or its
        last character)."""
        if event.key() not in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        line = self.due.lineEdit()
        text = line.text()
        if not text or line.selectedText() == text:
            return True
        at = line.cursorPosition()
        return len(text) == 1 and (at == 1 if event.key() == Qt.Key.Key_Backspace else at == 0)

    def new_items(self) -> list[FollowUp]:
        return [i for i in self.items if i.existing_id is None]
