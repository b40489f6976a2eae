"""Ctrl+M from the Contacts list fills the selected person (and their organisation) into Log
meeting: said in the dialog, their rows marked "(from the list)", and one Remove takes them out
(a fast typist with the wrong row selected logged the meeting with that person, unseen)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from db.engine import read_session
from db.models import Meeting, MeetingAttendee
from tests.ui.helpers import wait_idle


def test_ctrl_m_from_contacts_says_who_was_filled_in_and_removes_them(
    qtbot: Any, language: str, window: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    from ui.dialogs.log_meeting import LogMeetingDialog

    window.navigate("contact", ids["nhung"])  # Nguyễn Thị Hồng Nhung selected, her page beside
    wait_idle(qtbot, ctx)
    panel = window.views["contact"].list
    panel.view.setFocus()
    seen: dict[str, Any] = {}

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LogMeetingDialog):
            QTimer.singleShot(20, in_dialog)
            return
        try:
            looked(dialog)
        except Exception as exc:  # (said by the test, not left in a modal dialog)
            seen["failed"] = exc
            dialog.reject()

    def looked(dialog: Any) -> None:
        note = dialog.prefilled
        seen["note"] = note.isVisible() and note.text()
        seen["people_row"] = dialog.attendees.chosen_view.topLevelItem(0).text(0)
        seen["org_row"] = dialog.organisations.chosen_view.topLevelItem(0).text(0)
        note.linkActivated.emit("remove")  # its Remove link clicked
        seen["after"] = (
            [c.label for c in dialog.attendees.values()],
            [c.label for c in dialog.organisations.values()],
            note.isVisible(),
        )
        # the meeting is logged with the person meant, typed instead
        dialog.title.setText("Họp về chương trình AI")
        dialog.attendees.input.setFocus()
        qtbot.keyClicks(dialog.attendees.input, "dang")
        dialog.attendees.settle()
        qtbot.keyClick(dialog.attendees.input, Qt.Key.Key_Return)
        dialog.save()

    QTimer.singleShot(0, in_dialog)
    qtbot.keyClick(panel.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "after" in seen or "failed" in seen, timeout=10_000)
    assert "failed" not in seen, seen.get("failed")

    from_list = window.tr("from the list") if language == "en" else "từ danh sách"
    assert seen["note"] and "Nguyễn Thị Hồng Nhung" in seen["note"], seen
    assert ">" + ("Remove" if language == "en" else "Bỏ ra") + "</a>" in seen["note"]
    assert seen["people_row"].startswith(f"Nguyễn Thị Hồng Nhung  ({from_list})"), seen["people_row"]
    assert f"({from_list})" in seen["org_row"]
    assert seen["after"] == ([], [], False)
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        logged = s.scalars(select(Meeting.id).where(Meeting.title == "Họp về chương trình AI")).one()
        people = s.scalars(
            select(MeetingAttendee.contact_id).where(MeetingAttendee.meeting_id == logged)
        ).all()
    assert people == [ids["dang"]]


def test_a_person_removed_by_hand_takes_the_note_with_them(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from tests.ui.helpers import open_log_meeting

    dialog = open_log_meeting(qtbot, ctx, contact_id=ids["nhung"])
    assert dialog.prefilled.isVisible()
    view = dialog.attendees.chosen_view
    view.setCurrentItem(view.topLevelItem(0))
    dialog.attendees.remove_selected()  # Delete in the list
    assert not dialog.prefilled.isVisible()
    assert [c.id for c in dialog.organisations.values()] == [ids["nic"]]  # kept: removed by hand


def test_nothing_filled_in_nothing_said(qtbot: Any, ctx: Any) -> None:
    from tests.ui.helpers import open_log_meeting

    dialog = open_log_meeting(qtbot, ctx)
    assert not dialog.prefilled.isVisible() and dialog.attendees.values() == []
