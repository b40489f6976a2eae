"""What an exported calendar shows of confidential records (reviewer h106, a deputy director who
puts the week's meetings and due actions into Outlook): a confidential meeting went out
CLASS:CONFIDENTIAL, which Outlook ignores ("Private" is the only sensitivity it acts on), its
plain title and agenda readable to everyone who shares the calendar; a confidential contact was
named unmarked, with e-mail and phone, in CLASS:PUBLIC events; the events carried ATTENDEE lines
in a METHOD:PUBLISH file (RFC 5546 allows none there; Outlook takes such an event for a meeting
request). Now an event of a confidential record, or naming one, is CLASS:PRIVATE, each
confidential name marked as the briefs mark it, and the people are named in the description."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from sqlalchemy.engine import Engine

from app import calendars, records
from db.engine import unit_of_work


def _office(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        mat = records.create(
            s,
            "contact",
            {"full_name": "Lưu Văn Mật", "organisation_id": most, "emails": ["mat.lv@most.example.vn"],
             "phones": ["0901234567"], "confidential": True},
        )  # fmt: skip
        lan = records.create(s, "contact", {"full_name": "Trần Thị Lan", "organisation_id": most})
        secret = records.create(
            s,
            "meeting",
            {"title": "Họp kín về đề án", "starts_at": dt.datetime(2026, 11, 26, 9),
             "agenda": "Danh sách chuyên gia được đề cử", "confidential": True,
             "attendees": [{"contact_id": lan, "role": "participant"}]},
        )  # fmt: skip
        ordinary = records.create(
            s,
            "meeting",
            {"title": "Làm việc với MOST", "starts_at": dt.datetime(2026, 11, 27, 14),
             "organisation_ids": [most],
             "attendees": [{"contact_id": lan, "role": "chair"}, {"contact_id": mat, "role": "participant"}]},
        )  # fmt: skip
        plain = records.create(
            s,
            "meeting",
            {"title": "Giao ban", "starts_at": dt.datetime(2026, 11, 28, 8),
             "attendees": [{"contact_id": lan, "role": "participant"}]},
        )  # fmt: skip
        they = records.create(
            s,
            "action",
            {"title": "Lưu Văn Mật gửi danh sách chuyên gia", "direction": "they_owe",
             "responsible_contact_id": mat, "due_date": dt.date(2026, 11, 30), "meeting_id": ordinary},
        )  # fmt: skip
        followup = records.create(
            s, "action", {"title": "Soạn tờ trình", "due_date": dt.date(2026, 12, 1), "meeting_id": secret}
        )
        sealed = records.create(
            s, "action", {"title": "Lưu hồ sơ", "due_date": dt.date(2026, 12, 2), "confidential": True}
        )
        public = records.create(
            s,
            "action",
            {"title": "Gửi giấy mời", "due_date": dt.date(2026, 12, 3), "responsible_contact_id": lan},
        )
    return {"secret": secret, "ordinary": ordinary, "plain": plain, "they": they, "followup": followup,
            "sealed": sealed, "public": public}  # fmt: skip


def _events(engine: Engine, lang: str, **kw: object) -> tuple[dict[str, object], calendars.Exported]:
    with unit_of_work(engine) as s:
        out = calendars.export_ics(s, lang=lang, **kw)  # type: ignore[arg-type]
    cal = Calendar.from_ical(out.data)
    assert str(cal["METHOD"]) == "PUBLISH"
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}, out


@pytest.mark.parametrize("lang,mark", [("en", "Confidential"), ("vi", "Mật")])
def test_a_confidential_record_or_one_naming_it_is_private_and_marked(
    engine: Engine, lang: str, mark: str
) -> None:
    ids = _office(engine)
    events, out = _events(engine, lang)
    ev = lambda key, kind="meeting": events[f"{kind}-{ids[key]}"]  # noqa: E731
    # the confidential meeting: private (Outlook hides a private appointment's details), marked
    secret = ev("secret")
    assert str(secret["CLASS"]) == "PRIVATE"
    assert str(secret["SUMMARY"]) == f"Họp kín về đề án ({mark})"
    # an ordinary meeting a confidential contact attends: private, his name marked, no address
    ordinary = ev("ordinary")
    assert str(ordinary["CLASS"]) == "PRIVATE" and str(ordinary["SUMMARY"]) == "Làm việc với MOST"
    said = str(ordinary["DESCRIPTION"])
    assert f"Lưu Văn Mật ({mark})" in said and "Trần Thị Lan (" in said
    assert "mat.lv@most.example.vn" not in ordinary.to_ical().decode()
    # no one invited: the people are in the description, never ATTENDEE lines
    for event in events.values():
        assert event.get("ATTENDEE") is None
    # a meeting naming no confidential record stays public
    assert str(ev("plain")["CLASS"]) == "PUBLIC"
    # the partner's action naming him: private, his name marked in the title and the description
    they = ev("they", "action")
    assert str(they["CLASS"]) == "PRIVATE"
    assert f"Lưu Văn Mật ({mark}) gửi danh sách chuyên gia — MOST" in str(they["SUMMARY"])
    assert f"Lưu Văn Mật ({mark}) · mat.lv@most.example.vn" in str(they["DESCRIPTION"])
    # the alarm says what the summary says
    (alarm,) = they.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == str(they["SUMMARY"])
    # a follow-up of the confidential meeting names it: private, the meeting marked
    followup = ev("followup", "action")
    assert str(followup["CLASS"]) == "PRIVATE" and f"Họp kín về đề án ({mark})" in str(
        followup["DESCRIPTION"]
    )
    # a confidential action: private, marked
    sealed = ev("sealed", "action")
    assert str(sealed["CLASS"]) == "PRIVATE" and str(sealed["SUMMARY"]) == f"Lưu hồ sơ ({mark})"
    public = ev("public", "action")
    assert str(public["CLASS"]) == "PUBLIC" and f"({mark})" not in public.to_ical().decode()
    assert out.private == 5


def test_tasks_are_private_too(engine: Engine) -> None:
    ids = _office(engine)
    with unit_of_work(engine) as s:
        data = calendars.export_ics(s, reminders="todo", lang="en").data
    todos = {str(t["UID"]).split("@")[0]: t for t in Calendar.from_ical(data).walk("VTODO")}
    assert str(todos[f"action-{ids['sealed']}"]["CLASS"]) == "PRIVATE"
    assert str(todos[f"action-{ids['public']}"]["CLASS"]) == "PUBLIC"


def test_a_chosen_meeting_goes_with_its_own_follow_ups_only(engine: Engine) -> None:
    """Reviewer h106: ``--meeting 8`` wrote every open action of the office, confidential ones
    too, while the window's Export to calendar on the same meeting wrote none."""
    ids = _office(engine)
    events, out = _events(engine, "en", meeting_ids=[ids["ordinary"]])
    assert sorted(events) == sorted([f"meeting-{ids['ordinary']}", f"action-{ids['they']}"])
    assert (out.meetings, out.reminders) == (1, 1)
    events, out = _events(engine, "en", meeting_ids=[ids["plain"]])
    assert list(events) == [f"meeting-{ids['plain']}"] and out.reminders == 0
    events, _ = _events(engine, "en", meeting_ids=[ids["secret"]], reminders="none")
    assert list(events) == [f"meeting-{ids['secret']}"]
