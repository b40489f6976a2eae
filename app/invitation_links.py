"""A calendar invitation (.ics) for a meeting logged already: linked to it, not made twice.

Reviewer: an officer logs "Làm việc với Genetica về sandbox" by hand (Genetica, Hồ Đức Giang,
09:00-10:30); the next day the Outlook invitation for that meeting arrives and a colleague
imports it: Ketnoi made a second meeting, as it looked only for a meeting made from the same
invitation (its UID).

An invitation that would create a meeting is now looked up first by the rule Log meeting uses
(:mod:`app.already_logged`: the same day and overlapping in time, an organisation — our own office
excepted — or an attendee in common, both events or neither, a confidential meeting this login
may not see never found), built from the invitation: its time, the organisations and the
attendees it matched. A meeting that came from another invitation is another calendar event and a
logged e-mail is no meeting: neither is found. The meeting found is, by default, the one the
invitation is **linked** to: its UID is stored on it (``meeting_calendar``), so that the
invitation's later updates and its cancellation apply to that meeting as to one made from an
invitation. ``ketnoi import --even-if-logged`` (as ``log-meeting``'s) and the window's
"New meeting" make a separate meeting instead.

What the link writes is an update of the meeting, merged as an invitation's update of its own
meeting is (:func:`app.calendars.import_invitation`: one undoable step, history, someone's save
since the preview kept): the invitation's people are added (attendees, staff, their
organisations), none taken off. The invitation owns **when and where**: its time and place are
written (the preview lists them, "Starts: 09:33 → 09:00"), and its later updates move the meeting.
What the meeting **is called and is about** stays the officer's: the title she wrote is kept, on
the link and on every later update (the organiser's "FW: Genetica sandbox sync (Teams)" is not the
name of her record), and so is an agenda she wrote (an empty one is filled from the invitation's
description, and then follows it). Minutes, decisions, the kind, the owner, confidentiality and
the follow-ups are never an invitation's to write. The fields kept are remembered on the link's
own row (:func:`kept_fields`: ``meeting_calendar.kept``, migration 0017), which goes with the
meeting when it is removed for good (before, a ``setting`` row outlived it, and a new meeting given
its id by SQLite kept "its" title against its own invitation).

The link is a step of its own in the meeting's history (:data:`LINK_OP`: "Linked to the calendar
invitation “…”"), in the import's change group, with what it wrote on the link's row. Undoing
that step (Edit → Undo, the Undo history, ``ketnoi undo``) takes the link away with the time and
place: the invitation's next update is then looked at as a new one (offered to link again by the
rule above) and its cancellation finds no meeting; a redo puts the link back as it was
(:func:`after_undo`). A meeting the invitation **made** keeps its UID when its making is undone:
the meeting goes to the trash as any record made and undone does, and the invitation imported
again brings it back from there rather than making a second one; emptying the trash removes it
with its UID.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlmodel import Session

from app.already_logged import AlreadyLogged, already_logged
from app.meetings import Chosen, MeetingDraft
from db import models as m
from db.tables import CHANGE, table_of

CAL = table_of(m.MeetingCalendar)

LINK_OP = "calendar_link"
"""The history row of a link, on the meeting, in the import's group: ``new`` holds the row
written in ``meeting_calendar`` (uid, organizer, sequence, kept) and the invitation's title."""
OFFICERS = ("title", "agenda")
"""The fields of :data:`app.calendars.CHANGE_FIELDS` an officer's written value of is kept."""


def logged_before(
    session: Session,
    *,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None,
    contact_ids: Sequence[int],
    organisation_ids: Sequence[int],
    actor: str = "",
) -> AlreadyLogged | None:
    """The meeting logged already that an invitation (its time, the contacts it matched and their
    organisations) would make a second time, or None (the module's rule)."""
    draft = MeetingDraft(
        {"title": title, "starts_at": starts_at, "ends_at": ends_at, "kind": "meeting"},
        [Chosen(o, "") for o in organisation_ids],
        [Chosen(c, "") for c in contact_ids],
    )
    return already_logged(session, draft, actor=actor, for_invitation=True)


def fields_to_keep(meeting: m.Meeting) -> tuple[str, ...]:
    """What linking an invitation to ``meeting`` leaves as the officer wrote it: the title, and
    the agenda when there is one."""
    return tuple(f for f in OFFICERS if str(getattr(meeting, f) or "").strip())


