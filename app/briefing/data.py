"""Plain data a brief is laid out from: frozen dataclasses, no ORM objects, no markup.

The gatherers in :mod:`app.briefing.gather` fill these from the database; the renderers in
:mod:`app.briefing.render` lay them out. Either side can be tested without the other: a test
can build a brief by hand and render it, or gather one and look at the numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Secret:
    """A confidential contact or organisation a brief names in passing: among a meeting's
    "With", as an action's responsible or organisation, a person's organisation or department,
    a fact (part of, formerly…), a role history or a post held. Its name is printed with its
    mark wherever it appears there (sections.named), as a confidential row is (reviewer: the
    brief of a person met with a confidential contact listed her under "With" unmarked, below
    the grey "internal" header). Found by :func:`app.briefing.secrets.with_secrets`."""

    kind: str  # "contact" or "organisation"
    record_id: int
    name: str  # as the brief prints it (an organisation's acronym, or its name)


@dataclass(frozen=True)
class PersonRow:
    """A contact as shown in a brief's people table."""

    contact_id: int
    name: str
    honorific: str = ""
    position: str = ""
    organisation: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    last_met: dt.datetime | None = None
    role: str = ""  # role in a meeting (meeting brief only)
    influence: int | None = None
    interest: int | None = None
    confidential: bool = False  # a confidential contact: marked where it appears (sections.secret_line)
    secrets: tuple[Secret, ...] = ()  # the confidential organisations, contacts it names (Secret)


@dataclass(frozen=True)
class MeetingRow:
    meeting_id: int
    starts_at: dt.datetime
    title: str
    kind: str = "meeting"
    location: str = ""
    organisations: tuple[str, ...] = ()
    attendees: tuple[str, ...] = ()  # their side: the contacts attending
    decisions: str = ""
    minutes: str = ""  # the start of the minutes (queries.MINUTES_READ characters)
    confidential: bool = False
    staff: tuple[
        str, ...
    ] = ()  # our side, the one in charge first (upcoming meetings only: queries.upcoming)
    ends_at: dt.datetime | None = None
    secrets: tuple[Secret, ...] = ()  # the confidential organisations, contacts it names (Secret)


@dataclass(frozen=True)
class ActionRow:
    action_id: int
    title: str
    direction: str  # we_owe / they_owe
    status: str
    due_date: dt.date | None = None
    responsible: str = ""
    organisation: str = ""
    kind: str = "task"
    priority: int = 2
    reference: str = ""
    completed_on: dt.date | None = None
    overdue: bool = False
    late_workdays: int = 0  # working days since the due date (app.workdays), 0 when not late
    confidential: bool = False
    secrets: tuple[Secret, ...] = ()  # the confidential organisations, contacts it names (Secret)


@dataclass(frozen=True)
class MonthCount:
    month: dt.date  # first day of the month
    count: int


@dataclass(frozen=True)
class RoleChange:
    """One step of a contact's role history (from the change log)."""

    at: dt.datetime
    field: str  # "position" or "organisation"
    old: str
    new: str


@dataclass(frozen=True)
class RelationshipSummary:
    first_meeting: dt.datetime | None
    last_meeting: dt.datetime | None
    total: int
    last_12_months: int  # the sum of per_month: the same twelve months as the chart
    per_month: tuple[MonthCount, ...]  # the last 12 months, oldest first, zeros included


@dataclass(frozen=True)
class FileRow:
    """A file attached to the record (issue 14)."""

    name: str
    size: int
    added_at: dt.datetime  # aware UTC
    added_by: str = ""


@dataclass(frozen=True)
class OrganisationBrief:
    organisation_id: int
    name: str
    generated_at: dt.datetime
    today: dt.date
    name_en: str = ""
    acronym: str = ""
    aliases: tuple[str, ...] = ()
    kind: str = "other"
    sectors: tuple[str, ...] = ()
    parent: str = ""
    country: str = ""
    city: str = ""
    address: str = ""
    website: str = ""
    owner: str = ""
    influence: int | None = None
    interest: int | None = None
    notes: str = ""
    people: tuple[PersonRow, ...] = ()  # its own and its departments' (``organisation``: the department)
    people_more: int = 0  # people of the organisation not listed (the brief lists the first few)
    summary: RelationshipSummary = field(default_factory=lambda: RelationshipSummary(None, None, 0, 0, ()))
    recent_meetings: tuple[MeetingRow, ...] = ()
    upcoming_meetings: tuple[MeetingRow, ...] = ()  # from now on, nearest first (gather.UPCOMING_MEETINGS)
    upcoming_more: int = 0  # planned after those
    we_owe: tuple[ActionRow, ...] = ()
    they_owe: tuple[ActionRow, ...] = ()
    files: tuple[FileRow, ...] = ()
    letters: tuple[Any, ...] = ()  # app.briefing.letters_section.LetterRow: the letter register's
    lineage: Any = None  # app.reorg.Lineage: formerly … / merged into … (issue 15)
    confidential: bool = False  # the organisation itself
    secrets: tuple[Secret, ...] = ()  # the confidential records named in passing (Secret)
    left_out: bool = False  # confidential records were left out, and that changed it (leave_out)


