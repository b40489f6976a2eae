"""What still names an organisation about to be deleted: its live contacts, meetings, actions
and departments (reviewer h149: one Del put Genetica in the trash, with 5 people, a meeting and
3 actions still pointing to it, and nothing was asked). The window asks once, saying these
counts; a contact or an action alone stays a one-key delete, undone from the status bar.

    with read_session(engine) as s:
        still_named(s, [genetica])  # StillNamed({7: "Genetica"}, {"contact": 5, "meeting": 1, "action": 3})

A few indexed counts (each table's organisation key), read off the UI thread by the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.queries import chunked
from db.tables import ACT, CON, MEET, MEET_ORG, ORG

KINDS = ("contact", "meeting", "action", "department")
"""The kinds counted, in the order the question names them."""


@dataclass(frozen=True)
class StillNamed:
    names: dict[int, str]  # the live organisations asked about, by id
    counts: dict[str, int] = field(default_factory=dict)  # kind (KINDS) → live records naming them

    @property
    def any(self) -> bool:
        return any(self.counts.values())


def still_named(session: Session, organisation_ids: Sequence[int]) -> StillNamed:
    """The live records naming any of ``organisation_ids`` (departments being deleted with them
    not counted), and the names of those still live."""
    ids = sorted(set(organisation_ids))
    if not ids:
        return StillNamed({})
    names: dict[int, str] = {}
    counts = dict.fromkeys(KINDS, 0)
    meetings: set[int] = set()
    departments: set[int] = set()
    for part in chunked(ids):  # (a select-all of thousands: each IN within the server's limits)
        names.update(
            (int(i), str(n))
            for i, n in session.execute(
                select(ORG.c.id, ORG.c.name).where(ORG.c.id.in_(part), ORG.c.deleted_at.is_(None))
            )
        )
        for kind, table in (("contact", CON), ("action", ACT)):
            counts[kind] += int(
                session.execute(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.organisation_id.in_(part), table.c.deleted_at.is_(None))
                ).scalar()
                or 0
            )
        meetings.update(  # (a meeting of two of them once)
            int(i)
            for i in session.execute(
                select(MEET_ORG.c.meeting_id)
                .join(MEET, MEET.c.id == MEET_ORG.c.meeting_id)
                .where(MEET_ORG.c.organisation_id.in_(part), MEET.c.deleted_at.is_(None))
            ).scalars()
        )
        departments.update(
            int(i)
            for i in session.execute(
                select(ORG.c.id).where(ORG.c.parent_id.in_(part), ORG.c.deleted_at.is_(None))
            ).scalars()
        )
    counts["meeting"] = len(meetings)
    counts["department"] = len(departments - set(ids))  # (those deleted with them not counted)
    return StillNamed(names, counts)
