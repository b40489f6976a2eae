"""What the dashboard, the overdue banner and the detail stories show: small, bounded queries.

Every function returns plain dicts and takes ``today`` (or ``now``) explicitly, so that tests
can pin the date. Lists are limited; counts are single aggregate queries over indexed columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from app import records
from app.lists import action_select
from app.reorg import still_active
from db import clock
from db.models import (
    EMAIL_KIND,
    OPEN_STATUSES,
)
from db.tables import ACT, ATTENDEE, CHANGE, CON, MEET, MEET_ORG, METHOD, ORG, STAFF


def week_end(today: dt.date) -> dt.date:
    """The Sunday closing ``today``'s week (Monday-first weeks, as in Vietnam)."""
    return today + dt.timedelta(days=6 - today.weekday())


def due_week_end(today: dt.date) -> dt.date:
    """The last day "due this week" covers (the dashboard's figure and card, the list's preset):
    the Sunday closing ``today``'s week from Monday to Friday; on a Saturday or a Sunday the
    week's work is over, and it is the coming working week, to the Sunday after (reviewer: on a
    Sunday it said 0 and "Nothing due this week" while four actions were due Tuesday)."""
    return week_end(today + dt.timedelta(days=7)) if is_weekend(today) else week_end(today)


def is_weekend(today: dt.date) -> bool:
    """Saturday or Sunday: "due this week" is the coming week (:func:`due_week_end`)."""
    return today.weekday() >= 5


def month_end(today: dt.date) -> dt.date:
    first_next = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first_next - dt.timedelta(days=1)


@dataclass(frozen=True)
class DueSummary:
    """What the start-up banner and the tray notification say."""

    overdue: int
    due_today: int
    first_titles: tuple[str, ...]
    late_replies: int = 0  # incoming letters whose reply deadline passed (the letter register)
    # which of ``first_titles`` are confidential actions' or name a confidential person or
    # organisation (the banner marks them; the tray's message, which the system shows and keeps
    # where anyone may read it, leaves them out)
    first_confidential: tuple[bool, ...] = ()

    @property
    def anything(self) -> bool:
        return bool(self.overdue or self.due_today or self.late_replies)


def _open_actions() -> Any:
    return (ACT.c.deleted_at.is_(None), ACT.c.status.in_(OPEN_STATUSES))


def due_summary(session: Session, *, today: dt.date, staff_id: int | None = None) -> DueSummary:
    """Open actions overdue and due today (only the user's when ``staff_id`` is given)."""
    conds = list(_open_actions())
    if staff_id is not None:
        conds.append(ACT.c.responsible_staff_id == staff_id)
    overdue = session.execute(
        select(func.count()).select_from(ACT).where(*conds, ACT.c.due_date < today)
    ).scalar_one()
    due_today = session.execute(
        select(func.count()).select_from(ACT).where(*conds, ACT.c.due_date == today)
    ).scalar_one()
    first = session.execute(
        select(ACT.c.title, ACT.c.confidential)
        .where(*conds, ACT.c.due_date <= today)
        .order_by(ACT.c.due_date, ACT.c.id)
        .limit(3)
    ).all()
    from app import secret_names
    from app.letters.register import overdue_replies

    # (a title naming a confidential person or organisation counts as confidential here too)
    secrets = secret_names.load(session) if first else ()
    return DueSummary(
        int(overdue),
        int(due_today),
        tuple(str(t) for t, _c in first),
        overdue_replies(session, today),
        tuple(bool(c) or bool(secret_names.found_in(secrets, [str(t)])) for t, c in first),
    )


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
        stmt = stmt.where(ACT.c.due_date < before)
    if from_ is not None:
        stmt = stmt.where(ACT.c.due_date >= from_)
    if to is not None:
        stmt = stmt.where(ACT.c.due_date <= to)
    if staff_id is not None:
        stmt = stmt.where(ACT.c.responsible_staff_id == staff_id)
    stmt = stmt.order_by(ACT.c.due_date, ACT.c.priority, ACT.c.id).limit(limit)
    return [dict(r._asdict()) for r in session.execute(stmt)]


