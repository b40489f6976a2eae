"""A meeting that has taken place moves its attendees' "Last contacted" forward.

``contact.last_contacted_on`` is first what a sheet recorded (an import's "last met" column);
after that, every meeting saved through :mod:`app.records` (the Log meeting dialog, ``ketnoi
log-meeting``, an edit of a meeting's date, attendees or confidentiality, a calendar
invitation, a meeting import) keeps it current: when the meeting starts at or before now
(:func:`db.clock.now`, local wall-clock time, the way meetings are stored), each live attendee
whose date is empty or older gets the meeting's date. Never backward, and a planned meeting
(still to come) does not count.

A confidential meeting never moves it. "Last contacted" is a field of the contact, which
everyone who sees the contact sees (on a team database, a reader too), so it must not tell
anyone that a meeting they may not see took place (its date, and that it happened at all).
Who may see the meeting learns of it from the meeting itself: the briefs' "Last met" is
computed from the meetings the reader sees (:func:`app.briefing.queries.last_met`, filtered by
row-level security on a team database) and from this shared date. A meeting made confidential
after it moved the date takes its move back: each contact whose date a save of this meeting
set (the history says so, whatever the meeting's day or attendees are now) gets the date from
before this meeting's latest unbroken run of changes to it (its moves, corrections and earlier
take-backs), or the latest other non-confidential meeting they attended if that is later; a
date a sheet or a person set since is left alone.

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
    row = session.execute(
        select(MEET.c.starts_at, MEET.c.deleted_at, MEET.c.confidential).where(MEET.c.id == meeting_id)
    ).first()
    if row is None or row.deleted_at is not None or row.starts_at is None:
        return []
    if row.confidential:  # (whatever its day now: an earlier save may have moved dates)
        return _take_back(session, meeting_id, actor=actor, group_id=group_id, batch_id=batch_id, op=op)
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
    _expire(session, ids)
    return ids


def _expire(session: Session, ids: list[int]) -> None:
    """Contacts this session already holds (a person created with the meeting) read afresh."""
    changed = set(ids)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, m.Contact) and obj.id in changed:
            session.expire(obj)


def _take_back(
    session: Session,
    meeting_id: int,
    *,
    actor: str,
    group_id: str,
    batch_id: int | None,
    op: str,
) -> list[int]:
    """A meeting now confidential: undo the moves its earlier saves made (see the module's
    notes); returns the ids of the contacts changed. Found from the history, not from the
    meeting as it is now: the same save may also have moved it to another day, or taken an
    attendee off, and the date an earlier save gave must still go."""
    meeting_saves = select(CHANGE.c.group_id).where(
        CHANGE.c.entity == "meeting", CHANGE.c.entity_id == meeting_id, CHANGE.c.group_id != ""
    )
    touched = select(CHANGE.c.entity_id).where(
        CHANGE.c.entity == "contact", CHANGE.c.field == FIELD, CHANGE.c.group_id.in_(meeting_saves)
    )
    current: dict[int, dt.date] = {
        int(i): d
        for i, d in session.execute(
            select(CON.c.id, CON.c.last_contacted_on)
            .where(CON.c.id.in_(touched), CON.c.deleted_at.is_(None), CON.c.last_contacted_on.is_not(None))
            .with_for_update()
        ).all()
    }
    if not current:
        return []
    moved: dict[int, str | None] = {}  # contact -> the date before this meeting moved it
    for part in chunked(sorted(current)):
        rows = session.execute(
            select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new, CHANGE.c.group_id.in_(meeting_saves))
            .where(
                CHANGE.c.entity == "contact",
                CHANGE.c.entity_id.in_(part),
                CHANGE.c.field == FIELD,
            )
            .order_by(CHANGE.c.id)
        ).all()
        # The date before the latest unbroken run of this meeting's changes (its moves and
        # its own take-backs), if that run still holds the date: the run's last row alone
        # would be a take-back's, whose "old" is the confidential day.
        before_run: dict[int, str | None] = {}
        last: dict[int, tuple[bool, Any]] = {}
        for cid, old, new, ours in rows:
            c = int(cid)
            if ours and not last.get(c, (False, None))[0]:
                before_run[c] = old
            last[c] = (bool(ours), new)
        for c, (ours, new) in last.items():
            if ours and new == current[c].isoformat():
                moved[c] = before_run[c]
    if not moved:
        return []
    # The latest other meeting each attended that counts (held, live, not confidential).
    other: dict[int, dt.date] = {}
    for part in chunked(sorted(moved)):
        for cid, starts in session.execute(
            select(ATTENDEE.c.contact_id, MEET.c.starts_at)
            .join(MEET, MEET.c.id == ATTENDEE.c.meeting_id)
            .where(
                ATTENDEE.c.contact_id.in_(part),
                MEET.c.id != meeting_id,
                MEET.c.deleted_at.is_(None),
                MEET.c.confidential.is_(False),
            )
        ).all():
            held = meeting_day(starts) if starts is not None else None
            if held is not None and (int(cid) not in other or held > other[int(cid)]):
                other[int(cid)] = held
    now = m.utcnow()
    history: list[dict[str, Any]] = []
    for cid, old in sorted(moved.items()):
        day = current[cid]
        back = dt.date.fromisoformat(old) if old else None
        if cid in other and (back is None or other[cid] > back):
            back = other[cid]
        if back == day:
            continue
        session.execute(
            update(CON)
            .where(CON.c.id == cid, CON.c.last_contacted_on == day)
            .values({FIELD: back, "version": CON.c.version + 1, "updated_at": now})
        )
        history.append(
            {
                "entity": "contact",
                "entity_id": cid,
                "op": op,
                "field": FIELD,
                "old": day.isoformat(),
                "new": _iso(back),
                "at": now,
                "actor": actor,
                "batch_id": batch_id,
                "group_id": group_id,
            }
        )
    if not history:
        return []
    session.execute(insert(CHANGE), history)
    ids = [int(h["entity_id"]) for h in history]
    _expire(session, ids)
    return ids
