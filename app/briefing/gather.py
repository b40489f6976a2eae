"""Gather the data of a brief from the database into plain dataclasses.

Every function here issues a fixed number of queries whatever the size of the history: rows
are fetched in bulk with ``IN (…)`` lists and counted with ``GROUP BY`` in SQL, never one
query per meeting. Soft-deleted rows (``deleted_at`` set) are left out everywhere, except
that the role history names an organisation even if it has been deleted since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, extract, func, or_, select, union
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.briefing.data import (
    ActionRow,
    ContactBrief,
    MeetingPrepBrief,
    MeetingRow,
    MonthCount,
    NewContactRow,
    OrganisationBrief,
    OverdueGroup,
    PeriodDigest,
    PersonRow,
    RelationshipSummary,
    RoleChange,
    StakeholderPoint,
)
from app.briefing.lookup import BriefNotFound, find_contact, find_organisation
from db import models as m
from db.models import OPEN_STATUSES

# SQLModel types a table's attributes as Python values (int, str…); queries need them as
# column expressions. Typing the tables as Any here keeps the SQL readable (no col() around
# every column) at the cost of mypy not checking column names in this module.
Action: Any = m.Action
Change: Any = m.Change
Contact: Any = m.Contact
ContactMethod: Any = m.ContactMethod
Meeting: Any = m.Meeting
MeetingAttendee: Any = m.MeetingAttendee
MeetingOrganisation: Any = m.MeetingOrganisation
MeetingStaff: Any = m.MeetingStaff
Organisation: Any = m.Organisation
OrganisationSector: Any = m.OrganisationSector
Sector: Any = m.Sector
Staff: Any = m.Staff

__all__ = [
    "BriefNotFound",
    "find_contact",
    "find_organisation",
    "gather_contact",
    "gather_digest",
    "gather_meeting",
    "gather_organisation",
]

RECENT_MEETINGS = 8
PEOPLE_LIMIT = 40


def _rows(session: Session, stmt: Any) -> Sequence[Any]:
    return session.connection().execute(stmt).all()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _day_end(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` (meetings are stored as naive wall-clock times)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def _chunks(ids: Sequence[int], size: int = 900) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


# --- shared pieces --------------------------------------------------------------------------


def _names(session: Session, model: Any, ids: Iterable[int | None], *, live: bool = True) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    out: dict[int, str] = {}
    col = model.full_name if model is Contact else model.name
    for part in _chunks(wanted):
        stmt = select(model.id, col).where(model.id.in_(part))
        if live:
            stmt = stmt.where(model.deleted_at.is_(None))
        out.update({r[0]: r[1] for r in _rows(session, stmt)})
    return out


def _methods(session: Session, contact_ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
    out: dict[int, tuple[list[str], list[str]]] = {}
    for part in _chunks(list(contact_ids)):
        stmt = (
            select(ContactMethod.contact_id, ContactMethod.kind, ContactMethod.value)
            .where(ContactMethod.contact_id.in_(part))
            .order_by(ContactMethod.contact_id, ContactMethod.position, ContactMethod.id)
        )
        for cid, kind, value in _rows(session, stmt):
            emails, phones = out.setdefault(cid, ([], []))
            (emails if kind == "email" else phones).append(value)
    return out


def _last_met(
    session: Session, contact_ids: Sequence[int], before: dt.datetime, *, exclude: int | None = None
) -> dict[int, dt.datetime]:
    """The latest meeting before ``before`` that each contact attended (one grouped query)."""
    out: dict[int, dt.datetime] = {}
    for part in _chunks(list(contact_ids)):
        stmt = (
            select(MeetingAttendee.contact_id, func.max(Meeting.starts_at))
            .join(Meeting, Meeting.id == MeetingAttendee.meeting_id)
            .where(
                MeetingAttendee.contact_id.in_(part),
                Meeting.deleted_at.is_(None),
                Meeting.starts_at < before,
            )
            .group_by(MeetingAttendee.contact_id)
        )
        if exclude is not None:
            stmt = stmt.where(Meeting.id != exclude)
        for cid, last in _rows(session, stmt):
            out[cid] = last if isinstance(last, dt.datetime) else dt.datetime.fromisoformat(str(last))
    return out


def _people(session: Session, where: ColumnElement[bool], before: dt.datetime, limit: int) -> list[PersonRow]:
    stmt = (
        select(
            Contact.id,
            Contact.full_name,
            Contact.honorific,
            Contact.position,
            Organisation.name,
            Contact.influence,
            Contact.interest,
        )
        .outerjoin(
            Organisation,
            and_(Organisation.id == Contact.organisation_id, Organisation.deleted_at.is_(None)),
        )
        .where(where, Contact.deleted_at.is_(None))
        .order_by(Contact.influence.desc().nulls_last(), Contact.sort_key, Contact.id)
        .limit(limit)
    )
    rows = _rows(session, stmt)
    ids = [r[0] for r in rows]
    methods = _methods(session, ids)
    last = _last_met(session, ids, before)
    return [
        PersonRow(
            contact_id=r[0],
            name=r[1],
            honorific=r[2],
            position=r[3],
            organisation=r[4] or "",
            emails=tuple(methods.get(r[0], ([], []))[0]),
            phones=tuple(methods.get(r[0], ([], []))[1]),
            last_met=last.get(r[0]),
            influence=r[5],
            interest=r[6],
        )
        for r in rows
    ]


def _meeting_rows(session: Session, stmt: Select[Any]) -> list[MeetingRow]:
    """Meetings selected by ``stmt`` (which selects Meeting columns), with organisations and
    attendees fetched in two more queries, not one per meeting."""
    rows = _rows(session, stmt)
    ids = [r.id for r in rows]
    orgs: dict[int, list[str]] = {}
    people: dict[int, list[str]] = {}
    for part in _chunks(ids):
        q1 = (
            select(MeetingOrganisation.meeting_id, Organisation.acronym, Organisation.name)
            .join(Organisation, Organisation.id == MeetingOrganisation.organisation_id)
            .where(MeetingOrganisation.meeting_id.in_(part), Organisation.deleted_at.is_(None))
            .order_by(MeetingOrganisation.meeting_id, Organisation.sort_key)
        )
        for mid, acronym, name in _rows(session, q1):
            orgs.setdefault(mid, []).append(acronym or name)
        q2 = (
            select(MeetingAttendee.meeting_id, Contact.full_name)
            .join(Contact, Contact.id == MeetingAttendee.contact_id)
            .where(MeetingAttendee.meeting_id.in_(part), Contact.deleted_at.is_(None))
            .order_by(MeetingAttendee.meeting_id, Contact.sort_key)
        )
        for mid, name in _rows(session, q2):
            people.setdefault(mid, []).append(name)
    return [
        MeetingRow(
            meeting_id=r.id,
            starts_at=r.starts_at,
            title=r.title,
            kind=r.kind,
            location=r.location,
            organisations=tuple(orgs.get(r.id, ())),
            attendees=tuple(people.get(r.id, ())),
            decisions=r.decisions,
        )
        for r in rows
    ]


def _meeting_select() -> Select[Any]:
    return select(
        Meeting.id,
        Meeting.starts_at,
        Meeting.title,
        Meeting.kind,
        Meeting.location,
        Meeting.decisions,
    ).where(Meeting.deleted_at.is_(None))


def _actions(
    session: Session, where: ColumnElement[bool], today: dt.date, *, order_by_due: bool = True
) -> list[ActionRow]:
    """Actions matching ``where`` with responsible person and organisation names, one query."""
    rc = aliased(Contact)
    stmt = (
        select(
            Action.id,
            Action.title,
            Action.direction,
            Action.status,
            Action.due_date,
            Staff.name,
            rc.full_name,
            Organisation.acronym,
            Organisation.name,
            Action.kind,
            Action.priority,
            Action.reference,
            Action.completed_on,
        )
        .outerjoin(Staff, and_(Staff.id == Action.responsible_staff_id, Staff.deleted_at.is_(None)))
        .outerjoin(rc, and_(rc.id == Action.responsible_contact_id, rc.deleted_at.is_(None)))
        .outerjoin(
            Organisation,
            and_(Organisation.id == Action.organisation_id, Organisation.deleted_at.is_(None)),
        )
        .where(where, Action.deleted_at.is_(None))
    )
    if order_by_due:
        stmt = stmt.order_by(Action.due_date.is_(None), Action.due_date, Action.priority, Action.id)
    else:
        stmt = stmt.order_by(Action.completed_on, Action.id)
    out = []
    for r in _rows(session, stmt):
        status = r[3]
        due = r[4]
        out.append(
            ActionRow(
                action_id=r[0],
                title=r[1],
                direction=r[2],
                status=status,
                due_date=due,
                responsible=r[5] or r[6] or "",
                organisation=r[7] or r[8] or "",
                kind=r[9],
                priority=r[10],
                reference=r[11],
                completed_on=r[12],
                overdue=status in OPEN_STATUSES and due is not None and due < today,
            )
        )
    return out


def _split(actions: list[ActionRow]) -> tuple[tuple[ActionRow, ...], tuple[ActionRow, ...]]:
    return (
        tuple(a for a in actions if a.direction != "they_owe"),
        tuple(a for a in actions if a.direction == "they_owe"),
    )


def _month_start(day: dt.date, back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _per_month(
    session: Session, meeting_ids: Any, last_day: dt.date, months: int = 12
) -> tuple[MonthCount, ...]:
    first = _month_start(last_day, months - 1)
    year = extract("year", Meeting.starts_at)
    month = extract("month", Meeting.starts_at)
    stmt = (
        select(year, month, func.count())
        .where(
            Meeting.id.in_(meeting_ids),
            Meeting.deleted_at.is_(None),
            Meeting.starts_at >= dt.datetime.combine(first, dt.time()),
            Meeting.starts_at < _day_end(last_day),
        )
        .group_by(year, month)
    )
    counts = {(int(y), int(m)): int(n) for y, m, n in _rows(session, stmt)}
    out = []
    for back in range(months - 1, -1, -1):
        m = _month_start(last_day, back)
        out.append(MonthCount(m, counts.get((m.year, m.month), 0)))
    return tuple(out)


def _summary(session: Session, meeting_ids: Any, today: dt.date) -> RelationshipSummary:
    """First/last meeting, totals and a per-month count, aggregated in SQL (past meetings)."""
    end = _day_end(today)
    year_ago = dt.datetime.combine(today - dt.timedelta(days=365), dt.time())
    recent = func.sum(case((Meeting.starts_at >= year_ago, 1), else_=0))
    stmt = select(func.min(Meeting.starts_at), func.max(Meeting.starts_at), func.count(), recent).where(
        Meeting.id.in_(meeting_ids), Meeting.deleted_at.is_(None), Meeting.starts_at < end
    )
    first, last, total, last12 = _rows(session, stmt)[0]
    return RelationshipSummary(
        first_meeting=_as_dt(first),
        last_meeting=_as_dt(last),
        total=int(total or 0),
        last_12_months=int(last12 or 0),
        per_month=_per_month(session, meeting_ids, today),
    )


def _as_dt(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _recent(session: Session, meeting_ids: Any, today: dt.date, limit: int | None) -> list[MeetingRow]:
    stmt = (
        _meeting_select()
        .where(Meeting.id.in_(meeting_ids), Meeting.starts_at < _day_end(today))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return _meeting_rows(session, stmt)


def _open() -> ColumnElement[bool]:
    return Action.status.in_(OPEN_STATUSES)


# --- organisation ---------------------------------------------------------------------------


def _org_meeting_ids(org_id: int) -> Any:
    """Meetings with the organisation: linked directly or attended by one of its people."""
    direct = select(MeetingOrganisation.meeting_id).where(MeetingOrganisation.organisation_id == org_id)
    via_people = (
        select(MeetingAttendee.meeting_id)
        .join(Contact, Contact.id == MeetingAttendee.contact_id)
        .where(Contact.organisation_id == org_id, Contact.deleted_at.is_(None))
    )
    return select(union(direct, via_people).subquery().c.meeting_id)


def gather_organisation(
    session: Session,
    org_id: int,
    *,
    today: dt.date | None = None,
    recent: int | None = RECENT_MEETINGS,
) -> OrganisationBrief:
    today = today or dt.date.today()
    org = session.get(Organisation, org_id)
    if org is None or org.deleted_at is not None:
        raise BriefNotFound(f"No organisation with id {org_id}")
    sectors = [
        r[0]
        for r in _rows(
            session,
            select(Sector.name)
            .join(OrganisationSector, OrganisationSector.sector_id == Sector.id)
            .where(OrganisationSector.organisation_id == org_id)
            .order_by(Sector.folded),
        )
    ]
    parent = _names(session, Organisation, [org.parent_id]).get(org.parent_id or -1, "")
    owner = _names(session, Staff, [org.owner_id]).get(org.owner_id or -1, "")
    meeting_ids = _org_meeting_ids(org_id)
    people_of_org = or_(
        Action.organisation_id == org_id,
        Action.responsible_contact_id.in_(select(Contact.id).where(Contact.organisation_id == org_id)),
    )
    actions = _actions(session, and_(_open(), people_of_org), today)
    we, they = _split(actions)
    return OrganisationBrief(
        organisation_id=org_id,
        name=org.name,
        generated_at=_now(),
        today=today,
        name_en=org.name_en,
        acronym=org.acronym,
        aliases=tuple(org.aliases or ()),
        kind=org.kind,
        sectors=tuple(sectors),
        parent=parent,
        country=org.country,
        city=org.city,
        address=org.address,
        website=org.website,
        owner=owner,
        influence=org.influence,
        interest=org.interest,
        notes=org.notes,
        people=tuple(_people(session, Contact.organisation_id == org_id, _day_end(today), PEOPLE_LIMIT)),
        summary=_summary(session, meeting_ids, today),
        recent_meetings=tuple(_recent(session, meeting_ids, today, recent)),
        we_owe=we,
        they_owe=they,
    )


# --- contact --------------------------------------------------------------------------------


def _role_history(session: Session, contact_id: int) -> list[RoleChange]:
    stmt = (
        select(Change.at, Change.field, Change.old, Change.new)
        .where(
            Change.entity == "contact",
            Change.entity_id == contact_id,
            Change.field.in_(("position", "organisation_id")),
        )
        .order_by(Change.at, Change.id)
    )
    rows = _rows(session, stmt)
    org_ids = [v for r in rows if r[1] == "organisation_id" for v in (r[2], r[3]) if isinstance(v, int)]
    orgs = _names(session, Organisation, org_ids, live=False)

    def show(field: str, value: Any) -> str:
        if value is None:
            return ""
        if field == "organisation_id":
            return orgs.get(value, f"#{value}") if isinstance(value, int) else str(value)
        return str(value)

    return [
        RoleChange(
            at=r[0],
            field="organisation" if r[1] == "organisation_id" else "position",
            old=show(r[1], r[2]),
            new=show(r[1], r[3]),
        )
        for r in rows
    ]


def gather_contact(
    session: Session,
    contact_id: int,
    *,
    today: dt.date | None = None,
    recent: int | None = RECENT_MEETINGS,
) -> ContactBrief:
    today = today or dt.date.today()
    c = session.get(Contact, contact_id)
    if c is None or c.deleted_at is not None:
        raise BriefNotFound(f"No contact with id {contact_id}")
    org = _names(session, Organisation, [c.organisation_id]).get(c.organisation_id or -1, "")
    owner = _names(session, Staff, [c.owner_id]).get(c.owner_id or -1, "")
    emails, phones = _methods(session, [contact_id]).get(contact_id, ([], []))
    meeting_ids = select(MeetingAttendee.meeting_id).where(MeetingAttendee.contact_id == contact_id)
    colleagues: list[PersonRow] = []
    if c.organisation_id is not None:
        colleagues = _people(
            session,
            and_(Contact.organisation_id == c.organisation_id, Contact.id != contact_id),
            _day_end(today),
            12,
        )
    involves = or_(
        Action.responsible_contact_id == contact_id,
        Action.meeting_id.in_(meeting_ids),
    )
    we, they = _split(_actions(session, and_(_open(), involves), today))
    return ContactBrief(
        contact_id=contact_id,
        name=c.full_name,
        generated_at=_now(),
        today=today,
        honorific=c.honorific,
        position=c.position,
        organisation=org,
        organisation_id=c.organisation_id,
        country=c.country,
        emails=tuple(emails),
        phones=tuple(phones),
        owner=owner,
        influence=c.influence,
        interest=c.interest,
        notes=c.notes,
        source=c.source,
        role_history=tuple(_role_history(session, contact_id)),
        colleagues=tuple(colleagues),
        summary=_summary(session, meeting_ids, today),
        recent_meetings=tuple(_recent(session, meeting_ids, today, recent)),
        we_owe=we,
        they_owe=they,
    )


# --- meeting preparation --------------------------------------------------------------------


def gather_meeting(
    session: Session, meeting_id: int, *, today: dt.date | None = None, previous: int = 5
) -> MeetingPrepBrief:
    today = today or dt.date.today()
    m = session.get(Meeting, meeting_id)
    if m is None or m.deleted_at is not None:
        raise BriefNotFound(f"No meeting with id {meeting_id}")
    org_rows = _rows(
        session,
        select(Organisation.id, Organisation.name)
        .join(MeetingOrganisation, MeetingOrganisation.organisation_id == Organisation.id)
        .where(MeetingOrganisation.meeting_id == meeting_id, Organisation.deleted_at.is_(None))
        .order_by(Organisation.sort_key),
    )
    org_ids = [r[0] for r in org_rows]
    staff = [
        r[0]
        for r in _rows(
            session,
            select(Staff.name)
            .join(MeetingStaff, MeetingStaff.staff_id == Staff.id)
            .where(MeetingStaff.meeting_id == meeting_id, Staff.deleted_at.is_(None))
            .order_by(Staff.name),
        )
    ]
    owner = _names(session, Staff, [m.owner_id]).get(m.owner_id or -1, "")
    roles = dict(
        _rows(
            session,
            select(MeetingAttendee.contact_id, MeetingAttendee.role).where(
                MeetingAttendee.meeting_id == meeting_id
            ),
        )
    )
    people = _people(session, Contact.id.in_(list(roles)), m.starts_at, 500)
    attendees = [PersonRow(**{**p.__dict__, "role": roles.get(p.contact_id, "")}) for p in people]
    attendee_ids = [p.contact_id for p in attendees]
    prior = union(
        select(MeetingOrganisation.meeting_id).where(MeetingOrganisation.organisation_id.in_(org_ids)),
        select(MeetingAttendee.meeting_id).where(MeetingAttendee.contact_id.in_(attendee_ids)),
    ).subquery()
    prev_stmt = (
        _meeting_select()
        .where(
            Meeting.id.in_(select(prior.c.meeting_id)),
            Meeting.id != meeting_id,
            Meeting.starts_at < m.starts_at,
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(previous)
    )
    involves = or_(
        Action.responsible_contact_id.in_(attendee_ids),
        Action.organisation_id.in_(org_ids),
        Action.meeting_id == meeting_id,
    )
    we, they = _split(_actions(session, and_(_open(), involves), today))
    return MeetingPrepBrief(
        meeting_id=meeting_id,
        title=m.title,
        starts_at=m.starts_at,
        generated_at=_now(),
        today=today,
        ends_at=m.ends_at,
        location=m.location,
        kind=m.kind,
        owner=owner,
        agenda=m.agenda,
        organisations=tuple(r[1] for r in org_rows),
        staff=tuple(staff),
        attendees=tuple(attendees),
        previous_meetings=tuple(_meeting_rows(session, prev_stmt)),
        we_owe=we,
        they_owe=they,
    )


# --- period digest --------------------------------------------------------------------------


def gather_digest(
    session: Session,
    start: dt.date,
    end: dt.date,
    *,
    today: dt.date | None = None,
    stakeholder_limit: int = 40,
) -> PeriodDigest:
    """What happened from ``start`` to ``end`` (both inclusive); overdue as of ``today``."""
    if end < start:
        raise ValueError("The period ends before it starts")
    today = today or dt.date.today()
    lo, hi = dt.datetime.combine(start, dt.time()), _day_end(end)
    in_period = and_(Meeting.starts_at >= lo, Meeting.starts_at < hi)
    meetings = _meeting_rows(
        session, _meeting_select().where(in_period).order_by(Meeting.starts_at, Meeting.id)
    )
    lo_utc, hi_utc = lo.replace(tzinfo=dt.UTC), hi.replace(tzinfo=dt.UTC)
    nc_rows = _rows(
        session,
        select(Contact.id, Contact.full_name, Contact.position, Organisation.name, Contact.created_at)
        .outerjoin(
            Organisation,
            and_(Organisation.id == Contact.organisation_id, Organisation.deleted_at.is_(None)),
        )
        .where(Contact.deleted_at.is_(None), Contact.created_at >= lo_utc, Contact.created_at < hi_utc)
        .order_by(Contact.created_at, Contact.id),
    )
    new_contacts = [NewContactRow(r[0], r[1], r[2], r[3] or "", r[4]) for r in nc_rows]
    completed = _actions(
        session,
        and_(Action.status == "done", Action.completed_on >= start, Action.completed_on <= end),
        today,
        order_by_due=False,
    )
    overdue_rows = _actions(
        session, and_(_open(), Action.due_date.is_not(None), Action.due_date < today), today
    )
    groups: dict[str, list[ActionRow]] = {}
    for a in overdue_rows:
        groups.setdefault(a.responsible, []).append(a)
    overdue = sorted(
        (OverdueGroup(k, tuple(v)) for k, v in groups.items()),
        key=lambda g: (-len(g.actions), g.responsible == "", g.responsible),
    )
    met = (
        select(MeetingOrganisation.organisation_id, func.count().label("n"))
        .join(Meeting, Meeting.id == MeetingOrganisation.meeting_id)
        .where(in_period, Meeting.deleted_at.is_(None))
        .group_by(MeetingOrganisation.organisation_id)
        .subquery()
    )
    n = func.coalesce(met.c.n, 0)
    sh_rows = _rows(
        session,
        select(
            Organisation.id,
            Organisation.acronym,
            Organisation.name,
            Organisation.influence,
            Organisation.interest,
            n,
        )
        .outerjoin(met, met.c.organisation_id == Organisation.id)
        .where(
            Organisation.deleted_at.is_(None),
            Organisation.influence.is_not(None),
            Organisation.interest.is_not(None),
        )
        .order_by(n.desc(), Organisation.influence.desc(), Organisation.interest.desc(), Organisation.id)
        .limit(stakeholder_limit),
    )
    stakeholders = [StakeholderPoint(r[0], r[1] or r[2], r[3], r[4], int(r[5])) for r in sh_rows]
    all_ids = select(Meeting.id)
    return PeriodDigest(
        start=start,
        end=end,
        generated_at=_now(),
        today=today,
        meetings=tuple(meetings),
        new_contacts=tuple(new_contacts),
        completed=tuple(completed),
        overdue=tuple(overdue),
        stakeholders=tuple(stakeholders),
        per_month=_per_month(session, all_ids, end),
    )
