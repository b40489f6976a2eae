"""The window's date boxes: a date is typed the way people write it.

Qt's QDateEdit edits one section at a time and jumps to the next section by itself after a
day's two digits, so the "/" typed next skipped the month: "15/01/2027" typed over 15/12/2026
showed "15/12/00001/2027" and Enter kept 15/12/2026, silently (reviewer, Reschedule). Here a
date typed from the keyboard is collected as text and read when it is complete — at Enter, Tab
or when the box loses the focus — in the order of the date format of the settings:
"15/01/2027", "15/1/2027", "5/1/27" (2027), "15012027"; only the day ("20") or the day and the
month ("20/3") keep the rest of the date shown. Typing starts a new date whatever part of the
old one was selected. A date that does not exist ("31/02/2027") or text that is not a date is
refused where it was typed: the box keeps the text, turns red and says what is wrong
(:meth:`DateBox.problem`, :attr:`DateBox.refused`), and its dialog's OK is off until the date
is corrected; it is never turned into another date.
The arrows, Page Up/Down, the calendar pop-up and the dialogs' quick picks work as before.

A date-time box reads the time as officers write it ("02/12/2026 9:15", "2/12 14h30", "9g15",
"14h" alone: the day shown). Only Enter, Tab, the arrows, Home/End and F4 read the text: Shift,
Ctrl, Alt, AltGr and the dead keys of Vietnamese layouts change nothing (the Shift of the ":"
read "02/12/2026 9" and the minutes became the day). A refused text stays red, Save off, while
more is typed, until it reads; typing replaces it whole. :func:`refused_box` is every dialog's
first step of a save (Ctrl+Return saved the date shown before, "now").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QPoint, Qt, QTime, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetrics,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QValidator,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QWidget,
)

from app import zones
from app.due import is_count, relative_due
from app.errors import UserError
from app.workdays import WorkCalendar
from db import clock

_COMMAND = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
_ALT_GR = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier  # (Windows' AltGr)
# The keys that read what was typed (and then do what they do: Enter, the arrows, the pop-up);
# Tab reads it too (focusNextPrevChild). Any other key without text — Shift, Ctrl, Alt, AltGr,
# Caps Lock, the dead keys and composing keys of Vietnamese input methods — reads nothing and
# changes nothing (reviewer: the Shift pressed for the ":" of "9:15" read "02/12/2026 9", and
# the "15" typed next became the day).
_READS = {
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_F4,
}
# A time as officers write it: "9:15", "09:15", "14h30", "14h", "9g15", "9g", "14.30", "1430",
# "2:30 pm"; "14h30p" ("phút") too.
_TIME = re.compile(r"(\d{1,2})(?:[:hg.](\d{2})?|(\d{2}))?(?:p|ph|phút)?(am|pm|sa|ch)?")
_LOOKS_TIME = re.compile(r"[:hg]|am|pm", re.IGNORECASE)
_RED = "QDateTimeEdit { border: 1px solid #c62828; }"
_NOTE_RED = "color: #c62828; font-weight: bold;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DateBox", text)


def short_weekday(day: dt.date) -> str:
    """ "Fri" ("T6" in Vietnamese): what a word typed became is said with its weekday."""
    names = (_tr("Mon"), _tr("Tue"), _tr("Wed"), _tr("Thu"), _tr("Fri"), _tr("Sat"), _tr("Sun"))
    return names[day.weekday()]


def _starts_words(text: str) -> bool:
    """A word ("tomorrow", "thứ sáu") or a count ("+3d"): read by :func:`app.due.relative_due`."""
    return bool(text) and (text[0].isalpha() or text[0] == "+")


def _place_beside(box: QWidget, note: QLabel) -> bool:
    """``note`` put under ``box`` in the layout that holds it: the next row of a form, the next
    row of the form whose row holds the box with other widgets (a date range "from – to", a check
    box and its date), under it in a column, else after it in a row. False: the box is in no
    layout found (its tooltip still says it). Beside the box in a row, a long refusal made the
    letter form 1,468 px wide and cut the brief's range off (screenshots, 1366×768)."""
    parent = box.parentWidget()
    top = parent.layout() if parent is not None else None
    if top is None:
        return False
    layouts = (top, *top.findChildren(QLayout))
    for lay in layouts:
        at = lay.indexOf(box)
        if at < 0:
            continue
        if isinstance(lay, QFormLayout):
            row = cast(tuple[int, object], lay.getWidgetPosition(box))[0]  # (the stubs say "object")
            lay.insertRow(row + 1, "", note)
            return True
        if isinstance(lay, QBoxLayout):
            if lay.direction() in (QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.BottomToTop):
                lay.insertWidget(at + 1, note)
                return True
            if _under_row(layouts, lay, note):
                return True
            lay.insertWidget(at + 1, note)
            return True
    return False


