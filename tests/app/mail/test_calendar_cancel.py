"""An organiser's cancellation (METHOD:CANCEL, STATUS:CANCELLED) is applied, never imported as
a new meeting: the meeting its UID made goes to the trash (history, undo); a cancellation of a
meeting never imported is skipped; one of a meeting that took place leaves it alone. The .ics
files are written by the icalendar library to real files and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app import calendars, records, undo
from db import models as m
from db.engine import read_session, unit_of_work

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
UID = "040000008200E00074C5B7101A82E00800000000CANCELTEST"
START = dt.datetime(2026, 12, 3, 9, 30, tzinfo=HCM)


def write_ics(
    path: Path,
    *,
    uid: str = UID,
    method: str = "REQUEST",
    status: str = "",
    seq: int = 0,
    start: dt.datetime = START,
    occurrence: dt.datetime | None = None,
    title: str = "Họp Genetica về hợp tác",
) -> Path:
    """An invitation (or its cancellation) as Outlook and Google write one, through icalendar."""
    cal = Calendar()
    cal.add("prodid", "-//Test//Outlook-like//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    ev = Event()
    ev.add("uid", uid)
    ev.add("dtstamp", dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC))
    ev.add("sequence", seq)
    ev.add("summary", title)
    ev.add("dtstart", start)
    ev.add("dtend", start + dt.timedelta(hours=1, minutes=30))
    ev.add("location", "Genetica, 12 Duy Tân, Hà Nội")
    organizer = vCalAddress("mailto:anh@nic.gov.vn")
    organizer.params["CN"] = "Trần Minh Anh"
    ev.add("organizer", organizer)
    if status:
        ev.add("status", status)
    if occurrence is not None:
        ev.add("recurrence-id", occurrence)
    cal.add_component(ev)
    path.write_bytes(cal.to_ical())
    return path


def read(path: Path) -> calendars.Invitation:
    return calendars.read_ics(path.read_bytes(), path.name)


def apply(engine: Engine, path: Path, actor: str = "Anh") -> calendars.InviteResult:
    with unit_of_work(engine) as s:
        return calendars.import_invitation(s, read(path), actor=actor)


def meetings(engine: Engine) -> tuple[int, int]:
    """(all meetings, live meetings)."""
    with read_session(engine) as s:
        every = s.execute(select(func.count()).select_from(m.Meeting)).scalar_one()
        live = s.execute(
            select(func.count()).select_from(m.Meeting).where(m.Meeting.deleted_at.is_(None))  # type: ignore[union-attr]
        ).scalar_one()
    return int(every), int(live)


def test_a_cancellation_puts_the_imported_meeting_in_the_trash_with_history_and_undo(
    engine: Engine, tmp_path: Path
) -> None:
    made = apply(engine, write_ics(tmp_path / "invite.ics"))
    assert made.status == "created" and meetings(engine) == (1, 1)
    cancel = write_ics(tmp_path / "Canceled Họp Genetica.ics", method="CANCEL", status="CANCELLED", seq=1)
    inv = read(cancel)
    assert inv.cancelled and inv.uid == UID and inv.notes == []
    with read_session(engine) as s:
        plan = calendars.plan_invitation(s, inv)
    assert plan.cancel == "cancelled" and plan.meeting_id == made.meeting_id
    assert plan.title == "Họp Genetica về hợp tác" and plan.starts_at == dt.datetime(2026, 12, 3, 9, 30)
    result = apply(engine, cancel, actor="Lan")
    assert result.status == "cancelled" and result.meeting_id == made.meeting_id and result.group_id
    assert meetings(engine) == (1, 0)  # the same meeting, in the trash: no second one
    with read_session(engine) as s:
        last = records.history(s, "meeting", made.meeting_id)[0]
        assert (last["op"], last["actor"]) == ("delete", "Lan")
        assert calendars.upcoming_meeting_ids(s) == []  # no longer sent to a calendar
    with unit_of_work(engine) as s:
        undo.undo_group(s, result.group_id)
    assert meetings(engine) == (1, 1)
    # Cancelled again, then the organiser sends it anew (rescheduled): it comes back, moved.
    assert apply(engine, cancel).status == "cancelled"
    again = apply(engine, write_ics(tmp_path / "new.ics", seq=2, start=START + dt.timedelta(days=1)))
    assert again.status == "updated" and again.meeting_id == made.meeting_id
    assert [code for code, _ in again.notes] == ["restored"]
    with read_session(engine) as s:
        assert records.get(s, "meeting", made.meeting_id)["starts_at"] == dt.datetime(2026, 12, 4, 9, 30)


def test_status_cancelled_without_method_cancel_is_a_cancellation_too(engine: Engine, tmp_path: Path) -> None:
    made = apply(engine, write_ics(tmp_path / "invite.ics"))
    result = apply(engine, write_ics(tmp_path / "c.ics", method="PUBLISH", status="CANCELLED", seq=1))
    assert result.status == "cancelled" and result.meeting_id == made.meeting_id
    assert meetings(engine) == (1, 0)


def test_a_cancellation_of_a_meeting_never_imported_is_skipped(engine: Engine, tmp_path: Path) -> None:
    apply(engine, write_ics(tmp_path / "invite.ics"))
    stranger = write_ics(tmp_path / "c.ics", uid="someone-else@google.com", method="CANCEL", title="Khác")
    with read_session(engine) as s:
        plan = calendars.plan_invitation(s, read(stranger))
    assert plan.cancel == "not_found" and plan.meeting_id is None
    result = apply(engine, stranger)
    assert (result.status, result.meeting_id, result.group_id, result.title) == ("not_found", 0, "", "Khác")
    assert meetings(engine) == (1, 1)  # nothing imported, nothing removed
    # Into an empty database: still nothing.
    with unit_of_work(engine) as s:
        s.execute(m.Meeting.__table__.delete())  # type: ignore[attr-defined]
    assert apply(engine, stranger).status == "not_found" and meetings(engine) == (0, 0)


def test_a_meeting_that_took_place_is_left_as_it_is(engine: Engine, tmp_path: Path) -> None:
    made = apply(engine, write_ics(tmp_path / "invite.ics"))
    with unit_of_work(engine) as s:
        records.update(
            s, "meeting", made.meeting_id, {"minutes": "Đã họp, thống nhất MoU"}, expected_version=1
        )
    cancel = write_ics(tmp_path / "c.ics", method="CANCEL", seq=1)
    result = apply(engine, cancel)
    assert result.status == "took_place" and result.group_id == ""
    with read_session(engine) as s:
        row = s.get(m.Meeting, made.meeting_id)
        assert row is not None and row.deleted_at is None and row.version == 2  # untouched
    # Follow-up actions logged (no minutes): it took place too.
    other = apply(engine, write_ics(tmp_path / "b.ics", uid="b@x", title="Họp B"))
    with unit_of_work(engine) as s:
        records.create(s, "action", {"title": "Gửi thư", "meeting_id": other.meeting_id})
    assert apply(engine, write_ics(tmp_path / "bc.ics", uid="b@x", method="CANCEL")).status == "took_place"
    assert meetings(engine) == (2, 2)


def test_one_occurrence_and_a_meeting_already_in_the_trash(engine: Engine, tmp_path: Path) -> None:
    made = apply(engine, write_ics(tmp_path / "invite.ics"))
    later = write_ics(
        tmp_path / "week2.ics", method="CANCEL", start=START + dt.timedelta(days=7),
        occurrence=START + dt.timedelta(days=7),
    )  # fmt: skip
    inv = read(later)
    assert inv.occurrence == dt.datetime(2026, 12, 10, 9, 30)
    assert apply(engine, later).status == "other_occurrence" and meetings(engine) == (1, 1)
    first = write_ics(tmp_path / "week1.ics", method="CANCEL", occurrence=START)
    assert apply(engine, first).status == "cancelled" and meetings(engine) == (1, 0)
    result = apply(engine, first)
    assert (result.status, result.meeting_id, result.group_id) == ("in_trash", made.meeting_id, "")
    assert meetings(engine) == (1, 0)


def test_an_older_cancellation_than_the_invitation_held_changes_nothing(
    engine: Engine, tmp_path: Path
) -> None:
    """Cancelled (sequence 1), then invited again (sequence 2): the old cancellation dropped in
    once more must not move the meeting back to the trash, nor lower the sequence kept."""
    assert apply(engine, write_ics(tmp_path / "invite.ics", seq=0)).status == "created"
    cancel = write_ics(tmp_path / "cancel.ics", method="CANCEL", status="CANCELLED", seq=1)
    assert apply(engine, cancel).status == "cancelled"
    again = apply(engine, write_ics(tmp_path / "again.ics", seq=2))
    assert again.meeting_id
    with read_session(engine) as s:
        assert records.get(s, "meeting", again.meeting_id)["deleted_at"] is None  # back from the trash
    late = apply(engine, cancel)
    assert late.status == "outdated" and late.group_id == ""
    with read_session(engine) as s:
        assert records.get(s, "meeting", again.meeting_id)["deleted_at"] is None
        assert (calendars.invitation_of(s, again.meeting_id) or {})["sequence"] == 2


def test_an_older_invitation_than_the_one_held_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    """An earlier e-mail of the thread (a lower SEQUENCE, the old time) dropped in after the
    newer one: the meeting keeps the newer time, and no undo step is made."""
    moved = START + dt.timedelta(days=1)
    made = apply(engine, write_ics(tmp_path / "moved.ics", seq=2, start=moved))
    assert made.status == "created"
    old = apply(engine, write_ics(tmp_path / "first.ics", seq=0))
    assert (old.status, old.meeting_id, old.group_id) == ("outdated", made.meeting_id, "")
    with read_session(engine) as s:
        assert records.get(s, "meeting", made.meeting_id)["starts_at"] == moved.replace(tzinfo=None)
        assert (calendars.invitation_of(s, made.meeting_id) or {})["sequence"] == 2
    assert apply(engine, write_ics(tmp_path / "moved.ics", seq=2, start=moved)).status == "unchanged"
