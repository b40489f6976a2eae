"""A meeting logged, then another with the same person: the first can still be undone.

Reviewer (merge and undo round): the second meeting moved the person's "Last contacted", which
the first had moved too, and Undo history refused the first's undo ("Hương's last contacted on
was changed since"), `ketnoi undo` as well, though nobody edited anything. The date is counted
from the meetings: the undo counts it again, from the meeting that stays."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine

from app import records, undo_history
from app.meetings import Chosen, MeetingDraft, save_meeting
from app.undo import undo_group
from db import clock
from db.engine import read_session, unit_of_work


def _log(engine: Engine, person: int, title: str, day: dt.date) -> str:
    group = records.new_group_id()
    draft = MeetingDraft(
        {"title": title, "starts_at": dt.datetime.combine(day, dt.time(9))}, [], [Chosen(person, "Hương")]
    )
    with unit_of_work(engine) as s:
        save_meeting(s, draft, actor="Lan", group_id=group)
    return group


def _last(engine: Engine, person: int) -> dt.date | None:
    with read_session(engine) as s:
        value = records.snapshot(s, "contact", person)["last_contacted_on"]
        return value if isinstance(value, dt.date) else None


def test_the_earlier_of_two_meetings_is_undone_and_the_date_counted_from_the_other(engine: Engine) -> None:
    today = clock.today()
    with unit_of_work(engine) as s:
        person = records.create(s, "contact", {"full_name": "Nguyễn Thu Hương"})
    first = _log(engine, person, "Gặp lần đầu", today - dt.timedelta(days=3))
    second = _log(engine, person, "Làm việc tiếp", today)
    assert _last(engine, person) == today
    with read_session(engine) as s:
        assert undo_history.entry(s, first, "vi").status == undo_history.READY
    with unit_of_work(engine) as s:
        undo_history.undo_entry(s, first, actor="Lan", lang="vi")
    assert _last(engine, person) == today  # the second meeting's
    with unit_of_work(engine) as s:  # and the second's undo (Ctrl+Z's way) leaves none
        undo_group(s, second, actor="Lan")
    assert _last(engine, person) is None
