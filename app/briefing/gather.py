"""Gather the data of a brief from the database into plain dataclasses.

Every function here issues a fixed number of queries whatever the size of the history: rows
are fetched in bulk with ``IN (…)`` lists and counted with ``GROUP BY`` in SQL, never one
query per meeting. Soft-deleted rows (``deleted_at`` set) are left out everywhere, except
that the role history names an organisation even if it has been deleted since.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import and_, func, or_, select, true, union
from sqlmodel import Session

from app import dashboard, posts, records, reorg
from app.briefing import queries as q
from app.briefing.data import (
    ContactBrief,
    FileRow,
    MeetingPrepBrief,
    OrganisationBrief,
    PersonRow,
    RoleChange,
)
from app.briefing.digest import gather_digest
from app.briefing.letters_section import gather_letters
from app.briefing.lookup import BriefNotFound, find_contact, find_organisation, no_such
from app.briefing.reorg_section import by_precedence
from app.briefing.secrets import only_contacts, with_secrets
from db import clock
from db import models as m

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
UPCOMING_MEETINGS = 5
"""Meetings to come a brief lists, nearest first (reviewer: the brief of MOST printed "Last
meeting 3 Dec" and not the meeting planned with them on 10 Dec); how many more are planned
is said under them."""
KEY_PEOPLE = 12
"""People an organisation brief lists: what fits beside the meetings and commitments on the
first pages (reviewer: 45 people over 2½ pages pushed the commitments to page 4); how many more
the organisation has is said under the table."""


# --- organisation ---------------------------------------------------------------------------


def _org_meeting_ids(org_id: int, hide: bool = False) -> Any:
    """Meetings with the organisation: linked directly or attended by one of its people
    (``hide``: not through confidential people alone, queries.met_openly)."""
    direct = select(MeetingOrganisation.meeting_id).where(MeetingOrganisation.organisation_id == org_id)
    if hide:
        direct = direct.where(
            q.met_openly(MeetingOrganisation.meeting_id, MeetingOrganisation.organisation_id)
        )
    via_people = (
        select(MeetingAttendee.meeting_id)
        .join(Contact, Contact.id == MeetingAttendee.contact_id)
        .where(Contact.organisation_id == org_id, Contact.deleted_at.is_(None), q.shown(Contact, hide))
    )
    return select(union(direct, via_people).subquery().c.meeting_id)


def gather_organisation(
    session: Session,
    org_id: int,
    *,
    today: dt.date | None = None,
    recent: int | None = RECENT_MEETINGS,
    hide: bool = False,
) -> OrganisationBrief:
    """``hide``: leave confidential records out (app.briefing.leave_out)."""
    today = today or clock.today()
    org = session.get(Organisation, org_id)
    if org is None or org.deleted_at is not None:
        raise no_such("organisation", org_id)
    sectors = [
        r[0]
        for r in q.fetch(
            session,
            select(Sector.name)
            .join(OrganisationSector, OrganisationSector.sector_id == Sector.id)
            .where(OrganisationSector.organisation_id == org_id)
            .order_by(Sector.folded),
        )
    ]
    parent = q.names(session, Organisation, [org.parent_id]).get(org.parent_id or -1, "")
    owner = q.names(session, Staff, [org.owner_id]).get(org.owner_id or -1, "")
    meeting_ids = _org_meeting_ids(org_id, hide)
    # the same set as the organisation's page (app.story): recorded under it or a department,
    # or carried by one of its or its departments' people
    involving = dashboard.involving_organisation(org_id)
    actions = q.actions(session, and_(q.open_only(), involving), today, hide=hide)
    # (its commitments' table has no organisation column: only the responsible is named)
    we, they = q.split([dataclasses.replace(a, secrets=only_contacts(a.secrets)) for a in actions])
    since = q.moment(today)
    people, more = _key_people(session, org_id, since, hide)
    upcoming, upcoming_more = q.upcoming(session, meeting_ids, since, UPCOMING_MEETINGS, hide=hide)
    brief = OrganisationBrief(
        organisation_id=org_id,
        name=org.name,
        generated_at=q.now(),
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
        people=people,
        people_more=more,
        summary=q.summary(session, meeting_ids, today, before=since, hide=hide),
        recent_meetings=tuple(q.recent(session, meeting_ids, today, recent, before=since, hide=hide)),
        upcoming_meetings=tuple(upcoming),
        upcoming_more=upcoming_more,
        we_owe=we,
        they_owe=they,
        files=_files(session, "organisation", org_id),
        letters=tuple(x for x in gather_letters(session, org_id, today) if not (hide and x.confidential)),
        lineage=reorg.lineage(session, org_id),
        confidential=bool(org.confidential),
    )
    return with_secrets(session, brief)


def _key_people(
    session: Session, org_id: int, before: dt.datetime, hide: bool = False
) -> tuple[tuple[PersonRow, ...], int]:
    """The people the organisation's page lists (its own and its departments':
    dashboard.units_select), the most influential first, then the most recently met; at most
    KEY_PEOPLE of them, and how many more there are. A department's person has the
    department's acronym or name as ``organisation``; the organisation's own, none. ``hide``:
    not a confidential person, nor one of a confidential department, counted nowhere either."""
    rows = q.fetch(
        session,
        select(
            Contact.id,
            Contact.influence,
            Contact.sort_key,
            Contact.organisation_id,
            func.coalesce(func.nullif(Organisation.acronym, ""), Organisation.name),
            Organisation.confidential,
        )
        .join(Organisation, Organisation.id == Contact.organisation_id)
        .where(
            Contact.organisation_id.in_(dashboard.units_select(org_id)),
            Contact.deleted_at.is_(None),
            q.shown(Contact, hide),
            q.shown(Organisation, hide),
        ),
    )
    met = q.last_met(session, [r[0] for r in rows], before, hide=hide)
    never = dt.datetime.min

    def rank(r: Any) -> tuple[Any, ...]:
        return (-(r[1] or 0), -(met.get(r[0], never) - never).total_seconds(), r[2] or "", r[0])

    chosen = sorted(rows, key=rank)[:KEY_PEOPLE]
    found = {
        p.contact_id: p
        for p in q.people(session, Contact.id.in_([r[0] for r in chosen]), before, KEY_PEOPLE, met=met)
    }
    people = tuple(
        dataclasses.replace(found[r[0]], organisation="", secrets=())
        if r[3] == org_id
        else dataclasses.replace(
            found[r[0]], organisation=r[4], secrets=q.secret("organisation", r[3], r[4], r[5])
        )
        for r in chosen
        if r[0] in found
    )
    return people, len(rows) - len(people)


# --- contact --------------------------------------------------------------------------------


def _role_history(session: Session, contact_id: int) -> list[RoleChange]:
    """The changes of the contact's position and organisation that are changes of career
    (:func:`app.records.career`: not an undone edit, an undo's rows, nor a merge's), oldest
    first, as (at, field, old, new)."""
    stmt = (
        select(Change.at, Change.field, Change.old, Change.new, Change.op, Change.group_id)
        .where(
            Change.entity == "contact",
            Change.entity_id == contact_id,
            Change.field.in_(("position", "organisation_id")),
        )
        .order_by(Change.at, Change.id)
    )
    found = [
        {"at": r[0], "field": r[1], "old": r[2], "new": r[3], "op": r[4], "group_id": r[5]}
        for r in q.fetch(session, stmt)
    ]
    rows = [(h["at"], h["field"], h["old"], h["new"]) for h in records.career(found)]
    org_ids = [v for r in rows if r[1] == "organisation_id" for v in (r[2], r[3]) if isinstance(v, int)]
    orgs = q.names(session, Organisation, org_ids, live=False)

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


def _files(session: Session, kind: str, record_id: int) -> tuple[FileRow, ...]:
    """The files attached to the record (names, sizes, dates; never their bytes)."""
    from app.attachments import list_for

    return tuple(
        FileRow(a.file_name, a.size, a.added_at, a.added_by) for a in list_for(session, kind, record_id)
    )


def gather_contact(
    session: Session,
    contact_id: int,
    *,
    today: dt.date | None = None,
    recent: int | None = RECENT_MEETINGS,
    hide: bool = False,
) -> ContactBrief:
    """``hide``: leave confidential records out (app.briefing.leave_out); the person's colleagues
    are not listed when their organisation is confidential."""
    today = today or clock.today()
    c = session.get(Contact, contact_id)
    if c is None or c.deleted_at is not None:
        raise no_such("contact", contact_id)
    org = q.names(session, Organisation, [c.organisation_id]).get(c.organisation_id or -1, "")
    owner = q.names(session, Staff, [c.owner_id]).get(c.owner_id or -1, "")
    emails, phones = q.contact_methods(session, [contact_id]).get(contact_id, ([], []))
    meeting_ids = select(MeetingAttendee.meeting_id).where(MeetingAttendee.contact_id == contact_id)
    since = q.moment(today)
    colleagues: list[PersonRow] = []
    home = session.get(Organisation, c.organisation_id) if c.organisation_id is not None else None
    if home is not None and not (hide and home.confidential):
        colleagues = q.people(
            session,
            and_(Contact.organisation_id == c.organisation_id, Contact.id != contact_id),
            since,
            12,
            hide=hide,
        )
    # the same set as the contact's page (app.story): responsible, or from a meeting attended
    we, they = q.split(
        q.actions(session, and_(q.open_only(), dashboard.involving_contact(contact_id)), today, hide=hide)
    )
    upcoming, upcoming_more = q.upcoming(session, meeting_ids, since, UPCOMING_MEETINGS, hide=hide)
    summary = q.summary(session, meeting_ids, today, before=since, hide=hide)
    brief = ContactBrief(
        contact_id=contact_id,
        name=c.full_name,
        generated_at=q.now(),
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
        last_contacted_on=_last_contacted(c.last_contacted_on, summary.last_meeting),
        role_history=tuple(_role_history(session, contact_id)),
        posts_held=tuple(posts.held_by(session, contact_id)),
        colleagues=tuple(colleagues),
        summary=summary,
        recent_meetings=tuple(q.recent(session, meeting_ids, today, recent, before=since, hide=hide)),
        upcoming_meetings=tuple(upcoming),
        upcoming_more=upcoming_more,
        we_owe=we,
        they_owe=they,
        files=_files(session, "contact", contact_id),
        confidential=bool(c.confidential),
    )
    return with_secrets(session, brief)


def _last_contacted(recorded: dt.date | None, last_meeting: dt.datetime | None) -> dt.date | None:
    """A contact brief's "Last contacted": the contact's date (what a sheet or a person gave, and
    the meetings that are not confidential: :mod:`app.contacted`), or the brief's own "Last
    meeting" when that is later. The field never counts a confidential meeting (everyone who sees
    the contact sees it), so the usual brief, which lists that meeting, said "Last contacted
    12/11/2024" above "Last meeting 07/12/2026" (reviewer h149); it says 07/12/2026 twice now,
    to a reader who is shown that meeting anyway. Without confidential records the last meeting
    counted is an open one, which the field counts already: the two agree there as they were."""
    met = last_meeting.date() if last_meeting is not None else None
    if recorded is None or (met is not None and met > recorded):
        return met
    return recorded


# --- meeting preparation --------------------------------------------------------------------


def gather_meeting(
    session: Session,
    meeting_id: int,
    *,
    today: dt.date | None = None,
    previous: int = 5,
    hide: bool = False,
) -> MeetingPrepBrief:
    """``hide``: leave confidential records out (app.briefing.leave_out)."""
    today = today or clock.today()
    m = session.get(Meeting, meeting_id)
    if m is None or m.deleted_at is not None:
        raise no_such("meeting", meeting_id)
    org_rows = q.fetch(
        session,
        select(Organisation.id, Organisation.name, Organisation.confidential)
        .join(MeetingOrganisation, MeetingOrganisation.organisation_id == Organisation.id)
        .where(
            MeetingOrganisation.meeting_id == meeting_id,
            Organisation.deleted_at.is_(None),
            q.shown(Organisation, hide),
            q.met_openly(MeetingOrganisation.meeting_id, MeetingOrganisation.organisation_id)
            if hide
            else true(),
        )
        .order_by(Organisation.sort_key),
    )
    org_ids = [r[0] for r in org_rows]
    staff = [
        r[0]
        for r in q.fetch(
            session,
            select(Staff.name)
            .join(MeetingStaff, MeetingStaff.staff_id == Staff.id)
            .where(MeetingStaff.meeting_id == meeting_id, Staff.deleted_at.is_(None))
            .order_by(Staff.name),
        )
    ]
    owner = q.names(session, Staff, [m.owner_id]).get(m.owner_id or -1, "")
    roles = dict(
        q.fetch(
            session,
            select(MeetingAttendee.contact_id, MeetingAttendee.role).where(
                MeetingAttendee.meeting_id == meeting_id
            ),
        )
    )
    # "Last met": the last meeting each attendee attended before this one that has taken place,
    # as the contact brief's "Last meeting" counts them (up to now: q.moment), not a planned one between
    # today and this meeting (reviewer: a meeting to come was given as when they last met).
    held_before = min(m.starts_at, q.moment(today))
    people = q.people(session, Contact.id.in_(list(roles)), held_before, 500, exclude=meeting_id, hide=hide)
    attendees = by_precedence(
        session,
        [dataclasses.replace(p, role=roles.get(p.contact_id, "")) for p in people],
        m.starts_at.date(),
    )
    attendee_ids = [p.contact_id for p in attendees]
    # "Previous meetings with these people": meetings one of this meeting's attendees attended
    # (not every meeting of their organisations); with no attendees named, the organisations';
    # those that have taken place, as "Last met" (reviewer h103: two meetings still to come,
    # between today and this one, were listed as previous, unmarked).
    prior = (
        select(MeetingAttendee.meeting_id).where(MeetingAttendee.contact_id.in_(attendee_ids))
        if attendee_ids
        else select(MeetingOrganisation.meeting_id).where(MeetingOrganisation.organisation_id.in_(org_ids))
    ).subquery()
    prev_stmt = (
        q.meeting_select(hide=hide)
        .where(
            Meeting.id.in_(select(prior.c.meeting_id)),
            Meeting.id != meeting_id,
            Meeting.starts_at < held_before,
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(previous)
    )
    involves = or_(
        Action.responsible_contact_id.in_(attendee_ids),
        Action.organisation_id.in_(org_ids),
        Action.meeting_id == meeting_id,
    )
    we, they = q.split(q.actions(session, and_(q.open_only(), involves), today, hide=hide))
    brief = MeetingPrepBrief(
        meeting_id=meeting_id,
        title=m.title,
        starts_at=m.starts_at,
        generated_at=q.now(),
        today=today,
        ends_at=m.ends_at,
        location=m.location,
        kind=m.kind,
        owner=owner,
        agenda=m.agenda,
        organisations=tuple(r[1] for r in org_rows),
        staff=tuple(staff),
        attendees=tuple(attendees),
        previous_meetings=tuple(q.meeting_rows(session, prev_stmt, hide=hide)),
        we_owe=we,
        they_owe=they,
        files=_files(session, "meeting", meeting_id),
        confidential=bool(m.confidential),
        secrets=tuple(x for r in org_rows for x in q.secret("organisation", r[0], r[1], r[2])),
        decisions=m.decisions or "",
        minutes=m.minutes or "",
    )
    return with_secrets(session, brief)
