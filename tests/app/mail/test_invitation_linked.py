"""An invitation (.ics) for a meeting logged already by hand is linked to it, not made twice
(app.invitation_links).

Reviewer: an officer logged "Làm việc với Genetica về sandbox" (Genetica, Hồ Đức Giang,
09:00-10:30) in Log meeting; the next day the Outlook invitation for that meeting was imported
and Ketnoi made a second meeting. The .ics files are written by icalendar to real files and read
back; the database is a real SQLite file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event, vCalAddress
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app import calendars, records
from app.meetings import Chosen, MeetingDraft, save_meeting
from db import models as m
from db.engine import read_session, unit_of_work

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
UID = "040000008200E00074C5B7101A82E008000000SANDBOXGENETICA"
DAY = dt.date(2026, 12, 3)
TITLE = "Làm việc với Genetica về sandbox"
MINUTES = "Genetica cần hướng dẫn hồ sơ tham gia sandbox; NIC gửi mẫu trước 10/12."


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


NINE, HALF_TEN = at(9), at(10, 30)


def write_ics(
    path: Path,
    *,
    uid: str = UID,
    seq: int = 0,
    start: dt.datetime = NINE,
    end: dt.datetime | None = HALF_TEN,
    title: str = "Genetica - Sandbox discussion",
    attendees: tuple[tuple[str, str], ...] = (("giang@genetica.vn", "Hồ Đức Giang"),),
    method: str = "REQUEST",
    status: str = "",
    description: str = "Microsoft Teams meeting. Join on your computer or mobile app.",
) -> Path:
    """The organiser's invitation as Outlook writes one, through icalendar (times in Hà Nội)."""
    cal = Calendar()
    cal.add("prodid", "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    ev = Event()
    ev.add("uid", uid)
    ev.add("dtstamp", dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.UTC))
    ev.add("sequence", seq)
    ev.add("summary", title)
    ev.add("dtstart", start.replace(tzinfo=HCM))
    if end is not None:
        ev.add("dtend", end.replace(tzinfo=HCM))
    ev.add("location", "Phòng họp 3, 12 Duy Tân, Hà Nội")
    ev.add("description", description)
    organizer = vCalAddress("mailto:anh@nic.gov.vn")
    organizer.params["CN"] = "Trần Minh Anh"
    ev.add("organizer", organizer)
    for email, name in attendees:
        who = vCalAddress(f"mailto:{email}")
        who.params["CN"] = name
        who.params["ROLE"] = "REQ-PARTICIPANT"
        ev.add("attendee", who)
    if status:
        ev.add("status", status)
    cal.add_component(ev)
    path.write_bytes(cal.to_ical())
    return path


@pytest.fixture
def net(engine: Engine) -> dict[str, int]:
    """Genetica and Hồ Đức Giang (with his address), Anti-Scam and Lê Anh Tuấn."""
    with unit_of_work(engine) as s:
        gen = records.create(s, "organisation", {"name": "Genetica"})
        scam = records.create(s, "organisation", {"name": "Anti-Scam"})
        giang = records.create(
            s,
            "contact",
            {"full_name": "Hồ Đức Giang", "organisation_id": gen, "emails": ["giang@genetica.vn"]},
        )
        tuan = records.create(
            s,
            "contact",
            {"full_name": "Lê Anh Tuấn", "organisation_id": scam, "emails": ["tuan@antiscam.vn"]},
        )
    return {"gen": gen, "scam": scam, "giang": giang, "tuan": tuan}


def log(
    engine: Engine,
    orgs: list[int],
    people: list[int],
    *,
    starts: dt.datetime = NINE,
    ends: dt.datetime | None = HALF_TEN,
    title: str = TITLE,
    kind: str = "working_session",
    **more: Any,
) -> int:
    """The officer's meeting, as Log meeting saves it."""
    values = {"title": title, "starts_at": starts, "ends_at": ends, "kind": kind, **more}
    draft = MeetingDraft(values, [Chosen(o, "") for o in orgs], [Chosen(p, "") for p in people])
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="Trần Thị Lan")


