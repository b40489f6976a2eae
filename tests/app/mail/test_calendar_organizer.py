"""An exported calendar's event names its ORGANIZER, as RFC 5546 (3.2.1) wants in a
METHOD:PUBLISH file (reviewer: a meeting whose owner has no e-mail, or no owner, went out
without one): the owner at their own e-mail; an owner without one by name, at the office's
address when one is set (``ketnoi letter office --set email=…``); a meeting with no owner in the
office's name. With no address at all, none (nothing invented that a partner would write to,
and no bare "mailto:" a calendar program might skip the event for). Read back with icalendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import Calendar
from sqlalchemy.engine import Engine

from app import calendars, records
from app.letters import office
from db.engine import unit_of_work

AT = dt.datetime(2026, 12, 10, 9, 0)


def _meetings(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        anh = records.create(s, "staff", {"name": "Trần Minh Anh", "email": "anh@nic.gov.vn"})
        lan = records.create(s, "staff", {"name": "Vũ Thị Lan"})  # no e-mail
        ids = {
            "with_email": records.create(s, "meeting", {"title": "A", "starts_at": AT, "owner_id": anh}),
            "without_email": records.create(s, "meeting", {"title": "B", "starts_at": AT, "owner_id": lan}),
            "no_owner": records.create(s, "meeting", {"title": "C", "starts_at": AT}),
        }
    return ids


def _organizers(engine: Engine, lang: str = "vi") -> dict[str, Any]:
    with unit_of_work(engine) as s:
        data = calendars.export_ics(s, reminders="none", lang=lang).data
    cal = Calendar.from_ical(data)
    assert str(cal["METHOD"]) == "PUBLISH"
    found = {str(ev["SUMMARY"]): ev.get("ORGANIZER") for ev in cal.walk("VEVENT")}
    assert set(found) == {"A", "B", "C"}
    return {k: (str(v), str(v.params.get("CN", ""))) if v is not None else None for k, v in found.items()}


def test_with_no_address_known_there_is_no_organiser(engine: Engine) -> None:
    _meetings(engine)
    assert _organizers(engine) == {"A": ("mailto:anh@nic.gov.vn", "Trần Minh Anh"), "B": None, "C": None}


def test_the_offices_address_when_one_is_set(engine: Engine) -> None:
    _meetings(engine)
    with unit_of_work(engine) as s:
        office.save_profile(s, {"email": "htqt@nic.gov.vn"})
    assert _organizers(engine) == {
        "A": ("mailto:anh@nic.gov.vn", "Trần Minh Anh"),
        "B": ("mailto:htqt@nic.gov.vn", "Vũ Thị Lan"),
        "C": ("mailto:htqt@nic.gov.vn", "Trung tâm Đổi mới sáng tạo Quốc gia"),
    }


def test_the_offices_address_is_set_and_checked_from_the_command_line(tmp_path: Any) -> None:
    from tests.cli.inproc import run_cli

    db, out = tmp_path / "k.db", tmp_path / "k.ics"
    done = run_cli(db, "meeting", "add", "--title", "Họp", "--at", "10/12/2026 09:00")
    assert done.returncode == 0, done.stderr
    bad = run_cli(db, "letter", "office", "--set", "email=htqt at nic", lang="vi_VN.UTF-8")
    assert bad.returncode != 0 and "email" in bad.stderr, bad.stderr
    done = run_cli(db, "letter", "office", "--set", "email=HTQT@nic.gov.vn")
    assert done.returncode == 0 and "htqt@nic.gov.vn" in done.stdout, done.stderr
    done = run_cli(db, "export-ics", "-o", str(out), "--meeting", "1", "--reminders", "none")
    assert done.returncode == 0, done.stderr
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:htqt@nic.gov.vn"
    assert event["ORGANIZER"].params["CN"] == "National Innovation Center"  # (the CLI's language)
