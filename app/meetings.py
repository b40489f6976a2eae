"""Logging a meeting: who came, from which organisations, and the follow-ups promised — saved in
one unit of work, whether it comes from the Log meeting dialog or ``ketnoi log-meeting``.

A draft is plain data. People and organisations are either existing records (``id``) or names to
create inline (``id is None``); a follow-up's responsible person is one of our staff
(``staff:<id>``), one of the attendees (``contact:<key>``, the attendee's :attr:`Chosen.key`), any
other person (``contact:id:<id>``) or nobody (``""``).

A new person joins the organisation chosen for them (:attr:`Chosen.organisation`), else the one
:func:`joining_default` says: the meeting's one organisation typed as new, else its one
organisation besides our own office, else none — never our own office unless chosen (reviewer:
a new person silently joined the first organisation listed, our own centre).

A follow-up names its counterpart (issue 16): the organisation it is about is one of the
meeting's (``organisation`` = a :attr:`Chosen.key` of the draft's organisations), any other
organisation (``id:<id>``: "Issue introduction letter to Genetica" from a meeting with MOST is
Genetica's), or, left empty, the meeting's first organisation that is not our own office (none
when every one is ours: never our own office unless named — reviewer: a follow-up of a meeting
with MOST, NIC listed first, was filed under NIC). The attendees' organisations are linked to the
meeting when it is saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import false, func, or_, select
from sqlmodel import Session

from app import records
from app.errors import LastSave
from db.tables import CON, MEET, ORG

DEFAULT_LENGTH = dt.timedelta(hours=1)
"""How long a meeting without an end is taken to last (an exported calendar event, the rule of
:mod:`app.already_logged`)."""


@dataclass
class Chosen:
    """A picked record: an existing id, or a name to create (``id is None``)."""

    id: int | None
    label: str
    role: str = "participant"
    # A new person's organisation: a Chosen.key of the meeting's organisations or "id:<id>"
    # (linked to the meeting too), "" for none, None for :func:`joining_default`'s.
    organisation: str | None = None

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
    # A saved follow-up's status (db.models.ACTION_STATUSES), shown when the meeting is edited;
    # saving the meeting never writes a saved one (only new ones are created).
    status: str = "open"
    completed_on: dt.date | None = None
    # "" (the meeting's first organisation), a Chosen.key of the meeting's organisations, or
    # "id:<id>" for any organisation: the one the follow-up is about.
    organisation: str = ""
    organisation_label: str = ""
    # The words of the text typed that the due date was read from ("trước thứ sáu"), taken out
    # of the title (app.due_words); "" when the due date was given otherwise.
    due_words: str = ""


@dataclass
class MeetingDraft:
    """Everything a logged meeting holds, as plain data."""

    values: dict[str, Any]
    organisations: list[Chosen] = field(default_factory=list)
    attendees: list[Chosen] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    meeting_id: int | None = None
    version: int | None = None
    # An edit of a saved meeting: the meeting as the dialog read it (records.snapshot, with its
    # version), which the save starts from; and the values the dialog showed (``base`` unless
    # given), which tell the fields the person changed. Only those are written: someone else's
    # save meanwhile to other fields is kept (:func:`app.records.update_edited`).
    base: dict[str, Any] | None = None
    shown: dict[str, Any] | None = None
    # Our own staff who took part (their ids; exported as "Cán bộ dự", the brief's "Thành phần
    # phía ta"); None leaves a saved meeting's as they are (a new one: none).
    staff_ids: list[int] | None = None


@dataclass(frozen=True)
class Saved:
    """What :func:`save` did: the meeting's id, and whether someone else had saved it since the
    edit began (their changes, to other fields, kept beside these)."""

    meeting_id: int
    merged: bool = False
    saved: LastSave | None = None  # merged: who saved it meanwhile, and when


def as_stored(values: dict[str, Any]) -> dict[str, Any]:
    """A meeting as :func:`app.records.get` gives it, in the shape :func:`records.snapshot` holds
    it (the attendees without their names): the ``base`` of an edit."""
    out = dict(values)
    out["attendees"] = [
        {"contact_id": a["contact_id"], "role": a.get("role") or "participant"}
        for a in values.get("attendees") or []
    ]
    return out


def _comparable(name: str, value: Any) -> Any:
    """A value as two saves are compared: lists in any order, no text the same as empty text."""
    if name == "attendees":
        return sorted((a["contact_id"], a.get("role") or "participant") for a in value or [])
    if name in ("organisation_ids", "staff_ids"):
        return sorted(value or [])
    if value is None or isinstance(value, str):
        return (value or "").strip()
    return value


def save_meeting(session: Session, draft: MeetingDraft, *, actor: str = "", group_id: str = "") -> int:
    """:func:`save`; returns the meeting's id."""
    return save(session, draft, actor=actor, group_id=group_id).meeting_id