def read(path: Path) -> calendars.Invitation:
    return calendars.read_ics(path.read_bytes(), path.name)


def apply(engine: Engine, path: Path, **kw: Any) -> calendars.InviteResult:
    with unit_of_work(engine) as s:
        return calendars.import_invitation(s, read(path), actor="Nguyễn Thị Hoa", **kw)


def plan(engine: Engine, path: Path) -> calendars.Plan:
    with read_session(engine) as s:
        return calendars.plan_invitation(s, read(path), actor="Nguyễn Thị Hoa")


def live_meetings(engine: Engine) -> int:
    with read_session(engine) as s:
        count = select(func.count()).select_from(m.Meeting).where(m.Meeting.deleted_at.is_(None))  # type: ignore[union-attr]
        return int(s.execute(count).scalar_one())


def meeting(engine: Engine, mid: int) -> dict[str, Any]:
    with read_session(engine) as s:
        return records.snapshot(s, "meeting", mid, include_deleted=True)


def test_the_invitation_is_linked_to_the_meeting_logged_and_the_officer_words_kept(
    engine: Engine, net: dict[str, int], tmp_path: Path
) -> None:
    mid = log(engine, [net["gen"]], [net["giang"]], starts=at(9, 33), minutes=MINUTES, agenda="Hồ sơ sandbox")
    invite = write_ics(tmp_path / "invite.ics")
    seen = plan(engine, invite)
    assert seen.meeting_id is None and seen.logged is not None and seen.logged.meeting_id == mid
    assert seen.logged.sentence("en") == f"Trần Thị Lan already logged “{TITLE}” with Genetica at 09:33"
    assert seen.changes == [
        ("starts_at", "09:33", "09:00"),
        ("location", "—", "Phòng họp 3, 12 Duy Tân, Hà Nội"),
    ]
    result = apply(engine, invite, seen=seen)
    assert (result.status, result.meeting_id, result.title) == ("linked", mid, TITLE)
    assert live_meetings(engine) == 1  # no second meeting
    after = meeting(engine, mid)
    assert after["title"] == TITLE and after["minutes"] == MINUTES and after["agenda"] == "Hồ sơ sandbox"
    assert after["starts_at"] == at(9) and after["ends_at"] == at(10, 30)
    assert after["location"] == "Phòng họp 3, 12 Duy Tân, Hà Nội" and after["kind"] == "working_session"
    assert [a["contact_id"] for a in after["attendees"]] == [net["giang"]]
    with read_session(engine) as s:
        assert (calendars.invitation_of(s, mid) or {})["ical_uid"] == UID
        assert records.history(s, "meeting", mid)[0]["actor"] == "Nguyễn Thị Hoa"
    again = apply(engine, invite)  # imported once more: the meeting it is linked to, unchanged
    assert (again.status, again.meeting_id) == ("unchanged", mid) and live_meetings(engine) == 1


def test_the_invitation_updated_later_moves_the_linked_meeting_and_keeps_its_title(
    engine: Engine, net: dict[str, int], tmp_path: Path
) -> None:
    mid = log(engine, [net["gen"]], [net["giang"]], minutes=MINUTES)
    assert apply(engine, write_ics(tmp_path / "invite.ics")).status == "linked"
    moved = write_ics(
        tmp_path / "Updated invite.ics",
        seq=1,
        start=at(14),
        end=at(15, 30),
        title="Genetica - Sandbox discussion (moved)",
        attendees=(("giang@genetica.vn", "Hồ Đức Giang"), ("tuan@antiscam.vn", "Lê Anh Tuấn")),
        description="Moved to the afternoon.",
    )
    seen = plan(engine, moved)
    assert seen.meeting_id == mid and seen.logged is None and "title" not in [f for f, *_ in seen.changes]
    result = apply(engine, moved, seen=seen)
    assert (result.status, result.meeting_id) == ("updated", mid) and live_meetings(engine) == 1
    after = meeting(engine, mid)
    assert (after["starts_at"], after["ends_at"]) == (at(14), at(15, 30))
    assert after["title"] == TITLE and after["minutes"] == MINUTES
    # an agenda the officer had not written was the invitation's, and follows it
    assert after["agenda"] == "Moved to the afternoon."
    assert {a["contact_id"] for a in after["attendees"]} == {net["giang"], net["tuan"]}
    assert set(after["organisation_ids"]) == {net["gen"], net["scam"]}