def upcoming_meetings(session: Session, *, now: dt.datetime, limit: int = 10) -> list[dict[str, Any]]:
    stmt = (
        select(
            MEET.c.id,
            MEET.c.title,
            MEET.c.starts_at,
            MEET.c.location,
            MEET.c.kind,
            MEET.c.confidential,
        )
        .where(MEET.c.deleted_at.is_(None), MEET.c.starts_at >= now, MEET.c.kind != EMAIL_KIND)
        .order_by(MEET.c.starts_at, MEET.c.id)
        .limit(limit)
    )
    return _with_meeting_orgs(session, [dict(r._asdict()) for r in session.execute(stmt)])


def _with_meeting_orgs(session: Session, meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [m["id"] for m in meetings]
    names: dict[int, list[str]] = {}
    if ids:
        stmt = (
            select(MEET_ORG.c.meeting_id, ORG.c.name, ORG.c.acronym)
            .join(ORG, ORG.c.id == MEET_ORG.c.organisation_id)
            .where(MEET_ORG.c.meeting_id.in_(ids))
        )
        for mid, name, acronym in session.execute(stmt):
            names.setdefault(int(mid), []).append(acronym or name)
    for m in meetings:
        m["organisations"] = ", ".join(names.get(m["id"], []))
    return meetings


def recent_organisations(
    session: Session, *, limit: int = 8, now: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """Organisations most recently met, then most recently edited (meetings after ``now``
    do not count as met)."""
    last_met = (
        select(
            MEET_ORG.c.organisation_id.label("oid"),
            func.max(MEET.c.starts_at).label("met"),
        )
        .join(MEET, MEET.c.id == MEET_ORG.c.meeting_id)
        .where(MEET.c.deleted_at.is_(None), MEET.c.starts_at <= (now or dt.datetime.max))
        .group_by(MEET_ORG.c.organisation_id)
        .subquery()
    )
    stmt = (
        select(
            ORG.c.id,
            ORG.c.name,
            ORG.c.acronym,
            ORG.c.kind,
            ORG.c.updated_at,
            last_met.c.met,
        )
        .outerjoin(last_met, last_met.c.oid == ORG.c.id)
        .where(ORG.c.deleted_at.is_(None))
        # Met most recently first (the relationship is alive), then the most recently edited.
        .order_by(last_met.c.met.desc().nulls_last(), ORG.c.updated_at.desc(), ORG.c.id)
        .limit(limit)
    )
    return [dict(r._asdict()) for r in session.execute(stmt)]


def counts(session: Session, *, today: dt.date) -> dict[str, int]:
    """The figures a manager asks for."""
    month_start = dt.datetime.combine(today.replace(day=1), dt.time())
    next_month = dt.datetime.combine(month_end(today) + dt.timedelta(days=1), dt.time())
    open_by_dir: dict[str, int] = dict(
        session.execute(
            select(ACT.c.direction, func.count()).where(*_open_actions()).group_by(ACT.c.direction)
        ).all()
    )

    def n(stmt: Any) -> int:
        return int(session.execute(stmt).scalar_one())

    return {
        "meetings_this_month": n(
            select(func.count())
            .select_from(MEET)
            .where(
                MEET.c.deleted_at.is_(None),
                MEET.c.starts_at >= month_start,
                MEET.c.starts_at < next_month,
                MEET.c.kind != EMAIL_KIND,  # an e-mail logged is kept as a meeting of this kind
            )
        ),
        "we_owe": int(open_by_dir.get("we_owe", 0)),
        "they_owe": int(open_by_dir.get("they_owe", 0)),
        "overdue": n(select(func.count()).select_from(ACT).where(*_open_actions(), ACT.c.due_date < today)),
        "due_this_week": n(
            select(func.count())
            .select_from(ACT)
            .where(
                *_open_actions(),
                ACT.c.due_date >= today,
                ACT.c.due_date <= due_week_end(today),
            )
        ),
        "organisations": n(  # merged or renamed away: no longer one to work with
            select(func.count()).select_from(ORG).where(ORG.c.deleted_at.is_(None), still_active(ORG.c.id))
        ),
        "contacts": n(select(func.count()).select_from(CON).where(CON.c.deleted_at.is_(None))),
    }


# --- detail stories -----------------------------------------------------------------------------


def units_select(organisation_id: int) -> Any:
    """The ids of the organisation and its direct departments (not deleted): whose people its
    page lists (:func:`organisation_people`) and its brief (app.briefing.gather)."""
    return select(ORG.c.id).where(
        or_(ORG.c.id == organisation_id, ORG.c.parent_id == organisation_id), ORG.c.deleted_at.is_(None)
    )


def organisation_units(session: Session, organisation_id: int) -> list[int]:
    """:func:`units_select`'s ids, the organisation first."""
    ids = [int(i) for i in session.execute(units_select(organisation_id)).scalars()]
    return [organisation_id] + [i for i in ids if i != organisation_id]


def organisation_people(
    session: Session, organisation_id: int, *, limit: int = 200, departments: bool = False
) -> list[dict[str, Any]]:
    """People at an organisation (and, with ``departments``, at its direct departments, whose
    name is then in ``unit``), with their primary email and phone and position history."""
    units = organisation_units(session, organisation_id) if departments else [organisation_id]
    stmt = (
        select(
            CON.c.id,
            CON.c.full_name,
            CON.c.honorific,
            CON.c.position,
            func.coalesce(func.nullif(ORG.c.acronym, ""), ORG.c.name).label("unit"),
            CON.c.organisation_id,
        )
        .join(ORG, ORG.c.id == CON.c.organisation_id)
        .where(CON.c.organisation_id.in_(units), CON.c.deleted_at.is_(None))
        .order_by(CON.c.organisation_id != organisation_id, CON.c.sort_key, CON.c.id)
        .limit(limit)
    )
    people = [dict(r._asdict(), email="", phone="", history=[]) for r in session.execute(stmt)]
    ids = [p["id"] for p in people]
    if not ids:
        return people
    by_id = {p["id"]: p for p in people}
    mstmt = (
        select(METHOD.c.contact_id, METHOD.c.kind, METHOD.c.value)
        .where(METHOD.c.contact_id.in_(ids))
        .order_by(METHOD.c.contact_id, METHOD.c.position)
    )
    for cid, kind, value in session.execute(mstmt):
        p = by_id[int(cid)]
        if kind in ("email", "phone") and not p[kind]:
            p[kind] = value
    hstmt = (
        select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new, CHANGE.c.at, CHANGE.c.group_id, CHANGE.c.op)
        .where(
            CHANGE.c.entity == "contact",
            CHANGE.c.field == "position",
            CHANGE.c.entity_id.in_(ids),
        )
        .order_by(CHANGE.c.at, CHANGE.c.id)
    )
    changes = [dict(r._asdict()) for r in session.execute(hstmt)]
    for h in records.career(changes):  # not an undone position, the undo's own row, a merge
        by_id[int(h["entity_id"])]["history"].append(
            {"old": h["old"], "new": h["new"], "at": clock.local(h["at"])}
        )
    return people


def former_people(session: Session, organisation_id: int, *, limit: int = 50) -> list[dict[str, Any]]:
    """Contacts who moved away from the organisation (from the change history)."""
    stmt = (
        select(CHANGE.c.entity_id, CHANGE.c.at, CON.c.full_name, CON.c.organisation_id)
        .join(CON, CON.c.id == CHANGE.c.entity_id)
        .where(
            CHANGE.c.entity == "contact",
            CHANGE.c.field == "organisation_id",
            cast(CHANGE.c.old, String) == str(organisation_id),
            CON.c.organisation_id != organisation_id,
        )
        .order_by(CHANGE.c.at.desc())
        .limit(limit)
    )
    return [
        {"id": int(cid), "left_at": at, "full_name": name, "organisation_id": oid}
        for cid, at, name, oid in session.execute(stmt)
    ]


def departments(session: Session, organisation_id: int) -> list[dict[str, Any]]:
    stmt = (
        select(ORG.c.id, ORG.c.name, ORG.c.acronym)
        .where(ORG.c.parent_id == organisation_id, ORG.c.deleted_at.is_(None))
        .order_by(ORG.c.sort_key)
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
        MEET.c.id,
        MEET.c.title,
        MEET.c.starts_at,
        MEET.c.location,
        MEET.c.kind,
        MEET.c.decisions,
    ).where(MEET.c.deleted_at.is_(None))
    if organisation_id is not None:
        stmt = stmt.where(
            MEET.c.id.in_(select(MEET_ORG.c.meeting_id).where(MEET_ORG.c.organisation_id == organisation_id))
        )
    if contact_id is not None:
        stmt = stmt.where(
            MEET.c.id.in_(select(ATTENDEE.c.meeting_id).where(ATTENDEE.c.contact_id == contact_id))
        )
    stmt = stmt.order_by(MEET.c.starts_at.desc(), MEET.c.id.desc()).limit(limit)
    return _with_meeting_orgs(session, [dict(r._asdict()) for r in session.execute(stmt)])


def involving_contact(contact_id: int) -> ColumnElement[bool]:
    """The actions that concern a person: those the person is responsible for, and those from a
    meeting the person attended (either side's) that are not another organisation's: about the
    person's organisation (its parent or departments) or about none, and carried by us, by no
    one named, or by someone of those. A contact's page and the contact's brief both list their
    open ones under "Open commitments" (they disagreed: the page had only the first).

    Not every action of every meeting attended, as for an organisation (:func:`involving_organisation`):
    h58 met NVIDIA's Hồ Đức Bình with "Nộp hồ sơ xin tài trợ cho Quỹ" (ours, for the Fund, agreed
    at a meeting with three organisations) on his brief, nothing to raise with him."""
    his = select(CON.c.organisation_id).where(CON.c.id == contact_id).scalar_subquery()
    parent = select(ORG.c.parent_id).where(ORG.c.id == his).scalar_subquery()
    units = select(ORG.c.id).where(or_(ORG.c.id == his, ORG.c.parent_id == his, ORG.c.id == parent))
    theirs = select(CON.c.id).where(or_(CON.c.organisation_id.is_(None), CON.c.organisation_id.in_(units)))
    attended = select(ATTENDEE.c.meeting_id).where(ATTENDEE.c.contact_id == contact_id)
    return or_(
        ACT.c.responsible_contact_id == contact_id,
        and_(
            ACT.c.meeting_id.in_(attended),
            or_(ACT.c.organisation_id.is_(None), ACT.c.organisation_id.in_(units)),
            or_(ACT.c.responsible_contact_id.is_(None), ACT.c.responsible_contact_id.in_(theirs)),
        ),
    )


def involving_organisation(organisation_id: int) -> ColumnElement[bool]:
    """The actions that concern an organisation: those recorded under it or one of its
    departments, and those carried by one of the people its page lists (its own or its
    departments', :func:`units_select`), either side's. An organisation's page and its brief both
    list their open ones under "Open commitments" (they disagreed: the brief counted what its
    people carry, the page did not; neither counted its departments').

    Not the actions of every meeting it attended: a follow-up names the organisation it is about,
    and a workshop with six organisations would put the other five's work on each page."""
    units = units_select(organisation_id)
    return or_(
        ACT.c.organisation_id.in_(units),
        ACT.c.responsible_contact_id.in_(
            select(CON.c.id).where(CON.c.organisation_id.in_(units), CON.c.deleted_at.is_(None))
        ),
    )


def actions_for(
    session: Session,
    *,
    organisation_id: int | None = None,
    contact_id: int | None = None,
    meeting_id: int | None = None,
    open_only: bool = False,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Actions of an organisation (:func:`involving_organisation`), a person
    (:func:`involving_contact`) or a meeting; open ones first (``limit`` never drops an open
    one for a done one: the page's commitments are the brief's), each part by due date."""
    stmt = action_select().where(ACT.c.deleted_at.is_(None))
    if organisation_id is not None:
        stmt = stmt.where(involving_organisation(organisation_id))
    if contact_id is not None:
        stmt = stmt.where(involving_contact(contact_id))
    if meeting_id is not None:
        stmt = stmt.where(ACT.c.meeting_id == meeting_id)
    if open_only:
        stmt = stmt.where(ACT.c.status.in_(OPEN_STATUSES))
    stmt = stmt.order_by(
        ACT.c.status.not_in(OPEN_STATUSES),
        ACT.c.due_date.is_(None),
        ACT.c.due_date,
        ACT.c.id,
    ).limit(limit)
    return [dict(r._asdict()) for r in session.execute(stmt)]


def staff_name(session: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    return str(session.execute(select(STAFF.c.name).where(STAFF.c.id == staff_id)).scalar() or "")


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
    "due_week_end",
    "former_people",
    "involving_contact",
    "involving_organisation",
    "is_overdue",
    "is_weekend",
    "meetings_for",
    "month_end",
    "organisation_people",
    "organisation_units",
    "recent_organisations",
    "staff_name",
    "units_select",
    "upcoming_meetings",
    "week_end",
]
