"""List queries for the record views: filter, sort and page in SQL, build rows for a page of ids.

A list view never loads a table: it asks :func:`count` for the size, :func:`page_ids` for one
page of ids in the chosen order, and :func:`rows` for the display values of the ids it is
about to paint (the Anki browser's pattern). Sorting is an ``ORDER BY`` over an indexed
expression (``sort_key`` for people and organisations, ``due_date``, ``starts_at``…) with the
id as a tie-breaker, so a page is stable; the quick filter is a prefix match on the FTS index.

Plain Python: no Qt here. Display labels are keys; the UI translates them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from app.vntext import fold_words
from db.models import (
    OPEN_STATUSES,
    Action,
    Contact,
    ContactMethod,
    ContactTag,
    Meeting,
    MeetingAttendee,
    MeetingOrganisation,
    Organisation,
    OrganisationSector,
    OrganisationTag,
    Sector,
    Staff,
    Tag,
)

ENTITIES = ("organisation", "contact", "meeting", "action")
_TABLES: dict[str, Any] = {
    "organisation": Organisation,
    "contact": Contact,
    "meeting": Meeting,
    "action": Action,
}

# Columns each list shows, in order; the first is the default sort.
COLUMNS: dict[str, tuple[str, ...]] = {
    "organisation": ("name", "acronym", "kind", "sectors", "city", "owner"),
    "contact": ("name", "position", "organisation", "email", "phone"),
    "meeting": ("starts_at", "title", "kind", "organisations", "location"),
    "action": ("due_date", "title", "direction", "status", "responsible", "organisation"),
}
DEFAULT_SORT: dict[str, tuple[str, bool]] = {
    "organisation": ("name", False),
    "contact": ("name", False),
    "meeting": ("starts_at", True),
    "action": ("due_date", False),
}


@dataclass(frozen=True)
class ListQuery:
    """What a list shows: the entity, its filters and its order. Immutable; use ``with_``."""

    entity: str
    text: str = ""
    kind: str | None = None
    sector_id: int | None = None
    tag_id: int | None = None
    owner_id: int | None = None
    organisation_id: int | None = None
    status: str | None = None  # an action status, or "open" for every open one
    direction: str | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    overdue_on: dt.date | None = None  # open actions due before this day
    sort: str = ""
    descending: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_(self, **changes: Any) -> ListQuery:
        return replace(self, **changes)

    @property
    def sort_column(self) -> str:
        return self.sort or DEFAULT_SORT[self.entity][0]


def default_query(entity: str) -> ListQuery:
    if entity not in _TABLES:
        raise ValueError(f"unknown list entity {entity!r}")
    col, desc = DEFAULT_SORT[entity]
    status = "open" if entity == "action" else None
    return ListQuery(entity=entity, sort=col, descending=desc, status=status)


# --- filtering -------------------------------------------------------------------------------


def fts_condition(session: Session, entity: str, query_text: str) -> ColumnElement[bool] | None:
    """A condition on ``<table>.id`` for records whose folded text has words starting so."""
    words = fold_words(query_text)
    if not words:
        return None
    table = _TABLES[entity]
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        sub = text(f"SELECT rowid FROM fts_{entity} WHERE fts_{entity} MATCH :m").bindparams(
            m=match
        )
        return table.id.in_(sub.columns())  # type: ignore[no-any-return]
    tsq = " & ".join(f"{w}:*" for w in words)
    return func.to_tsvector("simple", table.search_text).op("@@")(  # type: ignore[no-any-return]
        func.to_tsquery("simple", tsq)
    )


def _conditions(session: Session, q: ListQuery) -> list[ColumnElement[bool]]:
    t = _TABLES[q.entity]
    conds: list[ColumnElement[bool]] = [t.deleted_at.is_(None)]
    fts = fts_condition(session, q.entity, q.text) if q.text else None
    if fts is not None:
        conds.append(fts)
    if q.entity == "organisation":
        if q.kind:
            conds.append(Organisation.kind == q.kind)
        if q.sector_id is not None:
            conds.append(
                Organisation.id.in_(  # type: ignore[union-attr]
                    select(OrganisationSector.organisation_id).where(
                        OrganisationSector.sector_id == q.sector_id
                    )
                )
            )
        if q.tag_id is not None:
            conds.append(
                Organisation.id.in_(  # type: ignore[union-attr]
                    select(OrganisationTag.organisation_id).where(OrganisationTag.tag_id == q.tag_id)
                )
            )
        if q.owner_id is not None:
            conds.append(Organisation.owner_id == q.owner_id)
        if q.organisation_id is not None:
            conds.append(Organisation.parent_id == q.organisation_id)
    elif q.entity == "contact":
        if q.organisation_id is not None:
            conds.append(Contact.organisation_id == q.organisation_id)
        if q.kind:
            conds.append(
                Contact.organisation_id.in_(  # type: ignore[union-attr]
                    select(Organisation.id).where(Organisation.kind == q.kind)
                )
            )
        if q.sector_id is not None:
            conds.append(
                Contact.organisation_id.in_(  # type: ignore[union-attr]
                    select(OrganisationSector.organisation_id).where(
                        OrganisationSector.sector_id == q.sector_id
                    )
                )
            )
        if q.tag_id is not None:
            conds.append(
                Contact.id.in_(  # type: ignore[union-attr]
                    select(ContactTag.contact_id).where(ContactTag.tag_id == q.tag_id)
                )
            )
        if q.owner_id is not None:
            conds.append(Contact.owner_id == q.owner_id)
    elif q.entity == "meeting":
        if q.kind:
            conds.append(Meeting.kind == q.kind)
        if q.owner_id is not None:
            conds.append(Meeting.owner_id == q.owner_id)
        if q.organisation_id is not None:
            conds.append(
                Meeting.id.in_(  # type: ignore[union-attr]
                    select(MeetingOrganisation.meeting_id).where(
                        MeetingOrganisation.organisation_id == q.organisation_id
                    )
                )
            )
        if q.due_from is not None:
            conds.append(Meeting.starts_at >= dt.datetime.combine(q.due_from, dt.time()))
        if q.due_to is not None:
            end = dt.datetime.combine(q.due_to + dt.timedelta(days=1), dt.time())
            conds.append(Meeting.starts_at < end)
    else:
        conds.extend(_action_conditions(q))
    return conds


def _action_conditions(q: ListQuery) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if q.kind:
        conds.append(Action.kind == q.kind)
    if q.status == "open":
        conds.append(Action.status.in_(OPEN_STATUSES))  # type: ignore[attr-defined]
    elif q.status:
        conds.append(Action.status == q.status)
    if q.direction:
        conds.append(Action.direction == q.direction)
    if q.owner_id is not None:
        conds.append(Action.responsible_staff_id == q.owner_id)
    if q.organisation_id is not None:
        conds.append(Action.organisation_id == q.organisation_id)
    if q.due_from is not None:
        conds.append(Action.due_date >= q.due_from)  # type: ignore[operator]
    if q.due_to is not None:
        conds.append(Action.due_date <= q.due_to)  # type: ignore[operator]
    if q.overdue_on is not None:
        conds.append(Action.status.in_(OPEN_STATUSES))  # type: ignore[attr-defined]
        conds.append(Action.due_date < q.overdue_on)  # type: ignore[operator]
    if q.sector_id is not None:
        conds.append(
            Action.organisation_id.in_(  # type: ignore[union-attr]
                select(OrganisationSector.organisation_id).where(
                    OrganisationSector.sector_id == q.sector_id
                )
            )
        )
    return conds


# --- ordering ---------------------------------------------------------------------------------


def _ordered(stmt: Select[Any], q: ListQuery) -> Select[Any]:
    """Apply the ORDER BY for ``q.sort_column``; joins what the sort needs."""
    t = _TABLES[q.entity]
    col = q.sort_column
    expr: Any
    if q.entity == "organisation":
        if col == "owner":
            stmt = stmt.outerjoin(Staff, Staff.id == Organisation.owner_id)
            expr = Staff.name
        else:
            expr = {
                "acronym": Organisation.acronym,
                "kind": Organisation.kind,
                "city": Organisation.city,
                "updated_at": Organisation.updated_at,
            }.get(col, Organisation.sort_key)
    elif q.entity == "contact":
        if col == "organisation":
            org = aliased(Organisation)
            stmt = stmt.outerjoin(org, org.id == Contact.organisation_id)
            expr = org.sort_key
        else:
            expr = {
                "position": Contact.position,
                "updated_at": Contact.updated_at,
            }.get(col, Contact.sort_key)
    elif q.entity == "meeting":
        expr = {
            "title": Meeting.title,
            "kind": Meeting.kind,
            "location": Meeting.location,
        }.get(col, Meeting.starts_at)
    else:
        if col == "organisation":
            org = aliased(Organisation)
            stmt = stmt.outerjoin(org, org.id == Action.organisation_id)
            expr = org.sort_key
        elif col == "responsible":
            staff = aliased(Staff)
            stmt = stmt.outerjoin(staff, staff.id == Action.responsible_staff_id)
            expr = staff.name
        else:
            expr = {
                "title": Action.title,
                "direction": Action.direction,
                "status": Action.status,
                "priority": Action.priority,
            }.get(col, Action.due_date)
    if q.descending:
        return stmt.order_by(expr.desc().nulls_last(), t.id.desc())
    return stmt.order_by(expr.asc().nulls_last(), t.id.asc())


def count(session: Session, q: ListQuery) -> int:
    t = _TABLES[q.entity]
    stmt = select(func.count()).select_from(t).where(*_conditions(session, q))
    return int(session.execute(stmt).scalar_one())


def page_ids(session: Session, q: ListQuery, *, offset: int = 0, limit: int = 200) -> list[int]:
    """One page of ids in the list's order."""
    t = _TABLES[q.entity]
    stmt = _ordered(select(t.id).where(*_conditions(session, q)), q)
    stmt = stmt.offset(offset).limit(limit)
    return [int(i) for i in session.execute(stmt).scalars()]


