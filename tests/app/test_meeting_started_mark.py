"""The meetings-started check stores its mark on a database that has none even when no meeting
moves a date: every database made before the mark existed (and a new demo) had each check read
every meeting held and its attendees (about 220 ms at 100k contacts, at every command and every
minute of the window) until a meeting first moved one; with the mark stored, a check reads only
the meetings started since it. The mark hides nothing: a meeting logged before it starts still
counts once it has. On real SQLite files, the clock pinned."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from app import contacted, records
from app.meetings import Chosen, MeetingDraft, save_meeting
from db import clock
from db import models as m
from db.engine import read_session, unit_of_work

CHECKED = dt.datetime(2026, 12, 9, 9, 0)


def _mark(engine: Engine) -> object:
    with read_session(engine) as s:
        row = s.get(m.Setting, contacted.THROUGH_KEY)
        return None if row is None else row.value


def _log(engine: Engine, person: int, at: dt.datetime) -> int:
    draft = MeetingDraft({"title": "Làm việc với Bộ KH&CN", "starts_at": at}, [], [Chosen(person, "Hà")])
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="test")


def _last_contacted(engine: Engine, person: int) -> dt.date | None:
    with read_session(engine) as s:
        day = records.get(s, "contact", person)["last_contacted_on"]
        assert day is None or isinstance(day, dt.date)
        return day


def test_the_first_check_stores_the_mark_when_nothing_moves(engine: Engine) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 11, 0), ticking=False)
    with unit_of_work(engine) as s:
        person = records.create(s, "contact", {"full_name": "Bùi Đức Hà"})
    _log(engine, person, dt.datetime(2026, 12, 7, 10, 30))  # held: its save moved her date
    assert _last_contacted(engine, person) == dt.date(2026, 12, 7)
    assert _mark(engine) is None  # as on a database made before the mark

    clock.set_fixed(CHECKED, ticking=False)
    assert contacted.catch_up_database(engine) == []  # nothing to move…
    assert _mark(engine) == CHECKED.isoformat()  # …and the mark stored all the same

    # an hour on, the next check reads only the meetings started after the mark
    clock.set_fixed(CHECKED + dt.timedelta(hours=1), ticking=False)
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, sql: str, params: Any, _context: Any, _many: bool) -> None:
        statements.append((sql, params))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert contacted.catch_up_database(engine) == []
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    reads = [(sql, params) for sql, params in statements if "meeting_attendee" in sql]
    assert len(reads) == 1 and "meeting.starts_at >" in reads[0][0], statements
    assert f"{CHECKED:%Y-%m-%d %H:%M:%S}.000000" in reads[0][1], reads  # (SQLite's form of the mark)


def test_the_mark_hides_no_meeting_logged_before_it_starts(engine: Engine) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30), ticking=False)
    with unit_of_work(engine) as s:
        person = records.create(s, "contact", {"full_name": "Hoàng Quốc Yến"})
    _log(engine, person, dt.datetime(2026, 12, 7, 10, 30))  # still to come
    assert contacted.catch_up_database(engine) == []
    assert _mark(engine) == dt.datetime(2026, 12, 7, 8, 30).isoformat()
    clock.set_fixed(CHECKED, ticking=False)
    assert contacted.catch_up_database(engine) == [person]
    assert _last_contacted(engine, person) == dt.date(2026, 12, 7)
    assert _mark(engine) == CHECKED.isoformat()
