"""A meeting about to be logged that a colleague has logged already.

Reviewer, on a team database: Lan logged "Lam viec voi Genetica ve sandbox" at 09:33 (Genetica,
Hồ Đức Giang); Hoa then logged "Lam viec voi Genetica" at the same minute, same organisation and
person, without a word: two meetings, two near-identical follow-ups, the brief counted two.

The rule (:func:`already_logged`, used by the Log meeting window and ``ketnoi log-meeting``): a
meeting already saved counts when

- it is not deleted (in the trash it is no longer logged), and is not the meeting being edited;
- it starts on the same day and the two overlap in time, each taken from its start to its end
  (one without an end lasting :data:`app.meetings.DEFAULT_LENGTH`, an hour) — a visit at 09:30
  and a call with the same firm at 15:00 are two meetings, and so are two that follow each other
  (09:00-10:30, then 10:30) (reviewer h73: the next meeting with MOST at 10:30 or 11:00 was refused
  as the 09:00 one logged again, by a rule of two hours either side of the start);
- both are events, or neither is — a call with one expert on the side of the annual meeting
  of overseas experts is another meeting than the event (reviewer h73: refused);
- and it has an organisation in common with the new one — our own office
  (:func:`app.meetings.own_organisation_ids`, from the office profile) excepted, since it is at
  most of them — or an attendee in common.

Only what the session may read is looked at: on a team database row-level security hides a
confidential meeting this login may not see, so it is never found and its title never said
(the save goes ahead: RLS says nothing, and so does this). The closest in time is named, with
what the two have in common, who logged it (its history's "create", else its owner) and when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import dateranges
from app.cli_lines import refused, say
from app.errors import UserError
from app.meetings import DEFAULT_LENGTH, MeetingDraft, own_organisation_ids
from app.validation import FieldError, datetime_
from db import clock
from db.models import EMAIL_KIND, MeetingCalendar
from db.tables import ATTENDEE, CHANGE, CON, MEET, MEET_ORG, ORG, STAFF, table_of

EVENT = "event"
CAL = table_of(MeetingCalendar)


@dataclass(frozen=True)
class AlreadyLogged:
    """The meeting a new one looks like, as the question about it says it."""

    meeting_id: int
    title: str
    starts_at: dt.datetime
    shared: str  # the organisation (else the person) both have, by name
    by: str  # who logged it: their name ("" when neither the history nor an owner says)
    mine: bool  # logged by the person logging this one
    logged_at: dt.datetime | None  # when it was logged (aware, UTC), if the history says

    def sentence(self, lang: str) -> str:
        """ "Trần Thị Lan already logged “…” with Genetica at 09:33" in ``lang`` ("vi" or
        English): "You …" when it was this person, no name when none is known."""
        code = "logged_by_you" if self.mine else "logged_by" if self.by else "logged_before"
        at = f"{self.starts_at:%H:%M}"
        return say(code, lang, by=self.by, title=self.title, shared=self.shared, at=at)

    def refusal(self) -> UserError:
        """``ketnoi log-meeting``'s refusal (both languages): the sentence, the meeting's number
        and when it was logged, and --even-if-logged to save this one too."""

        def line(lang: str) -> str:
            when = clock.local(self.logged_at).strftime("%d/%m/%Y %H:%M") if self.logged_at else ""
            which = (
                say("logged_on", lang, id=self.meeting_id, when=when)
                if when
                else say("logged_id", lang, id=self.meeting_id)
            )
            return say("logged_refused", lang, said=self.sentence(lang) + which, id=self.meeting_id)

        return refused(line("en"), line("vi"))


def _overlaps(row: Any, starts: dt.datetime, event: bool) -> bool:
    """Whether a saved meeting (it starts before the new one ends: the query's) is still on when
    the new one starts, and is of the same nature (an event, or not)."""
    end = row.ends_at if row.ends_at is not None and row.ends_at > row.starts_at else None
    return bool(
        (end or dateranges.plus(row.starts_at, DEFAULT_LENGTH) or dt.datetime.max) > starts
        and (row.kind == EVENT) == event
    )


def already_logged(
    session: Session, draft: MeetingDraft, *, actor: str = "", for_invitation: bool = False
) -> AlreadyLogged | None:
    """The meeting saved that the one in ``draft`` very probably repeats (the module's rule), or
    None. ``actor``: who is logging this one (``ctx.actor()``), to say "you" when it was them.
    ``for_invitation``: the draft is a calendar invitation's (:mod:`app.invitation_links`): a
    meeting that came from another invitation is another calendar event, and a logged e-mail is
    no meeting, so neither is found."""
    if not draft.values.get("starts_at"):
        return None
    try:
        starts = datetime_(draft.values["starts_at"])
    except FieldError:  # not a time: the save says so (nothing to compare)
        return None
    try:
        ends = datetime_(draft.values["ends_at"]) if draft.values.get("ends_at") else None
    except FieldError:
        ends = None
    ends = (
        ends
        if ends is not None and ends > starts
        else dateranges.plus(starts, DEFAULT_LENGTH) or dt.datetime.max
    )
    event = (draft.values.get("kind") or "meeting") == EVENT
    own = set(own_organisation_ids(session))
    org_ids = [o.id for o in draft.organisations if o.id is not None and o.id not in own]
    people = [c.id for c in draft.attendees if c.id is not None]
    if not org_ids and not people:
        return None
    day = dt.datetime.combine(starts.date(), dt.time.min)
    near = select(
        MEET.c.id, MEET.c.title, MEET.c.starts_at, MEET.c.ends_at, MEET.c.kind, MEET.c.owner_id
    ).where(
        MEET.c.deleted_at.is_(None),
        MEET.c.starts_at >= day,
        MEET.c.starts_at < min(day + dt.timedelta(days=1), ends),
    )
    if draft.meeting_id is not None:
        near = near.where(MEET.c.id != draft.meeting_id)
    if for_invitation:
        with_invitation = select(CAL.c.id).where(CAL.c.meeting_id == MEET.c.id).exists()
        near = near.where(MEET.c.kind != EMAIL_KIND, ~with_invitation)
    found: dict[int, tuple[str, dt.datetime, int | None, str]] = {}
    in_common = (  # an organisation in common first (named before a person), then a person
        (org_ids, MEET_ORG, MEET_ORG.c.organisation_id, ORG, ORG.c.name),
        (people, ATTENDEE, ATTENDEE.c.contact_id, CON, CON.c.full_name),
    )
    for ids, link, linked, table, name in in_common:
        if not ids:
            continue
        rows = session.execute(
            near.add_columns(name.label("shared"))
            .join(link, link.c.meeting_id == MEET.c.id)
            .join(table, table.c.id == linked)
            .where(linked.in_(ids))
            .order_by(MEET.c.id, table.c.sort_key)
        )
        for r in rows:
            if _overlaps(r, starts, event):
                found.setdefault(r.id, (r.title, r.starts_at, r.owner_id, r.shared))
    if not found:
        return None
    meeting_id = min(found, key=lambda i: (abs(found[i][1] - starts), i))
    title, at, owner_id, shared = found[meeting_id]
    created = session.execute(
        select(CHANGE.c.actor, CHANGE.c.at)
        .where(CHANGE.c.entity == "meeting", CHANGE.c.entity_id == meeting_id, CHANGE.c.op == "create")
        .order_by(CHANGE.c.id)
        .limit(1)
    ).first()
    by = (created.actor or "") if created is not None else ""
    if not by and owner_id is not None:
        by = session.execute(select(STAFF.c.name).where(STAFF.c.id == owner_id)).scalar() or ""
    logged_at = None
    if created is not None and created.at is not None:
        logged_at = created.at if created.at.tzinfo is not None else created.at.replace(tzinfo=dt.UTC)
    return AlreadyLogged(
        meeting_id=meeting_id,
        title=str(title),
        starts_at=at,
        shared=str(shared),
        by=str(by),
        mine=bool(actor) and by == actor,
        logged_at=logged_at,
    )
