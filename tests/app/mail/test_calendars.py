"""Meetings to .ics and back (issue 14 item 1): stable UIDs, Asia/Ho_Chi_Minh times, an Outlook
invitation imported twice is one meeting, hostile files are refused with a sentence."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy.engine import Engine

from app import calendars, records, undo
from app.errors import UserError
from db.engine import read_session, unit_of_work

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def _setup(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"})
        nhung = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Thị Hồng Nhung", "organisation_id": org, "emails": ["Nhung@Genetica.asia"]},
        )
        binh = records.create(s, "contact", {"full_name": "Lê Văn Bình", "phones": ["0903112233"]})
        anh = records.create(s, "staff", {"name": "Trần Minh Anh", "email": "anh@nic.gov.vn"})
        meeting = records.create(
            s,
            "meeting",
            {
                "title": "Làm việc với Genetica",
                "starts_at": dt.datetime(2026, 11, 25, 14, 30),
                "ends_at": dt.datetime(2026, 11, 25, 16, 0),
                "location": "Phòng 301, 7 Tôn Thất Thuyết",
                "agenda": "Giới thiệu chương trình",
                "owner_id": anh,
                "attendees": [
                    {"contact_id": nhung, "role": "chair"},
                    {"contact_id": binh, "role": "participant"},
                ],
            },
        )
        past = records.create(s, "meeting", {"title": "Cũ", "starts_at": dt.datetime(2026, 1, 5, 9, 0)})
        action = records.create(
            s, "action", {"title": "Gửi thư giới thiệu", "due_date": dt.date(2026, 11, 30), "status": "open"}
        )
    return {"nhung": nhung, "binh": binh, "anh": anh, "meeting": meeting, "past": past, "action": action}


def _export(engine: Engine, **kw: object) -> Calendar:
    with unit_of_work(engine) as s:
        out = calendars.export_ics(s, **kw)  # type: ignore[arg-type]
    return Calendar.from_ical(out.data)


def test_exported_ics_parses_back_with_stable_uids_and_the_office_zone(engine: Engine) -> None:
    ids = _setup(engine)
    first = _export(engine)
    events = first.walk("VEVENT")
    (meeting,) = [e for e in events if str(e["SUMMARY"]) == "Làm việc với Genetica"]
    assert "Cũ" not in [str(e["SUMMARY"]) for e in events]  # past meetings are not "upcoming"
    assert meeting["DTSTART"].dt == dt.datetime(2026, 11, 25, 14, 30, tzinfo=HCM)
    assert meeting["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert meeting["DTEND"].dt.astimezone(dt.UTC) == dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
    assert [str(t["TZID"]) for t in first.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(meeting["LOCATION"]) == "Phòng 301, 7 Tôn Thất Thuyết"
    # The file publishes, it invites no one (RFC 5546: no ATTENDEE in a PUBLISH): the people are
    # named in the description, with or without an e-mail address
    assert str(meeting["DESCRIPTION"]) == (
        "Giới thiệu chương trình\n\nNgười tham dự: Nguyễn Thị Hồng Nhung (chủ trì), Lê Văn Bình"
    )
    assert meeting.get("ATTENDEE") is None and str(meeting["CLASS"]) == "PUBLIC"
    assert str(meeting["ORGANIZER"]) == "mailto:anh@nic.gov.vn"
    assert meeting["ORGANIZER"].params["CN"] == "Trần Minh Anh"
    assert int(meeting["SEQUENCE"]) == 1
    (reminder,) = [e for e in events if str(e["SUMMARY"]) == "Gửi thư giới thiệu"]
    assert reminder["DTSTART"].dt == dt.date(2026, 11, 30) and not first.walk("VTODO")
    # Again, after an edit: same UIDs (a calendar updates its events), a higher SEQUENCE.
    with unit_of_work(engine) as s:
        records.update(s, "meeting", ids["meeting"], {"location": "Phòng 405"}, expected_version=1)
    second = _export(engine)
    uids = lambda cal: sorted(str(e["UID"]) for e in cal.walk("VEVENT"))  # noqa: E731
    assert uids(first) == uids(second) and len(uids(first)) == 2
    with read_session(engine) as s:
        db_uuid = calendars.database_uuid(s)
    assert f"meeting-{ids['meeting']}@{db_uuid}" in uids(second)
    (again,) = [e for e in second.walk("VEVENT") if str(e["SUMMARY"]) == "Làm việc với Genetica"]
    assert int(again["SEQUENCE"]) == 2 and str(again["LOCATION"]) == "Phòng 405"


def test_a_selection_and_tasks(engine: Engine) -> None:
    ids = _setup(engine)
    alone = _export(engine, meeting_ids=[ids["past"]], reminders="todo")
    assert [str(e["SUMMARY"]) for e in alone.walk("VEVENT")] == ["Cũ"]
    assert not alone.walk("VTODO")  # (an action of no meeting is not this meeting's follow-up)
    cal = _export(engine, meeting_ids=[ids["past"]], action_ids=[ids["action"]], reminders="todo")
    (todo,) = cal.walk("VTODO")
    assert todo["DUE"].dt == dt.date(2026, 11, 30)
    none = _export(engine, meeting_ids=[ids["meeting"]], reminders="none")
    assert len(none.walk("VEVENT")) == 1 and not none.walk("VTODO")


OUTLOOK = """BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:REQUEST
X-MS-OLK-FORCEINSPECTOROPEN:TRUE
BEGIN:VTIMEZONE
TZID:SE Asia Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0700
TZOFFSETTO:+0700
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
ATTENDEE;CN="Nguyễn Thị Hồng Nhung";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:nhung@genetica.asia
ATTENDEE;CN=Phạm Quốc Huy;ROLE=OPT-PARTICIPANT;RSVP=TRUE:mailto:huy@vinbio.vn
ATTENDEE;CN=Trần Minh Anh;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:anh@nic.gov.vn
CLASS:PUBLIC
CREATED:20261120T020000Z
DESCRIPTION:Trao đổi về hợp tác giải trình tự gen.\\n
DTEND;TZID="SE Asia Standard Time":20261203T110000
DTSTAMP:20261120T020000Z
DTSTART;TZID="SE Asia Standard Time":20261203T093000
LOCATION:Genetica\\, 12 Duy Tân\\, Hà Nội
ORGANIZER;CN=Trần Minh Anh:mailto:anh@nic.gov.vn
PRIORITY:5
RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TH
SEQUENCE:{seq}
SUMMARY;LANGUAGE=vi-VN:Họp Genetica về hợp tác
TRANSP:OPAQUE
UID:040000008200E00074C5B7101A82E00800000000D0B1C2A3E4F5D601000000000000000010000000ABCDEF
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
BEGIN:VALARM
TRIGGER:-PT15M
ACTION:DISPLAY
DESCRIPTION:Reminder
END:VALARM
END:VEVENT
END:VCALENDAR
"""


def _outlook(seq: int = 0, start: str = "093000") -> bytes:
    return (
        OUTLOOK.format(seq=seq).replace("20261203T093000", f"20261203T{start}").replace("\n", "\r\n").encode()
    )


def test_an_outlook_invitation_imported_twice_is_one_meeting(engine: Engine) -> None:
    ids = _setup(engine)
    inv = calendars.read_ics(_outlook(), "Họp Genetica.ics")
    assert inv.starts_at == dt.datetime(2026, 12, 3, 9, 30) and inv.ends_at == dt.datetime(2026, 12, 3, 11, 0)
    assert inv.method == "REQUEST" and any("repeating" in w for w in inv.warnings)
    with read_session(engine) as s:
        plan = calendars.plan_invitation(s, inv)
    assert plan.meeting_id is None and plan.owner_id == ids["anh"]
    assert [(p.email, cid) for p, cid, _ in plan.matched] == [("nhung@genetica.asia", ids["nhung"])]
    assert [str(p) for p in plan.unknown] == ["Phạm Quốc Huy <huy@vinbio.vn>"]
    with unit_of_work(engine) as s:
        first = calendars.import_invitation(s, inv, actor="Anh")
    assert first.status == "created"
    with read_session(engine) as s:
        meeting = records.get(s, "meeting", first.meeting_id)
        assert meeting["title"] == "Họp Genetica về hợp tác"
        assert meeting["location"] == "Genetica, 12 Duy Tân, Hà Nội"
        assert meeting["starts_at"] == dt.datetime(2026, 12, 3, 9, 30) and meeting["owner_id"] == ids["anh"]
        assert [a["contact_id"] for a in meeting["attendees"]] == [ids["nhung"]]
        assert calendars.invitation_of(s, first.meeting_id)["organizer"] == "Trần Minh Anh <anh@nic.gov.vn>"  # type: ignore[index]
    # The organiser moves it to 10:00 (SEQUENCE 1); imported again with Huy made a contact.
    moved = calendars.read_ics(_outlook(seq=1, start="100000"), "Họp Genetica.ics")
    with unit_of_work(engine) as s:
        second = calendars.import_invitation(s, moved, create_contacts=["huy@vinbio.vn"], actor="Anh")
    assert second.status == "updated" and second.meeting_id == first.meeting_id and len(second.created) == 1
    with read_session(engine) as s:
        meeting = records.get(s, "meeting", first.meeting_id)
        assert meeting["starts_at"] == dt.datetime(2026, 12, 3, 10, 0)
        assert sorted(a["full_name"] for a in meeting["attendees"]) == [
            "Nguyễn Thị Hồng Nhung",
            "Phạm Quốc Huy",
        ]
        assert records.history(s, "meeting", first.meeting_id)[0]["actor"] == "Anh"
        from sqlalchemy import func, select

        from db import models as m

        assert (
            s.execute(
                select(func.count()).select_from(m.Meeting).where(m.Meeting.title.startswith("Họp"))
            ).scalar()
            == 1
        )  # type: ignore[attr-defined]
    # Third time, unchanged; the exported event carries the invitation's own UID.
    with unit_of_work(engine) as s:
        assert calendars.import_invitation(s, moved).status == "unchanged"
    cal = _export(engine, meeting_ids=[first.meeting_id], reminders="none")
    assert str(cal.walk("VEVENT")[0]["UID"]) == inv.uid
    # Undo the update: back at 09:30, Huy gone again.
    with unit_of_work(engine) as s:
        undo.undo_group(s, second.group_id)
    with read_session(engine) as s:
        meeting = records.get(s, "meeting", first.meeting_id)
        assert meeting["starts_at"] == dt.datetime(2026, 12, 3, 9, 30)
        assert [a["contact_id"] for a in meeting["attendees"]] == [ids["nhung"]]


def test_a_stale_version_is_a_conflict(engine: Engine) -> None:
    _setup(engine)
    inv = calendars.read_ics(_outlook(), "a.ics")
    with unit_of_work(engine) as s:
        made = calendars.import_invitation(s, inv)
    with unit_of_work(engine) as s:
        records.update(s, "meeting", made.meeting_id, {"minutes": "Đã họp"}, expected_version=1)
    from app.errors import ConflictError

    with pytest.raises(ConflictError), unit_of_work(engine) as s:
        calendars.import_invitation(s, calendars.read_ics(_outlook(1, "100000"), "a.ics"), expected_version=1)


def test_utc_and_floating_times() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:g-1@google.com\r\n"
        "DTSTART:20261203T023000Z\r\nDTEND:20261203T033000Z\r\nSUMMARY:Google\r\n"
        "ATTENDEE;CN=x:mailto:x@y.vn\r\nATTENDEE:bogus\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    inv = calendars.read_ics(text.encode(), "g.ics")
    assert inv.starts_at == dt.datetime(2026, 12, 3, 9, 30) and [p.email for p in inv.attendees] == ["x@y.vn"]
    assert any("no e-mail" in w for w in inv.warnings)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "not a calendar"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "not a calendar"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\n", "no event"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:nonsense\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "not a readable calendar|times cannot be read",
        ),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no event"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "no start",
        ),
        (b"BEGIN:VCALENDAR\r\n" + b"X-JUNK:" + b"a" * (6 * 1024 * 1024), "too large"),
        (b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\n" * 501, "a whole calendar"),
    ],
)
def test_hostile_files_are_refused_with_a_sentence(data: bytes, words: str) -> None:
    with pytest.raises(UserError, match=words):
        calendars.read_ics(data, "bad.ics")


def test_an_invitation_twice_and_an_export_on_postgresql(pg_url: str) -> None:
    from db.engine import make_engine
    from db.migrate import upgrade

    pg = make_engine(pg_url)
    try:
        upgrade(pg)
        ids = _setup(pg)
        inv = calendars.read_ics(_outlook(), "a.ics")
        with unit_of_work(pg) as s:
            first = calendars.import_invitation(s, inv)
        with unit_of_work(pg) as s:
            again = calendars.import_invitation(s, calendars.read_ics(_outlook(1, "100000"), "a.ics"))
        assert again.meeting_id == first.meeting_id and again.status == "updated"
        with read_session(pg) as s:
            assert records.get(s, "meeting", first.meeting_id)["starts_at"] == dt.datetime(2026, 12, 3, 10, 0)
        one, two = _export(pg), _export(pg)
        assert sorted(str(e["UID"]) for e in one.walk("VEVENT")) == sorted(
            str(e["UID"]) for e in two.walk("VEVENT")
        )
        assert inv.uid in [str(e["UID"]) for e in one.walk("VEVENT")]
        assert ids["meeting"] in [
            int(str(e["UID"]).split("@")[0].split("-")[1])
            for e in one.walk("VEVENT")
            if str(e["UID"]).startswith("meeting-")
        ]
    finally:
        pg.dispose()


def test_an_undone_import_comes_back_when_imported_again(engine: Engine) -> None:
    _setup(engine)
    inv = calendars.read_ics(_outlook(), "a.ics")
    with unit_of_work(engine) as s:
        made = calendars.import_invitation(s, inv)
    with unit_of_work(engine) as s:
        undo.undo_group(s, made.group_id)
    with read_session(engine) as s:
        plan = calendars.plan_invitation(s, inv)
        assert plan.meeting_id == made.meeting_id and plan.in_trash
    with unit_of_work(engine) as s:
        back = calendars.import_invitation(s, inv)
    assert back.meeting_id == made.meeting_id and back.status == "updated"
    assert [code for code, _ in back.notes] == ["repeating", "restored"]
    with read_session(engine) as s:
        assert records.get(s, "meeting", made.meeting_id)["title"] == "Họp Genetica về hợp tác"


def test_a_zone_no_one_knows_is_taken_as_written_and_said() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x1\r\nSUMMARY:t\r\n"
        'DTSTART;TZID="(UTC+07:00) Bangkok, Hanoi, Jakarta":20261203T093000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
    )
    inv = calendars.read_ics(text.encode(), "t.ics")
    assert inv.starts_at == dt.datetime(2026, 12, 3, 9, 30)
    assert [code for code, _ in inv.notes] == ["unknown_zone"]
    tokyo = text.replace(
        '"(UTC+07:00) Bangkok, Hanoi, Jakarta"', "Tokyo Standard Time"
    )  # Windows name, no VTIMEZONE
    assert calendars.read_ics(tokyo.encode(), "t.ics").starts_at == dt.datetime(2026, 12, 3, 7, 30)


def test_a_trashed_contact_is_not_invited(engine: Engine) -> None:
    ids = _setup(engine)
    with unit_of_work(engine) as s:
        records.delete(s, "contact", ids["nhung"])
    cal = _export(engine, meeting_ids=[ids["meeting"]], reminders="none", lang="en")
    assert "Nhung" not in str(cal.walk("VEVENT")[0]["DESCRIPTION"])
    assert str(cal.walk("VEVENT")[0]["DESCRIPTION"]).endswith("Attendees: Lê Văn Bình")


def test_two_people_importing_one_invitation_at_once_make_one_meeting(engine: Engine) -> None:
    import threading

    _setup(engine)
    inv = calendars.read_ics(_outlook(), "a.ics")
    statuses: list[str] = []
    start = threading.Barrier(2)

    def run() -> None:
        start.wait()
        with unit_of_work(engine) as s:
            statuses.append(calendars.import_invitation(s, inv).status)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(statuses) == ["created", "unchanged"]
    with read_session(engine) as s:
        from sqlalchemy import func, select

        from db import models as m

        assert s.execute(select(func.count()).select_from(m.MeetingCalendar)).scalar() == 1
