"""List queries for the record views: filter, sort and page in SQL, build rows for a page of ids.

A list view never loads a table: it asks :func:`ids` for every id of the result in the chosen
order (one query that walks an index; the window runs it off the UI thread, after the first
screen's ``limit``-ed walk), and :func:`rows` for the display values of the ids it is about to
paint (the Anki browser's pattern). Every sortable column (:data:`SORTABLE`) is a column of the
list's own table with an index led by ``deleted_at`` (the contacts' organisation through the
``org_sort_key`` that triggers keep), with the id as a tie-breaker: no query sorts the table
and none skips rows with OFFSET. The quick filter is a prefix match on the FTS index.

Plain Python: no Qt here. Display labels are keys; the UI translates them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, and_, case, func, literal_column, or_, select
from sqlalchemy.orm import Session

from app.changes import Changes
from app.validation import phone_display
from app.vntext import fold, query_words
from db import kinds
from db.models import OPEN_STATUSES
from db.queries import fts_filter, staff_people
from db.tables import (
    ACT,
    ATTENDEE,
    CON,
    CON_TAG,
    MEET,
    MEET_ORG,
    METHOD,
    ORG,
    ORG_SECTOR,
    ORG_TAG,
    SECTOR,
    STAFF,
    TAG,
)

ENTITIES = kinds.RECORD_KINDS
_TABLES: dict[str, Table] = {k: kinds.table(k) for k in ENTITIES}

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
    words = query_words(query_text)
    return fts_filter(session, _TABLES[entity], words) if words else None


def _in_sector(col: ColumnElement[Any], sector_id: int) -> ColumnElement[bool]:
    sub = select(ORG_SECTOR.c.organisation_id).where(ORG_SECTOR.c.sector_id == sector_id)
    return col.in_(sub)


def _conditions(session: Session, q: ListQuery) -> list[ColumnElement[bool]]:
    t = _TABLES[q.entity]
    conds: list[ColumnElement[bool]] = [t.c.deleted_at.is_(None)]
    fts = fts_condition(session, q.entity, q.text) if q.text else None
    if fts is not None:
        conds.append(fts)
    if q.entity == "organisation":
        if q.kind:
            conds.append(ORG.c.kind == q.kind)
        if q.sector_id is not None:
            conds.append(_in_sector(ORG.c.id, q.sector_id))
        if q.tag_id is not None:
            tagged = select(ORG_TAG.c.organisation_id).where(ORG_TAG.c.tag_id == q.tag_id)
            conds.append(ORG.c.id.in_(tagged))
        if q.owner_id is not None:
            conds.append(ORG.c.owner_id == q.owner_id)
        if q.organisation_id is not None:
            conds.append(ORG.c.parent_id == q.organisation_id)
    elif q.entity == "contact":
        if q.organisation_id is not None:
            conds.append(CON.c.organisation_id == q.organisation_id)
        if q.kind:
            conds.append(CON.c.organisation_id.in_(select(ORG.c.id).where(ORG.c.kind == q.kind)))
        if q.sector_id is not None:
            conds.append(_in_sector(CON.c.organisation_id, q.sector_id))
        if q.tag_id is not None:
            tagged = select(CON_TAG.c.contact_id).where(CON_TAG.c.tag_id == q.tag_id)
            conds.append(CON.c.id.in_(tagged))
        if q.owner_id is not None:
            conds.append(CON.c.owner_id == q.owner_id)
    elif q.entity == "meeting":
        if q.kind:
            conds.append(MEET.c.kind == q.kind)
        if q.owner_id is not None:
            conds.append(MEET.c.owner_id == q.owner_id)
        if q.organisation_id is not None:
            met = select(MEET_ORG.c.meeting_id).where(MEET_ORG.c.organisation_id == q.organisation_id)
            conds.append(MEET.c.id.in_(met))
        if q.due_from is not None:
            conds.append(MEET.c.starts_at >= dt.datetime.combine(q.due_from, dt.time()))
        if q.due_to is not None:
            end = dt.datetime.combine(q.due_to + dt.timedelta(days=1), dt.time())
            conds.append(MEET.c.starts_at < end)
    else:
        conds.extend(_action_conditions(q))
    return conds


def _action_conditions(q: ListQuery) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if q.kind:
        conds.append(ACT.c.kind == q.kind)
    if q.status == "open":
        conds.append(ACT.c.status.in_(OPEN_STATUSES))
    elif q.status:
        conds.append(ACT.c.status == q.status)
    if q.direction:
        conds.append(ACT.c.direction == q.direction)
    if q.owner_id is not None:
        conds.append(ACT.c.responsible_staff_id == q.owner_id)
    if q.organisation_id is not None:
        conds.append(ACT.c.organisation_id == q.organisation_id)
    if q.due_from is not None:
        conds.append(ACT.c.due_date >= q.due_from)
    if q.due_to is not None:
        conds.append(ACT.c.due_date <= q.due_to)
    if q.overdue_on is not None:
        conds.append(ACT.c.status.in_(OPEN_STATUSES))
        conds.append(ACT.c.due_date < q.overdue_on)
    if q.sector_id is not None:
        conds.append(_in_sector(ACT.c.organisation_id, q.sector_id))
    return conds


# --- ordering ---------------------------------------------------------------------------------

# The columns a list sorts by, each the list table's own column with an index led by
# ``deleted_at`` (db.models: ``ix_<table>_live_sort`` and LIST_SORT_INDEXES): the ids come out
# of the index in order, never from sorting the table. A value shown from another table has a
# key on the row that triggers keep (migrations 0011, 0012: ``*_sort_key``). An organisation's
# sectors (a list of values) do not sort; asking for a column not named here sorts by the
# list's default.
SORTABLE: dict[str, dict[str, str]] = {
    "organisation": {
        "name": "sort_key",
        "acronym": "acronym",
        "kind": "kind",
        "city": "city",
        "owner": "owner_sort_key",
    },
    "contact": {
        "name": "sort_key",
        "position": "position",
        "organisation": "org_sort_key",
        "email": "email_sort_key",
        "phone": "phone_sort_key",
    },
    "meeting": {
        "starts_at": "starts_at",
        "title": "title",
        "kind": "kind",
        "organisations": "org_sort_key",
        "location": "location",
    },
    "action": {
        "due_date": "due_date",
        "title": "title",
        "direction": "direction",
        "status": "status",
        "responsible": "responsible_sort_key",
        "organisation": "org_sort_key",
    },
}
# Columns that may be NULL: their rows come after the others whichever the direction.
_NULLABLE = frozenset(
    {
        "org_sort_key",
        "due_date",
        "owner_sort_key",
        "email_sort_key",
        "phone_sort_key",
        "responsible_sort_key",
    }
)


def sortable(entity: str, column: str) -> bool:
    return column in SORTABLE.get(entity, {})


def sort_column(q: ListQuery) -> str:
    """The list column ``q`` is sorted by (its default when ``q.sort`` does not sort)."""
    return q.sort_column if sortable(q.entity, q.sort_column) else DEFAULT_SORT[q.entity][0]


def id_statements(session: Session, q: ListQuery) -> list[Select[Any]]:
    """The statements whose results, one after the other, are ``q``'s ids in order.

    One statement, or two when the sort column can be NULL (the rows with a value, then those
    without, each walking an index: ``NULLS LAST`` would make SQLite sort the table).
    """
    t = _TABLES[q.entity]
    key = t.c[SORTABLE[q.entity][sort_column(q)]]
    conds = _conditions(session, q)
    order = (key.desc(), t.c.id.desc()) if q.descending else (key.asc(), t.c.id.asc())
    if key.name not in _NULLABLE:
        return [select(t.c.id).where(*conds).order_by(*order)]
    id_order = t.c.id.desc() if q.descending else t.c.id.asc()
    return [
        select(t.c.id).where(*conds, key.is_not(None)).order_by(*order),
        select(t.c.id).where(*conds, key.is_(None)).order_by(id_order),
    ]


def ids(session: Session, q: ListQuery, *, limit: int | None = None) -> list[int]:
    """Every id of ``q``'s result in order (or the first ``limit``): one index walk, no OFFSET."""
    out: list[int] = []
    for stmt in id_statements(session, q):
        if limit is not None and len(out) >= limit:
            break
        bounded = stmt if limit is None else stmt.limit(limit - len(out))
        out.extend(session.execute(bounded).scalars())
    return out


