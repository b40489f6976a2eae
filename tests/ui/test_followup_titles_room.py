"""Log meeting's follow-ups give the room left to their titles, not to the due date
(reviewer h108: "Qualcomm gửi thông tin chươ…" was cut while 170-200 px stood empty right of
"Hạn" at 1366×768)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_follow_up_title_is_not_cut_while_the_due_column_has_room(
    qtbot: Any, qapp: Any, ctx: Any, language: str
) -> None:
    from ui import i18n
    from ui.dialogs.log_meeting import LogMeetingDialog

    assert i18n.install(qapp, language) == language
    try:
        dialog = LogMeetingDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.resize(1340, 700)  # the dialog on a 1366×768 screen
        dialog.show()
        qtbot.waitExposed(dialog)
        fu = dialog.followups
        title = "Qualcomm gửi thông tin chương trình đào tạo kỹ sư thiết kế vi mạch"
        fu.what.setText(title)
        fu.set_due(dt.date(2026, 12, 16))
        fu.add_current()
        qtbot.wait(50)
        header, row = fu.list.header(), fu.list.topLevelItem(0)
        due = header.count() - 1
        date_width = fu.list.fontMetrics().horizontalAdvance(row.text(due))
        header_width = header.fontMetrics().horizontalAdvance(fu.list.headerItem().text(due))
        assert header.sectionSize(due) <= max(date_width, header_width) + 40  # no empty room there
        needed = fu.list.fontMetrics().horizontalAdvance(title) + 40  # (the icon, the margins)
        assert header.sectionSize(0) >= needed, (header.sectionSize(0), needed)
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_three_new_attendees_show_whole_at_1366_by_768(
    qtbot: Any, qapp: Any, ctx: Any, monkeypatch: Any, language: str
) -> None:
    """Reviewer h108: the attendees' box showed two rows and a half (the third person's
    organisation hidden) while 80 px of the 768 stood unused. The dialog takes the screen's
    room (a taskbar of 30 px), and the people get the height and width the organisations and
    the follow-ups did not need."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from app.meetings import Chosen
    from ui import i18n
    from ui.dialogs.log_meeting import LogMeetingDialog

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1366, 738))
    assert LogMeetingDialog._room(None) == (1200, 698)
    assert i18n.install(qapp, language) == language
    try:
        dialog = LogMeetingDialog(ctx)
        qtbot.addWidget(dialog)
        assert (dialog.width(), dialog.height()) == (1200, 698)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.organisations.add(Chosen(None, "Công ty Cổ phần Rạng Đông Hòa Lạc"))
        for name in ("Lê Văn Tùng", "Phạm Thị Thu", "Nguyễn Hoàng Nam"):
            dialog.attendees.add(Chosen(None, name))
        qtbot.wait(50)
        view = dialog.attendees.chosen_view
        last = view.visualItemRect(view.topLevelItem(2))
        assert last.bottom() <= view.viewport().height(), (last, view.viewport().height())
        assert "\n" in view.topLevelItem(2).text(0)  # (its organisation under the name)
    finally:
        i18n.install(qapp, "en")
