"""Log meeting's follow-up row from the keyboard.

Reviewer: Enter in the follow-up's due date did not add it (Enter in its title did); the next
follow-up kept "They owe", and a we-owe item was filed as they-owe; a follow-up added could only
be deleted and typed again, not changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_log_meeting
from tests.ui.test_datetime_typing import type_like_a_person


def _to(qtbot: Any, widget: Any) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _they_owe(qtbot: Any, fu: Any) -> None:
    _to(qtbot, fu.direction)
    qtbot.keyClick(fu.direction, Qt.Key.Key_Down)  # We owe → They owe
    assert fu.direction.currentData() == "they_owe"


def test_enter_in_the_due_date_adds_the_follow_up_and_the_next_starts_as_we_owe(qtbot, ctx, ids) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    fu = dialog.followups
    _to(qtbot, fu.what)
    type_like_a_person(qtbot, fu.what, "Send the term sheet")
    _they_owe(qtbot, fu)
    _to(qtbot, fu.due)
    type_like_a_person(qtbot, fu.due, "4/12/2026")
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert [(i.title, i.direction, i.due) for i in fu.items] == [
        ("Send the term sheet", "they_owe", dt.date(2026, 12, 4))
    ]
    assert fu.what.text() == "" and QApplication.focusWidget() is fu.what
    assert fu.direction.currentData() == "we_owe"  # (was: "They owe" kept for the next one)
    assert fu.who.currentData() == f"staff:{ctx.staff_id}"
    type_like_a_person(qtbot, fu.what, "Introduce Genetica to NIC")
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    assert fu.items[1].direction == "we_owe"


def test_a_due_date_that_is_none_adds_nothing(qtbot, ctx, ids) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    fu = dialog.followups
    _to(qtbot, fu.what)
    type_like_a_person(qtbot, fu.what, "Send the term sheet")
    _to(qtbot, fu.due)
    type_like_a_person(qtbot, fu.due, "31/02/2026")
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert fu.items == [] and QApplication.focusWidget() is fu.due and fu.due.problem()
    qtbot.mouseClick(fu.add_button, Qt.MouseButton.LeftButton)  # (was: added, due a week later)
    assert fu.items == [] and QApplication.focusWidget() is fu.due and fu.due.problem()
    assert fu.due.lineEdit().text() == "31/02/2026"


def test_an_added_follow_up_goes_back_in_the_editor_and_keeps_its_place(qtbot, ctx, ids) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    fu = dialog.followups
    _to(qtbot, fu.what)
    for title in ("Send the term sheet", "Book the lab visit"):
        type_like_a_person(qtbot, fu.what, title)
        qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    fu.list.setCurrentItem(fu.list.topLevelItem(0))
    _to(qtbot, fu.list)
    qtbot.keyClick(fu.list, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is fu.what and fu.what.text() == "Send the term sheet"
    assert [i.title for i in fu.items] == ["Book the lab visit"]
    qtbot.keyClick(fu.what, Qt.Key.Key_End)
    type_like_a_person(qtbot, fu.what, " to MOST")
    _they_owe(qtbot, fu)
    fu.due.setDate(QDate(2026, 12, 9))
    _to(qtbot, fu.due)
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert [(i.title, i.direction, i.due) for i in fu.items] == [
        ("Send the term sheet to MOST", "they_owe", dt.date(2026, 12, 9)),
        ("Book the lab visit", "we_owe", fu.items[1].due),
    ]
    assert fu.list.topLevelItem(0).text(0) == "Send the term sheet to MOST"
    # a double-click does the same
    where = fu.list.visualItemRect(fu.list.topLevelItem(1)).center()
    qtbot.mouseClick(fu.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(fu.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: fu.what.text() == "Book the lab visit")
    assert [i.title for i in fu.items] == ["Send the term sheet to MOST"]