def _under_row(layouts: tuple[QLayout, ...], row: QLayout, note: QLabel) -> bool:
    """``note`` under the row layout ``row``: the form's next row, or the column's next item."""
    for lay in layouts:
        if isinstance(lay, QFormLayout):
            for i in range(lay.rowCount()):
                item = lay.itemAt(i, QFormLayout.ItemRole.FieldRole)
                if item is not None and item.layout() is row:
                    lay.insertRow(i + 1, "", note)
                    return True
        elif isinstance(lay, QBoxLayout) and lay.direction() == QBoxLayout.Direction.TopToBottom:
            for i in range(lay.count()):
                item = lay.itemAt(i)
                if item is not None and item.layout() is row:
                    lay.insertWidget(i + 1, note)
                    return True
    return False


def _grow_to_fit(window: QWidget) -> None:
    """A shown window made as tall as its contents now ask, within its screen: Qt does not grow
    a window whose layout has a word-wrapped label (its height depends on its width) when a
    row is added, and the rows were squeezed over one another (the brief's date range)."""
    lay = window.layout()
    if lay is None or not window.isVisible():
        return
    lay.activate()
    need = window.heightForWidth(window.width()) if window.hasHeightForWidth() else -1
    need = max(need, window.sizeHint().height(), window.minimumSizeHint().height())
    screen = window.screen()
    room = screen.availableGeometry().height() - 40 if screen is not None else need  # (title bar)
    if window.height() < need:
        window.resize(window.width(), min(need, room))


NOTE_MIN_WIDTH = 260
"""Narrowest a note's lines are broken to (a dialog's field column can be narrower)."""


