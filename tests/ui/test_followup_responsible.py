"""A "We owe" follow-up is ours to do (reviewer's defect: Log meeting → follow-up, with no staff
record for the user, defaulted Responsible to "Nguyễn Thị Hồng Nhung", the other side's person,
with Direction "We owe", and Enter kept it). For "We owe" the default is the current user's
staff record or nobody; for "They owe" it may be their person. Contacts in the Responsible list
show the person icon the rest of the app uses for contacts, not the organisation's building."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from db.engine import read_session
from db.models import Action


def _dialog(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> Any:
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx, contact_id=ids["nhung"])  # Ctrl+M from her page
    qtbot.addWidget(dialog)
    dialog.show()
    # the people of the organisation a follow-up is about may be read on a pool thread
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    return dialog


def test_we_owe_never_defaults_to_the_other_sides_person(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    ctx.settings.staff_id = None  # a team's spreadsheet imported: no staff record for the user
    dialog = _dialog(qtbot, ctx, ids)
    f = dialog.followups
    assert f.direction.currentData() == "we_owe"
    assert f.who.currentData() == "" and f.who.currentText() == "—"  # not the first staff member
    dialog._staff = []  # and with no staff at all (the reviewer's case): not her either
    dialog._people_changed()
    f.about.setCurrentIndex(f.about.findData(f"id:{ids['nic']}"))  # about NIC (ours: picked)
    qtbot.waitUntil(lambda: f.who.findData(f"contact:id:{ids['dang']}") >= 0, timeout=10_000)
    choices = [f.who.itemData(i) for i in range(f.who.count()) if f.who.itemData(i) is not None]
    nic_people = [f"contact:id:{ids['nhung']}", f"contact:id:{ids['dang']}"]  # her, then NIC's other
    assert choices == [*nic_people, ""] and f.who.currentText() == "—"
    f.what.setFocus()
    f.what.setText("Gửi biên bản họp")
    qtbot.keyClick(f.what, Qt.Key.Key_Return)  # Enter keeps the default
    [item] = f.items
    assert (item.responsible, item.direction) == ("", "we_owe")

    # "They owe": their person may be the default; back to "We owe": nobody again
    f.direction.setCurrentIndex(f.direction.findData("they_owe"))
    assert f.who.currentData() == f"contact:id:{ids['nhung']}"
    f.direction.setCurrentIndex(f.direction.findData("we_owe"))
    assert f.who.currentData() == ""

    dialog.title.setText("Làm việc với NIC")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        action = s.execute(select(Action).where(Action.meeting_id == dialog.saved_id)).scalar_one()
        assert action.direction == "we_owe"
        assert action.responsible_contact_id is None and action.responsible_staff_id is None


def test_we_owe_defaults_to_me_and_a_choice_is_kept(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    dialog = _dialog(qtbot, ctx, ids)  # ctx: the user is the staff member "me"
    f = dialog.followups
    assert f.who.currentData() == f"staff:{ids['me']}" and f.direction.currentData() == "we_owe"
    # picking their person says they owe it; a new list of attendees keeps that choice
    f.who.setCurrentIndex(f.who.findData(f"contact:id:{ids['nhung']}"))
    assert f.direction.currentData() == "they_owe"
    dialog._people_changed()
    assert f.who.currentData() == f"contact:id:{ids['nhung']}"


def test_contacts_show_the_person_icon(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from ui.icons import icon

    f = _dialog(qtbot, ctx, ids).followups
    person, building = icon("contact").cacheKey(), icon("organisation").cacheKey()
    assert person != building
    row = f.who.findData(f"contact:id:{ids['nhung']}")
    assert row >= 0
    assert f.who.itemIcon(row).cacheKey() == person
    assert all(f.who.itemIcon(i).cacheKey() != building for i in range(f.who.count()))


def test_logging_a_meeting_moves_last_contacted_on_her_page(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    """Ctrl+M from her page, a meeting this morning: her page says "Last contacted" today, and
    the window is told her record changed (so the open page reloads)."""
    from PySide6.QtCore import QDateTime

    from tests.ui.test_imported_values_on_page import _page_text

    assert "Last contacted: 13/11/2026" in _page_text(ctx, "contact", ids["nhung"])  # seed's meeting
    told: list[Any] = []
    ctx.changes.connect(told.append)
    dialog = _dialog(qtbot, ctx, ids)
    dialog.title.setText("Làm việc với NIC")
    dialog.when.setDateTime(QDateTime(2026, 11, 23, 8, 0, 0))  # the pinned clock: 09:00 that day
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert any(ids["nhung"] in c.ids.get("contact", ()) for c in told)
    assert "Last contacted: 23/11/2026" in _page_text(ctx, "contact", ids["nhung"])


def test_they_owe_drops_our_staff_member_unless_picked_after_the_switch(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    """Reviewer's defect: a Responsible picked from our staff stayed when the direction was
    switched to "They owe". The switch offers their attendee instead; one of ours picked after
    the switch is the user's choice and is kept, with "They owe"."""
    dialog = _dialog(qtbot, ctx, ids)  # Nhung (the other side) is the attendee
    f = dialog.followups
    colleague, nhung = f"staff:{ids['colleague']}", f"contact:id:{ids['nhung']}"
    f.who.setCurrentIndex(f.who.findData(colleague))  # picked: one of ours, so we owe it
    assert f.direction.currentData() == "we_owe"

    f.direction.setCurrentIndex(f.direction.findData("they_owe"))
    assert f.who.currentData() == nhung and f.direction.currentData() == "they_owe"
    dialog._people_changed()  # the attendees' list filled again: still the direction's default
    assert f.who.currentData() == nhung

    f.who.setCurrentIndex(f.who.findData(colleague))  # chosen after the switch: kept as chosen
    assert (f.who.currentData(), f.direction.currentData()) == (colleague, "they_owe")
    dialog._people_changed()
    assert f.who.currentData() == colleague
    f.what.setFocus()
    f.what.setText("Nhắc đối tác gửi số liệu")
    qtbot.keyClick(f.what, Qt.Key.Key_Return)

    # the next follow-up: their person picked says "They owe"; switching to "We owe" drops her
    f.who.setCurrentIndex(f.who.findData(nhung))
    assert f.direction.currentData() == "they_owe"
    f.direction.setCurrentIndex(f.direction.findData("we_owe"))
    assert f.who.currentData() == f"staff:{ids['me']}"
    f.direction.setCurrentIndex(f.direction.findData("they_owe"))  # and back: her again
    assert f.who.currentData() == nhung
    f.what.setText("Gửi số liệu")
    qtbot.keyClick(f.what, Qt.Key.Key_Return)
    assert [(i.title, i.responsible, i.direction) for i in f.items] == [
        ("Nhắc đối tác gửi số liệu", colleague, "they_owe"),
        ("Gửi số liệu", nhung, "they_owe"),
    ]

    dialog.title.setText("Làm việc với NIC")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        saved = {
            a.title: (a.direction, a.responsible_staff_id, a.responsible_contact_id)
            for a in s.execute(select(Action).where(Action.meeting_id == dialog.saved_id)).scalars()
        }
    assert saved == {
        "Nhắc đối tác gửi số liệu": ("they_owe", ids["colleague"], None),
        "Gửi số liệu": ("they_owe", None, ids["nhung"]),
    }


def test_they_owe_with_nobody_from_the_other_side_is_nobody(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx)  # no attendee yet
    qtbot.addWidget(dialog)
    dialog.show()
    f = dialog.followups
    f.who.setCurrentIndex(f.who.findData(f"staff:{ids['colleague']}"))  # one of ours, picked
    f.direction.setCurrentIndex(f.direction.findData("they_owe"))
    assert f.who.currentData() == "" and f.who.currentText() == "—"
