"""A meeting that has taken place moves its attendees' "Last contacted" forward.

``contact.last_contacted_on`` is first what a sheet recorded (an import's "last met" column);
after that, every meeting saved through :mod:`app.records` (the Log meeting dialog, ``ketnoi
log-meeting``, an edit of a meeting's date or attendees, a calendar invitation) keeps it
current: when the meeting starts at or before now (:func:`db.clock.now`, local wall-clock time,
the way meetings are stored), each live attendee whose date is empty or older gets the
meeting's date. Never backward, and a planned meeting (still to come) does not count.

It is part of the meeting's save: the same transaction and history group, so undoing the
meeting's save puts the old dates back. One UPDATE per save, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, insert, or_, select, update
from sqlmodel import Session

from db import clock
from db import models as m
from db.queries import chunked
from db.tables import ATTENDEE, CHANGE, CON, MEET

FIELD = "last_contacted_on"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def meeting_day(starts_at: dt.datetime, now: dt.datetime | None = None) -> dt.date | None:
    """The day a meeting counts as contact, or None for one still to come."""
    at = now if now is not None else clock.now()
    if starts_at.tzinfo is not None:  # stored naive (local wall clock); be safe with aware values
        starts_at = starts_at.astimezone().replace(tzinfo=None)
    return starts_at.date() if starts_at <= at else None


def touch_attendees(
    session: Session,
    meeting_id: int,
    *,
    actor: str = "",
    group_id: str = "",
    batch_id: int | None = None,
    op: str = "update",
) -> list[int]:
    """Move the attendees' ``last_contacted_on`` forward to the meeting's day (see the module's
    notes); returns the ids of the contacts changed. One history row per contact changed (an
    ordinary field update, in ``group_id``), so the meeting's undo reverts it; an import's
    (``op="import"``, its ``batch_id``) is reverted by the import's undo, as its other updates."""
    row = session.execute(select(MEET.c.starts_at, MEET.c.deleted_at).where(MEET.c.id == meeting_id)).first()
    if row is None or row.deleted_at is not None or row.starts_at is None:
        return []
    day = meeting_day(row.starts_at)
    if day is None:
        return []
    older = or_(CON.c.last_contacted_on.is_(None), CON.c.last_contacted_on < day)
    attending = select(ATTENDEE.c.contact_id).where(ATTENDEE.c.meeting_id == meeting_id)
    wanted = and_(CON.c.id.in_(attending), CON.c.deleted_at.is_(None), older)
    # Read the old dates (for history) under a row lock on PostgreSQL; SQLite's unit of work
    # already holds the write lock (BEGIN IMMEDIATE).
    before: dict[int, dt.date | None] = {
        int(i): d
        for i, d in session.execute(
            select(CON.c.id, CON.c.last_contacted_on).where(wanted).with_for_update()
        ).all()
    }
    if not before:
        return []
    now = m.utcnow()
    ids = sorted(before)
    for part in chunked(ids):
        session.execute(
            update(CON)
            .where(CON.c.id.in_(part), older)
            .values({FIELD: day, "version": CON.c.version + 1, "updated_at": now})
        )
    history: list[dict[str, Any]] = [
        {
            "entity": "contact",
            "entity_id": i,
            "op": op,
            "field": FIELD,
            "old": _iso(before[i]),
            "new": day.isoformat(),
            "at": now,
            "actor": actor,
            "batch_id": batch_id,
            "group_id": group_id,
        }
        for i in ids
    ]
    session.execute(insert(CHANGE), history)
    # Contacts this session already holds (a person created with the meeting) read afresh.
    changed = set(ids)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, m.Contact) and obj.id in changed:
            session.expire(obj)
    return ids
