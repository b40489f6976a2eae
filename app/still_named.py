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
    names = {
        int(i): str(n)
        for i, n in session.execute(
            select(ORG.c.id, ORG.c.name).where(ORG.c.id.in_(ids), ORG.c.deleted_at.is_(None))
        )
    }
    counts = {
        "contact": select(func.count())
        .select_from(CON)
        .where(CON.c.organisation_id.in_(ids), CON.c.deleted_at.is_(None)),
        "meeting": select(func.count(func.distinct(MEET_ORG.c.meeting_id)))
        .select_from(MEET_ORG.join(MEET, MEET.c.id == MEET_ORG.c.meeting_id))
        .where(MEET_ORG.c.organisation_id.in_(ids), MEET.c.deleted_at.is_(None)),
        "action": select(func.count())
        .select_from(ACT)
        .where(ACT.c.organisation_id.in_(ids), ACT.c.deleted_at.is_(None)),
        "department": select(func.count())
        .select_from(ORG)
        .where(ORG.c.parent_id.in_(ids), ORG.c.deleted_at.is_(None), ORG.c.id.not_in(ids)),
    }
    return StillNamed(names, {k: int(session.execute(q).scalar() or 0) for k, q in counts.items()})
