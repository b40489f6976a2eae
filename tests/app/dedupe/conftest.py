"""Helpers for the duplicates / merge / undo / bulk edit / map tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import records
from db import clock
from db import models as m

# What an undo gives back exactly; version and updated_at move on (an undo is a new change).
MOVING = {"version", "updated_at"}


def record_state(session: Session, entity: str, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Full snapshots (relations included) without the counters that only move forward."""
    out = {}
    for i in ids:
        snap = records.snapshot(session, entity, i, include_deleted=True)
        out[i] = {k: v for k, v in snap.items() if k not in MOVING}
    return out


def link_state(session: Session) -> dict[str, Any]:
    """Every link a merge may move, as plain sorted data."""
    return {
        "attendees": sorted(
            (r.meeting_id, r.contact_id, r.role) for r in session.execute(select(m.MeetingAttendee)).scalars()
        ),
        "meeting_orgs": sorted(
            (r.meeting_id, r.organisation_id)
            for r in session.execute(select(m.MeetingOrganisation)).scalars()
        ),
        "actions": sorted(
            (a.id, a.responsible_contact_id, a.organisation_id, a.deleted_at is None)
            for a in session.execute(select(m.Action)).scalars()
        ),
        "contacts": sorted(
            (c.id, c.organisation_id, c.deleted_at is None)
            for c in session.execute(select(m.Contact)).scalars()
        ),
        "orgs": sorted(
            (o.id, o.parent_id, o.deleted_at is None)
            for o in session.execute(select(m.Organisation)).scalars()
        ),
        "methods": sorted(
            (c.contact_id, c.kind, c.value, c.position)
            for c in session.execute(select(m.ContactMethod)).scalars()
        ),
        "contact_tags": sorted(
            (t.contact_id, t.tag_id) for t in session.execute(select(m.ContactTag)).scalars()
        ),
    }


def meeting(
    session: Session, title: str, contacts: list[int], orgs: list[int] = (), days_ago: int = 10
) -> int:  # type: ignore[assignment]
    when = dt.datetime.combine(clock.today() - dt.timedelta(days=days_ago), dt.time(9))
    return records.create(
        session,
        "meeting",
        {
            "title": title,
            "starts_at": when,
            "attendees": [{"contact_id": c, "role": "participant"} for c in contacts],
            "organisation_ids": list(orgs),
        },
    )
