"""A follow-up's due date read from a deadline at the end of its text, in Log meeting.

"Gửi thư giới thiệu trước thứ sáu" (or "Call back by tomorrow": :mod:`app.due_words`) sets the
due box, counted from the meeting's day, while the person has not set the box for this
follow-up themselves: the box shows the date, the line under it says "due Fri 11/12 (from
“trước thứ sáu”)" with a link that keeps the words in the title instead, and the follow-up is
added as "Gửi thư giới thiệu", due Friday (reviewer h149: the text was kept whole, due a week
after the meeting, silently). A date then set in the box is the person's: the words stay in the
title. The words gone from the text, the due date they replaced comes back.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.due_words import DueInText, due_in_text
from app.workdays import WorkCalendar
from ui.datebox import DateBox, short_weekday


class DeadlineInText(QObject):
    """Watches the text (``what``) and the due box (``due``) of a follow-up being typed."""

    def __init__(
        self,
        what: QLineEdit,
        due: DateBox,
        base: Callable[[], dt.date],
        calendar: Callable[[], WorkCalendar],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.what, self.due, self.base, self._calendar = what, due, base, calendar
        self.placing = False  # the due box set here, not by the person
        self.chosen = False  # the person set the due box for this follow-up
        self.read: DueInText | None = None  # the deadline read from the text, in force
        self.before: dt.date | None = None  # the due date before it was read
        self.kept = ""  # a text whose words the person kept in the title
        self.cal: WorkCalendar | None = None  # the office's days off, read once
        self.note = QLabel(parent)
        self.note.setObjectName("followup_due_words")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.linkActivated.connect(lambda _l: self.keep_in_title())
        self.note.hide()
        due.dateChanged.connect(self._moved)
        what.textChanged.connect(lambda _t: self.reread())

    def due_date(self) -> dt.date | None:
        d = self.due.date()
        return None if d == self.due.minimumDate() else dt.date(d.year(), d.month(), d.day())

    def place(self, day: dt.date | None) -> None:
        """The due box set here (a default, a deadline read): no choice of the person."""
        self.placing = True
        try:
            self.due.setDate(self.due.minimumDate() if day is None else QDate(day.year, day.month, day.day))
        finally:
            self.placing = False

    def choose(self) -> None:
        """The person sets the due date (a pick, No due date): the words stay in the title."""
        self.chosen = True
        self.drop(restore=False)

    def _moved(self, _d: QDate) -> None:
        if not self.placing:  # typed, stepped, the calendar: the person's
            self.choose()

    def reread(self) -> None:
        """A deadline at the end of the text read into the due box (until the person sets it)."""
        text = self.what.text().strip()
        found = None
        if not self.chosen and len(text.split()) > 1 and text != self.kept:
            if self.cal is None:
                self.cal = self._calendar()
            found = due_in_text(text, self.base(), self.cal)
        if found is None:
            self.drop(restore=True)
            return
        if self.read is None:
            self.before = self.due_date()
        self.read = found
        self.place(found.due)
        day = f"{short_weekday(found.due)} {found.due:%d/%m}"
        self.note.setText(
            self.tr("due %1 (from “%2”)").replace("%1", day).replace("%2", html.escape(found.words))
            + " · <a href='keep'>"
            + self.tr("keep these words in the title")
            + "</a>"
        )
        self.note.show()

    def drop(self, *, restore: bool) -> None:
        """The deadline read no more in force; ``restore``: the due date it replaced back."""
        if self.read is None:
            return
        self.read = None
        self.note.hide()
        if restore:
            self.place(self.before)

    def keep_in_title(self) -> None:
        """The line's link: the text stays whole, the due date as it was before."""
        self.kept = self.what.text().strip()
        self.drop(restore=True)

    def next_one(self) -> None:
        """A follow-up added (its text cleared): the next one's deadline may be in its text."""
        self.chosen, self.kept = False, ""

    def base_moved(self, old_default: dt.date, new_default: dt.date) -> bool:
        """The meeting moved: a deadline read is counted again (True), the default it replaced
        moving with the meeting; False: none in force."""
        if self.read is None:
            return False
        if self.before == old_default:
            self.before = new_default
        self.reread()
        return True

    def put_back(self, default: dt.date | None) -> None:
        """A follow-up read from its text back in the editor: the default, then read again."""
        self.place(default)
        self.chosen = False
