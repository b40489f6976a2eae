"""A contact's "Last contacted" stays true to the meetings they attended.

``contact.last_contacted_on`` is first what a sheet recorded (an import's "last met" column, e.g.
"Ngày gặp gần nhất") or a person typed; after that, every meeting saved through
:mod:`app.records` (the Log meeting dialog, ``ketnoi log-meeting``, an edit of a meeting's date,
attendees or confidentiality, a delete or restore, a calendar invitation, a meeting import) and
a merge of two people keep it current. A meeting counts when it starts at or before now
(:func:`db.clock.now`, local wall-clock time, the way meetings are stored), is live and is not
confidential; e-mails logged as interactions count as meetings do.

A new meeting moves its attendees' date forward to its day. Any other save counts the date of
each person concerned again (:func:`recount`: the attendees now and before, and whoever an
earlier save of the meeting moved): the later of the date a sheet or a person gave
(:func:`recorded`, read from the history: the last value written outside a meeting's save, or
by a sheet of the import that brought the meeting) and
the latest meeting that counts. So a meeting corrected to an earlier day, an attendee taken off,
a meeting deleted move it back (h58: the brief said "Last met 02/12" and "Last contacted 06/12"
of one meeting); never below the sheet's date unless a meeting is later. Dates the code before
this rule left wrong were counted again once by the same rule in schema 0016
(db/migrations/versions/0016_recount_last_contacted.py, written out there: db never imports app).

A confidential meeting never counts. "Last contacted" is a field of the contact, which
everyone who sees the contact sees (on a team database, a reader too), so it must not tell
anyone that a meeting they may not see took place (its date, and that it happened at all).
Who may see the meeting learns of it from the meeting itself: the briefs' "Last met" is
computed from the meetings the reader sees (:func:`app.briefing.queries.last_met`, filtered by
row-level security on a team database) and from this shared date. A meeting made confidential
after it moved the date takes its move back by the same recount.

It is part of the meeting's save: the same transaction and history group, so undoing the
save puts the old dates back.

A meeting logged before it starts moves nothing when saved; it counts once its start has passed
(h108: a meeting logged at 08:30 for 10:30 never moved its attendees' date, while their own
timeline and the brief's "Last met" listed it). :func:`catch_up` applies the meetings whose start
has passed since it last ran: at the window's start and every minute after, before a brief
and for every command line that opens the database (:func:`catch_up_database`). The setting
:data:`THROUGH_KEY` holds the local time up to which every meeting that counts has moved its
attendees (a save of a meeting already held applies it; a save of one still to come that starts
before that mark, a clock set back or a colleague's clock behind, pulls the mark back to just
before its start), so each run reads only the meetings started since: one query on the index of
``meeting.starts_at``. A database with no mark yet (every one made before it, a new demo) has it
stored by its first check, also when no meeting moves a date (:func:`catch_up_database`): until
then each check read every meeting held and its attendees, about 220 ms at 100k contacts. Its moves are written as a save's are: one history row per contact
(``update`` of this field), a version each, in the caller's transaction (serialised with every
other write, so two processes never both move one contact); with no history group (the rows a
meeting's save writes without one, read as a meeting's by :func:`recorded`), not the meeting
save's own: that would bring a save of hours ago back to the top of Undo. Undoing a meeting's
save counts its attendees again (:mod:`app.undo`), which takes such a move back with it.
A mark more than :data:`SET_BACK` ahead of now was set while the clock was ahead: the next run
counts again the people it moved to a day still to come, and brings the mark back to now.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, and_, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from db import clock
from db import models as m
from db.engine import read_only_reason, read_session, unit_of_work
from db.errors import UserError
from db.queries import chunked
from db.tables import ATTENDEE, CHANGE, CON, MEET

log = logging.getLogger(__name__)

FIELD = "last_contacted_on"
THROUGH_KEY = "contacted.through"
"""Setting: the local wall-clock time (ISO) up to which every meeting that counts has moved its
attendees' dates (:func:`catch_up`)."""
GIVEN_OP = "import_given"
"""The ``op`` of an import's history row that sets this field from a sheet (a contacts sheet's
"Ngày gặp gần nhất") and of the row the import's undo writes when it puts that back: a date a
sheet gave, read as a floor (:func:`recorded`) even though one import is one history group, which
holds the changes of the meetings a meetings sheet of the same workbook brought (rows written
before this op was, from session 9 on, are read as they were: meeting's in such a group).
Said as an import's row everywhere else, as ``"import"`` is (app.history, app.importing.undo)."""


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def meeting_day(starts_at: dt.datetime, now: dt.datetime | None = None) -> dt.date | None:
    """The day a meeting counts as contact, or None for one still to come."""
    at = now if now is not None else clock.now()
    if starts_at.tzinfo is not None:  # stored naive (the office's wall clock); be safe with aware values
        starts_at = clock.local(starts_at)
    return starts_at.date() if starts_at <= at else None


