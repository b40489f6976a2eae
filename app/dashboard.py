"""What the dashboard, the overdue banner and the detail stories show: small, bounded queries.

Every function returns plain dicts and takes ``today`` (or ``now``) explicitly, so that tests
can pin the date. Lists are limited; counts are single aggregate queries over indexed columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from app.lists import action_select
from db.models import (
    OPEN_STATUSES,
    Action,
    Change,
    Contact,
    ContactMethod,
    Meeting,
    MeetingAttendee,
    MeetingOrganisation,
    Organisation,
    Staff,
)


def week_end(today: dt.date) -> dt.date:
    """The Sunday closing ``today``'s week (Monday-first weeks, as in Vietnam)."""
    return today + dt.timedelta(days=6 - today.weekday())


def month_end(today: dt.date) -> dt.date:
    first_next = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first_next - dt.timedelta(days=1)


@dataclass(frozen=True)
class DueSummary:
    """What the start-up banner and the tray notification say."""

    overdue: int
    due_today: int
    first_titles: tuple[str, ...]

    @property
    def anything(self) -> bool:
        return bool(self.overdue or self.due_today)


def _open_actions() -> Any:
    return (Action.deleted_at.is_(None), Action.status.in_(OPEN_STATUSES))  # type: ignore[union-attr, attr-defined]


def due_summary(session: Session, *, today: dt.date, staff_id: int | None = None) -> DueSummary:
    """Open actions overdue and due today (only the user's when ``staff_id`` is given)."""
    conds = list(_open_actions())
    if staff_id is not None:
        conds.append(Action.responsible_staff_id == staff_id)
    overdue = session.execute(
        select(func.count()).select_from(Action).where(*conds, Action.due_date < today)  # type: ignore[operator]
    ).scalar_one()
    due_today = session.execute(
        select(func.count()).select_from(Action).where(*conds, Action.due_date == today)
    ).scalar_one()
    titles = session.execute(
        select(Action.title)
        .where(*conds, Action.due_date <= today)  # type: ignore[operator]
        .order_by(Action.due_date, Action.id)
        .limit(3)
    ).scalars()
    return DueSummary(int(overdue), int(due_today), tuple(titles))


