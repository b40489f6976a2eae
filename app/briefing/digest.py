"""Gather a period digest: what happened from one day to another, what was overdue at its end,
and the stakeholder map (:func:`gather_digest`; the other briefs are :mod:`app.briefing.gather`'s).

As every gatherer, a fixed number of queries whatever the length of the history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import and_, func, or_, select, true
from sqlmodel import Session

from app import workdays
from app.briefing import queries as q
from app.briefing.data import ActionRow, NewContactRow, OverdueGroup, PeriodDigest, StakeholderPoint
from app.briefing.secrets import with_secrets
from app.errors import UserError
from db import clock
from db import models as m

# (tables typed as Any, as in app.briefing.gather: column expressions for the queries)
Action: Any = m.Action
Contact: Any = m.Contact
Meeting: Any = m.Meeting
MeetingOrganisation: Any = m.MeetingOrganisation
Organisation: Any = m.Organisation


FIRST_YEAR, LAST_YEAR, LONGEST_YEARS = 1900, 9998, 50


def check_period(start: dt.date, end: dt.date) -> None:
    """A digest's period lies within the years a diary can hold and spans at most 50 years
    (one row per month is drawn); anything else is a mistyped date, said so plainly."""
    for day in (end, start):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise UserError(
                f"{day.isoformat()} is not a date a digest can cover (years {FIRST_YEAR}–{LAST_YEAR})"
            )
    if (end - start).days > LONGEST_YEARS * 366:
        raise UserError(f"a digest covers at most {LONGEST_YEARS} years; choose a shorter period")


def gather_digest(
    session: Session,
    start: dt.date,
    end: dt.date,
    *,
    today: dt.date | None = None,
    stakeholder_limit: int = 40,
    hide: bool = False,
) -> PeriodDigest:
    """What happened from ``start`` to ``end`` (both inclusive); what was overdue at its end
    (on ``today`` when the period ends later). ``hide``: leave confidential records out
    (app.briefing.leave_out)."""
    if end < start:
        raise ValueError("The period ends before it starts")
    check_period(start, end)
    today = today or clock.today()
    lo, hi = dt.datetime.combine(start, dt.time()), q.day_end(end)
    in_period = and_(Meeting.starts_at >= lo, Meeting.starts_at < hi)
    meetings = q.meeting_rows(
        session,
        q.meeting_select(hide=hide).where(in_period).order_by(Meeting.starts_at, Meeting.id),
        hide=hide,
    )
    lo_utc, hi_utc = clock.utc_of(lo), clock.utc_of(hi)  # the office's days' bounds
    nc_rows = q.fetch(
        session,
        select(
            Contact.id,
            Contact.full_name,
            Contact.position,
            Organisation.name,
            Contact.created_at,
            Contact.confidential,
            Organisation.id,
            Organisation.confidential,
        )
        .outerjoin(
            Organisation,
            and_(Organisation.id == Contact.organisation_id, Organisation.deleted_at.is_(None)),
        )
        .where(
            Contact.deleted_at.is_(None),
            Contact.created_at >= lo_utc,
            Contact.created_at < hi_utc,
            q.shown(Contact, hide),
        )
        .order_by(Contact.created_at, Contact.id),
    )
    new_contacts = [
        NewContactRow(
            r[0], r[1], r[2], r[3] or "", r[4], bool(r[5]), q.secret("organisation", r[6], r[3], r[7])
        )
        for r in nc_rows
    ]
    completed = q.actions(
        session,
        and_(Action.status == "done", Action.completed_on >= start, Action.completed_on <= end),
        today,
        order_by_due=False,
        hide=hide,
    )
    # Overdue as it stood at the end of the period (today, for a period not over yet): due
    # before that day and not done by then, late by the working days up to it. It was the count
    # of today beside the period's figures, and listed actions due after the period (reviewer).
    on = min(end, today)
    overdue_rows = q.actions(
        session,
        and_(
            Action.due_date.is_not(None),
            Action.due_date < on,
            or_(q.open_only(), and_(Action.status == "done", Action.completed_on > on)),
        ),
        on,
        hide=hide,
    )
    cal = workdays.load_calendar(session)
    groups: dict[tuple[str, str], list[ActionRow]] = {}
    for a in overdue_rows:
        late = dataclasses.replace(a, overdue=True, late_workdays=cal.count(a.due_date or on, on))
        side = "they_owe" if a.direction == "they_owe" else "we_owe"
        groups.setdefault((side, a.responsible), []).append(late)
    overdue = sorted(
        (OverdueGroup(who, tuple(v), side) for (side, who), v in groups.items()),
        key=lambda g: (g.direction != "we_owe", -len(g.actions), g.responsible == "", g.responsible),
    )
    # "met in this period" on the map: the meetings that have taken place (reviewer h103: this
    # week's digest filled four organisations whose only meetings were still to come)
    met = (
        select(MeetingOrganisation.organisation_id, func.count().label("n"))
        .join(Meeting, Meeting.id == MeetingOrganisation.meeting_id)
        .where(
            in_period,
            Meeting.starts_at < q.moment(today),
            Meeting.deleted_at.is_(None),
            q.shown(Meeting, hide),
            q.met_openly(MeetingOrganisation.meeting_id, MeetingOrganisation.organisation_id)
            if hide
            else true(),
        )
        .group_by(MeetingOrganisation.organisation_id)
        .subquery()
    )
    n = func.coalesce(met.c.n, 0)
    sh_rows = q.fetch(
        session,
        select(
            Organisation.id,
            Organisation.acronym,
            Organisation.name,
            Organisation.influence,
            Organisation.interest,
            n,
            Organisation.confidential,
        )
        .outerjoin(met, met.c.organisation_id == Organisation.id)
        .where(
            Organisation.deleted_at.is_(None),
            Organisation.influence.is_not(None),
            Organisation.interest.is_not(None),
            q.shown(Organisation, hide),
        )
        .order_by(n.desc(), Organisation.influence.desc(), Organisation.interest.desc(), Organisation.id)
        .limit(stakeholder_limit),
    )
    stakeholders = [StakeholderPoint(r[0], r[1] or r[2], r[3], r[4], int(r[5]), bool(r[6])) for r in sh_rows]
    all_ids = select(Meeting.id).where(q.shown(Meeting, hide))
    brief = PeriodDigest(
        start=start,
        end=end,
        generated_at=q.now(),
        today=today,
        meetings=tuple(meetings),
        new_contacts=tuple(new_contacts),
        completed=tuple(completed),
        overdue=tuple(overdue),
        stakeholders=tuple(stakeholders),
        per_month=q.per_month(session, all_ids, end, hide=hide),
        overdue_on=on,
    )
    return with_secrets(session, brief)
