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
the follow-ups are never an invitation's to write. The fields kept are remembered per meeting
(:func:`kept_fields`) in the ``setting`` table, a row per linked meeting, so that no schema change
is needed and a copy of the database (``ketnoi copy-db``) carries them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlmodel import Session

from app.already_logged import AlreadyLogged, already_logged
from app.meetings import Chosen, MeetingDraft
from db import models as m

KEY = "calendar.linked.{id}"
"""The ``setting`` row of a meeting logged by hand and linked to an invitation: the fields kept."""
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
    row = session.get(m.Setting, KEY.format(id=meeting_id))
    value = row.value if row is not None and isinstance(row.value, dict) else {}
    kept = value.get("kept")
    return tuple(str(f) for f in kept if f in OFFICERS) if isinstance(kept, list) else ()


def remember_link(session: Session, meeting_id: int, kept: Sequence[str], uid: str) -> None:
    """Note that ``meeting_id`` was logged before the invitation ``uid`` was linked to it, and
    the fields its updates leave alone."""
    key = KEY.format(id=meeting_id)
    row = session.get(m.Setting, key)
    value = {"kept": list(kept), "uid": uid}
    if row is None:
        session.add(m.Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