def save(session: Session, draft: MeetingDraft, *, actor: str = "", group_id: str = "") -> Saved:
    """Create the new organisations and people, the meeting and its follow-ups: one unit of work,
    and one history group (``group_id``, a new one by default), undone in one step.

    A follow-up is about the organisation it names (:attr:`FollowUp.organisation`), else the
    meeting's first that is not our own office; a new person joins the organisation chosen for them, else
    :func:`joining_default`'s; the organisations of the attendees are linked to the meeting
    (after the ones chosen). Any validation error (a
    follow-up due before the meeting, an empty title…) raises before the caller's unit of work
    commits, so nothing of the meeting is written.

    An edit with a ``base`` writes only the fields changed from what the dialog showed, merged
    with someone else's save meanwhile to other fields; a field both changed is a
    :class:`~app.errors.ConflictError` naming it (``clashing``), and nothing is written — the
    attendees and follow-ups no more than the meeting.
    """
    group = group_id or records.new_group_id()
    org_ids: list[int] = []
    org_by_key: dict[str, int] = {}
    for o in draft.organisations:
        oid = (
            o.id
            if o.id is not None
            else records.create(session, "organisation", {"name": o.label}, actor=actor, group_id=group)
        )
        org_by_key[o.key] = oid
        if oid not in org_ids:
            org_ids.append(oid)
    contact_ids: dict[str, int] = {}
    attendees = []
    default: str | None = None
    for a in draft.attendees:
        if a.id is None:
            joins = a.organisation
            if joins is None:
                if default is None:
                    default = joining_default(draft.organisations, own_organisation_ids(session))
                joins = default
            joined = org_by_key[joins] if joins in org_by_key else _existing_id(joins)
            if joined is not None and joined not in org_ids:
                org_ids.append(joined)  # another organisation chosen for them: linked too
            person = {"full_name": a.label, "organisation_id": joined}
            cid = records.create(session, "contact", person, actor=actor, group_id=group)
        else:
            cid = a.id
        contact_ids[a.key] = cid
        attendees.append({"contact_id": cid, "role": a.role})
    for oid in attendee_organisations(session, [a.id for a in draft.attendees if a.id is not None]):
        if oid not in org_ids:
            org_ids.append(oid)
    values: dict[str, Any] = {**draft.values, "attendees": attendees, "organisation_ids": org_ids}
    if draft.staff_ids is not None:
        values["staff_ids"] = list(dict.fromkeys(draft.staff_ids))
    meeting_id, done = _write_meeting(session, draft, values, actor, group)
    confidential = bool(draft.values.get("confidential"))
    if draft.meeting_id is not None:  # as saved: a colleague's change of it counts for new follow-ups
        stored = session.execute(select(MEET.c.confidential).where(MEET.c.id == meeting_id)).scalar()
        confidential = bool(stored) if stored is not None else confidential
    own = own_organisation_ids(session) if any(not f.organisation for f in draft.followups) else set()
    for f in draft.followups:
        action: dict[str, Any] = {
            "title": f.title,
            "direction": f.direction,
            "due_date": f.due,
            "meeting_id": meeting_id,
            "organisation_id": _counterpart(f.organisation, org_by_key, org_ids, own),
            # A confidential meeting's follow-ups are confidential too (seen by whoever sees it).
            "confidential": confidential,
        }
        if f.responsible.startswith("staff:"):
            action["responsible_staff_id"] = int(f.responsible.split(":", 1)[1])
        elif f.responsible.startswith("contact:"):
            key = f.responsible.split(":", 1)[1]
            action["responsible_contact_id"] = contact_ids.get(key, _existing_id(key))
        records.create(session, "action", action, actor=actor, group_id=group)
    return Saved(meeting_id, bool(done and done.merged), done.saved if done is not None else None)


def restore_and_save(session: Session, draft: MeetingDraft, *, actor: str = "", group_id: str = "") -> Saved:
    """An edit of a meeting a colleague deleted meanwhile (it is in the trash): the meeting
    restored and the edit saved on it, follow-ups and new people included — one unit of work
    and one history group, undone in one step. A save that fails (a field both changed, a
    validation error) leaves the meeting in the trash as it was: nothing is written.

    A meeting restored already (by someone else) is saved as an edit is. The delete and the
    restore changed none of its fields: when nothing else did since the edit began, the edit
    starts from the restored version (no "saved meanwhile" to say); otherwise it is merged as
    :func:`save` merges, and the colleague named is the one who last saved it before the
    restore. Removed for good (the trash emptied): :class:`~app.errors.RecordGone`."""
    if draft.meeting_id is None:
        raise ValueError("a new meeting has nothing to restore")
    group = group_id or records.new_group_id()
    meeting_id = draft.meeting_id
    before = records.last_save(session, "meeting", meeting_id)
    records.restore(session, "meeting", meeting_id, actor=actor, group_id=group)
    base = draft.base
    if base is not None:
        now = records.snapshot(session, "meeting", meeting_id)
        stored = as_stored(base)
        untouched = all(
            _comparable(k, x) == _comparable(k, stored.get(k))
            for k, x in now.items()
            if k not in records.BASE_FIELDS
        )
        if untouched:
            base = {**base, "version": now["version"]}
    rebased = replace(draft, base=base, shown=draft.shown if draft.shown is not None else draft.base)
    saved = save(session, rebased, actor=actor, group_id=group)
    return replace(saved, saved=before) if saved.merged else saved


