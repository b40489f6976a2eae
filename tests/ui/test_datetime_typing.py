"""A date and time typed the way officers type it is the date and time saved.

Reviewer (Log meeting, Ctrl+M): "02/12/2026 9:15" then Tab gave 15/12/2026 09:00 — the Shift
pressed for the ":" read "02/12/2026 9" and the "15" became the day; "02/12/2026 14h30" gave
30/12/2026 14:00 (the "h" read it); after a refusal more typing cleared the red and Save saved
the meeting at "now"; a date alone kept the time the dialog opened (06:07).
Keys are sent as a keyboard sends them: a bare Shift press before a shifted character.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QPushButton, QVBoxLayout
from sqlalchemy import select

from db import clock
from db.engine import read_session
from db.models import Meeting
from tests.ui.helpers import open_log_meeting

SHOWN = QDateTime(QDate(2026, 12, 15), QTime(9, 0))
SHIFTED = set(":ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def type_like_a_person(qtbot: Any, widget: Any, text: str) -> None:
    """Each character as a keyboard gives it: Shift pressed (a key of its own, no text) before
    a shifted one, released after."""
    for ch in text:
        if ch in SHIFTED:
            qtbot.keyPress(widget, Qt.Key.Key_Shift)
            qtbot.keyClick(widget, ch, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyRelease(widget, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClick(widget, ch)


def _box(qtbot: Any) -> Any:
    from ui.datebox import DateTimeBox

    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = DateTimeBox(SHOWN, dialog)
    box.setDisplayFormat("dd/MM/yyyy HH:mm")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save, dialog)
    lay = QVBoxLayout(dialog)
    lay.addWidget(box)
    lay.addWidget(QLineEdit(dialog))  # somewhere for Tab to go
    lay.addWidget(buttons)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    box.save = buttons.button(QDialogButtonBox.StandardButton.Save)
    box.held_by = dialog  # the test's reference keeps the dialog (and the box) alive
    return box


def _typed(qtbot: Any, box: Any, text: str) -> QDateTime:
    box.setDateTime(SHOWN)
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    type_like_a_person(qtbot, box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    return box.dateTime()


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("02/12/2026 9:15", QDate(2026, 12, 2), QTime(9, 15)),
        ("2/12/2026 09:15", QDate(2026, 12, 2), QTime(9, 15)),
        ("02/12/2026 14h30", QDate(2026, 12, 2), QTime(14, 30)),
        ("02/12/2026 14h", QDate(2026, 12, 2), QTime(14, 0)),
        ("02/12/2026 9g15", QDate(2026, 12, 2), QTime(9, 15)),
        ("2/12 9:15", QDate(2026, 12, 2), QTime(9, 15)),  # the year shown, as for a date alone
        ("14h", QDate(2026, 12, 15), QTime(14, 0)),  # the time alone: the day shown
        ("9:15", QDate(2026, 12, 15), QTime(9, 15)),
        ("02/12/2026 2:30 PM", QDate(2026, 12, 2), QTime(14, 30)),
    ],
)
def test_a_date_and_time_typed_as_officers_type_it(qtbot: Any, text: str, day: QDate, time: QTime) -> None:
    box = _box(qtbot)
    assert _typed(qtbot, box, text) == QDateTime(day, time), text
    assert box.problem() == "" and QApplication.focusWidget() is not box


@pytest.mark.qt_log_ignore("keyToAscii")  # QTest has no text for AltGr and the dead keys: none
def test_modifier_and_dead_keys_in_the_middle_change_nothing(qtbot: Any) -> None:
    box = _box(qtbot)
    type_like_a_person(qtbot, box, "02/12")
    for key in (
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_Dead_Acute,  # the accents of a Vietnamese layout
        Qt.Key.Key_Dead_Hook,
        Qt.Key.Key_Dead_Belowdot,
        Qt.Key.Key_Multi_key,
    ):
        qtbot.keyPress(box, key)
        qtbot.keyRelease(box, key)
        assert box.lineEdit().text() == "02/12", key
    type_like_a_person(qtbot, box, "/2026 10:45")
    assert box.lineEdit().text() == "02/12/2026 10:45"
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.dateTime() == QDateTime(QDate(2026, 12, 2), QTime(10, 45))


def test_text_that_is_no_date_stays_refused_until_it_reads(qtbot: Any) -> None:
    box = _box(qtbot)
    assert _typed(qtbot, box, "02/12/2026 25:00") == SHOWN  # no hour 25: refused, not another date
    assert QApplication.focusWidget() is box
    assert "c62828" in box.styleSheet() and "dd/mm/yyyy HH:mm" in box.toolTip()
    assert not box.save.isEnabled()
    # the refused text is selected: typing again replaces it (was: appended, "02122026…")
    type_like_a_person(qtbot, box, "99")
    assert box.lineEdit().text() == "99"
    assert "c62828" in box.styleSheet() and "99" in box.toolTip() and not box.save.isEnabled()
    for _ in "99":
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    type_like_a_person(qtbot, box, "02/12/2026 14h30")
    assert box.styleSheet() == "" and box.save.isEnabled()  # reads now: no longer red
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.dateTime() == QDateTime(QDate(2026, 12, 2), QTime(14, 30))


# --- Log meeting, end to end -----------------------------------------------------------------


def _saved_start(engine: Any, meeting_id: int) -> dt.datetime:
    with read_session(engine) as s:
        return s.execute(select(Meeting.starts_at).where(Meeting.id == meeting_id)).scalar_one()


def _log(qtbot: Any, ctx: Any, ids: dict[str, Any], when: str) -> Any:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    type_like_a_person(qtbot, dialog.title, "Thu lan ba")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.when)
    type_like_a_person(qtbot, dialog.when, when)
    return dialog


def test_log_meeting_saves_the_time_typed_in_the_vietnamese_way(qtbot, ctx, ids, engine) -> None:
    dialog = _log(qtbot, ctx, ids, "02/12/2026 14h30")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.kind
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert _saved_start(engine, dialog.saved_id) == dt.datetime(2026, 12, 2, 14, 30)


def test_ctrl_return_reads_the_time_still_being_typed(qtbot, ctx, ids, engine) -> None:
    dialog = _log(qtbot, ctx, ids, "02/12/2026 9:15")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert _saved_start(engine, dialog.saved_id) == dt.datetime(2026, 12, 2, 9, 15)


def test_log_meeting_refuses_to_save_a_when_that_is_no_date(qtbot, ctx, ids, engine) -> None:
    dialog = _log(qtbot, ctx, ids, "021220261430")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)  # a save, had one started, would be on its way
    assert dialog.isVisible() and dialog.saved_id is None
    said = dialog.errors["starts_at"].text()
    assert "021220261430" in said and "dd/mm/yyyy" in said
    assert QApplication.focusWidget() is dialog.when and "c62828" in dialog.when.styleSheet()
    type_like_a_person(qtbot, dialog.when, "02/12/2026 14:30")  # typed over the text refused
    assert dialog.errors["starts_at"].isHidden()  # reads now: nothing said under it any more
    qtbot.keyClick(dialog.when, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert _saved_start(engine, dialog.saved_id) == dt.datetime(2026, 12, 2, 14, 30)


def test_a_new_meeting_on_a_day_typed_alone_starts_at_nine(qtbot, ctx, ids, engine) -> None:
    clock.set_fixed(dt.datetime(2026, 11, 23, 6, 7))  # the dialog opened at 06:07
    dialog = _log(qtbot, ctx, ids, "25/11/2026")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Tab)
    assert dialog.when.dateTime() == QDateTime(QDate(2026, 11, 25), QTime(9, 0))
    # a time typed is kept when only the day is typed again
    dialog.when.setFocus()
    type_like_a_person(qtbot, dialog.when, "15h")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Tab)
    dialog.when.setFocus()
    type_like_a_person(qtbot, dialog.when, "26/11/2026")
    qtbot.keyClick(dialog.when, Qt.Key.Key_Tab)
    assert dialog.when.dateTime() == QDateTime(QDate(2026, 11, 26), QTime(15, 0))


# --- the other date boxes: a save reads them first ---------------------------------------------


def test_working_days_add_refuses_a_day_that_is_none(qtbot, ctx, engine) -> None:
    from app import workdays
    from ui.workdays import WorkingDaysDialog

    dialog = WorkingDaysDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.day.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.day)
    type_like_a_person(qtbot, dialog.day, "31/02/2027")
    add = dialog.findChild(QPushButton, "workdays_add")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # (was: today added as a day off)
    qtbot.wait(100)  # a write, had one started, would be on its way
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    with read_session(engine) as s:
        assert workdays.office_days(s) == []
    assert QApplication.focusWidget() is dialog.day and "31/02/2027" in dialog.day.problem()