def touch_attendees(
    session: Session,
    meeting_id: int,
    *,
    actor: str = "",
    group_id: str = "",
    batch_id: int | None = None,
    op: str = "update",
    created: bool = False,
    former: Iterable[int] = (),
) -> list[int]:
    """Keep the attendees' ``last_contacted_on`` true after a save of this meeting (see the
    module's notes); returns the ids of the contacts changed. A new meeting can only move dates
    forward (``created``); any other save (a date corrected, an attendee taken off, made
    confidential, deleted or restored) has each person concerned counted again
    (:func:`recount`): the attendees now, ``former`` ones (the attendees before the save), and
    whoever an earlier save of this meeting moved. One history row per contact changed (an
    ordinary field update, in ``group_id``), so the meeting's undo reverts it; an import's
    (``op="import"``, its ``batch_id``) is reverted by the import's undo, as its other updates."""
    row = session.execute(
        select(MEET.c.starts_at, MEET.c.deleted_at, MEET.c.confidential).where(MEET.c.id == meeting_id)
    ).first()
    if row is None:
        return []
    if row.starts_at is not None and row.deleted_at is None and meeting_day(row.starts_at) is None:
        _watch(session, row.starts_at)  # still to come: it counts once it has started
    if not created:
        attending = select(ATTENDEE.c.contact_id).where(ATTENDEE.c.meeting_id == meeting_id)
        moved = select(CHANGE.c.entity_id).where(
            CHANGE.c.entity == "contact",
            CHANGE.c.field == FIELD,
            CHANGE.c.group_id.in_(_saves_of(meeting_id)),
        )
        people = {int(i) for i in session.execute(attending).scalars()}
        people |= {int(i) for i in session.execute(moved).scalars()}
        people |= {int(i) for i in former}
        return recount(session, sorted(people), actor=actor, group_id=group_id, batch_id=batch_id, op=op)
    if row.deleted_at is not None or row.starts_at is None or row.confidential:
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
    return _write(session, {i: (old, day) for i, old in before.items()}, actor, group_id, batch_id, op)


def _saves_of(meeting_id: int) -> Select[Any]:
    """The history groups of this meeting's saves."""
    return select(CHANGE.c.group_id).where(
        CHANGE.c.entity == "meeting", CHANGE.c.entity_id == meeting_id, CHANGE.c.group_id != ""
    )


