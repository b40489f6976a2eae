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
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QDialogButtonBox, QPushButton, QWidget

_TYPED = re.compile(r"[0-9/.\-: ]")
_COMMAND = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
_RED = "QDateTimeEdit { border: 1px solid #c62828; }"


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
        self.held: list[QPushButton] = []  # the dialog's OK buttons, off while a date is refused

    def time_format(self) -> str:
        fmt = self.edit.displayFormat()
        return fmt[fmt.index("H") :] if "H" in fmt else ""

    def date_format(self) -> str:
        fmt = self.edit.displayFormat()
        return fmt[: fmt.index("H")].strip() if "H" in fmt else fmt

    def key(self, event: QKeyEvent) -> bool:
        """True: the key was taken here (typing, or a refused date kept)."""
        text, key = event.text(), event.key()
        if text and _TYPED.fullmatch(text) and not event.modifiers() & _COMMAND:
            if self.text is None and not text.isdigit():
                return True  # a separator before any digit: nothing to separate
            self.show((self.text or "") + text)
            return True
        if self.text is None:
            return False
        if key == Qt.Key.Key_Backspace:
            self.show(self.text[:-1])
            return True
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return not self.commit()  # a refused date: kept, the key does not move on from it

    def show(self, text: str) -> None:
        self.text = text
        self.clear_problem()
        self._put(text)

    def _put(self, text: str) -> None:
        line = self.edit.lineEdit()
        line.blockSignals(True)  # Qt's section parser would read (and rewrite) a part typed
        line.setText(text)
        line.setCursorPosition(len(text))
        line.blockSignals(False)

    def cancel(self) -> None:
        self.text = None
        self.clear_problem()
        self.edit.setDateTime(self.edit.dateTime())
        self.edit.lineEdit().setText(self.edit.textFromDateTime(self.edit.dateTime()))

    def commit(self) -> bool:
        """Read what was typed; False (and said) when it is not a date."""
        if self.text is None:
            return True
        typed = self.text.strip()
        shown = self.edit.dateTime()
        date_part, _, time_part = typed.partition(" ") if self.time_format() else (typed, "", "")
        q = shown.date()
        day = read_date(date_part, self.date_format(), dt.date(q.year(), q.month(), q.day()))
        when = shown.time()
        if time_part.strip():
            found = re.fullmatch(r"(\d{1,2}):?(\d{2})?", time_part.strip())
            when = QTime(int(found.group(1)), int(found.group(2) or 0)) if found else QTime()
        if day is None or not when.isValid():
            self.refuse(typed)
            return False
        value = QDateTime(QDate(day.year, day.month, day.day), when)
        if not self.edit.minimumDateTime() <= value <= self.edit.maximumDateTime():
            self.refuse(typed)
            return False
        self.text = None
        self.clear_problem()
        self._put(self.edit.textFromDateTime(shown))  # Qt's sections where it expects them
        self.edit.setDateTime(value)
        self.edit.lineEdit().setText(self.edit.textFromDateTime(value))  # the same date: shown again
        return True

    def refuse(self, typed: str) -> None:
        fmt = self.edit.displayFormat()
        example = QDateTime(QDate(2027, 1, 15), QTime(9, 30)).toString(fmt)
        self.problem = (
            QCoreApplication.translate("DateBox", "“%1” is not a date: type it as %2, e.g. %3")
            .replace("%1", typed)
            .replace("%2", fmt.replace("MM", "mm"))
            .replace("%3", example)
        )
        self.edit.setStyleSheet(_RED)
        self.edit.setToolTip(self.problem)
        self.hold()
        self._put(self.text or typed)  # a new style re-reads the box: the typed text stays
        self.edit.refused.emit(self.problem)  # type: ignore[attr-defined]

    def clear_problem(self) -> None:
        if self.problem:
            self.problem = ""
            self.edit.setStyleSheet("")
            self.edit.setToolTip("")
        for button in self.held:
            button.setEnabled(True)
        self.held = []

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


class _Typed:
    """What both boxes do with the keyboard (a mixin before the Qt class: its overrides win)."""

    _typist: _Typist

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

    refused = Signal(str)  # what is wrong with the date typed (also the box's tooltip)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typist = _Typist(self)

    def setDate(self, date: QDate) -> None:
        self._typist.text = None
        self._typist.clear_problem()
        super().setDate(date)


class DateTimeBox(_Typed, QDateTimeEdit):  # type: ignore[misc]
    """The same for a date and a time ("15/01/2027 9:30"; the time may be left out)."""

    refused = Signal(str)

    def __init__(self, value: QDateTime | None = None, parent: QWidget | None = None) -> None:
        if value is None:
            super().__init__(parent)
        else:
            super().__init__(value, parent)
        self._typist = _Typist(self)

    def setDateTime(self, value: QDateTime) -> None:
        self._typist.text = None
        self._typist.clear_problem()
        super().setDateTime(value)
