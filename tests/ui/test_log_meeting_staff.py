"""Our own staff on a meeting, from Log meeting (reviewer h129: typing "tran minh q" in
Attendees offered only a new outside contact of that name; a hand-logged meeting had no one in
"Cán bộ dự / Our staff" of the export nor "Thành phần phía ta" in its brief). The dialog's
"Our staff" field suggests our staff as a name is typed (accents optional; never a new
person), starts with the one logging it (Settings → "I am"), and an edit shows and changes
them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app import records
from app.briefing import gather
from db.engine import read_session, unit_of_work
from db.models import Meeting, MeetingStaff
from tests.ui.helpers import open_log_meeting, wait_idle


def _staff_of(engine: Any, meeting_id: int) -> list[int]:
    with read_session(engine) as s:
        return sorted(s.scalars(select(MeetingStaff.staff_id).where(MeetingStaff.meeting_id == meeting_id)))


def _typed(qtbot: Any, picker: Any, text: str) -> list[str]:
    picker.input.setFocus()
    qtbot.keyClicks(picker.input, text)
    picker.settle()
    return [picker.suggestions.item(n).text() for n in range(picker.suggestions.count())]


def test_a_new_meeting_starts_with_me_and_takes_a_colleague_typed(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    dialog = open_log_meeting(qtbot, ctx)
    assert [(c.id, c.label) for c in dialog.staff.values()] == [(ids["me"], "Trần Minh Anh")]
    assert not dialog.typed_anything()  # the default is not something typed: Esc asks nothing

    offered = _typed(qtbot, dialog.staff, "le van b")  # no accents, a word begun
    assert offered == ["Lê Văn Bình"]  # one of ours, and no "New contact …" to make one an outsider
    qtbot.keyClick(dialog.staff.input, Qt.Key.Key_Return)
    assert [c.label for c in dialog.staff.values()] == ["Trần Minh Anh", "Lê Văn Bình"]
    assert dialog.staff.input.text() == ""

    assert _typed(qtbot, dialog.staff, "binh") == ["Lê Văn Bình is already chosen"]  # not "no one"
    qtbot.keyClick(dialog.staff.input, Qt.Key.Key_Return)
    assert len(dialog.staff.values()) == 2
    dialog.staff.input.clear()
    offered = _typed(qtbot, dialog.staff, "nobody")  # not one of ours: said, nothing added
    assert len(offered) == 1 and "nobody" in offered[0]
    qtbot.keyClick(dialog.staff.input, Qt.Key.Key_Return)
    assert len(dialog.staff.values()) == 2
    dialog.staff.input.clear()

    dialog.title.setText("Làm việc với Bộ KH&CN về AI")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert _staff_of(engine, dialog.saved_id) == sorted([ids["me"], ids["colleague"]])
    with read_session(engine) as s:  # the meeting's brief names them ("Thành phần phía ta")
        brief = gather.gather_meeting(s, dialog.saved_id)
    assert sorted(brief.staff) == ["Lê Văn Bình", "Trần Minh Anh"]


def test_no_one_is_filled_in_when_settings_name_no_one(qtbot: Any, ctx: Any, engine: Any) -> None:
    ctx.settings.staff_id = None
    dialog = open_log_meeting(qtbot, ctx)
    assert dialog.staff.values() == []
    dialog.title.setText("Gọi điện")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert _staff_of(engine, dialog.saved_id) == []


def test_editing_a_meeting_shows_and_changes_our_staff(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    from ui.dialogs.log_meeting import LogMeetingDialog

    meeting_id = ids["past_meeting"]
    with unit_of_work(engine) as s:
        version = records.get(s, "meeting", meeting_id)["version"]
        records.update(s, "meeting", meeting_id, {"staff_ids": [ids["colleague"]]}, expected_version=version)
    dialog = LogMeetingDialog(ctx, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [c.label for c in dialog.staff.values()] == ["Lê Văn Bình"]  # as saved, not "me" added
    assert not dialog.typed_anything()

    dialog.staff.input.setFocus()
    qtbot.keyClick(dialog.staff.input, Qt.Key.Key_Backspace)  # nothing typed: the last one out
    _typed(qtbot, dialog.staff, "anh")
    qtbot.keyClick(dialog.staff.input, Qt.Key.Key_Return)
    assert [c.label for c in dialog.staff.values()] == ["Trần Minh Anh"]
    assert dialog.typed_anything()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert _staff_of(engine, meeting_id) == [ids["me"]]
    with read_session(engine) as s:
        assert s.get(Meeting, meeting_id) is not None
