"""A follow-up added in Log meeting / Edit meeting is about the counterpart — the first of the
meeting's (or its attendees') organisations that is not our own office — never our own office
unless the officer picks it (reviewer h129: editing "Làm việc với đoàn Bộ KH&CN về sandbox", NIC
listed first, the new follow-up's "Về tổ chức" started at NIC and was saved under NIC; the same in
a new meeting with a NIC attendee added first)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app import records
from db.engine import read_session, unit_of_work
from db.models import Action
from tests.app.lists.seed import TODAY


def _saved_about(engine: Any, meeting_id: int) -> dict[str, int | None]:
    with read_session(engine) as s:
        rows = s.execute(select(Action).where(Action.meeting_id == meeting_id)).scalars()
        return {a.title: a.organisation_id for a in rows}


def test_editing_a_meeting_listing_our_office_first_files_the_follow_up_under_the_counterpart(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    from ui.dialogs.log_meeting import LogMeetingDialog

    with unit_of_work(engine) as s:
        meeting_id = records.create(
            s,
            "meeting",
            {
                "title": "Làm việc với Genetica về sandbox",
                "starts_at": dt.datetime.combine(TODAY, dt.time(9, 0)),
                "organisation_ids": [ids["nic"], ids["genetica"]],  # our office listed first
                "attendees": [{"contact_id": ids["dang"]}, {"contact_id": ids["hung"]}],
            },
        )
    dialog = LogMeetingDialog(ctx, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    fu = dialog.followups
    assert fu.about.itemData(0) == f"id:{ids['nic']}"  # as the meeting lists them
    assert fu.about.currentData() == f"id:{ids['genetica']}"
    assert fu.about.currentText() == "Genetica"
    fu.what.setFocus()
    fu.what.setText("Chuẩn bị tài liệu họp lần 2")
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    assert fu.list.topLevelItem(0).text(1) == "Genetica"
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert _saved_about(engine, meeting_id)["Chuẩn bị tài liệu họp lần 2"] == ids["genetica"]


def test_a_new_meeting_with_our_attendee_first_is_about_none_then_the_counterpart_unless_ours_is_picked(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    from app.meetings import Chosen
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Làm việc với đoàn Bộ KH&CN")
    fu = dialog.followups
    dialog.attendees.add(Chosen(ids["nhung"], "Nguyễn Thị Hồng Nhung"))  # from NIC, our office
    qtbot.waitUntil(lambda: fu.about.findData(f"id:{ids['nic']}") >= 0, timeout=10_000)
    assert fu.about.currentText() == "—"  # only our own office so far: about none
    fu.what.setText("Tổng hợp ý kiến nội bộ")
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    dialog.organisations.add(Chosen(ids["ministry"], "Bộ Khoa học và Công nghệ"))  # the counterpart
    assert fu.about.currentData() == f"id:{ids['ministry']}"
    fu.what.setText("Chuẩn bị tài liệu họp lần 2")
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)

    # our office picked by the officer, from the keyboard: kept as the people change
    fu.about.setFocus()
    while fu.about.currentData() != f"id:{ids['nic']}":
        qtbot.keyClick(fu.about, Qt.Key.Key_Down)
    dialog.attendees.add(Chosen(ids["hung"], "Phạm Quốc Hùng"))  # Genetica's
    qtbot.waitUntil(lambda: fu.about.findData(f"id:{ids['genetica']}") >= 0, timeout=10_000)
    assert fu.about.currentData() == f"id:{ids['nic']}"
    fu.what.setText("Gửi biên bản cho Ban Giám đốc")
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert _saved_about(engine, dialog.saved_id) == {
        "Tổng hợp ý kiến nội bộ": ids["ministry"],  # "—": the counterpart when saved, not ours
        "Chuẩn bị tài liệu họp lần 2": ids["ministry"],
        "Gửi biên bản cho Ban Giám đốc": ids["nic"],
    }