def kept_fields(session: Session, meeting_id: int) -> tuple[str, ...]:
    """The fields an invitation linked to this meeting leaves alone (none: a meeting the
    invitation made, or no invitation)."""
    kept = session.execute(select(CAL.c.kept).where(CAL.c.meeting_id == meeting_id)).scalar()
    return tuple(str(f) for f in kept if f in OFFICERS) if isinstance(kept, list) else ()


def remember_link(
    session: Session,
    meeting_id: int,
    kept: Sequence[str],
    *,
    uid: str,
    organizer: str,
    sequence: int,
    title: str,
    group: str,
    actor: str = "",
) -> None:
    """Link the invitation ``uid`` to ``meeting_id``, logged before it: its row in
    ``meeting_calendar`` with the fields its updates leave alone (``kept``), and the step in the
    meeting's history, in the import's ``group`` (what a redo writes back)."""
    row = {"ical_uid": uid, "organizer": organizer, "sequence": sequence, "kept": list(kept)}
    _write_row(session, meeting_id, row, group)
    session.execute(
        insert(CHANGE).values(
            entity="meeting",
            entity_id=meeting_id,
            op=LINK_OP,
            field="",
            new={**row, "title": title},
            at=m.utcnow(),
            actor=actor,
            group_id=group,
        )
    )
    session.flush()


def remember_made(
    session: Session, meeting_id: int, *, uid: str, organizer: str, sequence: int, group: str
) -> None:
    """The UID of the invitation that made ``meeting_id`` (in the import's ``group``) on it:
    importing the invitation again updates that meeting. Its undo puts the meeting in the trash
    and leaves the UID, so that the invitation imported again brings it back from there."""
    _write_row(session, meeting_id, {"ical_uid": uid, "organizer": organizer, "sequence": sequence}, group)
    session.flush()


def _write_row(session: Session, meeting_id: int, row: dict[str, Any], group: str) -> None:
    """``row`` with "kept" (a list, maybe empty): a link; without: a meeting the invitation made."""
    kept = row.get("kept")
    now = m.utcnow()
    session.execute(
        insert(CAL).values(
            meeting_id=meeting_id,
            ical_uid=str(row["ical_uid"]),
            organizer=str(row.get("organizer") or ""),
            sequence=int(row.get("sequence") or 0),
            kept=[str(f) for f in kept if f in OFFICERS] if isinstance(kept, list) else None,
            group_id=group,
            created_at=now,
            updated_at=now,
        )
    )


def after_undo(session: Session, group_id: str, undo_group_id: str) -> None:
    """Called by :func:`app.undo.undo_group`: the undo of a step that linked an invitation to a
    meeting takes the link away (the invitation's row on the meeting); a redo writes it back as
    the step wrote it. A link that cannot come back (the invitation, or the meeting, linked to
    another since) is an :class:`~app.undo.UndoConflict` and nothing is written."""
    from app.undo import UndoConflict, undo_depth

    base, depth = undo_depth(group_id)
    links = session.execute(
        select(CHANGE.c.entity_id, CHANGE.c.new).where(CHANGE.c.group_id == base, CHANGE.c.op == LINK_OP)
    ).all()
    for meeting_id, new in links:
        if not isinstance(new, dict) or not new.get("ical_uid"):
            continue
        uid = str(new["ical_uid"])
        if depth % 2 == 0:  # undoing the link (or its redo)
            session.execute(delete(CAL).where(CAL.c.meeting_id == meeting_id, CAL.c.ical_uid == uid))
            continue
        taken = session.execute(
            select(CAL.c.meeting_id, CAL.c.ical_uid).where(
                or_(CAL.c.meeting_id == meeting_id, CAL.c.ical_uid == uid)
            )
        ).first()
        if taken is not None:
            raise UndoConflict(
                f"Cannot redo: the calendar invitation “{new.get('title') or uid}” or this meeting has "
                "been linked to another since."
            )
        _write_row(session, int(meeting_id), new, base)
    session.flush()


def describe_parts(session: Session, group_id: str) -> dict[str, str] | None:
    """The words of the Edit menu's "Undo …" for a step that linked an invitation (None: not one)."""
    row = session.execute(
        select(CHANGE.c.entity_id, CHANGE.c.new)
        .where(CHANGE.c.group_id == group_id, CHANGE.c.op == LINK_OP)
        .order_by(CHANGE.c.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    from app import records

    new = row.new if isinstance(row.new, dict) else {}
    return {
        "title": records.label(session, "meeting", int(row.entity_id)),
        "invitation": str(new.get("title") or new.get("ical_uid") or ""),
    }