def holds(session: Session, q: ListQuery, record_id: int) -> bool:
    """Whether ``q``'s result has ``record_id``: one row by its key (a record just saved that the
    list's filters may leave out)."""
    t = _TABLES[q.entity]
    stmt = select(t.c.id).where(t.c.id == record_id, *_conditions(session, q)).limit(1)
    return session.execute(stmt).first() is not None


def count(session: Session, q: ListQuery) -> int:
    t = _TABLES[q.entity]
    stmt = select(func.count()).select_from(t).where(*_conditions(session, q))
    return int(session.execute(stmt).scalar_one())


def page_ids(session: Session, q: ListQuery, *, offset: int = 0, limit: int = 200) -> list[int]:
    """The ids from ``offset`` to ``offset + limit`` in the list's order (for the CLI and
    presets; the window reads :func:`ids`). The index walk stops at the end of the page."""
    return ids(session, q, limit=offset + limit)[offset:]


# --- after a change ---------------------------------------------------------------------------

# The fields (kind, field) a sortable column's order follows.
_SORT_FIELDS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "organisation": {
        "name": (("organisation", "name"),),
        "owner": (("organisation", "owner_id"), ("staff", "name")),
    },
    "contact": {
        "name": tuple(("contact", f) for f in ("full_name", "family_name", "middle_name", "given_name")),
        "organisation": (("contact", "organisation_id"), ("organisation", "name")),
        "email": (("contact", "emails"),),
        "phone": (("contact", "phones"),),
    },
    "meeting": {
        "organisations": (("meeting", "organisation_ids"), ("organisation", "name")),
    },
    "action": {
        "responsible": (
            ("action", "responsible_staff_id"),
            ("action", "responsible_contact_id"),
            ("staff", "name"),
            ("contact", "full_name"),
        ),
        "organisation": (("action", "organisation_id"), ("organisation", "name")),
    },
}
# The other kinds whose values a list's rows show (names of organisations, staff, people).
SHOWS: dict[str, frozenset[str]] = {
    "organisation": frozenset({"staff"}),
    "contact": frozenset({"organisation"}),
    "meeting": frozenset({"organisation"}),
    "action": frozenset({"organisation", "staff", "contact"}),
}