# --- rows --------------------------------------------------------------------------------------


def rows(session: Session, entity: str, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Display values for ``ids`` (one small query per related table, never per row)."""
    if not ids:
        return {}
    builder = {
        "organisation": _organisation_rows,
        "contact": _contact_rows,
        "meeting": _meeting_rows,
        "action": _action_rows,
    }[entity]
    return builder(session, list(ids))


def _organisation_rows(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    stmt = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.acronym,
            Organisation.kind,
            Organisation.city,
            Staff.name.label("owner"),  # type: ignore[attr-defined]
            Organisation.deleted_at,
        )
        .outerjoin(Staff, Staff.id == Organisation.owner_id)
        .where(Organisation.id.in_(ids))  # type: ignore[union-attr]
    )
    out = {int(r.id): {**r._asdict(), "sectors": ""} for r in session.execute(stmt)}
    sectors: dict[int, list[str]] = {}
    sstmt = (
        select(OrganisationSector.organisation_id, Sector.name)
        .join(Sector, Sector.id == OrganisationSector.sector_id)
        .where(OrganisationSector.organisation_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(Sector.name)
    )
    for oid, name in session.execute(sstmt):
        sectors.setdefault(int(oid), []).append(name)
    for oid, names in sectors.items():
        if oid in out:
            out[oid]["sectors"] = ", ".join(names)
    return out


def _contact_rows(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    stmt = (
        select(
            Contact.id,
            Contact.full_name.label("name"),  # type: ignore[attr-defined]
            Contact.honorific,
            Contact.position,
            Contact.organisation_id,
            Organisation.name.label("organisation"),  # type: ignore[attr-defined]
            Contact.deleted_at,
        )
        .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
        .where(Contact.id.in_(ids))  # type: ignore[union-attr]
    )
    out = {int(r.id): {**r._asdict(), "email": "", "phone": ""} for r in session.execute(stmt)}
    mstmt = (
        select(ContactMethod.contact_id, ContactMethod.kind, ContactMethod.value)
        .where(ContactMethod.contact_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(ContactMethod.contact_id, ContactMethod.position)
    )
    for cid, kind, value in session.execute(mstmt):
        row = out.get(int(cid))
        if row is not None and kind in ("email", "phone") and not row[kind]:
            row[kind] = value
    return out


def _meeting_rows(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    stmt = select(
        Meeting.id,
        Meeting.title,
        Meeting.starts_at,
        Meeting.kind,
        Meeting.location,
        Meeting.deleted_at,
    ).where(Meeting.id.in_(ids))  # type: ignore[union-attr]
    out = {
        int(r.id): {**r._asdict(), "organisations": "", "attendees": 0}
        for r in session.execute(stmt)
    }
    ostmt = (
        select(MeetingOrganisation.meeting_id, Organisation.name, Organisation.acronym)
        .join(Organisation, Organisation.id == MeetingOrganisation.organisation_id)
        .where(MeetingOrganisation.meeting_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(Organisation.sort_key)
    )
    names: dict[int, list[str]] = {}
    for mid, name, acronym in session.execute(ostmt):
        names.setdefault(int(mid), []).append(acronym or name)
    for mid, ns in names.items():
        if mid in out:
            out[mid]["organisations"] = ", ".join(ns)
    astmt = (
        select(MeetingAttendee.meeting_id, func.count())
        .where(MeetingAttendee.meeting_id.in_(ids))  # type: ignore[attr-defined]
        .group_by(MeetingAttendee.meeting_id)
    )
    for mid, n in session.execute(astmt):
        if int(mid) in out:
            out[int(mid)]["attendees"] = int(n)
    return out


def action_select() -> Select[Any]:
    """The columns an action row shows, joined to its people, organisation and meeting."""
    staff = aliased(Staff)
    person = aliased(Contact)
    org = aliased(Organisation)
    return (
        select(
            Action.id,
            Action.title,
            Action.kind,
            Action.direction,
            Action.status,
            Action.priority,
            Action.due_date,
            Action.completed_on,
            Action.organisation_id,
            Action.meeting_id,
            Action.responsible_staff_id,
            Action.responsible_contact_id,
            Action.version,
            Action.deleted_at,
            func.coalesce(staff.name, person.full_name, "").label("responsible"),
            func.coalesce(func.nullif(org.acronym, ""), org.name, "").label("organisation"),
        )
        .outerjoin(staff, staff.id == Action.responsible_staff_id)
        .outerjoin(person, person.id == Action.responsible_contact_id)
        .outerjoin(org, org.id == Action.organisation_id)
    )


def _action_rows(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    stmt = action_select().where(Action.id.in_(ids))  # type: ignore[union-attr]
    return {int(r.id): dict(r._asdict()) for r in session.execute(stmt)}


# --- choices for the filter bar ------------------------------------------------------------------


def filter_choices(session: Session) -> dict[str, list[tuple[int, str]]]:
    """Sectors, tags and staff for the filter combo boxes (small vocabularies)."""
    return {
        "sector": [(int(i), n) for i, n in session.execute(select(Sector.id, Sector.name).order_by(Sector.folded))],
        "tag": [(int(i), n) for i, n in session.execute(select(Tag.id, Tag.name).order_by(Tag.folded))],
        "staff": [
            (int(i), n)
            for i, n in session.execute(
                select(Staff.id, Staff.name)
                .where(Staff.deleted_at.is_(None), Staff.active == True)  # type: ignore[union-attr] # noqa: E712
                .order_by(Staff.name)
            )
        ],
    }


def find_contacts(session: Session, query_text: str, *, limit: int = 12) -> list[dict[str, Any]]:
    """Contacts for a type-ahead: folded prefix words over the search index, by given name."""
    cond = fts_condition(session, "contact", query_text)
    if cond is None:
        return []
    stmt = (
        select(
            Contact.id,
            Contact.full_name,
            Contact.position,
            Organisation.name.label("organisation"),  # type: ignore[attr-defined]
            Contact.organisation_id,
        )
        .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
        .where(and_(cond, Contact.deleted_at.is_(None)))  # type: ignore[union-attr]
        .order_by(Contact.sort_key, Contact.id)
        .limit(limit)
    )
    return [dict(r._asdict()) for r in session.execute(stmt)]


def find_organisations(session: Session, query_text: str, *, limit: int = 12) -> list[dict[str, Any]]:
    cond = fts_condition(session, "organisation", query_text)
    words = fold_words(query_text)
    if cond is None:
        return []
    acr = Organisation.acronym.ilike(words[0] + "%") if len(words) == 1 else None  # type: ignore[attr-defined]
    where = or_(cond, acr) if acr is not None else cond
    stmt = (
        select(Organisation.id, Organisation.name, Organisation.acronym)
        .where(and_(where, Organisation.deleted_at.is_(None)))  # type: ignore[union-attr]
        .order_by(Organisation.sort_key, Organisation.id)
        .limit(limit)
    )
    return [dict(r._asdict()) for r in session.execute(stmt)]


def staff_list(session: Session) -> list[tuple[int, str]]:
    return filter_choices(session)["staff"]
