"""What a letter may not say of the record it is drafted from.

A letter goes to an outsider (a ministry, a partner); the meeting or action it comes from is
the officer's own note. When that record is **confidential** nothing of its words goes into the
letter — not its title, agenda, minutes, nor the names of the people on it: the letter names the
meeting by its kind and date only ("buổi làm việc ngày 09/12/2026") and an action's letter takes
a neutral subject of its kind ("trao đổi công việc"). When the record is ordinary, its title's
words are still left out where they name a **confidential person or organisation** on record
("Gặp Lưu Văn Mật tuần trước" with Lưu Văn Mật confidential).

The default addressee of a meeting's letter is no organisation met only through confidential
people: saving a meeting links its attendees' organisations to it, so an organisation whose
people at the meeting are all confidential was "met" through them alone. Chosen with ``--to``
(or in the letter's form) it is written to, as any organisation is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import secret_names
from db import models as m
from db.tables import ATTENDEE, CON


@dataclass(frozen=True)
class Guard:
    """``secret``: the record is confidential ("meeting" or "action", else ""), none of its
    words are said; ``hidden``: the names of the confidential people and organisations on
    record, which no part of an ordinary record's title may bring into the letter."""

    secret: str = ""
    hidden: tuple[str, ...] = ()

    def names_hidden(self, text: str) -> bool:
        """Whether ``text`` names one of the confidential people or organisations, by the rules
        the briefs and calendars use (:mod:`app.secret_names`), a one-word person too."""
        return bool(secret_names.spans(text, self.hidden))


def hidden_names(session: Session) -> tuple[str, ...]:
    """The names of the confidential contacts and organisations on record (few: a query of the
    confidential rows only), a one-word name too (a letter goes to an outsider)."""
    names = {x.name for x in secret_names.load(session, every_word=True)}
    # an acronym in any case too ("gặp qbm"): written small it is looked for as a name, folded
    names |= {n.lower() for n in names if secret_names.is_acronym(n)}
    return tuple(sorted(names))


def source_secret(session: Session, letter: dict[str, object]) -> str:
    """ "action" or "meeting" when the record the letter is drafted from is confidential (an
    action's letter also when the meeting the action came from is), else ""."""
    action_id = letter.get("action_id")
    meeting_id = letter.get("meeting_id")
    action = session.get(m.Action, action_id) if action_id else None
    if action is not None and action.confidential:
        return "action"
    if action is not None and action.meeting_id:
        meeting_id = action.meeting_id
    meeting = session.get(m.Meeting, meeting_id) if meeting_id else None
    if meeting is not None and meeting.confidential:
        return "action" if action is not None else "meeting"
    return ""


def guard_of(session: Session, letter: dict[str, object]) -> Guard:
    return Guard(source_secret(session, letter), hidden_names(session))


def met_only_through_confidential(session: Session, meeting_id: int) -> set[int]:
    """The organisations whose people at meeting ``meeting_id`` are all confidential (one at
    least): linked to the meeting by those people alone."""
    rows = session.execute(
        select(CON.c.organisation_id, CON.c.confidential)
        .join(ATTENDEE, ATTENDEE.c.contact_id == CON.c.id)
        .where(ATTENDEE.c.meeting_id == meeting_id, CON.c.organisation_id.is_not(None))
    ).all()
    secret = {int(r.organisation_id) for r in rows if r.confidential}
    open_ = {int(r.organisation_id) for r in rows if not r.confidential}
    return secret - open_


OPEN = Guard()
"""An ordinary record naming no confidential person: every word may be said."""