def _filter_fields(q: ListQuery) -> list[tuple[str, str]]:
    """The fields (kind, field) that decide whether a record is in ``q``'s result."""
    e = q.entity
    own_org = "parent_id" if e == "organisation" else "organisation_id"
    out: list[tuple[str, str]] = []
    if q.kind:
        out += [(e, "organisation_id"), ("organisation", "kind")] if e == "contact" else [(e, "kind")]
    if q.sector_id is not None:
        out += [(e, "sectors")] if e == "organisation" else [(e, own_org), ("organisation", "sectors")]
    if q.tag_id is not None:
        out.append((e, "tags"))
    if q.owner_id is not None:
        out.append((e, "responsible_staff_id" if e == "action" else "owner_id"))
    if q.organisation_id is not None:
        out.append((e, "organisation_ids" if e == "meeting" else own_org))
    if q.status or q.overdue_on is not None:
        out.append((e, "status"))
    if q.direction:
        out.append((e, "direction"))
    if q.due_from is not None or q.due_to is not None or q.overdue_on is not None:
        out.append((e, "starts_at" if e == "meeting" else "due_date"))
    return out


def affects_result(q: ListQuery, changes: Changes) -> bool:
    """Whether ``changes`` can move records in or out of ``q``'s result or reorder it, so that
    the id query must run again (else marking the touched rows stale is enough)."""
    e = q.entity
    if changes.everything or e in changes.membership:
        return True
    if q.text and changes.changed_any(e):  # the folded search text follows many fields
        return True
    column = sort_column(q)
    order = _SORT_FIELDS.get(e, {}).get(column, ((e, column),))
    return any(changes.changed(kind, [name]) for kind, name in (*order, *_filter_fields(q)))