def broken_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with its lines broken between words to fit ``width`` pixels. A label given
    these lines (not Qt's word wrap) asks its layout for the height it needs, so a shown dialog
    grows to it: a word-wrapped label in a form got a height for another width, and its words
    were cut off under the next row (Bulk edit's due date) or left a gap of 180 px (the letter
    form)."""
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(trial) > width:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return "\n".join(out)


def read_time(text: str) -> QTime | None:
    """A time of day typed (see ``_TIME``); None: not one. "sa"/"ch" are sáng/chiều (am/pm)."""
    found = _TIME.fullmatch(re.sub(r"\s+", "", text.lower()))
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or found.group(3) or 0)
    half = found.group(4)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half in ("pm", "ch") else 0)
    when = QTime(hour, minute) if hour < 24 and minute < 60 else QTime()
    return when if when.isValid() else None


def read_date(text: str, display_format: str, shown: dt.date) -> dt.date | None:
    """``text`` typed in a box showing ``display_format`` ("dd/MM/yyyy", "yyyy-MM-dd",
    "MM/dd/yyyy"); the parts not typed are ``shown``'s. None: not a date."""
    order = sorted("dMy", key=display_format.find)
    parts = re.findall(r"\d+", text)
    if re.search(r"[^\d/.\- ]", text) or not parts:
        return None
    if len(parts) == 1 and len(parts[0]) in (6, 8):  # "15012027", "150127"
        digits = parts[0]
        widths = {"d": 2, "M": 2, "y": len(digits) - 4}
        parts, at = [], 0
        for c in order:
            parts.append(digits[at : at + widths[c]])
            at += widths[c]
    values = {"d": shown.day, "M": shown.month, "y": shown.year}
    if len(parts) == 3:
        values.update(zip(order, (int(p) for p in parts), strict=True))
        year = parts[order.index("y")]
        if len(year) == 2:
            values["y"] += 2000
        elif len(year) != 4:
            return None
    else:
        typed = [c for c in order if c != "y"][: len(parts)]  # the day (and month) only
        if len(parts) > 2 or any(len(p) > 2 for p in parts):
            return None
        values.update(zip(typed, (int(p) for p in parts), strict=True))
    try:
        return dt.date(values["y"], values["M"], values["d"])
    except ValueError:
        return None


class _Typist:
    """The keyboard's text in a date box until it is read (shared by both boxes)."""

    def __init__(self, edit: QDateTimeEdit) -> None:
        self.edit = edit
        self.text: str | None = None  # what is being typed; None: the box shows its date
        self.problem = ""
        self.fresh = False  # the text shown was refused (and is selected): typing replaces it
        self.time_for_a_date: QTime | None = None  # a date typed alone: at this time (see read)
        self.time_chosen = False  # a time typed, stepped or set: a date typed alone keeps it
        self.reading = False  # the box set to what was typed (not a time the user chose)
        self.checking = False  # refused: each key reads the text again, until it is read or dropped
        self.held: list[QPushButton] = []  # the dialog's OK buttons, off while a date is refused
        self.abroad = ""  # a time typed with a zone: what it became in the office's time, said
        # Words typed ("next friday", "+3 working days", "ngày mai": app.due.relative_due) count
        # from base() (a follow-up: the meeting's day), working days by calendar() (None: public)
        self.base: Callable[[], dt.date] = clock.today
        self.calendar: Callable[[], WorkCalendar | None] = lambda: None
        # A count ("+3d", "+3 working days") may count from another day (Reschedule: the due
        # date while it lies ahead, as its picks); None: from base() as words do
        self.counts: Callable[[], dt.date] | None = None
        self.base_name = self.counts_name = ""  # what each is, said when it is not today
        self.counted_from: tuple[dt.date, str] | None = None  # the words last read: from what
        self.word = ""  # the words the date last read came from ("" : a date written out)
        # The line beside the box: why the text is refused (unless the dialog says it itself:
        # says_refusal False), or what the words typed became ("next friday → Fri 11/12/2026").
        # Reviewer h143: the reason was only in a tooltip, nothing on screen.
        self.says_refusal = True
        self.note: QLabel | None = None
        self.note_placed = False
        self.said = ""  # what the note says, its lines unbroken
        edit.dateTimeChanged.connect(self._moved)

    def time_format(self) -> str:
        fmt = self.edit.displayFormat()
        return fmt[fmt.index("H") :] if "H" in fmt else ""

    def date_format(self) -> str:
        fmt = self.edit.displayFormat()
        return fmt[: fmt.index("H")].strip() if "H" in fmt else fmt

    def key(self, event: QKeyEvent) -> bool:
        """True: the key was taken here (typing, or a refused date kept)."""
        text, key, mods = event.text(), event.key(), event.modifiers()
        if event.matches(QKeySequence.StandardKey.Paste):
            pasted = " ".join(QGuiApplication.clipboard().text().split())
            if pasted and (self.text is not None or pasted[0].isdigit()):
                self.type(pasted)
            return self.text is not None
        if event.matches(QKeySequence.StandardKey.SelectAll) and self.text is not None:
            self.fresh = True  # the whole text selected: typing replaces it (reviewer h143:
            self._put(self.text, selected=True)  # "+3d", Ctrl+A, "20/12/2026" gave "3d20/12/2026")
            return True
        if text and text.isprintable() and (not mods & _COMMAND or mods & _ALT_GR == _ALT_GR):
            self.type(text)
            return True  # (a separator or a letter before any digit: nothing to add it to)
        if self.text is None:
            return False
        if key == Qt.Key.Key_Backspace:
            self.show("" if self.fresh else self.text[:-1])
            return True
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if key in _READS:
            if not self.commit():
                return True  # a refused date: kept, the key does not move on from it
            # words read at Enter: the date they became is said and seen before the next Enter
            # saves it (reviewer h143: "next friday" + Enter closed Reschedule, the date unseen)
            return bool(self.word) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        return True  # a modifier, a dead key, a shortcut's key: nothing read, nothing changed

    def type(self, more: str) -> None:
        """``more`` typed (a key's text, or a paste): a new date starts with a digit, a letter or
        "+" (words: "next friday", "+3 working days"; reviewer h143: the letters were swallowed and
        Enter kept the date shown); after a refusal, or Ctrl+A, the text is selected, and typing
        replaces it."""
        if self.text is None or self.fresh:
            if not (more[:1].isdigit() or _starts_words(more)):
                return  # a separator or a space before anything: nothing to add it to
            self.hide_note()
            self.show(more)
        else:
            self.show(self.text + more)

    def show(self, text: str) -> None:
        self.text = text
        self.fresh = False
        if self.checking:  # refused before: red (and Save off) while it does not read as a date
            if self.read(text.strip()) is None:
                self._refused_look(text.strip())
                self.hold()
            else:
                self.clear_problem()
        self._put(text)

    def _put(self, text: str, *, selected: bool = False) -> None:
        line = self.edit.lineEdit()
        line.blockSignals(True)  # Qt's section parser would read (and rewrite) a part typed
        line.setText(text)
        if selected:
            line.selectAll()
        else:
            line.setCursorPosition(len(text))
        line.blockSignals(False)

    def cancel(self) -> None:
        self.text = None
        self.fresh = self.checking = False
        self.clear_problem()
        self.hide_note()
        self.edit.setDateTime(self.edit.dateTime())
        self.edit.lineEdit().setText(self.edit.textFromDateTime(self.edit.dateTime()))

    def read(self, typed: str) -> QDateTime | None:
        """What ``typed`` says, the parts not typed as shown; None: not a date (and time) in range.
        A date-time box reads "02/12/2026 9:15", "2/12 14h30" (the year shown), "14h" (the day
        shown) and a date alone (:attr:`DateTimeBox.time_for_a_date`, else the time shown).
        A time typed with a zone ("10/12/2026 21:00 JST", "21:00 +09:00", "21:00 giờ Tokyo":
        :mod:`app.zones`) is the office's time it is (19:00), whatever the machine's zone;
        :attr:`abroad` then says what it became (reviewer h119: "JST" was refused)."""
        self.abroad = ""
        self.word = ""
        self.counted_from = None
        zoned = None
        if self.time_format():
            try:
                zoned = zones.split(typed)
            except zones.UnknownZone:
                return None
        if zoned is None:
            return self._read(typed)
        there = self._read(zoned.text)
        if there is None:
            return None
        d, t = there.date(), there.time()
        wall = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        here = zones.to_office(wall, zoned.zone)
        value = QDateTime(QDate(here.year, here.month, here.day), QTime(here.hour, here.minute))
        if not self.edit.minimumDateTime() <= value <= self.edit.maximumDateTime():
            return None
        self.abroad = (
            QCoreApplication.translate("DateBox", "%1 (%2) is %3 Hanoi time (%4)")
            .replace("%1", zoned.text.split(" ")[-1] + " " + zoned.typed)
            .replace("%2", zones.offset_text(zoned.zone, wall))
            .replace("%3", value.toString(self.edit.displayFormat()))
            .replace("%4", zones.office_offset_text())
        )
        return value

    def _read(self, typed: str) -> QDateTime | None:
        shown = self.edit.dateTime()
        q = shown.date()
        date_part, time_part = self._parts(typed)
        day = dt.date(q.year(), q.month(), q.day())
        if date_part or not time_part:
            found = read_date(date_part, self.date_format(), day)
            if found is None:
                found = self._words(date_part)
            if found is None:
                return None
            day = found
        if time_part.strip():
            when = read_time(time_part)
            if when is None:
                return None
        elif self.time_for_a_date is not None and not self.time_chosen:
            when = self.time_for_a_date  # a new meeting's "now" is no time the user chose
        else:
            when = shown.time()
        value = QDateTime(QDate(day.year, day.month, day.day), when)
        if not self.edit.minimumDateTime() <= value <= self.edit.maximumDateTime():
            return None
        return value

    def _parts(self, typed: str) -> tuple[str, str]:
        """The date and the time typed: "02/12/2026 9:15", "14h" (the time alone), "next friday
        14h30" (words, then a time), "+3 working days" (words alone)."""
        if not self.time_format():
            return typed, ""
        if _starts_words(typed):
            words, _, last = typed.rpartition(" ")
            if words and read_time(last) is not None and _LOOKS_TIME.search(last):
                return words, last
            return typed, ""
        date_part, _, time_part = typed.partition(" ")
        if not time_part and _LOOKS_TIME.search(date_part):  # "14h", "9:15": the time alone
            date_part, time_part = "", date_part
        return date_part, time_part

    def _words(self, typed: str) -> dt.date | None:
        """A date said in words or counted ("next friday", "+3d", "thứ sáu tuần sau"), as the
        command line reads them (:func:`app.due.relative_due`); None: not one."""
        if not typed or not (_starts_words(typed) or re.search(r"[^\W\d_]", typed)):
            return None
        counted = self.counts is not None and is_count(typed)
        base = self.counts() if counted and self.counts is not None else self.base()
        try:
            found = relative_due(typed, base, self.calendar())
        except (UserError, OverflowError):  # too far ahead: refused as any text not read
            return None
        if found is not None:
            self.word = " ".join(typed.split())
            name = self.counts_name if counted else self.base_name
            self.counted_from = (base, name) if name and base != clock.today() else None
        return found

    def commit(self) -> bool:
        """Read what was typed; False (and said) when it is not a date."""
        if self.text is None:
            return True
        typed = self.text.strip()
        value = self.read(typed)
        if value is None:
            self.refuse(typed)
            return False
        timed = bool(self.time_format()) and (" " in typed or bool(_LOOKS_TIME.search(typed)))
        shown = self.edit.dateTime()
        self.text = None
        self.fresh = self.checking = False
        self.clear_problem()
        self._put(self.edit.textFromDateTime(shown))  # Qt's sections where it expects them
        self.reading = True
        self.edit.setDateTime(value)
        self.reading = False
        self.time_chosen = self.time_chosen or timed  # a date typed alone later keeps this time
        self.edit.lineEdit().setText(self.edit.textFromDateTime(value))  # the same date: shown again
        if self.word:  # what the words became, seen before saving: "next friday → Fri 11/12/2026"
            d = value.date()
            day = dt.date(d.year(), d.month(), d.day())
            became = f"{short_weekday(day)} {d.toString(self.date_format())}"
            if self.time_format():  # the time too: "tomorrow 14h30 → Tue 24/11/2026 14:30"
                said, became = (
                    " ".join(typed.split()),
                    f"{became} {value.time().toString(self.time_format())}",
                )
            else:
                said = self.word
            if self.counted_from is not None:  # not from today: from what, said (reviewer h149)
                base, name = self.counted_from
                from_day = QDate(base.year, base.month, base.day).toString(self.date_format())
                became += (
                    _tr(", counted from %1 %2")
                    .replace("%1", name)
                    .replace("%2", f"{short_weekday(base)} {from_day}")
                )
            self.say(f"{said} → {became}", refusal=False)
        else:
            self.hide_note()
        if isinstance(self.edit, DateTimeBox):  # a time abroad: the office's time shown, what it was said
            self.edit.setToolTip(self.abroad)
            self.edit.converted.emit(self.abroad)
        return True

    def refuse(self, typed: str) -> None:
        self.checking = True
        self._refused_look(typed)
        self.hold()
        self.fresh = True  # the text refused is selected: typing again replaces it
        self._put(self.text or typed, selected=True)  # a new style re-reads the box: the text stays
        self.edit.refused.emit(self.problem)  # type: ignore[attr-defined]
        if self.says_refusal:
            self.say(self.problem, refusal=True)
        else:
            self.hide_note()

    def _refused_look(self, typed: str) -> None:
        """Red, with the tooltip saying what the box expects."""
        fmt = self.edit.displayFormat()
        example = QDateTime(QDate(2027, 1, 15), QTime(9, 30)).toString(fmt)
        if self.time_format():
            self.problem = (
                QCoreApplication.translate(
                    "DateBox", "“%1” is not a date and time: type it as %2, e.g. %3 or %4"
                )
                .replace("%1", typed)
                .replace("%2", fmt.replace("MM", "mm"))
                .replace("%3", example)
                .replace("%4", QDate(2027, 1, 15).toString(self.date_format()) + " 14h30")
            )
        elif _starts_words(typed):  # words not read: the words it reads, as the command line says
            self.problem = (
                QCoreApplication.translate(
                    "DateBox",
                    "“%1” is not a date: type it as %2 (e.g. %3) or as tomorrow, +3d, +3 working days, "
                    "next friday, eom",
                )
                .replace("%1", typed)
                .replace("%2", fmt.replace("MM", "mm"))
                .replace("%3", example)
            )
        else:
            self.problem = (
                QCoreApplication.translate("DateBox", "“%1” is not a date: type it as %2, e.g. %3")
                .replace("%1", typed)
                .replace("%2", fmt.replace("MM", "mm"))
                .replace("%3", example)
            )
        self.edit.setStyleSheet(_RED)
        self.edit.setToolTip(self.problem)

    def clear_problem(self) -> None:
        if self.problem:
            self.problem = ""
            self.edit.setStyleSheet("")
            self.edit.setToolTip("")
            self.hide_note()
            self.edit.refused.emit("")  # type: ignore[attr-defined]  # "": nothing wrong any more
        for button in self.held:
            button.setEnabled(True)
        self.held = []

    def note_label(self) -> QLabel:
        """The line beside the box (made on first use, hidden while there is nothing to say)."""
        if self.note is None:
            self.note = QLabel(self.edit.parentWidget())
            self.note.setTextFormat(Qt.TextFormat.PlainText)
            # its lines' height, not a share of a tall dialog's room (the letter form's gaps)
            self.note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.note.hide()
        if self.edit.objectName():
            self.note.setObjectName(self.edit.objectName() + "_note")
        return self.note

    def say(self, text: str, *, refusal: bool) -> None:
        note = self.note_label()
        if not self.note_placed:
            self.note_placed = _place_beside(self.edit, note)
        self.said = ("⚠ " + text) if refusal else text
        note.setStyleSheet(_NOTE_RED if refusal else "")
        if note.wordWrap() or not self.note_placed:
            note.setText(self.said)
        else:
            note.ensurePolished()  # (bold: the style sheet's font measures the lines)
            note.setText(broken_lines(self.said, note.fontMetrics(), self._room(note)))
        note.setVisible(self.note_placed)
        if self.note_placed:
            _grow_to_fit(self.edit.window())

    def _room(self, note: QLabel) -> int:
        """The width a note's lines may take: from where it stands to the window's right edge
        (less the window's margin), and at least :data:`NOTE_MIN_WIDTH`."""
        window = self.edit.window()
        lay = window.layout()
        if lay is None:
            return NOTE_MIN_WIDTH
        note.setText("")  # (its place decides, not its old lines)
        note.show()
        lay.activate()
        x = note.mapTo(window, QPoint(0, 0)).x()
        return max(NOTE_MIN_WIDTH, window.width() - x - lay.contentsMargins().right())

    def hide_note(self) -> None:
        self.said = ""
        if self.note is not None and not self.note.isHidden():
            self.note.hide()
            self.note.clear()

    def _moved(self, _value: QDateTime) -> None:
        """The date set otherwise (a pick, the arrows, the calendar): what was said is no more."""
        if not self.reading and self.text is None:
            self.hide_note()

    def hold(self) -> None:
        """The dialog's OK (Save, Apply) off while the date is refused: a click on it (which
        takes the focus, and so read the date) does not save the date shown before."""
        accepting = (
            QDialogButtonBox.ButtonRole.AcceptRole,
            QDialogButtonBox.ButtonRole.YesRole,
            QDialogButtonBox.ButtonRole.ApplyRole,
        )
        for box in self.edit.window().findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) in accepting and button.isEnabled():
                    assert isinstance(button, QPushButton)
                    button.setEnabled(False)
                    self.held.append(button)


