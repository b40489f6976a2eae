"""A follow-up with no due date from Log meeting: the "No due date" pick beside the quick picks
(Ctrl+0), or the due date's box emptied, saves it with none, listed as "no due date" (reviewer
h129: Ctrl+A, Backspace left "14/12/2026" and the calendar had no "no date", while the command
line and Edit action allowed it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from db.engine import read_session
from db.models import Action
from tests.ui.helpers import open_log_meeting
from tests.ui.test_keyboard_flows import type_into


def _saved_due(engine: Any, meeting_id: int) -> dict[str, Any]:
    with read_session(engine) as s:
        rows = s.execute(select(Action).where(Action.meeting_id == meeting_id)).scalars()
        return {a.title: a.due_date for a in rows}


def test_a_follow_up_with_no_due_date_from_the_pick_or_the_box_emptied(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    dialog.title.setText("Làm việc với Bộ KH&CN")
    fu = dialog.followups
    week = fu.due_date()
    assert week is not None

    fu.what.setFocus()
    type_into(fu.what, "Việc không hạn")
    qtbot.mouseClick(fu.no_due, Qt.MouseButton.LeftButton)  # the pick beside +1 day, +1 week…
    assert fu.due_date() is None and fu.due.text() == "No due date"
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    assert fu.list.topLevelItem(0).text(4) == "no due date"

    type_into(fu.what, "Gửi dự thảo")  # the next one: a date again, then none by Ctrl+0
    qtbot.keyClick(fu.what, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert fu.due_date() == week
    qtbot.keyClick(fu.what, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert fu.due_date() is None
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)

    type_into(fu.what, "Xoá hạn bằng phím")  # a date, then the box emptied: Ctrl+A, Backspace
    qtbot.keyClick(fu.what, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    fu.due.setFocus()
    qtbot.waitUntil(fu.due.hasFocus)
    qtbot.keyClick(fu.due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(fu.due, Qt.Key.Key_Backspace)
    assert fu.due_date() is None and fu.due.text() == "No due date"
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)  # Enter in the box adds it, as in its title
    assert fu.list.topLevelItemCount() == 3

    type_into(fu.what, "Có hạn")  # a date typed into the empty box: due again
    fu.due.setFocus()
    type_into(fu.due, "15/12/2026")
    qtbot.keyClick(fu.due, Qt.Key.Key_Return)
    assert [fu.list.topLevelItem(i).text(4) for i in range(4)] == [
        "no due date",
        "no due date",
        "no due date",
        ctx.fmt_date(dt.date(2026, 12, 15)),
    ]
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    due = _saved_due(engine, dialog.saved_id)
    assert due == {
        "Việc không hạn": None,
        "Gửi dự thảo": None,
        "Xoá hạn bằng phím": None,
        "Có hạn": dt.date(2026, 12, 15),
    }


def test_an_arrow_key_on_no_due_date_goes_to_a_week_after_the_meeting(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    dialog = open_log_meeting(qtbot, ctx)
    fu = dialog.followups
    week = fu.due_date()
    fu.set_due(None)
    fu.due.setFocus()
    qtbot.waitUntil(fu.due.hasFocus)
    qtbot.keyClick(fu.due, Qt.Key.Key_Up)  # not 15/09/1752
    assert fu.due_date() == week


def test_the_calendar_opened_on_no_due_date_shows_the_meetings_month(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from PySide6.QtCore import QPoint

    dialog = open_log_meeting(qtbot, ctx)
    fu = dialog.followups
    fu.set_due(None)
    arrow = QPoint(fu.due.width() - 6, fu.due.height() // 2)
    qtbot.mouseClick(fu.due, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = fu.due.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (fu.base.year, fu.base.month)
    calendar.window().hide()


def test_no_due_date_is_kept_in_the_crash_draft(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    """The draft kept on disk while typing (ui.dialogs.meeting_draft) holds "no due date" too,
    for a follow-up added and for the one being typed, and gives it back."""
    from ui.dialogs import meeting_draft

    dialog = open_log_meeting(qtbot, ctx)
    fu = dialog.followups
    fu.what.setText("Việc không hạn")
    fu.set_due(None)
    fu.add_current()
    fu.what.setText("Đang gõ, không hạn")
    fields = meeting_draft.fields_of(dialog)
    again = open_log_meeting(qtbot, ctx)
    meeting_draft.put_back(again, fields)
    assert [(f.title, f.due) for f in again.followups.new_items()] == [("Việc không hạn", None)]
    assert again.followups.what.text() == "Đang gõ, không hạn" and again.followups.due_date() is None