def stale_rows(entity: str, changes: Changes) -> frozenset[int] | None:
    """The rows of a list of ``entity`` that must be read again: these ids, or ``None`` for
    every row (a record they show by name changed, or the change is not known)."""
    if changes.everything or any(changes.touches(k) for k in SHOWS.get(entity, ())):
        return None
    return frozenset(changes.ids.get(entity, ()))


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
            ORG.c.id,
            ORG.c.name,
            ORG.c.acronym,
            ORG.c.kind,
            ORG.c.city,
            STAFF.c.name.label("owner"),
            ORG.c.deleted_at,
            ORG.c.confidential,
        )
        .outerjoin(STAFF, STAFF.c.id == ORG.c.owner_id)
        .where(ORG.c.id.in_(ids))
    )
    out = {int(r.id): {**r._asdict(), "sectors": ""} for r in session.execute(stmt)}
    sectors: dict[int, list[str]] = {}
    sstmt = (
        select(ORG_SECTOR.c.organisation_id, SECTOR.c.name)
        .join(SECTOR, SECTOR.c.id == ORG_SECTOR.c.sector_id)
        .where(ORG_SECTOR.c.organisation_id.in_(ids))
        .order_by(SECTOR.c.name)
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
            CON.c.id,
            CON.c.full_name.label("name"),
            CON.c.honorific,
            CON.c.position,
            CON.c.organisation_id,
            ORG.c.name.label("organisation"),
            ORG.c.deleted_at.is_not(None).label("organisation_in_trash"),  # (the list marks it)
            CON.c.deleted_at,
            CON.c.confidential,
        )
        .outerjoin(ORG, ORG.c.id == CON.c.organisation_id)
        .where(CON.c.id.in_(ids))
    )
    out = {int(r.id): {**r._asdict(), "email": "", "phone": ""} for r in session.execute(stmt)}
    mstmt = (
        select(METHOD.c.contact_id, METHOD.c.kind, METHOD.c.value)
        .where(METHOD.c.contact_id.in_(ids))
        .order_by(METHOD.c.contact_id, METHOD.c.position)
    )
    for cid, kind, value in session.execute(mstmt):
        row = out.get(int(cid))
        if row is not None and kind in ("email", "phone") and not row[kind]:
            row[kind] = phone_display(value) if kind == "phone" else value  # one way to write it
            if kind == "phone":
                row["phone_e164"] = value  # for scripts (ketnoi list --json)
    return out


