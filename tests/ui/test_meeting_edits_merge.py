"""Two windows (or two officers on a team database) edit the same meeting. A writes the minutes
and saves; B, open since before, moves the meeting a day and saves. B got the conflict dialog
listing When and Minutes — "Yours" the minutes B never touched, so "Save mine" wiped A's. Edits
to different fields now merge as the record form's do (records.update_edited): both kept, the
status bar says so. A field both changed is asked about, with the other person's value; nothing
of B's save — the meeting, a new attendee, a new follow-up — is written until B decides."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app import meetings, records
from app.errors import ConflictError
from app.meetings import Chosen
from db.engine import read_session, unit_of_work
from db.tables import ACT, CON
from tests.app.lists.seed import TODAY
from tests.ui.helpers import open_log_meeting, saved

TIMEOUT = 10_000


def _meeting(engine: Engine, meeting_id: int) -> dict[str, Any]:
    with read_session(engine) as s:
        return records.get(s, "meeting", meeting_id)


def _counts(engine: Engine) -> tuple[int, int]:
    with read_session(engine) as s:
        contacts = s.execute(select(func.count()).select_from(CON)).scalar_one()
        follow_ups = s.execute(select(func.count()).select_from(ACT)).scalar_one()
    return int(contacts), int(follow_ups)


def test_notes_in_one_window_and_the_date_in_another_are_both_kept(
    qtbot: Any, ctx: Any, ctx_b: Any, ids: dict[str, Any], engine: Engine, asked: list[Any]
) -> None:
    meeting = ids["past_meeting"]
    a = open_log_meeting(qtbot, ctx, meeting_id=meeting)
    b = open_log_meeting(qtbot, ctx_b, meeting_id=meeting)  # both open before A saves
    a.minutes.setPlainText("Genetica sẽ gửi số liệu thí điểm")
    a.confidential.setChecked(True)
    saved(qtbot, a)
    said: list[str] = []
    ctx_b.status_message.connect(said.append)
    moved = b.when.dateTime().addDays(1)
    b.when.setDateTime(moved)
    b.attendees.add(Chosen(ids["hung"], "Nguyễn Văn Hùng"))
    b.followups.what.setText("Gửi số liệu cho Genetica")
    b.followups.add_current()
    saved(qtbot, b)

    assert asked == []  # nobody's change in question
    now = _meeting(engine, meeting)
    assert now["minutes"] == "Genetica sẽ gửi số liệu thí điểm"  # A's, kept
    assert now["starts_at"] == dt.datetime.combine(moved.date().toPython(), dt.time(9, 0))  # B's
    assert ids["hung"] in [x["contact_id"] for x in now["attendees"]]  # B's
    with read_session(engine) as s:  # B's follow-up of a meeting A made confidential: confidential
        made = s.execute(select(ACT.c.confidential).where(ACT.c.title == "Gửi số liệu cho Genetica")).all()
    assert made == [(True,)] and now["confidential"]
    assert said == [
        "“Họp làm việc về chương trình AI” was changed in another window or from the command line "
        "while you were editing it here; both changes were saved."
    ]


def test_a_date_both_changed_is_asked_about_and_nothing_of_the_second_save_is_written(
    qtbot: Any,
    ctx: Any,
    ctx_b: Any,
    ids: dict[str, Any],
    engine: Engine,
    asked: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting = ids["past_meeting"]
    a = open_log_meeting(qtbot, ctx, meeting_id=meeting)
    b = open_log_meeting(qtbot, ctx_b, meeting_id=meeting)
    start = a.when.dateTime()
    a.when.setDateTime(start.addSecs(3600))  # 10:00
    a.decisions.setPlainText("Thí điểm trong quý I")
    saved(qtbot, a)
    before = _counts(engine)

    b.when.setDateTime(start.addSecs(2 * 3600))  # 11:00
    b.location.setText("Phòng họp tầng 3")
    b.attendees.add(Chosen(None, "Phạm Thu Trang"))  # a new person, created by the save
    b.followups.what.setText("Gửi biên bản cho MOST")
    b.followups.add_current()
    b.save()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)

    day = TODAY - dt.timedelta(days=10)  # the meeting's (tests/app/lists/seed.py)
    assert asked[0] == [  # A's time beside B's, written the user's way
        [
            "When",
            ctx_b.fmt_datetime(dt.datetime.combine(day, dt.time(10))),
            ctx_b.fmt_datetime(dt.datetime.combine(day, dt.time(11))),
        ]
    ]
    when = f"{day:%d/%m/%Y}"
    assert f"When is now {when} 10:00 (yours: {when} 11:00)" in b.errors["general"].text()  # kept editing
    now = _meeting(engine, meeting)
    assert (now["starts_at"].hour, now["location"]) == (10, "Hòa Lạc")  # nothing of B's meeting
    assert _counts(engine) == before  # nor B's new person or follow-up

    from ui.dialogs.conflict import ConflictDialog

    def save_mine(dialog: Any) -> int:
        dialog.choice = "mine"
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", save_mine)
    b.save()  # asked again (B kept editing), now answered "Save mine over theirs"
    qtbot.waitUntil(lambda: b.saved_id is not None, timeout=TIMEOUT)
    now = _meeting(engine, meeting)
    assert (now["starts_at"].hour, now["location"]) == (11, "Phòng họp tầng 3")  # B's
    assert now["decisions"] == "Thí điểm trong quý I"  # A's, never in question: kept
    assert _counts(engine) == (before[0] + 1, before[1] + 1)


def test_a_save_landing_between_the_check_and_the_write_writes_nothing_half(
    engine: Engine, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program's save lands after the edit read the meeting (PostgreSQL without the
    write lock): to another field it is merged with; to the same field it is the conflict, and
    the new person and follow-up of the edit are not written either (one transaction)."""
    meeting = ids["past_meeting"]
    with read_session(engine) as s:
        base = meetings.as_stored(records.get(s, "meeting", meeting))
    table = records.kinds.table("meeting")
    real_snapshot = records.snapshot

    def lands(values: dict[str, Any]) -> Any:
        third = {"done": False}

        def snapshot(session: Any, entity: str, entity_id: int, **kw: Any) -> Any:
            read = real_snapshot(session, entity, entity_id, **kw)
            if entity == "meeting" and not third["done"]:
                third["done"] = True
                session.execute(
                    table.update().where(table.c.id == meeting).values(**values, version=read["version"] + 1)
                )
            return read

        return snapshot

    def draft(minutes: str) -> meetings.MeetingDraft:
        return meetings.MeetingDraft(
            {
                **{k: base[k] for k in ("title", "starts_at", "kind", "location", "agenda")},
                "minutes": minutes,
            },
            [Chosen(ids["nic"], "NIC")],
            [Chosen(a["contact_id"], "", a["role"]) for a in base["attendees"]]
            + [Chosen(None, "Phạm Thu Trang")],
            [meetings.FollowUp("Gửi biên bản", "", "", "we_owe", None)],
            meeting,
            base["version"],
            base=base,
        )

    before = _counts(engine)
    monkeypatch.setattr(records, "snapshot", lands({"minutes": "Theirs"}))
    with pytest.raises(ConflictError) as raised, unit_of_work(engine) as s:
        meetings.save(s, draft("Mine"))
    assert raised.value.clashing == ["minutes"] and raised.value.current["minutes"] == "Theirs"
    assert _counts(engine) == before
    assert not _meeting(engine, meeting)["minutes"]  # (theirs shared this test's transaction)

    with read_session(engine) as s:
        base = meetings.as_stored(records.get(s, "meeting", meeting))
    monkeypatch.setattr(records, "snapshot", lands({"location": "Phòng họp tầng 3"}))
    with unit_of_work(engine) as s:
        saved = meetings.save(s, draft("Mine"))
    assert saved.merged
    now = _meeting(engine, meeting)
    assert (now["minutes"], now["location"]) == ("Mine", "Phòng họp tầng 3")
    assert _counts(engine) == (before[0] + 1, before[1] + 1)
