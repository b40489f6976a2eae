"""What a record's detail page tells: plain data for the organisation / contact / meeting / action
story, gathered with bounded queries and shaped here, so that the window only lays it out.

    with read_session(engine) as s:
        st = story(s, "organisation", 12, today=clock.today())
    st.commitments.we_owe   # open actions we owe, overdue ones flagged
    st.timeline             # meetings and dated actions, newest first

Everything returned is plain Python (dataclasses, dicts, dates): no ORM object leaves the session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app import attachments, calendars, dashboard, emails, posts, records, reorg
from app.history import record_history
from app.letters.register import list_letters
from app.posts import PostHolding, PostRow
from app.reorg import Lineage
from app.shown_record import organisations_in_the_trash, unseen
from db import clock
from db.engine import Session
from db.models import EMAIL_KIND, OPEN_STATUSES

TIMELINE_LIMIT = 40
LETTERS_LIMIT = 20  # the organisation page lists its latest letters; the register has them all
DECISIONS_EXCERPT = 200
CONTACT_HISTORY_SCAN = 50  # the newest changes looked at for a contact's role history
ACTION_HISTORY = 8  # changes shown on an action's page


@dataclass(frozen=True)
class Commitment:
    """One open action on a story page (or a done one: a meeting's page lists its done
    follow-ups under the open ones)."""

    id: int
    title: str
    direction: str  # we_owe / they_owe
    due_date: dt.date | None
    overdue: bool
    due_today: bool
    responsible: str
    completed_on: dt.date | None = None  # a done one's (done: the status is done)
    done: bool = False


@dataclass(frozen=True)
class Commitments:
    """Open actions in both directions, in the order the query gave (due date first)."""

    we_owe: list[Commitment] = field(default_factory=list)
    they_owe: list[Commitment] = field(default_factory=list)
    # done ones, by direction (a meeting's page only: ``commitments(..., with_done=True)``)
    done_we_owe: list[Commitment] = field(default_factory=list)
    done_they_owe: list[Commitment] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.we_owe and not self.they_owe

    @property
    def any_done(self) -> bool:
        return bool(self.done_we_owe or self.done_they_owe)

    def of(self, direction: str) -> list[Commitment]:
        return self.we_owe if direction == "we_owe" else self.they_owe

    def done_of(self, direction: str) -> list[Commitment]:
        return self.done_we_owe if direction == "we_owe" else self.done_they_owe


@dataclass(frozen=True)
class TimelineEvent:
    """A meeting (on its start) or an action (on its completion if done, else its due date)."""

    at: dt.datetime
    kind: str  # meeting / action
    id: int
    title: str
    note: str = ""  # a meeting's decisions, cut short
    done: bool = False
    direction: str = ""  # an action's
    meeting_kind: str = ""  # a meeting's kind ("email" for a logged e-mail)
    attachments: tuple[str, ...] = ()  # names of the files on a meeting

    @property
    def day(self) -> dt.date:
        return self.at.date()


@dataclass(frozen=True)
class OrganisationStory:
    record: dict[str, Any]
    today: dt.date
    parent: dict[str, Any] | None
    owner: str
    people: list[dict[str, Any]]  # dashboard.organisation_people rows, with position history
    former: list[dict[str, Any]]
    departments: list[dict[str, Any]]
    commitments: Commitments
    timeline: list[TimelineEvent]
    letters: list[dict[str, Any]] = field(default_factory=list)  # the letter register's, newest first
    lineage: Lineage = field(default_factory=Lineage)  # reorganisations: formerly … / merged into …
    posts: list[PostRow] = field(default_factory=list)  # its posts by precedence, with holders


@dataclass(frozen=True)
class ContactStory:
    record: dict[str, Any]
    today: dt.date
    owner: str
    role_history: list[dict[str, Any]]  # changes of position and organisation (names, not ids)
    commitments: Commitments
    timeline: list[TimelineEvent]
    posts_held: list[PostHolding] = field(default_factory=list)  # posts held, newest first
    unseen: dict[str, set[int]] = field(default_factory=dict)  # records named it may not see: UNSEEN
    trashed: set[int] = field(default_factory=set)  # organisations named that are in the trash


@dataclass(frozen=True)
class MeetingStory:
    record: dict[str, Any]
    today: dt.date
    organisations: list[dict[str, Any]]  # {"id", "name"}
    commitments: Commitments  # its follow-ups
    email: dict[str, Any] | None = None  # a logged e-mail's sender, recipients, Message-ID
    invitation: dict[str, Any] | None = None  # the calendar invitation it came from: uid, organizer
    unseen: dict[str, set[int]] = field(default_factory=dict)  # records named it may not see: UNSEEN
    trashed: set[int] = field(default_factory=set)  # organisations named that are in the trash
    staff: list[str] = field(default_factory=list)  # our staff who took part, by name (`meeting show`)


@dataclass(frozen=True)
class ActionStory:
    record: dict[str, Any]
    today: dt.date
    overdue: bool
    responsible: str
    organisation: str
    meeting: str
    history: list[dict[str, Any]]
    unseen: dict[str, set[int]] = field(default_factory=dict)  # records named it may not see: UNSEEN
    trashed: set[int] = field(default_factory=set)  # organisations named that are in the trash


Story = OrganisationStory | ContactStory | MeetingStory | ActionStory
UNSEEN = "unseen"
"""A story's ``unseen``: the records its record names that this login may not see (kind -> ids:
a colleague's confidential organisation, attendee, responsible contact or meeting on a team
database, :func:`app.shown_record.unseen`); the page says "a confidential record" for each, no
name, no id, no link (reviewer h130: "Responsible: #16084", "From meeting: #13")."""


def commitments(actions: list[dict[str, Any]], today: dt.date, *, with_done: bool = False) -> Commitments:
    """The open ones among ``actions``, split by direction, each marked overdue or due today;
    ``with_done``: the done ones too, apart (a meeting's follow-ups do not vanish when done)."""
    out = Commitments()
    for a in actions:
        if a["direction"] not in ("we_owe", "they_owe"):
            continue
        done = a["status"] == "done"
        if a["status"] not in OPEN_STATUSES and not (with_done and done):
            continue
        (out.done_of if done else out.of)(a["direction"]).append(
            Commitment(
                id=int(a["id"]),
                title=str(a["title"]),
                direction=a["direction"],
                due_date=a.get("due_date"),
                overdue=not done and dashboard.is_overdue(a, today),
                due_today=not done and a.get("due_date") == today,
                responsible=str(a.get("responsible") or ""),
                completed_on=a.get("completed_on") if done else None,
                done=done,
            )
        )
    return out


def timeline(
    meetings: list[dict[str, Any]],
    actions: list[dict[str, Any]],
    *,
    limit: int = TIMELINE_LIMIT,
    attached: dict[int, list[str]] | None = None,
) -> list[TimelineEvent]:
    """Meetings and dated actions, newest first; an undated open action is not on it.
    ``attached``: file names by meeting id."""
    events = [
        TimelineEvent(
            at=m["starts_at"],
            kind="meeting",
            id=int(m["id"]),
            title=str(m["title"]),
            note=(m.get("decisions") or "")[:DECISIONS_EXCERPT],
            meeting_kind=str(m.get("kind") or ""),
            attachments=tuple((attached or {}).get(int(m["id"]), ())),
        )
        for m in meetings
    ]
    for a in actions:
        done = a["status"] == "done"
        day = a.get("completed_on") if done else a.get("due_date")
        if day is None:
            continue
        events.append(
            TimelineEvent(
                at=dt.datetime.combine(day, dt.time()),
                kind="action",
                id=int(a["id"]),
                title=str(a["title"]),
                done=done,
                direction=str(a["direction"]),
            )
        )
    events.sort(key=lambda e: e.at, reverse=True)
    return events[:limit]


def organisation_story(session: Session, organisation_id: int, *, today: dt.date) -> OrganisationStory:
    rec = records.get(session, "organisation", organisation_id)
    meetings = dashboard.meetings_for(session, organisation_id=organisation_id)
    actions = dashboard.actions_for(session, organisation_id=organisation_id)
    return OrganisationStory(
        record=rec,
        today=today,
        parent=records.get(session, "organisation", rec["parent_id"]) if rec.get("parent_id") else None,
        owner=dashboard.staff_name(session, rec.get("owner_id")),
        people=dashboard.organisation_people(session, organisation_id, departments=True),
        former=dashboard.former_people(session, organisation_id),
        departments=dashboard.departments(session, organisation_id),
        commitments=commitments(actions, today),
        timeline=timeline(meetings, actions, attached=_attached(session, meetings)),
        letters=list_letters(session, organisation_id=organisation_id, limit=LETTERS_LIMIT),
        lineage=reorg.lineage(session, organisation_id),
        posts=posts.posts_of(session, organisation_id, today),
    )


def _attached(session: Session, meetings: list[dict[str, Any]]) -> dict[int, list[str]]:
    return attachments.names_for(session, "meeting", [int(m["id"]) for m in meetings])


def role_history(session: Session, contact_id: int) -> list[dict[str, Any]]:
    """Changes of a contact's position and organisation, newest first, organisations by name."""
    out = []
    scanned = records.history(session, "contact", contact_id)[:CONTACT_HISTORY_SCAN]
    for h in map(dict, records.career(scanned)):  # an undone change, a merge: no part of it
        if h.get("field") not in ("position", "organisation_id"):
            continue
        h["at"] = clock.local(h["at"])  # the local day of the change, not UTC's
        if h["field"] == "organisation_id":
            for k in ("old", "new"):
                if h[k]:
                    h[k] = records.label(session, "organisation", int(h[k]))
        out.append(h)
    return out


def contact_story(session: Session, contact_id: int, *, today: dt.date) -> ContactStory:
    rec = records.get(session, "contact", contact_id)
    meetings = dashboard.meetings_for(session, contact_id=contact_id)
    actions = dashboard.actions_for(session, contact_id=contact_id)
    return ContactStory(
        record=rec,
        today=today,
        owner=dashboard.staff_name(session, rec.get("owner_id")),
        role_history=role_history(session, contact_id),
        commitments=commitments(actions, today),
        timeline=timeline(meetings, actions, attached=_attached(session, meetings)),
        posts_held=posts.held_by(session, contact_id),
        unseen=unseen(session, rec),
        trashed=organisations_in_the_trash(session, rec),
    )


def meeting_story(session: Session, meeting_id: int, *, today: dt.date) -> MeetingStory:
    rec = records.get(session, "meeting", meeting_id)
    return MeetingStory(
        record=rec,
        today=today,
        organisations=[
            {"id": oid, "name": records.label(session, "organisation", oid)}
            for oid in rec.get("organisation_ids", [])
        ],
        commitments=commitments(dashboard.actions_for(session, meeting_id=meeting_id), today, with_done=True),
        email=emails.message_of(session, meeting_id) if rec.get("kind") == EMAIL_KIND else None,
        invitation=calendars.invitation_of(session, meeting_id),
        unseen=unseen(session, rec),
        trashed=organisations_in_the_trash(session, rec),
        staff=[records.label(session, "staff", sid) for sid in rec.get("staff_ids") or []],
    )


def action_story(session: Session, action_id: int, *, today: dt.date) -> ActionStory:
    rec = records.get(session, "action", action_id)

    hidden = unseen(session, rec)

    def name(entity: str, key: str) -> str:
        if not rec.get(key) or rec[key] in hidden.get(entity, ()):
            return ""  # (one it may not see: the page says so in words)
        return records.label(session, entity, rec[key])

    return ActionStory(
        record=rec,
        today=today,
        overdue=dashboard.is_overdue(rec, today),
        responsible=dashboard.staff_name(session, rec.get("responsible_staff_id"))
        or name("contact", "responsible_contact_id"),
        organisation=name("organisation", "organisation_id"),
        meeting=name("meeting", "meeting_id"),
        history=[  # typed values (dates as dates) and names for ids, as the history dialog has them
            {
                "at": clock.local(e.at),  # stored in UTC: the time the person lived
                "op": e.op,
                "field": e.field,
                "old": e.old,
                "new": e.new,
                "old_label": e.old_label,
                "new_label": e.new_label,
                "actor": e.actor,
            }
            for e in record_history(session, "action", action_id, limit=ACTION_HISTORY)
        ],
        unseen=hidden,
        trashed=organisations_in_the_trash(session, rec),
    )


STORIES: dict[str, Callable[..., Story]] = {
    "organisation": organisation_story,
    "contact": contact_story,
    "meeting": meeting_story,
    "action": action_story,
}


def story(session: Session, entity: str, record_id: int, *, today: dt.date) -> Story:
    """The story of any record (raises NotFoundError for a missing or deleted one)."""
    try:
        gather = STORIES[entity]
    except KeyError:
        raise ValueError(f"no story for {entity!r}") from None
    return gather(session, record_id, today=today)
