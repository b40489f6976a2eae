"""Dates said in words mean what a Vietnamese officer means (reviewer h149):
- Reschedule (Ctrl+R) on an action due ahead: "thứ sáu" gave the Friday after the due date and
  "ngày mai" the day after it; words that name a day now count from today, a count ("+3d") from
  the due date, said beside the box;
- Log meeting: "Gửi thư giới thiệu trước thứ sáu" + Enter kept the text whole and the default due
  date (a week after the meeting), silently; the deadline is now the due date, shown before the
  follow-up is added, out of the title, and can be kept as text instead;
- Tab to "Add", Enter: the focus moved on and nothing was added.
The clock is pinned at Monday 23/11/2026 (the meeting's day when Log meeting opens)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_log_meeting
from tests.ui.test_date_words import _saved_due
from tests.ui.test_keyboard_flows import type_into

MONDAY = dt.date(2026, 11, 23)
WEEK_AFTER = dt.date(2026, 11, 30)  # the default due date of a follow-up


def _reschedule_dialog(qtbot: Any, ctx: Any, current: dt.date) -> Any:
    from ui.commands import RescheduleDialog

    dialog = RescheduleDialog(ctx, current)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.date.setFocus()
    qtbot.waitUntil(dialog.date.hasFocus)
    return dialog


def _type_and_read(qtbot: Any, box: Any, typed: str) -> None:
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_reschedule_words_that_name_a_day_count_from_today(qtbot: Any, ctx: Any) -> None:
    assert ctx.today() == MONDAY
    dialog = _reschedule_dialog(qtbot, ctx, current=dt.date(2026, 12, 7))  # due a fortnight ahead
    _type_and_read(qtbot, dialog.date, "thứ sáu")
    assert dialog.value() == dt.date(2026, 11, 27)  # this Friday, not Friday 11/12
    assert dialog.date.said() == "thứ sáu → Fri 27/11/2026"  # from today: nothing more said
    _type_and_read(qtbot, dialog.date, "ngày mai")
    assert dialog.value() == dt.date(2026, 11, 24)
    _type_and_read(qtbot, dialog.date, "next friday")
    assert dialog.value() == dt.date(2026, 11, 27)
    # a count: from the due date, as the picks count, and said so
    _type_and_read(qtbot, dialog.date, "+3d")
    assert dialog.value() == dt.date(2026, 12, 10)
    assert dialog.date.said() == "+3d → Thu 10/12/2026, counted from the due date Mon 07/12/2026"
    assert dialog.findChild(type(dialog.date.note_label()), "reschedule_date_note").isVisible()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # seen: OK
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.value() == dt.date(2026, 12, 10)


def test_reschedule_of_an_overdue_action_counts_from_today_and_says_nothing_more(
    qtbot: Any, ctx: Any
) -> None:
    dialog = _reschedule_dialog(qtbot, ctx, current=dt.date(2026, 11, 2))
    _type_and_read(qtbot, dialog.date, "+3 ngày")
    assert dialog.value() == dt.date(2026, 11, 26)
    assert dialog.date.said() == "+3 ngày → Thu 26/11/2026"


def test_a_deadline_typed_in_the_follow_up_is_its_due_date(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    dialog.title.setText("Làm việc với Bộ KH&CN")
    fu = dialog.followups
    assert fu.due_date() == WEEK_AFTER
    fu.what.setFocus()
    type_into(fu.what, "Gửi thư giới thiệu trước thứ sáu")
    # seen before it is added: the due box shows it, the line under it says from what
    assert fu.due_date() == dt.date(2026, 11, 27)
    note = fu.findChild(type(fu.due.note_label()), "followup_due_words")
    assert note.isVisible() and note.text().startswith("due Fri 27/11 (from “trước thứ sáu”)")
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    row = fu.list.topLevelItem(0)
    assert row.text(0) == "Gửi thư giới thiệu"
    assert row.text(4) == "27/11/2026 (from “trước thứ sáu”)"
    assert fu.due_date() == WEEK_AFTER and not note.isVisible()  # the next one starts as before

    # only words at the end, begun by "trước"/"by"… or "ngày mai" alone
    type_into(fu.what, "Báo cáo ngày mai của Bộ")
    assert fu.due_date() == WEEK_AFTER and not note.isVisible()
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    type_into(fu.what, "Gọi lại cho anh Hùng ngày mai")
    assert fu.due_date() == dt.date(2026, 11, 24)
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)

    # undone: kept as typed with the link, or a date set in the box by the person
    type_into(fu.what, "Send the deck by friday")
    assert fu.due_date() == dt.date(2026, 11, 27)
    fu.deadline.keep_in_title()  # (the line's link)
    assert fu.due_date() == WEEK_AFTER and not note.isVisible()
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    type_into(fu.what, "Gửi biên bản trước thứ sáu")
    assert fu.due_date() == dt.date(2026, 11, 27)
    qtbot.keyClick(fu, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # +1 day: the person's
    assert fu.due_date() == dt.date(2026, 11, 24) and not note.isVisible()
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)

    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert _saved_due(engine, dialog.saved_id) == {
        "Gửi thư giới thiệu": dt.date(2026, 11, 27),
        "Báo cáo ngày mai của Bộ": WEEK_AFTER,
        "Gọi lại cho anh Hùng": dt.date(2026, 11, 24),
        "Send the deck by friday": WEEK_AFTER,
        "Gửi biên bản trước thứ sáu": dt.date(2026, 11, 24),
    }


def test_the_deadline_counts_from_the_meetings_day_and_moves_with_it(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    fu = dialog.followups
    fu.what.setFocus()
    type_into(fu.what, "Gửi tài liệu trong tuần này")
    assert fu.due_date() == dt.date(2026, 11, 27)
    dialog.when.setDateTime(QDateTime(2026, 12, 1, 9, 0, 0))  # Tuesday of the next week
    assert fu.due_date() == dt.date(2026, 12, 4)
    fu.what.setText("Gửi tài liệu")  # the words gone: the default, a week after the meeting
    assert fu.due_date() == dt.date(2026, 12, 8)
    # the due box's own words count from the meeting's day too, said so (not today)
    fu.due.setFocus()
    qtbot.waitUntil(fu.due.hasFocus)
    type_into(fu.due, "thứ sáu")
    qtbot.keyClick(fu.due, Qt.Key.Key_Tab)
    assert fu.due.said() == "thứ sáu → Fri 04/12/2026, counted from the meeting's day Tue 01/12/2026"


def test_a_follow_up_read_from_its_text_goes_back_to_the_editor_whole(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    fu = dialog.followups
    fu.what.setFocus()
    type_into(fu.what, "Gửi thư giới thiệu trước thứ sáu")
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    fu.edit_row(0)  # F2
    assert fu.what.text() == "Gửi thư giới thiệu trước thứ sáu" and fu.due_date() == dt.date(2026, 11, 27)
    fu.what.setText("Gửi thư giới thiệu trước thứ sáu tuần sau")
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    assert [(i.title, i.due) for i in fu.items] == [("Gửi thư giới thiệu", dt.date(2026, 12, 4))]


def test_enter_on_the_add_button_adds_the_follow_up(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    fu = dialog.followups
    fu.what.setFocus()
    type_into(fu.what, "Gửi biên bản họp")
    fu.due.setFocus()
    qtbot.keyClick(fu.due, Qt.Key.Key_Tab)  # from the due date, Tab: the Add button
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fu.add_button)
    qtbot.keyClick(fu.add_button, Qt.Key.Key_Return)
    assert [i.title for i in fu.items] == ["Gửi biên bản họp"]
    assert fu.what.text() == "" and QApplication.focusWidget() is fu.what  # ready for the next
    type_into(fu.what, "Gửi tài liệu")
    assert fu.what.text() == "Gửi tài liệu"  # never appended to the one before


def test_the_lines_in_vietnamese(qtbot: Any, qapp: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    try:
        dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
        fu = dialog.followups
        fu.what.setFocus()
        type_into(fu.what, "Gửi thư giới thiệu trước thứ sáu")
        note = fu.findChild(type(fu.due.note_label()), "followup_due_words")
        assert note.text().startswith("hạn T6 27/11 (từ “trước thứ sáu”)")
        assert "giữ các chữ này trong tiêu đề" in note.text()
        qtbot.keyClick(fu.what, Qt.Key.Key_Return)
        assert fu.list.topLevelItem(0).text(4) == "27/11/2026 (từ “trước thứ sáu”)"
        reschedule = _reschedule_dialog(qtbot, ctx, current=dt.date(2026, 12, 7))
        _type_and_read(qtbot, reschedule.date, "+3 ngày")
        assert reschedule.date.said() == "+3 ngày → T5 10/12/2026, tính từ hạn hiện tại T2 07/12/2026"
    finally:
        i18n.install(qapp, "en")