@dataclass(frozen=True)
class ContactBrief:
    contact_id: int
    name: str
    generated_at: dt.datetime
    today: dt.date
    honorific: str = ""
    position: str = ""
    organisation: str = ""
    organisation_id: int | None = None
    country: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    owner: str = ""
    influence: int | None = None
    interest: int | None = None
    notes: str = ""
    source: str = ""
    # the contact's date, or the brief's last meeting when later (gather._last_contacted)
    last_contacted_on: dt.date | None = None
    role_history: tuple[RoleChange, ...] = ()
    posts_held: tuple[Any, ...] = ()  # app.posts.PostHolding, newest first (issue 15)
    colleagues: tuple[PersonRow, ...] = ()
    summary: RelationshipSummary = field(default_factory=lambda: RelationshipSummary(None, None, 0, 0, ()))
    recent_meetings: tuple[MeetingRow, ...] = ()
    upcoming_meetings: tuple[MeetingRow, ...] = ()  # from now on, nearest first (gather.UPCOMING_MEETINGS)
    upcoming_more: int = 0  # planned after those
    we_owe: tuple[ActionRow, ...] = ()
    they_owe: tuple[ActionRow, ...] = ()
    files: tuple[FileRow, ...] = ()
    confidential: bool = False  # the contact itself
    secrets: tuple[Secret, ...] = ()  # the confidential records named in passing (Secret)
    left_out: bool = False  # confidential records were left out, and that changed it (leave_out)


@dataclass(frozen=True)
class MeetingPrepBrief:
    meeting_id: int
    title: str
    starts_at: dt.datetime
    generated_at: dt.datetime
    today: dt.date
    ends_at: dt.datetime | None = None
    location: str = ""
    kind: str = "meeting"
    owner: str = ""
    agenda: str = ""
    organisations: tuple[str, ...] = ()
    staff: tuple[str, ...] = ()
    attendees: tuple[PersonRow, ...] = ()
    previous_meetings: tuple[MeetingRow, ...] = ()
    we_owe: tuple[ActionRow, ...] = ()
    they_owe: tuple[ActionRow, ...] = ()
    files: tuple[FileRow, ...] = ()
    confidential: bool = False  # a confidential meeting: its brief says so on every page
    decisions: str = ""  # what was decided and written down (a meeting that has taken place)
    minutes: str = ""
    secrets: tuple[Secret, ...] = ()  # the confidential records named in passing (Secret)
    left_out: bool = False  # confidential records were left out, and that changed it (leave_out)


@dataclass(frozen=True)
class StakeholderPoint:
    """An organisation on the influence × interest map."""

    organisation_id: int
    label: str  # acronym or short name
    influence: int
    interest: int
    meetings_in_period: int = 0
    confidential: bool = False


@dataclass(frozen=True)
class OverdueGroup:
    responsible: str
    actions: tuple[ActionRow, ...]
    direction: str = "we_owe"  # we_owe / they_owe: a person's delays on our side and theirs apart


@dataclass(frozen=True)
class NewContactRow:
    contact_id: int
    name: str
    position: str
    organisation: str
    created_at: dt.datetime
    confidential: bool = False
    secrets: tuple[Secret, ...] = ()  # the confidential organisations, contacts it names (Secret)


@dataclass(frozen=True)
class PeriodDigest:
    start: dt.date
    end: dt.date  # inclusive
    generated_at: dt.datetime
    today: dt.date
    meetings: tuple[MeetingRow, ...] = ()
    new_contacts: tuple[NewContactRow, ...] = ()
    completed: tuple[ActionRow, ...] = ()
    overdue: tuple[OverdueGroup, ...] = ()
    stakeholders: tuple[StakeholderPoint, ...] = ()
    per_month: tuple[MonthCount, ...] = ()
    overdue_on: dt.date | None = None  # ``overdue`` is as it stood that day: the period's end, or today
    secrets: tuple[Secret, ...] = ()  # the confidential records named in passing (Secret)
    left_out: bool = False  # confidential records were left out, and that changed it (leave_out)


_ROW_KEYS = (
    ("people", "contact"), ("colleagues", "contact"), ("attendees", "contact"), ("new_contacts", "contact"),
    ("recent_meetings", "meeting"), ("upcoming_meetings", "meeting"), ("previous_meetings", "meeting"),
    ("meetings", "meeting"),
    ("we_owe", "action"), ("they_owe", "action"), ("completed", "action"),
    ("stakeholders", "organisation"),
    ("letters", "letter"),
)  # fmt: skip
_SUBJECTS = {
    "OrganisationBrief": ("organisation", "organisation_id"),
    "ContactBrief": ("contact", "contact_id"),
    "MeetingPrepBrief": ("meeting", "meeting_id"),
}


def _row_id(row: Any) -> int:
    for name in ("contact_id", "meeting_id", "action_id", "organisation_id", "letter_id"):
        if isinstance(value := getattr(row, name, None), int):
            return value
    return id(row)


def confidential_items(brief: Any) -> int:
    """How many confidential records a brief lists besides its subject (meetings, commitments,
    people, organisations on the map, and the contacts and organisations it names in passing:
    ``brief.secrets``), each counted once: each is marked where it appears, and a brief holding
    any is marked confidential at its head and on every page (reviewer: an organisation's brief
    printed a confidential meeting's minutes under only the usual "internal" mark; a contact's
    brief named a confidential contact among a meeting's "With" under it)."""
    keys: set[tuple[str, int]] = set()
    rows: list[tuple[str, Any]] = []
    for name, kind in _ROW_KEYS:
        rows += [(kind, r) for r in getattr(brief, name, ())]
    for group in getattr(brief, "overdue", ()):
        rows += [("action", a) for a in group.actions]
    keys |= {(kind, _row_id(r)) for kind, r in rows if getattr(r, "confidential", False)}
    keys |= {(s.kind, s.record_id) for s in getattr(brief, "secrets", ())}
    if subject := _SUBJECTS.get(type(brief).__name__):
        keys.discard((subject[0], getattr(brief, subject[1])))
    return len(keys)