def _write(
    session: Session,
    moves: dict[int, tuple[dt.date | None, dt.date | None]],
    actor: str,
    group_id: str,
    batch_id: int | None,
    op: str,
) -> list[int]:
    """Set each contact's date (``moves``: id -> (old, new)), with one history row each."""
    if not moves:
        return []
    now = m.utcnow()
    ids = sorted(moves)
    by_day: dict[dt.date | None, list[int]] = {}
    for i in ids:
        by_day.setdefault(moves[i][1], []).append(i)
    for day, same in by_day.items():
        for part in chunked(same):
            session.execute(
                update(CON)
                .where(CON.c.id.in_(part))
                .values({FIELD: day, "version": CON.c.version + 1, "updated_at": now})
            )
    history: list[dict[str, Any]] = [
        {
            "entity": "contact",
            "entity_id": i,
            "op": op,
            "field": FIELD,
            "old": _iso(moves[i][0]),
            "new": _iso(moves[i][1]),
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


def recorded(session: Session, current: dict[int, dt.date | None]) -> dict[int, dt.date | None]:
    """The date a sheet or a person gave each contact (``current``: id -> the date now), which
    no meeting moved: the latest value of the field written outside a meeting's save, else the
    value before the first meeting moved it, else (no history of the field) the date now.

    A row is a meeting's when its history group holds a change of a meeting (a save, its undo
    or redo, a meeting import's group), or when it has no group: whatever a person or a sheet
    writes is in a group of its own (an edit, a bulk edit, an import, a merge, an undo), and
    the rows without one are saves of meetings that gave none (the demo, seeds) and schema
    0015's and 0016's take-backs. Except a row of a date a sheet gave (:data:`GIVEN_OP`): an
    import of a workbook with a contacts sheet and a meetings sheet is one group, holding both
    the sheet's dates and the meetings'."""
    other = CHANGE.alias("meeting_change")
    by_meeting = and_(
        CHANGE.c.op != GIVEN_OP,
        or_(
            CHANGE.c.group_id == "",
            select(other.c.id)
            .where(other.c.group_id == CHANGE.c.group_id, other.c.entity == "meeting")
            .exists(),
        ),
    )  # (looked up by the group's index, not a list of every meeting's groups)
    out = dict(current)
    for part in chunked(sorted(current)):
        rows = session.execute(
            select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new, by_meeting)
            .where(CHANGE.c.entity == "contact", CHANGE.c.entity_id.in_(part), CHANGE.c.field == FIELD)
            .order_by(CHANGE.c.id)
        ).all()
        seen: set[int] = set()
        for cid, old, new, by_meeting in rows:
            c = int(cid)
            if c not in seen:
                seen.add(c)
                out[c] = _day(old)
            if not by_meeting:
                out[c] = _day(new)
    return out


def _day(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def held(session: Session, contact_ids: Iterable[int]) -> dict[int, dt.date]:
    """The day of the latest meeting each contact attended that counts: held (not still to
    come), live, not confidential."""
    at = clock.now()
    out: dict[int, dt.date] = {}
    for part in chunked(sorted(set(contact_ids))):
        for cid, starts in session.execute(
            select(ATTENDEE.c.contact_id, func.max(MEET.c.starts_at))
            .join(MEET, MEET.c.id == ATTENDEE.c.meeting_id)
            .where(
                ATTENDEE.c.contact_id.in_(part),
                MEET.c.deleted_at.is_(None),
                MEET.c.confidential.is_(False),
                MEET.c.starts_at <= at,
            )
            .group_by(ATTENDEE.c.contact_id)
        ).all():
            day = _when(starts)
            if day is not None:
                out[int(cid)] = day
    return out


def _when(starts: Any) -> dt.date | None:
    if starts is None:
        return None
    if not isinstance(starts, dt.datetime):
        starts = dt.datetime.fromisoformat(str(starts))
    return meeting_day(starts)


def recount(
    session: Session,
    contact_ids: Iterable[int],
    *,
    actor: str = "",
    group_id: str = "",
    batch_id: int | None = None,
    op: str = "update",
) -> list[int]:
    """Count each (live) contact's "Last contacted" again: the later of the date a sheet or a
    person gave (:func:`recorded`) and the latest meeting that counts (:func:`held`). Moves it
    forward or back; returns the ids of the contacts changed."""
    ids = sorted(set(contact_ids))
    if not ids:
        return []
    current: dict[int, dt.date | None] = {}
    for part in chunked(ids):
        for i, d in session.execute(
            select(CON.c.id, CON.c.last_contacted_on)
            .where(CON.c.id.in_(part), CON.c.deleted_at.is_(None))
            .with_for_update()
        ).all():
            current[int(i)] = d
    if not current:
        return []
    floor = recorded(session, current)
    met = held(session, current)
    moves: dict[int, tuple[dt.date | None, dt.date | None]] = {}
    for i, now in current.items():
        days = [d for d in (floor.get(i), met.get(i)) if d is not None]
        want = max(days) if days else None
        if want != now:
            moves[i] = (now, want)
    return _write(session, moves, actor, group_id, batch_id, op)


def _expire(session: Session, ids: list[int]) -> None:
    """Contacts this session already holds (a person created with the meeting) read afresh."""
    changed = set(ids)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, m.Contact) and obj.id in changed:
            session.expire(obj)


def _through(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _watch(session: Session, starts_at: dt.datetime) -> None:
    """A meeting still to come that starts at or before the mark (a clock set back, a colleague's
    clock behind this one's): the mark goes back to just before it, so that it is applied once
    it has started."""
    row = session.get(m.Setting, THROUGH_KEY)
    since = _through(row.value) if row is not None else None
    if row is not None and since is not None and starts_at <= since:
        row.value = (starts_at - dt.timedelta(microseconds=1)).isoformat()


SET_BACK = dt.timedelta(hours=1)
"""A mark further ahead of now than this was set while the clock was ahead (a wrong date on the
computer, set right since: reviewer h118, one command under 29/02/2028 moved five people to the
meetings of 11/12 and 19/12/2026, and back at 07/12/2026 nothing moved them back). Less is a
colleague's clock a little ahead of this one's on a team database: left as it is."""


def _moved_ahead(session: Session, at: dt.datetime, since: dt.datetime) -> list[int]:
    """The contacts a run with the clock ahead moved to a day still to come: attendees of a
    meeting that counts, starting after now and up to the mark, whose date is after today."""
    return sorted(
        int(i)
        for (i,) in session.execute(
            select(CON.c.id)
            .distinct()
            .join(ATTENDEE, ATTENDEE.c.contact_id == CON.c.id)
            .join(MEET, MEET.c.id == ATTENDEE.c.meeting_id)
            .where(
                MEET.c.starts_at > at,
                MEET.c.starts_at <= since,
                MEET.c.deleted_at.is_(None),
                CON.c.deleted_at.is_(None),
                CON.c.last_contacted_on > at.date(),
            )
        ).all()
    )


def _passed(since: dt.datetime | None, at: dt.datetime) -> Any:
    """The meetings that count and started after ``since`` (every one when None), up to ``at``."""
    cond = and_(MEET.c.starts_at <= at, MEET.c.deleted_at.is_(None), MEET.c.confidential.is_(False))
    return cond if since is None else and_(cond, MEET.c.starts_at > since)


def due(session: Session, at: dt.datetime | None = None) -> bool:
    """Whether a meeting started since :func:`catch_up` last ran (up to ``at``, default now) has
    an attendee whose date it would move (one query on the index of ``meeting.starts_at``;
    nothing to write otherwise, so a command that is refused writes nothing)."""
    row = session.get(m.Setting, THROUGH_KEY)
    since = _through(row.value) if row is not None else None
    at = at if at is not None else clock.now()
    if since is not None and since - at > SET_BACK:
        return True  # (the mark itself comes back to now, whatever else there is to do)
    if since is not None and since >= at:
        return False
    older = or_(CON.c.last_contacted_on.is_(None), CON.c.last_contacted_on < func.date(MEET.c.starts_at))
    found = session.execute(
        select(MEET.c.id)
        .join(ATTENDEE, ATTENDEE.c.meeting_id == MEET.c.id)
        .join(CON, CON.c.id == ATTENDEE.c.contact_id)
        .where(_passed(since, at), CON.c.deleted_at.is_(None), older)
        .limit(1)
    ).first()
    return found is not None


def catch_up(session: Session, *, actor: str = "") -> list[int]:
    """Apply the meetings started since the last run (see the module's notes): each attendee's
    date moves forward to the day of the latest of them, never back, its history row in the name
    of whoever last saved that meeting (``actor`` when its history names no one). Returns the ids
    of the contacts changed; running it again changes nothing."""
    at = clock.now()
    mark = session.get(m.Setting, THROUGH_KEY, with_for_update=True)
    since = _through(mark.value) if mark is not None else None
    if since is not None and since - at > SET_BACK:  # the mark was set with the clock ahead
        assert mark is not None
        taken_back = recount(session, _moved_ahead(session, at, since), actor=actor)
        mark.value = at.isoformat()  # (what starts from now on is applied as it starts)
        session.flush()
        return taken_back
    if since is not None and since >= at:
        return []  # a colleague's clock a little ahead: what started up to the mark is applied
    latest: dict[int, tuple[dt.datetime, int]] = {}  # contact -> (start, meeting) of the latest
    for cid, mid, starts in session.execute(
        select(ATTENDEE.c.contact_id, MEET.c.id, MEET.c.starts_at)
        .join(MEET, MEET.c.id == ATTENDEE.c.meeting_id)
        .where(_passed(since, at))
    ).all():
        when = starts if isinstance(starts, dt.datetime) else dt.datetime.fromisoformat(str(starts))
        if int(cid) not in latest or (when, int(mid)) > latest[int(cid)]:
            latest[int(cid)] = (when, int(mid))
    moves: dict[int, tuple[dt.date | None, dt.date | None]] = {}
    for part in chunked(sorted(latest)):
        for i, d in session.execute(
            select(CON.c.id, CON.c.last_contacted_on)
            .where(CON.c.id.in_(part), CON.c.deleted_at.is_(None))
            .with_for_update()
        ).all():
            day = latest[int(i)][0].date()
            if d is None or d < day:
                moves[int(i)] = (d, day)
    by = _saved_by(session, {latest[i][1] for i in moves})
    per_actor: dict[str, dict[int, tuple[dt.date | None, dt.date | None]]] = {}
    for i, move in moves.items():
        per_actor.setdefault(by.get(latest[i][1]) or actor, {})[i] = move
    changed: list[int] = []
    for who, some in sorted(per_actor.items()):
        changed += _write(session, some, who, "", None, "update")
    if mark is None:
        session.add(m.Setting(key=THROUGH_KEY, value=at.isoformat()))
    else:
        mark.value = at.isoformat()
    session.flush()
    return sorted(changed)


def _saved_by(session: Session, meeting_ids: set[int]) -> dict[int, str]:
    """Who last saved each meeting, as its history says."""
    out: dict[int, str] = {}
    for part in chunked(sorted(meeting_ids)):
        for mid, who in session.execute(
            select(CHANGE.c.entity_id, CHANGE.c.actor)
            .where(CHANGE.c.entity == "meeting", CHANGE.c.entity_id.in_(part))
            .order_by(CHANGE.c.id)
        ).all():
            out[int(mid)] = str(who or "")
    return out


CATCH_UP_WAIT_S = 2.0
"""How long :func:`catch_up_database` waits for another writer: it is done again soon anyway."""


def catch_up_database(engine: Any, *, actor: str = "") -> list[int]:
    """:func:`catch_up` in a unit of work of its own, only when a meeting has started since the
    last run (a read first: nothing is written, no lock taken, most of the time). Not on a
    database opened read-only."""
    if read_only_reason(engine) is not None:
        return []
    at = clock.now()
    with read_session(engine) as s:
        unmarked = s.get(m.Setting, THROUGH_KEY) is None
        if not due(s, at):
            if unmarked:
                _first_mark(engine, at)
            return []
    with unit_of_work(engine, wait_s=CATCH_UP_WAIT_S) as s:
        return catch_up(s, actor=actor)


def _first_mark(engine: Any, at: dt.datetime) -> None:
    """Store the mark on a database that has none (every one made before it existed, a new
    demo) when no meeting started up to ``at`` would move a date: what :func:`catch_up` would
    write, without its reading every meeting again. Without it each check read every meeting
    held and its attendees (about 220 ms at 100k contacts, at every command and every minute
    of the window) until a meeting first moved one; with it, only those started since. A
    meeting saved meanwhile that had started by ``at`` moved its attendees in its own save."""
    with unit_of_work(engine, wait_s=CATCH_UP_WAIT_S) as s:
        if s.get(m.Setting, THROUGH_KEY, with_for_update=True) is None:
            s.add(m.Setting(key=THROUGH_KEY, value=at.isoformat()))


def catch_up_quietly(engine: Any) -> list[int]:
    """:func:`catch_up_database` where it is a side errand (a window opening, a command that
    reads): a database another writer holds, a team login that may not write, a file that
    cannot be written leave the dates as they are for the next one to apply."""
    try:
        return catch_up_database(engine)
    except (UserError, SQLAlchemyError) as exc:
        log.info("meetings since started not applied to last contacted: %s", exc)
        return []
