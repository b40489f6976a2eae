"""Log meeting: a new person's organisation is chosen on their row, and a follow-up they owe is
given to a person of the organisation it is about (reviewer, a week in the app:

1. Ctrl+M from Đặng Văn Khoa (NIC, our own centre), "Trịnh Minh Tâm" typed as new and a new
   organisation "Công ty Công nghệ sinh học An Phát" added: saved, he had joined NIC, the first
   organisation listed, and the row offered no choice;
2. a follow-up about MOST set to "They owe" jumped Responsible to NIC's attendee; the list held
   our staff and the attendees alike, and MOST's own people could not be chosen)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from sqlalchemy import select

from app import records
from db.engine import read_session, unit_of_work
from db.models import Action, Contact

AN_PHAT = "Công ty Công nghệ sinh học An Phát"


def _dialog(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> Any:
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx, contact_id=ids["nhung"])  # Ctrl+M from her page: NIC's
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: Any, picker: Any, text: str, *, new: bool = True) -> None:
    """Type a name in a picker and press Enter (on "New …" when ``new``, the last suggestion)."""
    picker.input.setFocus()
    picker.input.setText(text)  # as typed (QTest types Latin-1 only)
    picker.input.textEdited.emit(text)
    if new:
        picker.suggestions.setCurrentRow(picker.suggestions.count() - 1)
    qtbot.keyClick(picker.input, Qt.Key.Key_Return)


def _row(dialog: Any, n: int) -> tuple[str, QComboBox | None]:
    view = dialog.attendees.chosen_view
    row = view.topLevelItem(n)
    holder = view.itemWidget(row, 1)
    box = holder.findChild(QComboBox, "new_attendee_organisation") if holder is not None else None
    return row.text(0), box


def _choices(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def test_a_new_person_joins_the_organisation_chosen_on_their_row(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    dialog = _dialog(qtbot, ctx, ids)
    assert [c.label for c in dialog.organisations.values()] == ["Trung tâm Đổi mới sáng tạo Quốc gia"]
    _type(qtbot, dialog.attendees, "Trịnh Minh Tâm")
    text, box = _row(dialog, 1)
    assert text.startswith("Trịnh Minh Tâm  (new)")
    assert box is not None, "the new person's row offers the organisation they join"
    # only our own centre in the meeting: not silently ours, and the row says so
    assert box.currentData() == "" and text.endswith("\nNo organisation")
    assert _choices(box) == ["Trung tâm Đổi mới sáng tạo Quốc gia", "No organisation"]

    _type(qtbot, dialog.organisations, AN_PHAT)  # the meeting's one new organisation: his
    text, box = _row(dialog, 1)
    assert box is not None and box.currentData() == f"new:{AN_PHAT}"
    assert text == f"Trịnh Minh Tâm  (new)\n{AN_PHAT}"
    assert AN_PHAT in dialog.attendees.chosen_view.topLevelItem(1).toolTip(0)

    _type(qtbot, dialog.attendees, "Lê Văn Hải")  # left at the default: An Phát too
    dialog.organisations.add(_chosen(engine, ids["ministry"], " (MOST)"))  # MOST added after
    _text, hai = _row(dialog, 2)
    assert hai is not None and hai.currentData() == f"new:{AN_PHAT}"
    assert _choices(hai) == [
        "Trung tâm Đổi mới sáng tạo Quốc gia",
        AN_PHAT,
        "Bộ Khoa học và Công nghệ (MOST)",
        "No organisation",
    ]
    hai.setCurrentIndex(hai.findData(f"id:{ids['ministry']}"))  # the user's choice: MOST
    assert _row(dialog, 2)[0] == "Lê Văn Hải  (new)\nBộ Khoa học và Công nghệ (MOST)"
    _type(qtbot, dialog.organisations, "Viện Sinh học Mới")  # two new now: his choice is kept
    tam, hai = _row(dialog, 1)[1], _row(dialog, 2)[1]
    assert tam is not None and hai is not None
    assert hai.currentData() == f"id:{ids['ministry']}"
    assert tam.currentData() == ""  # which of two new ones? none, until chosen
    tam.setCurrentIndex(tam.findData(f"new:{AN_PHAT}"))

    dialog.title.setText("Họp về sandbox công nghệ sinh học")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        people = {c.full_name: c for c in s.execute(select(Contact)).scalars()}
        an_phat = records.get(s, "organisation", people["Trịnh Minh Tâm"].organisation_id)
        assert an_phat["name"] == AN_PHAT
        assert people["Lê Văn Hải"].organisation_id == ids["ministry"]
        meeting = records.get(s, "meeting", dialog.saved_id)
        assert {ids["nic"], ids["ministry"], an_phat["id"]} <= set(meeting["organisation_ids"])


def _chosen(engine: Any, organisation_id: int, acronym: str = "") -> Any:
    """An organisation as the picker adds it ("Name (ACRONYM)")."""
    from app.meetings import Chosen

    with read_session(engine) as s:
        return Chosen(organisation_id, records.label(s, "organisation", organisation_id) + acronym)


def _who(f: Any) -> list[tuple[str, Any, bool]]:
    """The Responsible list: (text, data, can be chosen) of each entry but the separators."""
    model = f.who.model()
    out = []
    for i in range(f.who.count()):
        if f.who.itemData(i, Qt.ItemDataRole.AccessibleDescriptionRole) == "separator":
            continue
        enabled = bool(model.flags(model.index(i, 0)) & Qt.ItemFlag.ItemIsEnabled)
        out.append((f.who.itemText(i), f.who.itemData(i), enabled))
    return out


def test_they_owe_starts_with_a_person_of_the_organisation_it_is_about(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    with unit_of_work(engine) as s:  # a department of Genetica, with someone in it
        lab = records.create(
            s, "organisation", {"name": "Phòng thí nghiệm Gen", "parent_id": ids["genetica"]}
        )
        ha = records.create(s, "contact", {"full_name": "Bùi Đức Hà", "organisation_id": lab})
    dialog = _dialog(qtbot, ctx, ids)  # Nhung (NIC) is the attendee
    dialog.organisations.add(_chosen(engine, ids["genetica"]))
    f = dialog.followups
    f.about.setCurrentIndex(f.about.findData(f"id:{ids['genetica']}"))
    f.what.setText("Gửi số liệu giải trình gen")
    f.direction.setCurrentIndex(f.direction.findData("they_owe"))

    genetica = [
        (f"contact:id:{ids['bao']}", "Vũ Ngọc Bảo"),  # its people, its department's too
        (f"contact:id:{ids['hung']}", "Phạm Quốc Hùng"),
        (f"contact:id:{ha}", "Bùi Đức Hà"),
    ]
    qtbot.waitUntil(lambda: f.who.findData(f"contact:id:{ha}") >= 0, timeout=10_000)
    # the default: Genetica's first person, never NIC's attendee
    assert f.who.currentData() == f"contact:id:{ids['bao']}"
    listed = _who(f)
    titles = [text for text, data, _enabled in listed if data is None]
    assert titles == ["People of Genetica", "Other attendees", "Our staff"]
    assert all(not enabled for _t, data, enabled in listed if data is None)  # titles: not choices
    assert [(d, t) for t, d, _e in listed[1:4]] == genetica
    assert listed[5][1] == f"contact:id:{ids['nhung']}"  # under "Other attendees"

    # a new person typed, joining Genetica: among its people, first (an attendee of it)
    _type(qtbot, dialog.attendees, "Trịnh Minh Tâm")
    _text, box = _row(dialog, 1)
    assert box is not None
    box.setCurrentIndex(box.findData(f"id:{ids['genetica']}"))
    listed = _who(f)
    assert listed[0][0] == "People of Genetica"
    assert [d for _t, d, _e in listed[1:5]] == ["contact:new:Trịnh Minh Tâm", *(d for d, _n in genetica)]
    assert f.who.currentData() == "contact:new:Trịnh Minh Tâm"  # still the default: the first

    # picked: one of Genetica's own people, not an attendee
    f.who.setCurrentIndex(f.who.findData(f"contact:id:{ids['bao']}"))
    f.add_current()
    # something we owe: our staff first, the current user the default
    f.what.setText("Gửi thư mời")
    f.direction.setCurrentIndex(f.direction.findData("we_owe"))
    titles = [text for text, data, _e in _who(f) if data is None]
    assert titles[0] == "Our staff" and f.who.currentData() == f"staff:{ids['me']}"
    f.add_current()

    dialog.title.setText("Làm việc với Genetica")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        actions = {a.title: a for a in s.execute(select(Action)).scalars()}
        theirs = actions["Gửi số liệu giải trình gen"]
        assert (theirs.direction, theirs.responsible_contact_id) == ("they_owe", ids["bao"])
        assert theirs.organisation_id == ids["genetica"]
        assert actions["Gửi thư mời"].responsible_staff_id == ids["me"]