def _write_meeting(
    session: Session, draft: MeetingDraft, values: dict[str, Any], actor: str, group: str
) -> tuple[int, records.Edited | None]:
    """The meeting itself, created or edited (merged with a save since, from ``draft.base``)."""
    if draft.meeting_id is None:
        return records.create(session, "meeting", values, actor=actor, group_id=group), None
    if draft.base is None:
        records.update(
            session,
            "meeting",
            draft.meeting_id,
            values,
            expected_version=draft.version,
            actor=actor,
            group_id=group,
        )
        return draft.meeting_id, None
    shown = draft.shown if draft.shown is not None else draft.base
    edited = {k: x for k, x in values.items() if _comparable(k, x) != _comparable(k, shown.get(k))}
    if not edited:
        return draft.meeting_id, None
    done = records.update_edited(
        session, "meeting", draft.meeting_id, edited, base=as_stored(draft.base), actor=actor, group_id=group
    )
    return draft.meeting_id, done


def joining_default(organisations: list[Chosen], own: set[int]) -> str:
    """The key of the organisation a new attendee joins unless one is chosen for them: the
    meeting's one organisation typed as new (when exactly one is), else its one organisation
    that is not our own office (``own``), else "" (none: the person stays without one)."""
    new = [o for o in organisations if o.id is None]
    if len(new) == 1:
        return new[0].key
    theirs = [o for o in organisations if o.id not in own]
    return theirs[0].key if len(theirs) == 1 else ""


def own_organisation_ids(session: Session) -> set[int]:
    """The organisations that are our own office (its names or acronym in the office profile,
    :func:`app.letters.office.is_own`)."""
    from app.letters import office

    profile = office.load_profile(session)
    names = [
        n for n in (profile.name, profile.name_in_text, profile.name_en, profile.name_in_text_en) if n.strip()
    ]
    short = profile.short_name.strip()
    found = session.execute(
        select(ORG.c.id, ORG.c.name, ORG.c.name_en, ORG.c.acronym).where(
            ORG.c.deleted_at.is_(None),
            or_(
                ORG.c.name.in_(names),
                ORG.c.name_en.in_(names),
                func.lower(ORG.c.acronym) == short.lower() if short else false(),
            ),
        )
    ).all()
    return {int(r.id) for r in found if office.is_own(profile, r)}


def attendee_organisations(session: Session, contact_ids: list[int]) -> list[int]:
    """The organisations of these people (each once, in their order), to link to the meeting."""
    found = organisation_of_attendees(session, contact_ids)
    out: list[int] = []
    for cid in contact_ids:
        oid = found.get(cid)
        if oid is not None and oid not in out:
            out.append(oid)
    return out


def organisation_of_attendees(session: Session, contact_ids: list[int]) -> dict[int, int]:
    """Each of these people's organisation (unless deleted): what saving a meeting with them
    links; one query for them all."""
    if not contact_ids:
        return {}
    return {
        int(cid): int(oid)
        for cid, oid in session.execute(
            select(CON.c.id, CON.c.organisation_id)
            .join(ORG, ORG.c.id == CON.c.organisation_id)
            .where(CON.c.id.in_(contact_ids), ORG.c.deleted_at.is_(None))
        ).all()
    }


def _existing_id(key: str) -> int | None:
    """The id in an ``id:<n>`` key, else None."""
    kind, _sep, ident = key.partition(":")
    return int(ident) if kind == "id" and ident.isdigit() else None


def _counterpart(key: str, org_by_key: dict[str, int], org_ids: list[int], own: set[int]) -> int | None:
    """The organisation a follow-up is about: one of the meeting's by its key, any other by
    ``id:<n>``, else the meeting's first that is not our own office (``own``), else none."""
    if key:
        if key in org_by_key:
            return org_by_key[key]
        ident = _existing_id(key)
        if ident is not None:
            return ident
    return next((o for o in org_ids if o not in own), None)