def _meeting_rows(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    stmt = select(
        MEET.c.id,
        MEET.c.title,
        MEET.c.starts_at,
        MEET.c.kind,
        MEET.c.location,
        MEET.c.deleted_at,
        MEET.c.confidential,
    ).where(MEET.c.id.in_(ids))
    out = {int(r.id): {**r._asdict(), "organisations": "", "attendees": 0} for r in session.execute(stmt)}
    ostmt = (
        select(MEET_ORG.c.meeting_id, ORG.c.name, ORG.c.acronym, ORG.c.deleted_at)
        .join(ORG, ORG.c.id == MEET_ORG.c.organisation_id)
        .where(MEET_ORG.c.meeting_id.in_(ids))
        .order_by(ORG.c.sort_key)
    )
    names: dict[int, list[str]] = {}
    trashed: dict[int, list[str]] = {}  # (the list marks these "in the trash")
    for mid, name, acronym, deleted_at in session.execute(ostmt):
        names.setdefault(int(mid), []).append(acronym or name)
        if deleted_at is not None:
            trashed.setdefault(int(mid), []).append(acronym or name)
    for mid, ns in names.items():
        if mid in out:
            out[mid]["organisations"] = ", ".join(ns)
            out[mid]["organisation_names"] = ns
            out[mid]["organisations_in_trash"] = trashed.get(mid, [])
    astmt = (
        select(ATTENDEE.c.meeting_id, func.count())
        .where(ATTENDEE.c.meeting_id.in_(ids))
        .group_by(ATTENDEE.c.meeting_id)
    )
    for mid, n in session.execute(astmt):
        if int(mid) in out:
            out[int(mid)]["attendees"] = int(n)
    return out


def action_select() -> Select[Any]:
    """The columns an action row shows, joined to its people, organisation and meeting."""
    staff = STAFF.alias()
    person = CON.alias()
    org = ORG.alias()
    return (
        select(
            ACT.c.id,
            ACT.c.title,
            ACT.c.kind,
            ACT.c.direction,
            ACT.c.status,
            ACT.c.priority,
            ACT.c.due_date,
            ACT.c.completed_on,
            ACT.c.organisation_id,
            ACT.c.meeting_id,
            ACT.c.responsible_staff_id,
            ACT.c.responsible_contact_id,
            ACT.c.version,
            ACT.c.deleted_at,
            ACT.c.confidential,
            func.coalesce(staff.c.name, person.c.full_name, "").label("responsible"),
            func.coalesce(func.nullif(org.c.acronym, ""), org.c.name, "").label("organisation"),
            org.c.deleted_at.is_not(None).label("organisation_in_trash"),  # (the list marks it)
        )
        .outerjoin(staff, staff.c.id == ACT.c.responsible_staff_id)
        .outerjoin(person, person.c.id == ACT.c.responsible_contact_id)
        .outerjoin(org, org.c.id == ACT.c.organisation_id)
    )


def _action_rows(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    stmt = action_select().where(ACT.c.id.in_(ids))
    return {int(r.id): dict(r._asdict()) for r in session.execute(stmt)}


# --- choices for the filter bar ------------------------------------------------------------------


def filter_choices(session: Session) -> dict[str, list[tuple[int, str]]]:
    """Sectors, tags and staff for the filter combo boxes (small vocabularies)."""
    return {
        "sector": [
            (int(i), n)
            for i, n in session.execute(select(SECTOR.c.id, SECTOR.c.name).order_by(SECTOR.c.folded))
        ],
        "tag": [(int(i), n) for i, n in session.execute(select(TAG.c.id, TAG.c.name).order_by(TAG.c.folded))],
        "staff": [
            (int(i), n)
            for i, n in session.execute(
                select(STAFF.c.id, STAFF.c.name)
                .where(STAFF.c.deleted_at.is_(None), STAFF.c.active == True)  # noqa: E712
                .where(staff_people(session, STAFF))  # not the team database owner's login
                .order_by(STAFF.c.name)
            )
        ],
    }


def choices_may_change(changes: Changes) -> bool:
    """Whether a write can have changed what :func:`filter_choices` offers: a new sector or tag
    comes with a record created or its sectors or tags edited (an import, a save, an undo), a
    staff member with the staff list; a change not known in detail may have done anything."""
    if changes.everything or changes.touches("staff"):
        return True
    return any(changes.changed(kind, ("sectors", "tags")) for kind in ("organisation", "contact", "action"))


def find_contacts(
    session: Session, query_text: str, *, limit: int = 12, first_organisations: Collection[int] = ()
) -> list[dict[str, Any]]:
    """Contacts for a type-ahead: folded prefix words over the search index, by given name; with
    the position and first e-mail that tell two people of the same name apart.

    The people of ``first_organisations`` (Log meeting: the meeting's organisations) come first,
    then the others, each in the usual order (reviewer: with Genetica chosen, "giang" offered
    "Đỗ Ngọc Giang — Anti-Scam" first and Enter added her, not Hồ Đức Giang of Genetica)."""
    cond = fts_condition(session, "contact", query_text)
    if cond is None:
        return []
    order: list[Any] = [CON.c.sort_key, CON.c.id]
    if first_organisations:
        theirs = case((CON.c.organisation_id.in_(_with_units(first_organisations)), 0), else_=1)
        order.insert(0, theirs)
    stmt = (
        select(
            CON.c.id,
            CON.c.full_name,
            CON.c.position,
            CON.c.email_sort_key.label("email"),  # the first e-mail (kept by triggers, 0012)
            ORG.c.name.label("organisation"),
            CON.c.organisation_id,
        )
        .outerjoin(ORG, ORG.c.id == CON.c.organisation_id)
        .where(and_(cond, CON.c.deleted_at.is_(None)))
        .order_by(*order)
        .limit(limit)
    )
    return [dict(r._asdict()) for r in session.execute(stmt)]


UNIT_DEPTH = 4  # a ministry, its departments, their divisions, …: within reason


def _with_units(org_ids: Collection[int]) -> Any:
    """A select of ``org_ids`` and their units (children, recursively, ``UNIT_DEPTH`` levels
    down, deleted ones left out): one recursive query, as SQLite and PostgreSQL both run it."""
    ids = sorted(set(org_ids))
    units = (
        select(ORG.c.id, literal_column("0").label("depth"))
        .where(ORG.c.id.in_(ids))
        .cte("units", recursive=True)
    )
    units = units.union_all(
        select(ORG.c.id, (units.c.depth + 1).label("depth")).where(
            ORG.c.parent_id == units.c.id, ORG.c.deleted_at.is_(None), units.c.depth < UNIT_DEPTH
        )
    )
    return select(units.c.id)


def find_organisations(session: Session, query_text: str, *, limit: int = 12) -> list[dict[str, Any]]:
    """Organisations for a type-ahead (name words or the acronym's start); with the city and the
    parent's acronym or name that tell two of the same name apart (each ministry's "Phòng Hợp
    tác quốc tế")."""
    cond = fts_condition(session, "organisation", query_text)
    words = query_words(query_text)
    if cond is None:
        return []
    acr = ORG.c.acronym.ilike(words[0] + "%") if len(words) == 1 else None
    where = or_(cond, acr) if acr is not None else cond
    parent = ORG.alias("parent")
    stmt = (
        select(
            ORG.c.id,
            ORG.c.name,
            ORG.c.acronym,
            ORG.c.city,
            parent.c.name.label("parent"),
            parent.c.acronym.label("parent_acronym"),
        )
        .outerjoin(parent, parent.c.id == ORG.c.parent_id)
        .where(and_(where, ORG.c.deleted_at.is_(None)))
        .order_by(ORG.c.sort_key, ORG.c.id)
        .limit(limit)
    )
    return [dict(r._asdict()) for r in session.execute(stmt)]


def staff_list(session: Session) -> list[tuple[int, str]]:
    return filter_choices(session)["staff"]


def find_staff(session: Session, text: str) -> list[tuple[int, str]]:
    """Our staff whose name has a word starting with each word typed, accents optional
    ("tran minh q", "quan"): the Log meeting dialog's "Our staff" suggestions."""
    typed = fold(text).split()
    return [
        (i, name)
        for i, name in staff_list(session)
        if typed and all(any(w.startswith(t) for w in fold(name).split()) for t in typed)
    ]
