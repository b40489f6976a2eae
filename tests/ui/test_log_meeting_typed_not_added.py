"""A name typed in Log meeting's Organisations or Attendees box and not added is never dropped
on Save: the save stops, says so under that box and puts the focus there, what Enter would add
shown (reviewer h129: "Gặp Viettel về UAV" saved with no organisation after "Viettel" was typed
and the officer clicked elsewhere; the attendee "le minh chau" dropped likewise)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app import records
from db.engine import read_session
from db.models import Meeting
from tests.ui.helpers import open_log_meeting
from tests.ui.test_keyboard_flows import type_into


def _meetings(engine: Any) -> int:
    with read_session(engine) as s:
        return int(s.execute(select(func.count()).select_from(Meeting)).scalar_one())


def test_a_name_typed_but_not_added_stops_the_save_and_is_added_with_enter(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    before = _meetings(engine)
    dialog = open_log_meeting(qtbot, ctx)
    dialog.title.setText("Gặp Bộ KH&CN về UAV")
    orgs, people = dialog.organisations, dialog.attendees
    orgs.input.setFocus()
    qtbot.waitUntil(orgs.input.hasFocus)
    type_into(orgs.input, "most")
    assert orgs.suggestions.isVisible()
    dialog.location.setFocus()  # clicked elsewhere: the name stays in the box, not added
    qtbot.waitUntil(lambda: not orgs.input.hasFocus())
    assert not orgs.suggestions.isVisible()

    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Save
    error = dialog.errors["organisation_ids"]
    assert error.isVisible() and "“most” is typed but not added" in error.text()
    qtbot.waitUntil(orgs.input.hasFocus)
    assert dialog.isVisible() and _meetings(engine) == before  # nothing saved
    assert orgs.suggestions.isVisible()  # what Enter adds, shown again
    qtbot.keyClick(orgs.input, Qt.Key.Key_Return)
    assert [c.id for c in orgs.values()] == [ids["ministry"]]
    assert not error.isVisible()  # added: said no more

    people.input.setFocus()
    type_into(people.input, "dang van")
    dialog.agenda.setFocus()
    qtbot.keyClick(dialog.agenda, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    error = dialog.errors["attendees"]
    assert error.isVisible() and "“dang van” is typed but not added" in error.text()
    qtbot.waitUntil(people.input.hasFocus)
    assert _meetings(engine) == before
    qtbot.keyClick(people.input, Qt.Key.Key_Return)
    assert [c.id for c in people.values()] == [ids["dang"]]
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        saved = records.get(s, "meeting", dialog.saved_id)
    assert ids["ministry"] in saved["organisation_ids"]
    assert [a["contact_id"] for a in saved["attendees"]] == [ids["dang"]]


def test_a_name_typed_then_cleared_saves_without_it(qtbot: Any, ctx: Any, engine: Any) -> None:
    dialog = open_log_meeting(qtbot, ctx)
    dialog.title.setText("Họp nội bộ")
    people = dialog.attendees
    people.input.setFocus()
    type_into(people.input, "le minh chau")
    dialog.save()
    error = dialog.errors["attendees"]
    assert error.isVisible() and dialog.saved_id is None
    people.input.clear()  # its clear button: "leave it out"
    assert not error.isVisible()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        assert records.get(s, "meeting", dialog.saved_id)["attendees"] == []


def test_a_colleague_typed_in_our_staff_and_not_picked_stops_the_save(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    """The Our staff box (merged beside this check) holds its typing the same way: a colleague
    typed and not picked was dropped on Save."""
    dialog = open_log_meeting(qtbot, ctx)
    dialog.title.setText("Họp nội bộ")
    staff = dialog.staff
    staff.input.setFocus()
    type_into(staff.input, "le van b")
    dialog.agenda.setFocus()
    dialog.save()
    error = dialog.errors["staff_ids"]
    assert error.isVisible() and "“le van b” is typed but not added" in error.text()
    qtbot.waitUntil(staff.input.hasFocus)
    assert dialog.saved_id is None
    qtbot.keyClick(staff.input, Qt.Key.Key_Return)
    assert ids["colleague"] in [c.id for c in staff.values()]
    assert not error.isVisible()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        assert ids["colleague"] in records.get(s, "meeting", dialog.saved_id)["staff_ids"]