def actions_due(
    session: Session,
    *,
    before: dt.date | None = None,
    from_: dt.date | None = None,
    to: dt.date | None = None,
    staff_id: int | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Open actions by due date: overdue (``before``) or in a window (``from_``..``to``)."""
    stmt = action_select().where(*_open_actions())
    if before is not None:
        stmt = stmt.where(Action.due_date < before)  # type: ignore[operator]
    if from_ is not None:
        stmt = stmt.where(Action.due_date >= from_)  # type: ignore[operator]
    if to is not None:
        stmt = stmt.where(Action.due_date <= to)  # type: ignore[operator]
    if staff_id is not None:
        stmt = stmt.where(Action.responsible_staff_id == staff_id)
    stmt = stmt.order_by(Action.due_date, Action.priority, Action.id).limit(limit)
    return [dict(r._asdict()) for r in session.execute(stmt)]


def upcoming_meetings(session: Session, *, now: dt.datetime, limit: int = 10) -> list[dict[str, Any]]:
    stmt = (
        select(Meeting.id, Meeting.title, Meeting.starts_at, Meeting.location, Meeting.kind)
        .where(Meeting.deleted_at.is_(None), Meeting.starts_at >= now)  # type: ignore[union-attr]
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    )
    return _with_meeting_orgs(session, [dict(r._asdict()) for r in session.execute(stmt)])


def _with_meeting_orgs(session: Session, meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [m["id"] for m in meetings]
    names: dict[int, list[str]] = {}
    if ids:
        stmt = (
            select(MeetingOrganisation.meeting_id, Organisation.name, Organisation.acronym)
            .join(Organisation, Organisation.id == MeetingOrganisation.organisation_id)
            .where(MeetingOrganisation.meeting_id.in_(ids))  # type: ignore[attr-defined]
        )
        for mid, name, acronym in session.execute(stmt):
            names.setdefault(int(mid), []).append(acronym or name)
    for m in meetings:
        m["organisations"] = ", ".join(names.get(m["id"], []))
    return meetings


def recent_organisations(session: Session, *, limit: int = 8) -> list[dict[str, Any]]:
    """Organisations most recently edited or met."""
    last_met = (
        select(
            MeetingOrganisation.organisation_id.label("oid"),  # type: ignore[attr-defined]
            func.max(Meeting.starts_at).label("met"),
        )
        .join(Meeting, Meeting.id == MeetingOrganisation.meeting_id)
        .where(Meeting.deleted_at.is_(None))  # type: ignore[union-attr]
        .group_by(MeetingOrganisation.organisation_id)
        .subquery()
    )
    stmt = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.acronym,
            Organisation.kind,
            Organisation.updated_at,
            last_met.c.met,
        )
        .outerjoin(last_met, last_met.c.oid == Organisation.id)
        .where(Organisation.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(func.coalesce(last_met.c.met, Organisation.updated_at).desc(), Organisation.id)
        .limit(limit)
    )
    return [dict(r._asdict()) for r in session.execute(stmt)]


def counts(session: Session, *, today: dt.date) -> dict[str, int]:
    """The figures a manager asks for."""
    month_start = dt.datetime.combine(today.replace(day=1), dt.time())
    next_month = dt.datetime.combine(month_end(today) + dt.timedelta(days=1), dt.time())
    open_by_dir = dict(
        session.execute(
            select(Action.direction, func.count()).where(*_open_actions()).group_by(Action.direction)
        ).all()
    )

    def n(stmt: Any) -> int:
        return int(session.execute(stmt).scalar_one())

    return {
        "meetings_this_month": n(
            select(func.count())
            .select_from(Meeting)
            .where(
                Meeting.deleted_at.is_(None),  # type: ignore[union-attr]
                Meeting.starts_at >= month_start,
                Meeting.starts_at < next_month,
            )
        ),
        "we_owe": int(open_by_dir.get("we_owe", 0)),
        "they_owe": int(open_by_dir.get("they_owe", 0)),
        "overdue": n(
            select(func.count()).select_from(Action).where(*_open_actions(), Action.due_date < today)  # type: ignore[operator]
        ),
        "due_this_week": n(
            select(func.count())
            .select_from(Action)
            .where(*_open_actions(), Action.due_date >= today, Action.due_date <= week_end(today))  # type: ignore[operator]
        ),
        "organisations": n(
            select(func.count()).select_from(Organisation).where(Organisation.deleted_at.is_(None))  # type: ignore[union-attr]
        ),
        "contacts": n(select(func.count()).select_from(Contact).where(Contact.deleted_at.is_(None))),  # type: ignore[union-attr]
    }


# --- detail stories -----------------------------------------------------------------------------


def organisation_people(session: Session, organisation_id: int, *, limit: int = 200) -> list[dict[str, Any]]:
    """People at an organisation, with their primary email and phone."""
    stmt = (
        select(Contact.id, Contact.full_name, Contact.honorific, Contact.position)
        .where(Contact.organisation_id == organisation_id, Contact.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Contact.sort_key, Contact.id)
        .limit(limit)
    )
    people = [dict(r._asdict(), email="", phone="", history=[]) for r in session.execute(stmt)]
    ids = [p["id"] for p in people]
    if not ids:
        return people
    by_id = {p["id"]: p for p in people}
    mstmt = (
        select(ContactMethod.contact_id, ContactMethod.kind, ContactMethod.value)
        .where(ContactMethod.contact_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(ContactMethod.contact_id, ContactMethod.position)
    )
    for cid, kind, value in session.execute(mstmt):
        p = by_id[int(cid)]
        if kind in ("email", "phone") and not p[kind]:
            p[kind] = value
    hstmt = (
        select(Change.entity_id, Change.old, Change.new, Change.at)
        .where(Change.entity == "contact", Change.field == "position", Change.entity_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(Change.at)
    )
    for cid, old, new, at in session.execute(hstmt):
        by_id[int(cid)]["history"].append({"old": old, "new": new, "at": at})
    return people


def former_people(session: Session, organisation_id: int, *, limit: int = 50) -> list[dict[str, Any]]:
    """Contacts who moved away from the organisation (from the change history)."""
    stmt = (
        select(Change.entity_id, Change.at, Contact.full_name, Contact.organisation_id)
        .join(Contact, Contact.id == Change.entity_id)
        .where(
            Change.entity == "contact",
            Change.field == "organisation_id",
            cast(Change.old, String) == str(organisation_id),
            Contact.organisation_id != organisation_id,
        )
        .order_by(Change.at.desc())  # type: ignore[attr-defined]
        .limit(limit)
    )
    return [
        {"id": int(cid), "left_at": at, "full_name": name, "organisation_id": oid}
        for cid, at, name, oid in session.execute(stmt)
    ]


def departments(session: Session, organisation_id: int) -> list[dict[str, Any]]:
    stmt = (
        select(Organisation.id, Organisation.name, Organisation.acronym)
        .where(Organisation.parent_id == organisation_id, Organisation.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Organisation.sort_key)
        .limit(200)
    )
    return [dict(r._asdict()) for r in session.execute(stmt)]


def meetings_for(
    session: Session,
    *,
    organisation_id: int | None = None,
    contact_id: int | None = None,
    limit: int = 30,
) -> list[dict[str, Any]]:
    """Meetings with an organisation or a person, newest first."""
    stmt = select(
        Meeting.id, Meeting.title, Meeting.starts_at, Meeting.location, Meeting.kind, Meeting.decisions
    ).where(Meeting.deleted_at.is_(None))  # type: ignore[union-attr]
    if organisation_id is not None:
        stmt = stmt.where(
            Meeting.id.in_(  # type: ignore[union-attr]
                select(MeetingOrganisation.meeting_id).where(
                    MeetingOrganisation.organisation_id == organisation_id
                )
            )
        )
    if contact_id is not None:
        stmt = stmt.where(
            Meeting.id.in_(  # type: ignore[union-attr]
                select(MeetingAttendee.meeting_id).where(MeetingAttendee.contact_id == contact_id)
            )
        )
    stmt = stmt.order_by(Meeting.starts_at.desc(), Meeting.id.desc()).limit(limit)  # type: ignore[attr-defined, union-attr]
    return _with_meeting_orgs(session, [dict(r._asdict()) for r in session.execute(stmt)])


def actions_for(
    session: Session,
    *,
    organisation_id: int | None = None,
    contact_id: int | None = None,
    meeting_id: int | None = None,
    open_only: bool = False,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Actions of an organisation, a person (responsible, or from a meeting they attended) or a
    meeting; open ones first by due date."""
    stmt = action_select().where(Action.deleted_at.is_(None))  # type: ignore[union-attr]
    if organisation_id is not None:
        stmt = stmt.where(Action.organisation_id == organisation_id)
    if contact_id is not None:
        stmt = stmt.where(Action.responsible_contact_id == contact_id)
    if meeting_id is not None:
        stmt = stmt.where(Action.meeting_id == meeting_id)
    if open_only:
        stmt = stmt.where(Action.status.in_(OPEN_STATUSES))  # type: ignore[attr-defined]
    stmt = stmt.order_by(
        Action.due_date.is_(None),  # type: ignore[union-attr]
        Action.due_date,
        Action.id,
    ).limit(limit)
    return [dict(r._asdict()) for r in session.execute(stmt)]


def staff_name(session: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    return str(session.execute(select(Staff.name).where(Staff.id == staff_id)).scalar() or "")


def is_overdue(action: dict[str, Any], today: dt.date) -> bool:
    due = action.get("due_date")
    return bool(due is not None and due < today and action.get("status") in OPEN_STATUSES)


__all__ = [
    "DueSummary",
    "actions_due",
    "actions_for",
    "counts",
    "departments",
    "due_summary",
    "former_people",
    "is_overdue",
    "meetings_for",
    "month_end",
    "organisation_people",
    "recent_organisations",
    "staff_name",
    "upcoming_meetings",
    "week_end",
]

_ = or_  # kept for callers composing conditions