def refused_box(root: QWidget) -> QDateTimeEdit | None:
    """Every date box in ``root`` reads what was typed in it; the first that cannot, focused,
    its problem shown beside it (red, and a tip under it), or None. A save checks this first:
    Ctrl+Return (or Enter on a button) saved the date shown before, "now", silently (reviewer)."""
    for box in root.findChildren(QDateTimeEdit):
        if isinstance(box, _Typed) and box.isVisibleTo(root) and box.problem():
            box.setFocus(Qt.FocusReason.OtherFocusReason)
            QToolTip.showText(box.mapToGlobal(box.rect().bottomLeft()), box.problem(), box)
            return box
    return None


class _Typed:
    """What both boxes do with the keyboard (a mixin before the Qt class: its overrides win)."""

    _typist: _Typist

    def read_words_from(
        self,
        base: Callable[[], dt.date],
        calendar: Callable[[], WorkCalendar | None] | None = None,
        *,
        named: str = "",
        counts: Callable[[], dt.date] | None = None,
        counts_named: str = "",
    ) -> None:
        """Words typed ("next friday", "+3 working days") count from ``base()`` (default: today),
        working days by ``calendar()`` (the office's; default: the public holidays); a count
        ("+3d", "+3 working days") from ``counts()`` when given (Reschedule: the due date while
        it lies ahead, :func:`app.due.reschedule_from`). ``named``, ``counts_named``: what each
        day is ("the meeting's day", "the due date"), said beside the box after what the words
        became when it is not today ("+3d → Thu 17/12/2026, counted from the due date Mon
        14/12/2026")."""
        self._typist.base = base
        if calendar is not None:
            self._typist.calendar = calendar
        self._typist.counts = counts
        self._typist.base_name, self._typist.counts_name = named, counts_named

    def note_label(self) -> QLabel:
        """The line that says beside the box why a text is refused, or what words typed became;
        a dialog may put it where it wants it (else it goes next to the box in its layout)."""
        self._typist.note_placed = True
        return self._typist.note_label()

    def set_says_refusal(self, says: bool) -> None:
        """False: the dialog says a refusal itself (from :attr:`refused`), the line does not."""
        self._typist.says_refusal = says

    def said(self) -> str:
        """What the line beside the box says now ("" when hidden)."""
        note = self._typist.note
        return self._typist.said if note is not None and not note.isHidden() else ""

    def problem(self) -> str:
        """What is wrong with the text typed ("" when the box holds a date): read it before
        using :meth:`date`, which is then still the date shown before."""
        self._typist.commit()
        return self._typist.problem

    def validate(self, text: str, pos: int) -> object:
        if self._typist.text is not None:
            return QValidator.State.Intermediate  # being typed: read when complete
        return super().validate(text, pos)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._typist.key(event):
            event.accept()
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """An input method (IBus, fcitx: Vietnamese Telex/VNI) gives its text here, not as keys:
        typed the same way; what it is still composing changes nothing."""
        committed = " ".join(event.commitString().split())
        if committed and (self._typist.text is not None or committed[0].isdigit()):
            self._typist.type(committed)
            event.accept()
            return
        if self._typist.text is not None:
            event.accept()
            return
        super().inputMethodEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._typist.commit():
            super().focusOutEvent(event)  # type: ignore[misc]

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab after a date typed: read it, then leave the box (a refused date keeps it)."""
        if self._typist.text is None:
            return bool(super().focusNextPrevChild(forward))  # type: ignore[misc]
        return QWidget.focusNextPrevChild(self, forward) if self._typist.commit() else True  # type: ignore[arg-type]


class DateBox(_Typed, QDateEdit):  # type: ignore[misc]  # (validate: the typed text's state)
    """A QDateEdit that reads a date typed whole (see the module's note)."""

    refused = Signal(str)  # what is wrong with the date typed (also the box's tooltip); "": mended

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typist = _Typist(self)

    def setDate(self, date: QDate) -> None:
        self._typist.text = None
        self._typist.checking = False
        self._typist.clear_problem()
        super().setDate(date)


class DateTimeBox(_Typed, QDateTimeEdit):  # type: ignore[misc]
    """The same for a date and a time ("15/01/2027 9:30"; the time may be left out; a zone
    after the time is converted to the office's time: "15/01/2027 21:00 JST")."""

    refused = Signal(str)
    converted = Signal(str)  # "21:00 JST (UTC+9) is 15/01/2027 19:00 Hanoi time (UTC+7)"; "": none

    def __init__(self, value: QDateTime | None = None, parent: QWidget | None = None) -> None:
        if value is None:
            super().__init__(parent)
        else:
            super().__init__(value, parent)
        self._typist = _Typist(self)
        self.timeChanged.connect(self._time_set)

    def set_time_for_a_date(self, when: QTime | None) -> None:
        """A date typed without a time gets ``when`` (a new meeting: 09:00, as the import and the
        command line read a date alone) until a time is typed or set; None: the time shown."""
        self._typist.time_for_a_date = when

    def _time_set(self, _t: QTime) -> None:
        if not self._typist.reading:
            self._typist.time_chosen = True

    def setDateTime(self, value: QDateTime) -> None:
        self._typist.text = None
        self._typist.checking = False
        self._typist.clear_problem()
        super().setDateTime(value)
