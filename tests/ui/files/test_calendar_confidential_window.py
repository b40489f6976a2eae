"""The window's calendar export with confidential records (reviewer h106): the meeting page's
Export to calendar writes the meeting and its own follow-ups, as ``ketnoi export-ics --meeting
N`` does (it wrote none, the command every open action of the office), and the status bar says
how many events went private."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from app import records
from db.engine import unit_of_work
from ui import file_dialogs

TIMEOUT = 10_000


def _office(ctx: Any) -> dict[str, int]:
    with unit_of_work(ctx.engine) as s:
        mat = records.create(
            s,
            "contact",
            {"full_name": "Lưu Văn Mật", "emails": ["mat.lv@most.example.vn"], "confidential": True},
        )
        lan = records.create(s, "contact", {"full_name": "Trần Thị Lan", "emails": ["lan@most.example.vn"]})
        meeting = records.create(
            s,
            "meeting",
            {"title": "Làm việc với MOST", "starts_at": dt.datetime(2026, 11, 27, 14),
             "attendees": [{"contact_id": lan, "role": "chair"}, {"contact_id": mat, "role": "participant"}]},
        )  # fmt: skip
        own = records.create(
            s,
            "action",
            {"title": "Gửi danh sách chuyên gia", "due_date": dt.date(2026, 11, 30), "meeting_id": meeting,
             "responsible_contact_id": mat, "direction": "they_owe"},
        )  # fmt: skip
        records.create(s, "action", {"title": "Việc khác của văn phòng", "due_date": dt.date(2026, 12, 1)})
    return {"mat": mat, "lan": lan, "meeting": meeting, "own": own}


def _show(qtbot: Any, window: Any, entity: str, record_id: int) -> None:
    from ui.main_window import VIEWS

    window.nav.setCurrentRow(VIEWS.index(entity))
    view = window.views[entity]
    view.list.refresh()
    qtbot.waitUntil(
        lambda: view.list.model.complete and view.list.model.row_of(record_id) >= 0, timeout=TIMEOUT
    )
    assert view.list.select_id(record_id)


def test_the_meeting_page_exports_the_meeting_with_its_follow_ups_and_says_what_is_private(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _office(ctx)
    target = tmp_path / "hop.ics"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    _show(qtbot, window, "meeting", ids["meeting"])
    window.act_meeting_ics.trigger()
    qtbot.waitUntil(window.file_offer.isVisible, timeout=TIMEOUT)
    events = {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert sorted(events) == sorted([f"action-{ids['own']}", f"meeting-{ids['meeting']}"])
    assert {str(e["CLASS"]) for e in events.values()} == {"PRIVATE"}
    said = window.statusBar().currentMessage()
    assert said.startswith("Calendar written: 1 meeting, 1 open action as all-day reminders → ")
    assert said.endswith(
        " (2 events marked private, as confidential or naming a confidential record: "
        "give the file only to those who may see them)"
    )
