"""Log meeting from the keyboard alone: an attendee's role and a new person's organisation are
changed on their row (reviewer: both boxes took the focus only from a click, so a keyboard user
could not change them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import select

from db.engine import read_session
from db.models import Contact, MeetingAttendee
from tests.ui.helpers import open_log_meeting


def focused() -> Any:
    w = QApplication.focusWidget()
    assert w is not None, "nothing has keyboard focus"
    return w


def key(qtbot: Any, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifier)


def type_text(text: str) -> None:
    """Key presses carrying each character, as a Vietnamese keyboard delivers them."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(focused(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_a_new_attendees_role_and_organisation_are_changed_from_the_keyboard(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    dialog = open_log_meeting(qtbot, ctx, contact_id=ids["nhung"])  # Nhung, and NIC (our own centre)
    type_text("Họp về sandbox")
    for _ in range(12):  # Tab on to the attendees' field
        if focused() is dialog.attendees.input:
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.attendees.input
    type_text("Trinh Minh Tam")  # nobody of that name: the one suggestion creates him
    key(qtbot, Qt.Key.Key_Return)
    assert [c.label for c in dialog.attendees.values()] == ["Nguyễn Thị Hồng Nhung", "Trinh Minh Tam"]
    view = dialog.attendees.chosen_view
    tip = view.topLevelItem(1).toolTip(0)
    assert "F2 or Enter: change the role, then Tab: the organisation" in tip and "Delete: remove" in tip

    key(qtbot, Qt.Key.Key_Down)  # nothing typed: to the chosen people, on the one just added
    assert focused() is view and view.currentItem() is view.topLevelItem(1)
    key(qtbot, Qt.Key.Key_F2)
    role = focused()
    assert isinstance(role, QComboBox) and role.objectName() == "attendee_role"
    assert role.currentData() == "participant"
    key(qtbot, Qt.Key.Key_Down)  # the next role: Chair
    assert role.currentData() == "chair"
    key(qtbot, Qt.Key.Key_Tab)
    joins = focused()
    assert isinstance(joins, QComboBox) and joins.objectName() == "new_attendee_organisation"
    assert joins.currentData() == ""  # our own centre is never his unless chosen
    key(qtbot, Qt.Key.Key_Up)  # "No organisation" → NIC
    assert joins.currentData() == f"id:{ids['nic']}"
    assert view.topLevelItem(1).text(0).endswith("\nTrung tâm Đổi mới sáng tạo Quốc gia")
    key(qtbot, Qt.Key.Key_Escape)  # back to the list, the dialog stays open
    assert focused() is view and dialog.isVisible()
    key(qtbot, Qt.Key.Key_Up)  # Nhung's row
    key(qtbot, Qt.Key.Key_Return)  # Enter: her Role box (she exists: no organisation box)
    assert focused().objectName() == "attendee_role"
    key(qtbot, Qt.Key.Key_Tab)  # her row has one box: back to the list
    assert focused() is view
    key(qtbot, Qt.Key.Key_Tab)  # on to the next field, as from the attendees' field
    assert focused() is dialog.staff.input  # (our staff)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)

    with read_session(engine) as s:
        tam = s.execute(select(Contact).where(Contact.full_name == "Trinh Minh Tam")).scalar_one()
        assert tam.organisation_id == ids["nic"]
        roles = dict(
            s.execute(
                select(MeetingAttendee.contact_id, MeetingAttendee.role).where(
                    MeetingAttendee.meeting_id == dialog.saved_id
                )
            ).all()
        )
        assert roles == {ids["nhung"]: "participant", tam.id: "chair"}


def test_delete_on_the_chosen_list_still_removes_the_person(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    dialog = open_log_meeting(qtbot, ctx, contact_id=ids["nhung"])
    dialog.attendees.input.setFocus()
    type_text("dang")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Down)
    assert focused() is dialog.attendees.chosen_view
    key(qtbot, Qt.Key.Key_Delete)  # the last added, Đặng Văn An
    assert [c.label for c in dialog.attendees.values()] == ["Nguyễn Thị Hồng Nhung"]
    key(qtbot, Qt.Key.Key_Delete)
    assert dialog.attendees.values() == [] and focused() is dialog.attendees.input


def test_the_shortcut_sheet_tells_the_keys_of_an_attendees_row(qtbot: Any, window: Any) -> None:
    from ui.dialogs.shortcuts import collect

    rows = {
        what: keys for g in collect(window) if g.title == "In the Log meeting dialog" for what, keys in g.rows
    }
    assert rows["Chosen attendee: change the role (Tab: organisation)"] == "F2, Return, Space"
    assert rows["From an empty attendee or organisation field: its chosen list"] == "Down"
