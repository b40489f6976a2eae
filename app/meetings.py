"""Logging a meeting: who came, from which organisations, and the follow-ups promised — saved in
one unit of work, whether it comes from the Log meeting dialog or ``ketnoi log-meeting``.

A draft is plain data. People and organisations are either existing records (``id``) or names to
create inline (``id is None``); a follow-up's responsible person is one of our staff
(``staff:<id>``), one of the attendees (``contact:<key>``, the attendee's :attr:`Chosen.key`) or
nobody (``""``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from app import records


@dataclass
class Chosen:
    """A picked record: an existing id, or a name to create (``id is None``)."""

    id: int | None
    label: str
    role: str = "participant"

    @property
    def key(self) -> str:
        return f"id:{self.id}" if self.id is not None else f"new:{self.label}"


@dataclass
class FollowUp:
    title: str
    responsible: str  # "staff:<id>", "contact:<key>" (an attendee's Chosen.key) or ""
    responsible_label: str
    direction: str
    due: dt.date | None
    existing_id: int | None = None


@dataclass
class MeetingDraft:
    """Everything a logged meeting holds, as plain data."""

    values: dict[str, Any]
    organisations: list[Chosen] = field(default_factory=list)
    attendees: list[Chosen] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    meeting_id: int | None = None
    version: int | None = None


def save_meeting(session: Session, draft: MeetingDraft, *, actor: str = "", group_id: str = "") -> int:
    """Create the new organisations and people, the meeting and its follow-ups: one unit of work,
    and one history group (``group_id``, a new one by default), undone in one step.

    Follow-ups belong to the meeting's first organisation; a new person joins it too. Any
    validation error (a follow-up due before the meeting, an empty title…) raises before the
    caller's unit of work commits, so nothing of the meeting is written.
    """
    group = group_id or records.new_group_id()
    org_ids: list[int] = []
    for o in draft.organisations:
        org_ids.append(
            o.id
            if o.id is not None
            else records.create(session, "organisation", {"name": o.label}, actor=actor, group_id=group)
        )
    contact_ids: dict[str, int] = {}
    attendees = []
    for a in draft.attendees:
        if a.id is None:
            person = {"full_name": a.label, "organisation_id": org_ids[0] if org_ids else None}
            cid = records.create(session, "contact", person, actor=actor, group_id=group)
        else:
            cid = a.id
        contact_ids[a.key] = cid
        attendees.append({"contact_id": cid, "role": a.role})
    values: dict[str, Any] = {**draft.values, "attendees": attendees, "organisation_ids": org_ids}
    if draft.meeting_id is None:
        meeting_id = records.create(session, "meeting", values, actor=actor, group_id=group)
    else:
        meeting_id = draft.meeting_id
        records.update(
            session,
            "meeting",
            meeting_id,
            values,
            expected_version=draft.version,
            actor=actor,
            group_id=group,
        )
    for f in draft.followups:
        action: dict[str, Any] = {
            "title": f.title,
            "direction": f.direction,
            "due_date": f.due,
            "meeting_id": meeting_id,
            "organisation_id": org_ids[0] if org_ids else None,
            # A confidential meeting's follow-ups are confidential too (seen by whoever sees it).
            "confidential": bool(draft.values.get("confidential")),
        }
        if f.responsible.startswith("staff:"):
            action["responsible_staff_id"] = int(f.responsible.split(":", 1)[1])
        elif f.responsible.startswith("contact:"):
            action["responsible_contact_id"] = contact_ids.get(f.responsible.split(":", 1)[1])
        records.create(session, "action", action, actor=actor, group_id=group)
    return meeting_id
