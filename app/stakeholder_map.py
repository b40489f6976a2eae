"""The data behind the stakeholder map: influence × interest, Mendelow's four quadrants.

Each point is an organisation (or a contact) placed by its ratings (1–5), sized by how many
meetings it had in the last ``months`` months and coloured by sector. A rating of 3 or more
counts as high ("when in doubt, pay attention"); the grid's dividing line sits at 2.5.

Re-rating a point (dragging it) goes through :func:`rate`, an ordinary versioned save with
history under its own group id, so the Edit menu can undo it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Table, func, select, union
from sqlmodel import Session

from app import records
from app.errors import LastSave
from app.reorg import still_active
from app.vntext import fold
from db import clock
from db.tables import ATTENDEE, CHANGE, CON, CON_TAG, MEET, MEET_ORG, ORG, ORG_SECTOR, ORG_TAG, SECTOR, TAG

HIGH = 3  # a rating at or above this is high
MANAGE_CLOSELY = "manage_closely"
KEEP_SATISFIED = "keep_satisfied"
KEEP_INFORMED = "keep_informed"
MONITOR = "monitor"
UNRATED = "unrated"


@dataclass(frozen=True, slots=True)
class MapPoint:
    id: int
    label: str
    influence: int | None
    interest: int | None
    meetings_recent: int
    sector: str  # the first sector by name ("" when none): the colour
    quadrant: str
    entity: str = "organisation"
    version: int = 1  # what rate() expects back
    short_label: str = ""  # an organisation's acronym, when it has one ("NIC")

    @property
    def caption(self) -> str:
        """What the map writes beside the dot: the acronym if any, else the name."""
        return self.short_label or self.label


@dataclass(frozen=True, slots=True)
class Rated:
    version: int
    group_id: str
    # a colleague's save since the map was drawn, to other fields, kept with the drag's: who
    # (:attr:`app.records.Edited.saved`), for the window to say so as the record form does
    merged: bool = False
    saved: LastSave | None = None


def quadrant(influence: int | None, interest: int | None) -> str:
    if influence is None or interest is None:
        return UNRATED
    if influence >= HIGH:
        return MANAGE_CLOSELY if interest >= HIGH else KEEP_SATISFIED
    return KEEP_INFORMED if interest >= HIGH else MONITOR


def _months_back(today: dt.date, months: int) -> dt.date:
    year, month0 = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, calendar.monthrange(year, month0 + 1)[1])
    return dt.date(year, month0 + 1, day)


def _ids_with(
    session: Session, link: Table, owner: str, named: Table, named_col: str, names: Iterable[str]
) -> set[int]:
    keys = [fold(n) for n in names if fold(n)]
    rows = session.execute(
        select(link.c[owner]).join(named, named.c.id == link.c[named_col]).where(named.c.folded.in_(keys))
    ).scalars()
    return {int(i) for i in rows}


def stakeholder_points(
    session: Session,
    *,
    level: str = "organisation",
    sectors: Iterable[str] | None = None,
    tags: Iterable[str] | None = None,
    months: int = 12,
    include_unrated: bool = False,
    today: dt.date | None = None,
) -> list[MapPoint]:
    """Points for the map, most met first. ``sectors`` and ``tags`` filter (any of them)."""
    if level not in ("organisation", "contact"):
        raise ValueError("level is 'organisation' or 'contact'")
    today = today or clock.today()
    since = dt.datetime.combine(_months_back(today, months), dt.time())
    until = dt.datetime.combine(today + dt.timedelta(days=1), dt.time())
    table = ORG if level == "organisation" else CON
    label_col = ORG.c.name if level == "organisation" else CON.c.full_name
    query = select(table.c.id, label_col, table.c.influence, table.c.interest, table.c.version).where(
        table.c.deleted_at.is_(None)
    )
    if not include_unrated:
        query = query.where(table.c.influence.is_not(None), table.c.interest.is_not(None))
    if level == "organisation":  # one merged or renamed away is no longer a stakeholder to rate
        query = query.where(still_active(ORG.c.id))
    org_of = CON.c.organisation_id if level == "contact" else ORG.c.id
    if level == "contact":
        query = query.add_columns(CON.c.organisation_id)
    else:
        query = query.add_columns(ORG.c.acronym)
    if sectors:
        wanted = _ids_with(session, ORG_SECTOR, "organisation_id", SECTOR, "sector_id", sectors)
        query = query.where(org_of.in_(wanted))
    if tags:
        if level == "organisation":
            query = query.where(
                ORG.c.id.in_(_ids_with(session, ORG_TAG, "organisation_id", TAG, "tag_id", tags))
            )
        else:
            query = query.where(CON.c.id.in_(_ids_with(session, CON_TAG, "contact_id", TAG, "tag_id", tags)))
    rows = session.execute(query).all()
    if not rows:
        return []
    ids = [int(r[0]) for r in rows]
    counts = _recent_meetings(session, level, ids, since, until)
    org_ids = {int(r[5]) for r in rows if r[5] is not None} if level == "contact" else set(ids)
    sector_of = _first_sectors(session, org_ids)
    points = []
    for r in rows:
        org_id = r[5] if level == "contact" else r[0]
        points.append(
            MapPoint(
                id=int(r[0]),
                label=r[1],
                influence=r[2],
                interest=r[3],
                meetings_recent=counts.get(int(r[0]), 0),
                sector=sector_of.get(org_id, "") if org_id is not None else "",
                quadrant=quadrant(r[2], r[3]),
                entity=level,
                version=int(r[4]),
                short_label=(r[5] or "") if level == "organisation" else "",
            )
        )
    points.sort(key=lambda p: (-p.meetings_recent, p.label))
    return points


def _recent_meetings(
    session: Session, level: str, ids: list[int], since: dt.datetime, until: dt.datetime
) -> dict[int, int]:
    live = select(MEET.c.id).where(
        MEET.c.deleted_at.is_(None), MEET.c.starts_at >= since, MEET.c.starts_at < until
    )
    if level == "contact":
        pairs = select(ATTENDEE.c.contact_id.label("owner"), ATTENDEE.c.meeting_id.label("meeting")).where(
            ATTENDEE.c.meeting_id.in_(live)
        )
    else:  # meetings with the organisation, or attended by its people
        direct = select(
            MEET_ORG.c.organisation_id.label("owner"), MEET_ORG.c.meeting_id.label("meeting")
        ).where(MEET_ORG.c.meeting_id.in_(live))
        via_people = (
            select(CON.c.organisation_id.label("owner"), ATTENDEE.c.meeting_id.label("meeting"))
            .join(CON, CON.c.id == ATTENDEE.c.contact_id)
            .where(ATTENDEE.c.meeting_id.in_(live), CON.c.organisation_id.is_not(None))
        )
        pairs = union(direct, via_people)  # type: ignore[assignment]
    sub = pairs.subquery()
    rows = session.execute(
        select(sub.c.owner, func.count(func.distinct(sub.c.meeting))).group_by(sub.c.owner)
    ).all()
    wanted = set(ids)
    return {int(o): int(n) for o, n in rows if o is not None and int(o) in wanted}


def _first_sectors(session: Session, org_ids: set[int]) -> dict[int, str]:
    if not org_ids:
        return {}
    rows = session.execute(
        select(ORG_SECTOR.c.organisation_id, SECTOR.c.name)
        .join(SECTOR, SECTOR.c.id == ORG_SECTOR.c.sector_id)
        .order_by(ORG_SECTOR.c.organisation_id, SECTOR.c.folded)
    ).all()
    out: dict[int, str] = {}
    for oid, name in rows:
        if oid in org_ids:
            out.setdefault(int(oid), name)
    return out


def rate(
    session: Session,
    entity: str,
    entity_id: int,
    influence: int | None,
    interest: int | None,
    expected_version: int | None,
    actor: str = "",
    *,
    shown: tuple[int | None, int | None] | None = None,
) -> Rated:
    """Save new ratings (a drag on the map); undoable as one group. Raises ConflictError when
    the record was saved by someone else since ``expected_version``.

    ``shown`` (the influence and interest the map showed at that version): only the ratings
    the drag changed are written, merged with a save since to anything else — a note, or the
    other rating (:func:`app.records.update_edited`); a conflict only when someone else changed
    the same rating."""
    if entity not in ("organisation", "contact"):
        raise ValueError("only organisations and contacts are rated")
    group = records.new_group_id()
    if shown is not None and expected_version is not None:
        base = {"version": expected_version, "influence": shown[0], "interest": shown[1]}
        moved = {
            k: x
            for k, x, was in (("influence", influence, shown[0]), ("interest", interest, shown[1]))
            if x != was
        }
        edited = records.update_edited(
            session, entity, entity_id, moved, base=base, actor=actor, group_id=group
        )
        written = session.execute(select(CHANGE.c.id).where(CHANGE.c.group_id == group).limit(1)).first()
        return Rated(edited.version, group if written else "", edited.merged, edited.saved)
    version = records.update(
        session,
        entity,
        entity_id,
        {"influence": influence, "interest": interest},
        expected_version=expected_version,
        actor=actor,
        group_id=group,
    )
    written = session.execute(select(CHANGE.c.id).where(CHANGE.c.group_id == group).limit(1)).first()
    return Rated(version, group if written else "")
