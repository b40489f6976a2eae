"""last contacted: every contact's date counted again once, by the rule that now keeps it

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 09:50:00

Since session 8 a change that can lower a contact's "Last contacted" (a meeting moved to an
earlier day, an attendee taken off, a meeting deleted, made confidential, a merge) counts it
again (``app/contacted.py``). Before that only a new meeting moved it, and forward: dates made
wrong by those changes are still in databases in use, and the briefs and the contact's page
say them (an organisation's "Last met" too, read from its people) until one of the person's
meetings is saved again. This counts every live contact once, by that rule: the later of the
date a sheet or a person gave (the last value of the field written outside a meeting's save,
else the value before the first meeting moved it, else, with no history of the field, the date
as it is) and the day of the latest meeting they attended that counts (held by now, live, not
confidential).

The rule is written out here rather than imported (a migration stays as it was written; db
never imports app). Each date changed is recorded in the contact's history with the actor
"Ketnoi upgrade 0016" and no change group, as 0015's take-backs: such a row is read as a
meeting's (never a floor a later recount keeps) and is offered by no Undo, which would put the
wrong date back. One transaction on both databases (SQLite: ``BEGIN IMMEDIATE`` before the first
read, so no other writer slips between the reading and the writing); the contacts are read,
the meetings grouped and the history scanned once each, and only the dates that change are
written, grouped by their new day (100,000 contacts, 17,698 dates corrected: 3.2 s on SQLite on
a 2-core machine under a load of 10, tests/benchmarks/bench_recount_upgrade.py). A second run
finds nothing to do. Downgrading changes nothing back.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from db import clock

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The office's zone, written out (a migration stays as written): a meeting's start is the office's
# wall-clock time, whatever the zone of the machine that upgrades (h144; the laptop's zone before,
# which only an aware start, never stored so, would have met).
OFFICE = ZoneInfo("Asia/Ho_Chi_Minh")

ACTOR = "Ketnoi upgrade 0016"
FIELD = "last_contacted_on"
CHUNK = 500
GIVEN_OP = "import_given"
"""app.contacted.GIVEN_OP: an import's row of a date a sheet gave, a floor even in a group that
holds meetings' changes (a workbook with a contacts sheet and a meetings sheet is one import).
No database at 0015 holds such a row (rows before it have op "import" and are read as they
were); it is read here too so that this count stays the application's rule, written out."""

CHANGE = sa.table(
    "change",
    sa.column("id", sa.Integer),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.Integer),
    sa.column("op", sa.String),
    sa.column("field", sa.String),
    sa.column("old", sa.JSON),
    sa.column("new", sa.JSON),
    sa.column("at", sa.DateTime),
    sa.column("actor", sa.String),
    sa.column("group_id", sa.String),
)
CONTACT = sa.table(
    "contact",
    sa.column("id", sa.Integer),
    sa.column("last_contacted_on", sa.Date),
    sa.column("deleted_at", sa.DateTime),
    sa.column("version", sa.Integer),
    sa.column("updated_at", sa.DateTime),
)
MEETING = sa.table(
    "meeting",
    sa.column("id", sa.Integer),
    sa.column("starts_at", sa.DateTime),
    sa.column("deleted_at", sa.DateTime),
    sa.column("confidential", sa.Boolean),
)
ATTENDEE = sa.table(
    "meeting_attendee", sa.column("meeting_id", sa.Integer), sa.column("contact_id", sa.Integer)
)


def _day(value: Any) -> dt.date | None:
    """A date from a history row's JSON or a column (a string on SQLite)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _held(starts: Any) -> dt.date | None:
    """The day of a meeting's start (stored naive, the office's wall clock; aware ones made so)."""
    if starts is None:
        return None
    at = starts if isinstance(starts, dt.datetime) else dt.datetime.fromisoformat(str(starts))
    if at.tzinfo is not None:
        at = at.astimezone(OFFICE).replace(tzinfo=None)
    return at.date()


def _current(conn: sa.Connection) -> dict[int, dt.date | None]:
    """Every live contact's date as it is (locked for this transaction on PostgreSQL)."""
    lock = " FOR UPDATE" if conn.dialect.name == "postgresql" else ""  # (SQLite: BEGIN IMMEDIATE)
    rows = conn.exec_driver_sql(  # (the driver's rows: a third of the time of SQLAlchemy's at 100k)
        f"SELECT id, last_contacted_on FROM contact WHERE deleted_at IS NULL{lock}"
    ).fetchall()
    return {int(i): _day(d) for i, d in rows}


