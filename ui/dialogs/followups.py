"""Follow-up actions added inline while logging a meeting: what, who, which way, by when.

Return in the "what" field adds the follow-up; Ctrl+1 / Ctrl+2 / Ctrl+3 set the due date to
tomorrow, in a week, or the end of the month; Delete removes the selected follow-up.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import workdays
from app.due import quick_due
from app.meetings import FollowUp
from ui import labels
from ui.context import AppContext
from ui.icons import icon


class FollowUpEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, base: dt.date) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.base = base  # the meeting's day: quick picks count from it
        self.items: list[FollowUp] = []
        self.what = QLineEdit(self)
        self.what.setObjectName("followup_what")
        self.what.setPlaceholderText(self.tr("Follow-up: what is to be done (Enter adds it)"))
        self.who = QComboBox(self)
        self.who.setObjectName("followup_who")
        self.who.setMinimumContentsLength(16)
        self.direction = QComboBox(self)
        self.direction.setObjectName("followup_direction")
        for d in ("we_owe", "they_owe"):
            self.direction.addItem(labels.direction(d), d)
        self.due = QDateEdit(self)
        self.due.setObjectName("followup_due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(ctx.settings.qt_date_format())
        self.set_due(quick_due("week", base))
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
        self.add_button = QPushButton(icon("new"), self.tr("Add"), self)
        self.add_button.setObjectName("followup_add")
        self.add_button.clicked.connect(self.add_current)
        self.what.returnPressed.connect(self.add_current)
        self.who.currentIndexChanged.connect(self._who_changed)

        self.list = QTreeWidget(self)
        self.list.setObjectName("followup_list")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Follow-up"), self.tr("Responsible"), self.tr("Direction"), self.tr("Due")]
        )
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.installEventFilter(self)
        self.list.setMaximumHeight(self.fontMetrics().height() * 8)

        row1 = QHBoxLayout()
        row1.setSpacing(6)
        row1.addWidget(self.what, 3)
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
        layout.addWidget(self.list)
        self.set_people([], [])

    def set_due(self, day: dt.date) -> None:
        self.due.setDate(QDate(day.year, day.month, day.day))

    def due_date(self) -> dt.date:
        d = self.due.date()
        return dt.date(d.year(), d.month(), d.day())

    def quick_pick(self, which: str) -> None:
        cal = None
        if which in ("workday", "3workdays"):  # the office's days off too (a small table)
            with self.ctx.read() as s:
                cal = workdays.load_calendar(s)
        self.set_due(quick_due(which, self.base, cal))

    def set_base(self, day: dt.date) -> None:
        """The meeting moved to ``day``: picks count from it, and a due date left at its
        default (a week after the meeting) moves along; one the user typed stays."""
        old, self.base = self.base, day
        if self.due_date() == quick_due("week", old):
            self.set_due(quick_due("week", day))

    def set_people(self, staff: list[tuple[int, str]], attendees: list[tuple[str, str]]) -> None:
        """Who can be responsible: our staff (the current user first) and the attendees."""
        current = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        me = self.ctx.staff_id
        ordered = sorted(staff, key=lambda s: s[0] != me)
        for sid, name in ordered:
            suffix = " " + self.tr("(me)") if sid == me else ""
            self.who.addItem(icon("contact"), name + suffix, f"staff:{sid}")
        for key, name in attendees:
            self.who.addItem(icon("organisation"), name, f"contact:{key}")
        self.who.addItem("—", "")
        index = self.who.findData(current) if current else -1
        self.who.setCurrentIndex(index if index >= 0 else 0)
        self.who.blockSignals(False)

    def _who_changed(self, _i: int) -> None:
        data = str(self.who.currentData() or "")
        self.direction.setCurrentIndex(1 if data.startswith("contact:") else 0)

    def add_current(self) -> None:
        title = self.what.text().strip()
        if not title:
            return
        who = str(self.who.currentData() or "")
        label = self.who.currentText() if who else ""
        item = FollowUp(title, who, label, str(self.direction.currentData()), self.due_date())
        self._append(item)
        self.what.clear()
        self.what.setFocus()

    def _append(self, item: FollowUp) -> None:
        self.items.append(item)
        row = QTreeWidgetItem(
            [
                item.title,
                item.responsible_label,
                labels.direction(item.direction),
                self.ctx.fmt_date(item.due),
            ]
        )
        row.setIcon(0, icon("done" if item.existing_id else "action"))
        self.list.addTopLevelItem(row)

    def add_existing(self, item: FollowUp) -> None:
        self._append(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            item = self.list.currentItem()
            row = self.list.indexOfTopLevelItem(item) if item is not None else -1
            if row >= 0 and self.items[row].existing_id is None:
                self.list.takeTopLevelItem(row)
                del self.items[row]
            return True
        return False

    def new_items(self) -> list[FollowUp]:
        return [i for i in self.items if i.existing_id is None]
