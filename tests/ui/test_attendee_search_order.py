"""Log meeting's attendee search offers the people of the meeting's organisations first.

Reviewer: with Genetica chosen, "giang" listed "Đỗ Ngọc Giang — Anti-Scam" first (highlighted;
Enter added her) and "Hồ Đức Giang — Genetica" second.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import open_log_meeting, wait_idle


def _two_giangs(engine: Any, genetica: int) -> dict[str, int]:
    with unit_of_work(engine) as s:
        scam = records.create(s, "organisation", {"name": "Anti-Scam"})
        return {
            "do": records.create(s, "contact", {"full_name": "Đỗ Ngọc Giang", "organisation_id": scam}),
            "ho": records.create(s, "contact", {"full_name": "Hồ Đức Giang", "organisation_id": genetica}),
        }


def _typed(qtbot: Any, dialog: Any, text: str) -> list[str]:
    people = dialog.attendees
    people.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is people.input)
    qtbot.keyClicks(people.input, text)
    people.settle()
    box = people.suggestions
    return [box.item(n).text() for n in range(box.count())]


def test_the_meeting_organisations_people_come_first_and_enter_adds_them(qtbot, ctx, ids, engine) -> None:
    giang = _two_giangs(engine, ids["genetica"])
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    shown = _typed(qtbot, dialog, "giang")
    assert shown[:2] == ["Hồ Đức Giang — Genetica", "Đỗ Ngọc Giang — Anti-Scam"]
    qtbot.keyClick(dialog.attendees.input, Qt.Key.Key_Return)
    assert [c.id for c in dialog.attendees.values()] == [giang["ho"]]
    wait_idle(qtbot, ctx)


def test_an_organisation_chosen_in_the_dialog_counts_and_without_one_the_usual_order(
    qtbot, ctx, ids, engine
) -> None:
    _two_giangs(engine, ids["genetica"])
    dialog = open_log_meeting(qtbot, ctx)
    assert _typed(qtbot, dialog, "giang")[:2] == ["Đỗ Ngọc Giang — Anti-Scam", "Hồ Đức Giang — Genetica"]
    dialog.attendees.input.clear()
    orgs = dialog.organisations
    orgs.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orgs.input)
    qtbot.keyClicks(orgs.input, "genetica")
    orgs.settle()
    qtbot.keyClick(orgs.input, Qt.Key.Key_Return)
    assert [o.id for o in orgs.values()] == [ids["genetica"]]
    assert _typed(qtbot, dialog, "giang")[:2] == ["Hồ Đức Giang — Genetica", "Đỗ Ngọc Giang — Anti-Scam"]
    wait_idle(qtbot, ctx)


def test_a_ministrys_units_people_count_as_the_ministrys(qtbot, ctx, engine) -> None:
    """Reviewer: with MOST chosen, "h" began with "Trương Gia Bình — FPT"; MOST has no direct
    contacts, its people sit in its units (Vụ Công nghệ cao, Cục ĐMST)."""
    with unit_of_work(engine) as s:
        scam = records.create(s, "organisation", {"name": "Anti-Scam"})
        most = records.create(s, "organisation", {"name": "Bộ Ví dụ"})
        vu = records.create(s, "organisation", {"name": "Vụ Ví dụ", "parent_id": most})
        phong = records.create(s, "organisation", {"name": "Phòng Bán dẫn", "parent_id": vu})
        records.create(s, "contact", {"full_name": "Đỗ Ngọc Giang", "organisation_id": scam})
        records.create(s, "contact", {"full_name": "Trần Văn Giang", "organisation_id": phong})
        records.create(s, "contact", {"full_name": "Hồ Đức Giang", "organisation_id": vu})
    dialog = open_log_meeting(qtbot, ctx, organisation_id=most)
    assert _typed(qtbot, dialog, "giang")[:3] == [
        "Hồ Đức Giang — Vụ Ví dụ",
        "Trần Văn Giang — Phòng Bán dẫn",
        "Đỗ Ngọc Giang — Anti-Scam",
    ]
    wait_idle(qtbot, ctx)