def _met(conn: sa.Connection, now: dt.datetime) -> dict[int, dt.date]:
    """The day of the latest meeting each contact attended that counts."""
    out: dict[int, dt.date] = {}
    for cid, starts in conn.execute(
        sa.select(ATTENDEE.c.contact_id, sa.func.max(MEETING.c.starts_at))
        .join(MEETING, MEETING.c.id == ATTENDEE.c.meeting_id)
        .where(
            MEETING.c.deleted_at.is_(None),
            MEETING.c.confidential.is_(False),
            MEETING.c.starts_at <= now,
        )
        .group_by(ATTENDEE.c.contact_id)
    ).all():
        day = _held(starts)
        if day is not None:
            out[int(cid)] = day
    return out


def _floors(conn: sa.Connection, current: dict[int, dt.date | None]) -> dict[int, dt.date | None]:
    """The date a sheet or a person gave each contact (``current`` where the field has no
    history): a row is a meeting's when it has no group or its group holds a change of a
    meeting (a save, its undo or redo, a meeting import), unless it is a sheet's date
    (:data:`GIVEN_OP`)."""
    other = CHANGE.alias("meeting_change")
    by_meeting = sa.and_(
        CHANGE.c.op != GIVEN_OP,
        sa.or_(
            CHANGE.c.group_id == "",
            sa.select(other.c.id)
            .where(other.c.group_id == CHANGE.c.group_id, other.c.entity == "meeting")
            .exists(),
        ),
    )
    out = dict(current)
    seen: set[int] = set()
    for cid, old, new, meeting in conn.execute(
        sa.select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new, by_meeting)
        .where(CHANGE.c.entity == "contact", CHANGE.c.field == FIELD)
        .order_by(CHANGE.c.id)
    ):
        c = int(cid)
        if c not in current:
            continue
        if c not in seen:
            seen.add(c)
            out[c] = _day(old)
        if not meeting:
            out[c] = _day(new)
    return out


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def upgrade() -> None:
    conn = op.get_bind()
    raw = conn.connection.driver_connection
    if isinstance(raw, sqlite3.Connection) and not raw.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the reads and the writes are one transaction
    now, at = clock.now(), clock.utcnow()
    current = _current(conn)
    if not current:
        return
    met = _met(conn, now)
    floor = _floors(conn, current)
    moves: dict[int, tuple[dt.date | None, dt.date | None]] = {}
    for cid, day in current.items():
        days = [d for d in (floor.get(cid), met.get(cid)) if d is not None]
        want = max(days) if days else None
        if want != day:
            moves[cid] = (day, want)
    if not moves:
        return
    by_day: dict[dt.date | None, list[int]] = {}
    for cid in sorted(moves):
        by_day.setdefault(moves[cid][1], []).append(cid)
    # one statement, compiled once, per day and 500 contacts (PostgreSQL's live-update trigger
    # fires per statement: not one per contact)
    write = (
        sa.update(CONTACT)
        .where(CONTACT.c.id.in_(sa.bindparam("ids", expanding=True)))
        .values(
            {
                FIELD: sa.bindparam("new_day", type_=sa.Date),
                "version": CONTACT.c.version + 1,
                "updated_at": sa.bindparam("stamp", type_=sa.DateTime),
            }
        )
    )
    for day, ids in by_day.items():
        for part in _chunks(ids):
            conn.execute(write, {"ids": part, "new_day": day, "stamp": at})
    history: list[dict[str, Any]] = [
        {
            "entity": "contact",
            "entity_id": cid,
            "op": "update",
            "field": FIELD,
            "old": old.isoformat() if old is not None else None,
            "new": new.isoformat() if new is not None else None,
            "at": at,
            "actor": ACTOR,
            "group_id": "",
        }
        for cid, (old, new) in sorted(moves.items())
    ]
    for start in range(0, len(history), 5000):
        conn.execute(sa.insert(CHANGE), history[start : start + 5000])


def downgrade() -> None:
    """Nothing to put back: the dates changed were wrong."""