def test_the_invitation_cancelled_puts_the_linked_meeting_in_the_trash(
    engine: Engine, net: dict[str, int], tmp_path: Path
) -> None:
    mid = log(engine, [net["gen"]], [net["giang"]])  # logged ahead, nothing of it written yet
    assert apply(engine, write_ics(tmp_path / "invite.ics")).meeting_id == mid
    cancel = write_ics(tmp_path / "Canceled.ics", seq=1, method="CANCEL", status="CANCELLED")
    assert plan(engine, cancel).cancel == "cancelled"
    result = apply(engine, cancel)
    assert (result.status, result.meeting_id) == ("cancelled", mid)
    assert live_meetings(engine) == 0 and meeting(engine, mid)["deleted_at"] is not None


def test_asked_for_a_new_meeting_the_invitation_makes_one_and_leaves_the_logged_one(
    engine: Engine, net: dict[str, int], tmp_path: Path
) -> None:
    mid = log(engine, [net["gen"]], [net["giang"]], minutes=MINUTES)
    invite = write_ics(tmp_path / "invite.ics")
    assert plan(engine, invite).logged is not None  # (the one it would be linked to)
    result = apply(engine, invite, new_meeting=True)
    assert result.status == "created" and result.meeting_id != mid and live_meetings(engine) == 2
    with read_session(engine) as s:
        assert calendars.invitation_of(s, mid) is None
        assert (calendars.invitation_of(s, result.meeting_id) or {})["ical_uid"] == UID
    assert meeting(engine, mid)["location"] == ""  # the logged one untouched


def test_a_meeting_that_day_not_overlapping_or_with_nothing_in_common_is_not_linked(
    engine: Engine, net: dict[str, int], tmp_path: Path
) -> None:
    log(engine, [net["gen"]], [net["giang"]], starts=at(10, 30), ends=at(11, 30))  # after it ends
    log(engine, [net["scam"]], [net["tuan"]], starts=at(9), ends=at(10))  # nobody in common
    first = write_ics(tmp_path / "a.ics")
    assert plan(engine, first).logged is None
    assert apply(engine, first).status == "created" and live_meetings(engine) == 3
    # the same people overlapping, the next day: linked (the rule is the time, not the day alone)
    during = log(engine, [net["gen"]], [], starts=at(9, 30, day=DAY + dt.timedelta(days=1)), ends=None)
    second = write_ics(
        tmp_path / "b.ics", uid="other@google.com", start=at(9, day=DAY + dt.timedelta(days=1)), end=None
    )
    result = apply(engine, second)
    assert (result.status, result.meeting_id) == ("linked", during) and live_meetings(engine) == 4


def test_an_event_and_a_meeting_or_another_invitation_s_meeting_are_not_linked(
    engine: Engine, net: dict[str, int], tmp_path: Path
) -> None:
    log(engine, [net["gen"]], [net["giang"]], kind="event", title="Ngày hội Đổi mới sáng tạo")
    first = write_ics(tmp_path / "a.ics")
    made = apply(engine, first)
    assert made.status == "created" and live_meetings(engine) == 2
    # another invitation at the same time with the same people is another calendar event
    other = apply(engine, write_ics(tmp_path / "b.ics", uid="second@google.com", title="Họp thêm"))
    assert other.status == "created" and other.meeting_id != made.meeting_id and live_meetings(engine) == 3
    # while a meeting logged by hand at that time is the one the next invitation is linked to
    mine = log(engine, [net["gen"]], [net["giang"]], title="Gọi Genetica")
    third = apply(engine, write_ics(tmp_path / "c.ics", uid="third@google.com"))
    assert (third.status, third.meeting_id) == ("linked", mine) and live_meetings(engine) == 4
