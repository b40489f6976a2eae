"""last contacted: the dates confidential meetings gave before they stopped giving any

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 07:10:00

A contact's "Last contacted" is shared with everyone who sees the contact (a reader on a team
database too), so since session 7 a confidential meeting no longer moves it
(``app/contacted.py``). Dates such a meeting moved before that change are still there, telling
a reader that a meeting they may not see took place, and when. This takes them back, once, by
the rule the application now follows: each contact whose date was last set by a save of a
confidential (live) meeting, and still holds that day, gets the date from before that meeting's
latest unbroken run of changes to it (its moves and any take-back already made), or
the day of the latest other non-confidential meeting they attended that has taken place, if
later. A date a sheet or a person set since is left alone.

The rule is written out here rather than imported (a migration stays as it was written). Each
date taken back is recorded in the contact's history (actor "Ketnoi upgrade 0015", no change
group: it is not offered as a step to undo, which would show the date again). Nothing is done
on a database without confidential meetings. Downgrading changes nothing back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from db import clock

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The office's zone, written out (a migration stays as written): a meeting's start is the office's
# wall-clock time, whatever the zone of the machine that upgrades (h144; the laptop's zone before,
# which only an aware start, never stored so, would have met).
OFFICE = ZoneInfo("Asia/Ho_Chi_Minh")

ACTOR = "Ketnoi upgrade 0015"
FIELD = "last_contacted_on"
CHUNK = 500

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


def _held(starts: dt.datetime | None, now: dt.datetime) -> dt.date | None:
    if starts is None:
        return None
    if starts.tzinfo is not None:
        starts = starts.astimezone(OFFICE).replace(tzinfo=None)
    return starts.date() if starts <= now else None


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _take_back(conn: sa.Connection, meeting_id: int, now: dt.datetime, at: dt.datetime) -> None:
    saves = sa.select(CHANGE.c.group_id).where(
        CHANGE.c.entity == "meeting", CHANGE.c.entity_id == meeting_id, CHANGE.c.group_id != ""
    )
    touched = sa.select(CHANGE.c.entity_id).where(
        CHANGE.c.entity == "contact", CHANGE.c.field == FIELD, CHANGE.c.group_id.in_(saves)
    )
    current: dict[int, dt.date] = {
        int(i): d
        for i, d in conn.execute(
            sa.select(CONTACT.c.id, CONTACT.c.last_contacted_on).where(
                CONTACT.c.id.in_(touched),
                CONTACT.c.deleted_at.is_(None),
                CONTACT.c.last_contacted_on.is_not(None),
            )
        ).all()
    }
    moved: dict[int, str | None] = {}
    for part in _chunks(sorted(current)):
        rows = conn.execute(
            sa.select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new, CHANGE.c.group_id.in_(saves))
            .where(CHANGE.c.entity == "contact", CHANGE.c.entity_id.in_(part), CHANGE.c.field == FIELD)
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
    other: dict[int, dt.date] = {}
    for part in _chunks(sorted(moved)):
        for cid, starts in conn.execute(
            sa.select(ATTENDEE.c.contact_id, MEETING.c.starts_at)
            .join(MEETING, MEETING.c.id == ATTENDEE.c.meeting_id)
            .where(
                ATTENDEE.c.contact_id.in_(part),
                MEETING.c.id != meeting_id,
                MEETING.c.deleted_at.is_(None),
                MEETING.c.confidential.is_(False),
            )
        ).all():
            held = _held(starts, now)
            if held is not None and (int(cid) not in other or held > other[int(cid)]):
                other[int(cid)] = held
    history: list[dict[str, Any]] = []
    for cid, old in sorted(moved.items()):
        day = current[cid]
        back = dt.date.fromisoformat(old) if old else None
        if cid in other and (back is None or other[cid] > back):
            back = other[cid]
        if back == day:
            continue
        conn.execute(
            sa.update(CONTACT)
            .where(CONTACT.c.id == cid, CONTACT.c.last_contacted_on == day)
            .values({FIELD: back, "version": CONTACT.c.version + 1, "updated_at": at})
        )
        history.append(
            {
                "entity": "contact",
                "entity_id": cid,
                "op": "update",
                "field": FIELD,
                "old": day.isoformat(),
                "new": back.isoformat() if back is not None else None,
                "at": at,
                "actor": ACTOR,
                "group_id": "",
            }
        )
    if history:
        conn.execute(sa.insert(CHANGE), history)


def upgrade() -> None:
    conn = op.get_bind()
    now, at = clock.now(), clock.utcnow()
    confidential = conn.execute(
        sa.select(MEETING.c.id)
        .where(MEETING.c.confidential.is_(True), MEETING.c.deleted_at.is_(None))
        .order_by(MEETING.c.id)
    ).scalars()
    for meeting_id in list(confidential):
        _take_back(conn, int(meeting_id), now, at)


def downgrade() -> None:
    """Nothing to put back: the dates taken back told what they should not have."""
