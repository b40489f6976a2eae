"""Query helpers shared by the gatherers: each fetches rows in bulk (``IN`` lists, ``GROUP BY``)
so that a brief costs a fixed number of queries whatever the length of the history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, extract, func, or_, select, true
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app import workdays
from app.briefing.data import ActionRow, MeetingRow, MonthCount, PersonRow, RelationshipSummary, Secret
from db import clock, kinds
from db import models as m
from db.models import OPEN_STATUSES
from db.queries import chunked

# SQLModel types a table's attributes as Python values (int, str…); queries need them as
# column expressions. Typing the tables as Any here keeps the SQL readable (no col() around
# every column) at the cost of mypy not checking column names in this module.
Action: Any = m.Action
Contact: Any = m.Contact
ContactMethod: Any = m.ContactMethod
Meeting: Any = m.Meeting
MeetingAttendee: Any = m.MeetingAttendee
MeetingOrganisation: Any = m.MeetingOrganisation
MeetingStaff: Any = m.MeetingStaff
Organisation: Any = m.Organisation
Staff: Any = m.Staff


def fetch(session: Session, stmt: Any) -> Sequence[Any]:
    return session.connection().execute(stmt).all()


def now() -> dt.datetime:
    return clock.utcnow()


def day_end(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` (meetings are stored as naive wall-clock times)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def moment(today: dt.date) -> dt.datetime:
    """Where a brief's past ends and its "Upcoming meetings" begin: now (:func:`db.clock.now`,
    the diary's wall-clock time) in a brief of the clock's own day, so that a meeting later
    today is to come, not "recent" nor the "last meeting"; the end of ``today`` in a brief of
    another day."""
    now = clock.now()
    return now if now.date() == today else day_end(today)


def names(session: Session, model: Any, ids: Iterable[int | None], *, live: bool = True) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    out: dict[int, str] = {}
    col = getattr(model, kinds.info(model.__tablename__).label_field)
    for part in chunked(wanted):
        stmt = select(model.id, col).where(model.id.in_(part))
        if live:
            stmt = stmt.where(model.deleted_at.is_(None))
        out.update({r[0]: r[1] for r in fetch(session, stmt)})
    return out


def secret(kind: str, record_id: int | None, name: str | None, confidential: Any) -> tuple[Secret, ...]:
    """The record named ``name`` in a brief's row, as a :class:`Secret` when it is confidential
    (its mark printed beside the name: sections.named); nothing otherwise."""
    return (Secret(kind, record_id, name),) if confidential and record_id is not None and name else ()


def contact_methods(session: Session, contact_ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
    out: dict[int, tuple[list[str], list[str]]] = {}
    for part in chunked(list(contact_ids)):
        stmt = (
            select(ContactMethod.contact_id, ContactMethod.kind, ContactMethod.value)
            .where(ContactMethod.contact_id.in_(part))
            .order_by(ContactMethod.contact_id, ContactMethod.position, ContactMethod.id)
        )
        for cid, kind, value in fetch(session, stmt):
            emails, phones = out.setdefault(cid, ([], []))
            (emails if kind == "email" else phones).append(value)
    return out


def last_met(
    session: Session,
    contact_ids: Sequence[int],
    before: dt.datetime,
    *,
    exclude: int | None = None,
    hide: bool = False,
) -> dict[int, dt.datetime]:
    """The latest meeting before ``before`` that each contact attended (one grouped query;
    ``hide``: a confidential meeting does not count, :func:`shown`)."""
    out: dict[int, dt.datetime] = {}
    for part in chunked(list(contact_ids)):
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
        if hide:
            stmt = stmt.where(shown(Meeting, True))
        for cid, last in fetch(session, stmt):
            out[cid] = last if isinstance(last, dt.datetime) else dt.datetime.fromisoformat(str(last))
        # The date a sheet recorded ("Ngày liên hệ", imported) counts when it is later.
        recorded = select(Contact.id, Contact.last_contacted_on).where(
            Contact.id.in_(part),
            Contact.last_contacted_on.is_not(None),
            Contact.last_contacted_on < before.date(),
        )
        for cid, day in fetch(session, recorded):
            when = dt.datetime.combine(
                day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)), dt.time()
            )
            if cid not in out or when > out[cid]:
                out[cid] = when
    return out


def people(
    session: Session,
    where: ColumnElement[bool],
    before: dt.datetime,
    limit: int,
    *,
    exclude: int | None = None,
    met: dict[int, dt.datetime] | None = None,
    hide: bool = False,
) -> list[PersonRow]:
    """The contacts ``where`` selects, with their e-mails, phones and "last met" before ``before``
    (:func:`last_met`; ``exclude``: a meeting that does not count; ``met``: :func:`last_met`'s
    answer when the caller has it already; ``hide``: no confidential contact, and no
    confidential meeting in "last met")."""
    stmt = (
        select(
            Contact.id,
            Contact.full_name,
            Contact.honorific,
            Contact.position,
            Organisation.name,
            Contact.influence,
            Contact.interest,
            Contact.confidential,
            Organisation.id,
            Organisation.confidential,
        )
        .outerjoin(
            Organisation,
            and_(Organisation.id == Contact.organisation_id, Organisation.deleted_at.is_(None)),
        )
        .where(where, Contact.deleted_at.is_(None), shown(Contact, hide))
        .order_by(Contact.influence.desc().nulls_last(), Contact.sort_key, Contact.id)
        .limit(limit)
    )
    rows = fetch(session, stmt)
    ids = [r[0] for r in rows]
    methods = contact_methods(session, ids)
    last = met if met is not None else last_met(session, ids, before, exclude=exclude, hide=hide)
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
            confidential=bool(r[7]),
            secrets=secret("organisation", r[8], r[4], r[9]),
        )
        for r in rows
    ]


def meeting_rows(
    session: Session, stmt: Select[Any], *, staff: bool = False, hide: bool = False
) -> list[MeetingRow]:
    """Meetings selected by ``stmt`` (which selects Meeting columns), with organisations and
    attendees fetched in two more queries, not one per meeting (``staff``: and our side, in
    two more: the staff member in charge first, then the staff on it). ``hide``: no
    confidential organisation or attendee, nor an organisation there only through
    confidential people (:func:`met_openly`)."""
    rows = fetch(session, stmt)
    ids = [r.id for r in rows]
    orgs: dict[int, list[str]] = {}
    people: dict[int, list[str]] = {}
    secrets: dict[int, list[Secret]] = {}  # the confidential ones among them
    ours: dict[int, list[str]] = {}
    if staff and rows:
        owners = names(session, Staff, [r.owner_id for r in rows])
        for r in rows:
            if r.owner_id in owners:
                ours[r.id] = [owners[r.owner_id]]
    for part in chunked(ids):
        if staff:
            q3 = (
                select(MeetingStaff.meeting_id, Staff.name)
                .join(Staff, Staff.id == MeetingStaff.staff_id)
                .where(MeetingStaff.meeting_id.in_(part), Staff.deleted_at.is_(None))
                .order_by(MeetingStaff.meeting_id, Staff.name)
            )
            for mid, name in fetch(session, q3):
                if name not in ours.setdefault(mid, []):
                    ours[mid].append(name)
        q1 = (
            select(
                MeetingOrganisation.meeting_id,
                Organisation.acronym,
                Organisation.name,
                Organisation.id,
                Organisation.confidential,
            )
            .join(Organisation, Organisation.id == MeetingOrganisation.organisation_id)
            .where(MeetingOrganisation.meeting_id.in_(part), Organisation.deleted_at.is_(None))
            .order_by(MeetingOrganisation.meeting_id, Organisation.sort_key)
        )
        if hide:
            q1 = q1.where(
                shown(Organisation, True),
                met_openly(MeetingOrganisation.meeting_id, MeetingOrganisation.organisation_id),
            )
        for mid, acronym, name, oid, secret_org in fetch(session, q1):
            orgs.setdefault(mid, []).append(acronym or name)
            secrets.setdefault(mid, []).extend(secret("organisation", oid, acronym or name, secret_org))
        q2 = (
            select(MeetingAttendee.meeting_id, Contact.full_name, Contact.id, Contact.confidential)
            .join(Contact, Contact.id == MeetingAttendee.contact_id)
            .where(MeetingAttendee.meeting_id.in_(part), Contact.deleted_at.is_(None), shown(Contact, hide))
            .order_by(MeetingAttendee.meeting_id, Contact.sort_key)
        )
        for mid, name, cid, secret_contact in fetch(session, q2):
            people.setdefault(mid, []).append(name)
            secrets.setdefault(mid, []).extend(secret("contact", cid, name, secret_contact))
    return [
        MeetingRow(
            meeting_id=r.id,
            starts_at=r.starts_at,
            title=r.title,
            kind=r.kind,
            location=r.location,
            organisations=tuple(orgs.get(r.id, ())),
            attendees=tuple(people.get(r.id, ())),
            staff=tuple(ours.get(r.id, ())),
            ends_at=as_dt(r.ends_at),
            decisions=r.decisions,
            minutes=r.minutes or "",
            confidential=bool(r.confidential),
            secrets=tuple(secrets.get(r.id, ())),
        )
        for r in rows
    ]


MINUTES_READ = 2000  # characters of a meeting's minutes read for a table's gist (sections.gist)


def meeting_select(*, hide: bool = False) -> Select[Any]:
    """The columns :func:`meeting_rows` reads, of the live meetings (``hide``: not the
    confidential ones)."""
    return select(
        Meeting.id,
        Meeting.starts_at,
        Meeting.ends_at,
        Meeting.title,
        Meeting.kind,
        Meeting.location,
        Meeting.decisions,
        func.substr(Meeting.minutes, 1, MINUTES_READ).label("minutes"),
        Meeting.confidential,
        Meeting.owner_id,
    ).where(Meeting.deleted_at.is_(None), shown(Meeting, hide))


def actions(
    session: Session,
    where: ColumnElement[bool],
    today: dt.date,
    *,
    order_by_due: bool = True,
    hide: bool = False,
) -> list[ActionRow]:
    """Actions matching ``where`` with responsible person and organisation names, one query
    (``hide``: not the confidential ones)."""
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
            Action.confidential,
            rc.id,
            rc.confidential,
            Organisation.id,
            Organisation.confidential,
        )
        .outerjoin(Staff, and_(Staff.id == Action.responsible_staff_id, Staff.deleted_at.is_(None)))
        .outerjoin(rc, and_(rc.id == Action.responsible_contact_id, rc.deleted_at.is_(None)))
        .outerjoin(
            Organisation,
            and_(Organisation.id == Action.organisation_id, Organisation.deleted_at.is_(None)),
        )
        .where(where, Action.deleted_at.is_(None), shown(Action, hide))
    )
    if order_by_due:
        stmt = stmt.order_by(Action.due_date.is_(None), Action.due_date, Action.priority, Action.id)
    else:
        stmt = stmt.order_by(Action.completed_on, Action.id)
    cal = workdays.load_calendar(session)  # how late, in working days (Tết and weekends do not count)
    out = []
    for r in fetch(session, stmt):
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
                confidential=bool(r[13]),
                # the responsible shown is the contact (no staff member given) / the organisation
                secrets=(() if r[5] else secret("contact", r[14], r[6], r[15]))
                + secret("organisation", r[16], r[7] or r[8], r[17]),
                overdue=status in OPEN_STATUSES and due is not None and due < today,
                late_workdays=cal.count(due, today) if status in OPEN_STATUSES and due is not None else 0,
            )
        )
    return out


def split(actions: list[ActionRow]) -> tuple[tuple[ActionRow, ...], tuple[ActionRow, ...]]:
    return (
        tuple(a for a in actions if a.direction != "they_owe"),
        tuple(a for a in actions if a.direction == "they_owe"),
    )


def month_start(day: dt.date, back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def per_month(
    session: Session,
    meeting_ids: Any,
    last_day: dt.date,
    months: int = 12,
    *,
    before: dt.datetime | None = None,
    hide: bool = False,
) -> tuple[MonthCount, ...]:
    """Meetings in each of the ``months`` months up to ``last_day``'s, held before ``before``
    (the end of ``last_day`` when not given; ``hide``: not the confidential ones)."""
    first = month_start(last_day, months - 1)
    year = extract("year", Meeting.starts_at)
    month = extract("month", Meeting.starts_at)
    stmt = (
        select(year, month, func.count())
        .where(
            Meeting.id.in_(meeting_ids),
            Meeting.deleted_at.is_(None),
            Meeting.starts_at >= dt.datetime.combine(first, dt.time()),
            Meeting.starts_at < (before or day_end(last_day)),
            shown(Meeting, hide),
        )
        .group_by(year, month)
    )
    counts = {(int(y), int(m)): int(n) for y, m, n in fetch(session, stmt)}
    out = []
    for back in range(months - 1, -1, -1):
        m = month_start(last_day, back)
        out.append(MonthCount(m, counts.get((m.year, m.month), 0)))
    return tuple(out)


def summary(
    session: Session,
    meeting_ids: Any,
    today: dt.date,
    *,
    before: dt.datetime | None = None,
    hide: bool = False,
) -> RelationshipSummary:
    """First/last meeting, totals and a per-month count, aggregated in SQL (past meetings).

    "Meetings, last 12 months" is the sum of the chart's twelve bars beside it: this month up
    to ``today`` (the clock's day, :func:`db.clock.today`) and the eleven before it, whole. It
    counted 365 days back instead, so a meeting in the first days of the month a year ago was
    in the number but on no bar (reviewer: 59 beside bars adding up to 54).

    ``before``: the meetings held before it count (:func:`moment`: a meeting later today is
    to come, listed under "Upcoming meetings", not the last one held); the end of ``today``
    when not given. ``hide``: a confidential meeting counts nowhere."""
    end = before or day_end(today)
    stmt = select(func.min(Meeting.starts_at), func.max(Meeting.starts_at), func.count()).where(
        Meeting.id.in_(meeting_ids),
        Meeting.deleted_at.is_(None),
        Meeting.starts_at < end,
        shown(Meeting, hide),
    )
    first, last, total = fetch(session, stmt)[0]
    months = per_month(session, meeting_ids, today, before=end, hide=hide)
    return RelationshipSummary(
        first_meeting=as_dt(first),
        last_meeting=as_dt(last),
        total=int(total or 0),
        last_12_months=sum(c.count for c in months),
        per_month=months,
    )


def as_dt(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def recent(
    session: Session,
    meeting_ids: Any,
    today: dt.date,
    limit: int | None,
    *,
    before: dt.datetime | None = None,
    hide: bool = False,
) -> list[MeetingRow]:
    """The latest meetings held before ``before`` (the end of ``today`` when not given), newest
    first (``hide``: not the confidential ones, nor their confidential people: :func:`meeting_rows`)."""
    stmt = (
        meeting_select(hide=hide)
        .where(Meeting.id.in_(meeting_ids), Meeting.starts_at < (before or day_end(today)))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return meeting_rows(session, stmt, hide=hide)


def upcoming(
    session: Session, meeting_ids: Any, since: dt.datetime, limit: int, *, hide: bool = False
) -> tuple[list[MeetingRow], int]:
    """The meetings from ``since`` on (:func:`moment`), nearest first: at most ``limit`` of them,
    with our staff on each, and how many more are planned after those. E-mails logged as
    meetings are not meetings to prepare for (as the dashboard's "Upcoming meetings")."""
    to_come = and_(
        Meeting.id.in_(meeting_ids),
        Meeting.starts_at >= since,
        Meeting.kind != m.EMAIL_KIND,
        shown(Meeting, hide),
    )
    stmt = meeting_select().where(to_come).order_by(Meeting.starts_at, Meeting.id).limit(limit + 1)
    rows = meeting_rows(session, stmt, staff=True, hide=hide)
    more = 0
    if len(rows) > limit:  # counted only then: the usual brief asks one query
        count = select(func.count()).select_from(Meeting).where(to_come, Meeting.deleted_at.is_(None))
        more = int(fetch(session, count)[0][0]) - limit
    return rows[:limit], more


def open_only() -> ColumnElement[bool]:
    return col(Action.status).in_(OPEN_STATUSES)


def shown(model: Any, hide: bool) -> ColumnElement[bool]:
    """The rows of ``model`` a brief shows: all of them, or with ``hide`` (a brief leaving
    confidential records out: app.briefing.leave_out) only those not confidential."""
    return model.confidential.is_(False) if hide else true()


def met_openly(meeting_id: Any, organisation_id: Any) -> ColumnElement[bool]:
    """Whether the organisation was at the meeting other than only through confidential
    people: saving a meeting links its attendees' organisations to it, so an organisation
    whose people there are all confidential (one at least) was met through them alone, and a
    brief leaving confidential records out does not name it there (as a letter's default
    addressee: app.letters.secrecy.met_only_through_confidential)."""
    a = aliased(MeetingAttendee)
    c = aliased(Contact)

    def theirs(confidential: bool) -> Any:
        return (
            select(a.contact_id)
            .join(c, c.id == a.contact_id)
            .where(
                a.meeting_id == meeting_id,
                c.organisation_id == organisation_id,
                c.deleted_at.is_(None),
                c.confidential.is_(confidential),
            )
            .exists()
        )

    return or_(~theirs(True), theirs(False))
