"""An open action in the exported calendar says which organisation it is about and who the
contact is (reviewer: a reminder "Gửi biên bản ghi nhớ đã ký" in the calendar, and nothing said
to whom): the summary carries the organisation, the description the organisation, the contact
with their e-mail and phone, who is responsible, the meeting and the reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy.engine import Engine

from app import calendars, records
from app.cli import main
from db.engine import unit_of_work


def _setup(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        gen = records.create(s, "organisation", {"name": "Công ty Cổ phần Genetica", "acronym": "Genetica"})
        ubnd = records.create(s, "organisation", {"name": "UBND tỉnh Bắc Ninh"})
        nhung = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Thị Hồng Nhung", "organisation_id": gen,
             "emails": ["nhung@genetica.asia"], "phones": ["0903112233"]},
        )  # fmt: skip
        anh = records.create(s, "staff", {"name": "Trần Minh Anh"})
        meeting = records.create(
            s, "meeting", {"title": "Làm việc với Genetica", "starts_at": dt.datetime(2026, 11, 12, 9)}
        )
        they = records.create(
            s,
            "action",
            {"title": "Gửi biên bản ghi nhớ đã ký", "direction": "they_owe", "responsible_contact_id": nhung,
             "due_date": dt.date(2026, 11, 30), "meeting_id": meeting, "reference": "MoU 07/2026",
             "notes": "Bản scan có dấu đỏ."},
        )  # fmt: skip
        we = records.create(
            s,
            "action",
            {"title": "Gửi công văn mời họp", "direction": "we_owe", "responsible_staff_id": anh,
             "organisation_id": ubnd, "due_date": dt.date(2026, 12, 2)},
        )  # fmt: skip
        alone = records.create(s, "action", {"title": "Đặt phòng họp", "due_date": dt.date(2026, 12, 3)})
    return {"they": they, "we": we, "alone": alone}


def _items(engine: Engine, kind: str, **kw: object) -> dict[str, object]:
    with unit_of_work(engine) as s:
        every = calendars.open_action_ids(s)
        data = calendars.export_ics(s, meeting_ids=[], action_ids=every, **kw).data  # type: ignore[arg-type]
    return {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical(data).walk(kind)}


@pytest.mark.parametrize("reminders,kind", [("allday", "VEVENT"), ("todo", "VTODO")])
def test_an_actions_event_names_its_organisation_and_contact(
    engine: Engine, reminders: str, kind: str
) -> None:
    ids = _setup(engine)
    items = _items(engine, kind, reminders=reminders)
    they, we, alone = (items[f"action-{ids[k]}"] for k in ("they", "we", "alone"))
    # the organisation is the contact's when the action names none
    # theirs to do says so first (reviewer: read in the calendar as one more task of ours)
    assert str(they["SUMMARY"]) == "Đối tác cần làm: Gửi biên bản ghi nhớ đã ký — Genetica"  # type: ignore[index]
    assert str(they["DESCRIPTION"]).splitlines() == [  # type: ignore[index]
        "Đối tác cần làm",
        "Tổ chức: Công ty Cổ phần Genetica (Genetica)",
        "Người liên hệ: Nguyễn Thị Hồng Nhung · nhung@genetica.asia · 0903 112 233",
        "Cuộc họp: Làm việc với Genetica (12/11/2026)",
        "Số hiệu: MoU 07/2026",
        "",
        "Bản scan có dấu đỏ.",
    ]
    assert str(we["SUMMARY"]) == "Gửi công văn mời họp — UBND tỉnh Bắc Ninh"  # type: ignore[index]
    assert str(we["DESCRIPTION"]).splitlines() == [  # type: ignore[index]
        "Tổ chức: UBND tỉnh Bắc Ninh",
        "Người thực hiện: Trần Minh Anh",
    ]
    assert str(alone["SUMMARY"]) == "Đặt phòng họp" and "DESCRIPTION" not in alone  # type: ignore[index,operator]
    if kind == "VEVENT":  # the reminder that pops up says it too
        (alarm,) = they.walk("VALARM")  # type: ignore[attr-defined]
        assert str(alarm["DESCRIPTION"]) == "Đối tác cần làm: Gửi biên bản ghi nhớ đã ký — Genetica"


def test_in_english_from_the_command_line(engine: Engine, db_url: str, tmp_path: Path) -> None:
    ids = _setup(engine)
    out = tmp_path / "ketnoi.ics"
    assert main(["export-ics", "--db", db_url, "-o", str(out), "--lang", "en"]) == 0
    items = {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    they = items[f"action-{ids['they']}"]
    assert str(they["SUMMARY"]) == "They owe: Gửi biên bản ghi nhớ đã ký — Genetica"
    lines = str(they["DESCRIPTION"]).splitlines()
    assert lines[:5] == [
        "They owe",
        "Organisation: Công ty Cổ phần Genetica (Genetica)",
        "Contact: Nguyễn Thị Hồng Nhung · nhung@genetica.asia · 0903 112 233",
        "Meeting: Làm việc với Genetica (12/11/2026)",
        "Reference: MoU 07/2026",
    ]
    assert "Responsible: Trần Minh Anh" in str(items[f"action-{ids['we']}"]["DESCRIPTION"])
