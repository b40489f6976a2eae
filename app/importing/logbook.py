"""The two rules of Log meeting, for the rows of a meetings (and actions) sheet.

Log meeting and ``ketnoi log-meeting`` apply two rules an import did not (reviewer: an officer
imported the month's meetings sheet after a colleague had logged some of them by hand: each of
those was created a second time; and meetings of 2026 were filed under the ministry merged into
Bộ Tài chính in 2025, with no word):

**An organisation that no longer exists** (:func:`app.reorg.successors_on`). A row naming an
organisation reorganised by the row's day names its successor instead, and the row says so at
the organisation column ("Bộ Kế hoạch và Đầu tư became Bộ Tài chính on 01/03/2025: the meeting
is filed under Bộ Tài chính"); a split one (several successors) is kept, with a warning asking
which; a row dated before the reorganisation keeps the old one (history stays as it was).
A meeting is dated by its start. An action: one still to do (open, in progress, waiting, or no
status) is the successor's whatever its due date, as :func:`app.reorg.succeed` moves every open
action of the old organisation; a done or cancelled one is a record of the past, dated by its
completion date, else its due date, and one with neither keeps the organisation as written (the
sheet says nothing of when). The successor is written on the rows that update a record too: a
re-imported sheet does not add the old ministry back to a meeting the reorganisation moved. An
action row that now names the successor is matched by its title there (the reorganisation moved
the open action it repeats), as a row naming the successor would be.

**A meeting logged already** (:func:`app.already_logged.already_logged`'s rule: the same day,
overlapping in time, both events or neither, an organisation other than our own office or an
attendee in common). A row the import would create new (its title and day match no meeting)
but that a meeting saved meets by this rule is that meeting, said in a warning naming it, who
logged it and when; and it is taken as a **match** of that meeting, as the import takes a row
whose title and day match one: what ``on_match`` says of matches applies (fill its blanks and add
the row's organisations and attendees, overwrite, skip, or create anyway) — the user chose what
a matched row does, and a meeting a colleague logged by hand is one the sheet's row matches by
other means than its title. (Not a duplicate left out: a duplicate is a row that repeats a row
above it in the same file, and leaving the row out would lose what it adds, its minutes, its
attendees.) Two rows meeting the same saved meeting: the first takes it, the next is a duplicate
of that row, as two rows with one title and day are; a row whose saved meeting another row
already matches by its title is a duplicate of that row too.

Both run once a sheet's rows are matched, before the updates are worked out, and read a few
queries a sheet, not a row: the successions once (one query when none concerns the sheet: the
usual case), the saved meetings of the sheet's days with an organisation or a person of its rows
in one query by chunk of ids, and who logged those found in two.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import dateranges, reorg
from app.importing.messages import Message, Term, msg
from app.importing.preview import Preview, RowResult
from app.importing.resolve import fold
from app.meetings import DEFAULT_LENGTH, own_organisation_ids
from db import clock
from db import models as m
from db.queries import chunked
from db.tables import ATTENDEE, CHANGE, CON, MEET, MEET_ORG, ORG, STAFF

EVENT = "event"
WRITTEN = ("new", "update")
LOGGED = frozenset({"logged_already_by_on", "logged_already_by", "logged_already"})
CODES = frozenset(
    {"logged_already_by_on", "logged_already_by", "logged_already", "successor_meeting", "successor_action",
     "successor_split"}
)  # fmt: skip


def apply(session: Session, preview: Preview, ctx: Any, db_keys: dict[tuple[str, Any], Any]) -> None:
    """Both rules over a matched meetings or actions sheet (``ctx``: its
    :class:`app.importing.matching.MatchContext`, ``db_keys``: the records' keys it matched by)."""
    for row in preview.rows:  # (said by the last matching run: said again below if still so)
        if row.warnings and any(w.code in CODES for w in row.warnings):
            row.warnings = tuple(w for w in row.warnings if w.code not in CODES)
    if preview.kind == "meeting":
        _successors(session, preview, ctx, db_keys)
        _logged_already(session, preview, ctx)
        _their_time(session, preview)
    elif preview.kind == "action":
        _successors(session, preview, ctx, db_keys)


def settle(preview: Preview) -> None:
    """Once the updates are worked out: a row found logged already that brings nothing new
    (skipped) still says which meeting it is and who logged it, with its reasons (a skipped
    row's warnings are not said)."""
    for row in preview.rows:
        if row.status == "skip" and row.warnings and any(w.code in LOGGED for w in row.warnings):
            row.reasons = [*row.reasons, *(w for w in row.warnings if w.code in LOGGED)]
            row.warnings = tuple(w for w in row.warnings if w.code not in LOGGED)


def _their_time(session: Session, preview: Preview) -> None:
    """A row giving a day without a time that matches a meeting of that day (by its title, or
    logged already) takes the meeting's time: Ketnoi's 09:00 is no change to write over it
    ("When: 14:00 → 09:00"; "overwrite" wrote it), and no time is assumed for it."""
    rows = {
        row.match_id: row
        for row in preview.rows
        if row.match_id is not None and row.columns and any(w.code == "time_assumed" for w in row.warnings)
    }
    if not rows:
        return
    con = session.connection()
    for part in chunked(sorted(rows)):
        for ident, starts in con.execute(select(MEET.c.id, MEET.c.starts_at).where(MEET.c.id.in_(part))):
            row = rows[ident]
            c = row.columns or {}
            mine = c.get("starts_at")
            if (
                isinstance(starts, dt.datetime)
                and isinstance(mine, dt.datetime)
                and starts.date() == mine.date()
            ):
                c["starts_at"] = starts
                row.warnings = tuple(w for w in row.warnings if w.code != "time_assumed")


def _column(preview: Preview, name: str) -> str:
    cols = preview.layout.columns_for(name)
    return preview.layout.column_label(cols[0]) if cols else ""


def _created_anyway(row: RowResult) -> bool:
    return any(r.code == "matches_created_anyway" for r in row.reasons)


def _warn(row: RowResult, code: str, /, **params: Any) -> None:
    """A warning said with the row's own (a written row's: the window's "With warnings" lists it;
    a row not written says it with its reasons)."""
    said: Message = msg(code, row=row.row, **params)
    if row.status in WRITTEN:
        row.warnings = (*row.warnings, said)
    else:
        row.reasons = [*row.reasons, said]


def take_as_match(row: RowResult, ident: int, key: str, on_match: str, ctx: Any) -> None:
    """The row matches record ``ident`` (by ``key``): what ``on_match`` does with a match, as
    :func:`app.importing.matching._match` does it."""
    row.match_id = ident
    if on_match == "skip":
        row.status = "skip"
        row.note("already_exists", id=ctx.shown(ident), key=Term(key))
    elif on_match == "create":
        row.note("matches_created_anyway", id=ctx.shown(ident), key=Term(key))
        row.match_id = None
    else:
        row.status = "update"


# --- an organisation that no longer exists ----------------------------------------------------


def _successor_finder(
    session: Session, ids: Iterable[int]
) -> tuple[set[int], Callable[[int, dt.date], list[reorg.Link]]]:
    """The organisations of ``ids`` that were reorganised (none: one query, the usual case), and
    ``find(org_id, day)``: what a record dated ``day`` names instead of one
    (:func:`app.reorg.successors_on`), asked once per reorganisation date, not per row: the
    answer changes only on those dates."""
    became = reorg.became_of(session, ids)
    dates = (
        sorted(set(session.execute(select(reorg.SUCCESSION.c.effective_on).distinct()).scalars()))
        if became
        else []
    )
    olds = sorted(became)
    answers: dict[dt.date, dict[int, list[reorg.Link]]] = {}

    def find(oid: int, day: dt.date) -> list[reorg.Link]:
        if oid not in became:
            return []
        at = bisect.bisect_right(dates, day)
        if not at:
            return []
        since = dates[at - 1]  # the last reorganisation date by ``day``: the same answer as ``day``'s
        if since not in answers:
            answers[since] = reorg.successors_on(session, olds, since)
        return answers[since].get(oid, [])

    return set(became), find


def _action_day(c: dict[str, Any]) -> dt.date | None:
    """The day an action row is dated by for a reorganisation (the module's rule)."""
    if (c.get("status") or "open") in m.OPEN_STATUSES:
        return dt.date.max
    day = c.get("completed_on") or c.get("due_date")
    return day if isinstance(day, dt.date) else None


def _followed(
    row: RowResult,
    olds: list[int],
    day: dt.date,
    find: Callable[[int, dt.date], list[reorg.Link]],
    ctx: Any,
    column: str,
    code: str,
) -> list[int]:
    """The row's organisations as of ``day``: each merged or renamed one its successor, said
    (a written row's); a split one kept, asked which."""
    now: list[int] = []
    said = row.status in WRITTEN
    for old in olds:
        links = find(old, day) if old > 0 else []
        if len(links) > 1:  # a split: which? kept as written, asked
            if said:
                _warn(row, "successor_split", column=column, old=ctx.orgs.name_of(old),
                      names=", ".join(x.name for x in links), since=f"{links[0].effective_on:%d/%m/%Y}")  # fmt: skip
            links = []
        if links:
            link = links[0]
            if said:
                _warn(row, code, column=column, old=ctx.orgs.name_of(old), new=link.name,
                      since=f"{link.effective_on:%d/%m/%Y}")  # fmt: skip
            now.append(link.id)
        else:
            now.append(old)
    return now


def _successors(session: Session, preview: Preview, ctx: Any, db_keys: dict[tuple[str, Any], Any]) -> None:
    meeting = preview.kind == "meeting"
    rows = [r for r in preview.rows if r.columns is not None and r.status != "duplicate"]
    if meeting:
        named = {o for r in rows for o in (r.relations or {}).get("organisation_ids") or () if o and o > 0}
    else:
        named = {o for r in rows if (o := (r.columns or {}).get("organisation_id")) and o > 0}
    if not named:
        return
    succeeded, find = _successor_finder(session, named)
    if not succeeded:
        return
    column = _column(preview, "organisations" if meeting else "organisation")
    code = "successor_meeting" if meeting else "successor_action"
    for row in rows:
        c = row.columns
        assert c is not None and row.relations is not None
        if meeting:
            starts = c.get("starts_at")
            day = starts.date() if isinstance(starts, dt.datetime) else None
            olds = list(row.relations.get("organisation_ids") or ())
        else:
            day = _action_day(c)
            olds = [c["organisation_id"]] if c.get("organisation_id") else []
        if day is None or succeeded.isdisjoint(olds):
            continue
        now = _followed(row, olds, day, find, ctx, column, code)
        if now == olds:
            continue
        if meeting:
            row.relations["organisation_ids"] = list(dict.fromkeys(now))
            continue
        c["organisation_id"] = now[0]
        if row.status == "new" and not _created_anyway(row):
            # the action it repeats, moved to the successor by the reorganisation
            hit = db_keys.get(("title", (fold(c["title"]), now[0])))
            if hit is not None:
                take_as_match(row, hit, "title", preview.on_match, ctx)


# --- a meeting logged already ----------------------------------------------------------------


@dataclass
class _Saved:
    """A meeting saved on one of the sheet's days: when, and of what nature."""

    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    kind: str | None

    def on_at(self, starts: dt.datetime, ends: dt.datetime, event: bool) -> bool:
        """Whether it meets a new meeting from ``starts`` to ``ends`` of the same day
        (already_logged's rule)."""
        if not self.starts_at < ends:
            return False
        end = self.ends_at if self.ends_at is not None and self.ends_at > self.starts_at else None
        return (end or dateranges.plus(self.starts_at, DEFAULT_LENGTH) or dt.datetime.max) > starts and (
            self.kind == EVENT
        ) == event


@dataclass
class _Day:
    """The saved meetings of the sheet's days, by what a row may have in common with them."""

    by_org: dict[tuple[dt.date, int], list[_Saved]]
    by_person: dict[tuple[dt.date, int], list[_Saved]]


@dataclass
class _Hit:
    row: RowResult
    saved: _Saved
    orgs: list[int]  # the organisations in common (our own office's left out)
    people: list[int]  # else the people in common


def _span(row: RowResult) -> tuple[dt.datetime, dt.datetime, bool] | None:
    """When the row's meeting is on: from its start to its end (an hour without one); the whole
    day when the sheet gave a day without a time (its 09:00 is Ketnoi's, not the meeting's:
    reviewer h98, "27/11/2026" imported beside the meeting logged at 14:00 that day made two)."""
    c = row.columns or {}
    starts = c.get("starts_at")
    if not isinstance(starts, dt.datetime):
        return None
    event = (c.get("kind") or "meeting") == EVENT
    if any(w.code == "time_assumed" for w in row.warnings):
        day = dt.datetime.combine(starts.date(), dt.time.min)
        return day, day + dt.timedelta(days=1), event
    ends = c.get("ends_at")
    if not (isinstance(ends, dt.datetime) and ends > starts):
        ends = dateranges.plus(starts, DEFAULT_LENGTH) or dt.datetime.max
    return starts, ends, event


def _saved_meetings(session: Session, orgs: set[int], people: set[int], days: set[dt.date]) -> _Day:
    """The live meetings of ``days`` with one of ``orgs`` or ``people``, by (day, id).

    Three plain reads from the first day to the last (the meetings, their organisations, their
    people), filtered here: an IN list of the sheet's ids made SQLite probe each id for each
    meeting of the days (10,000 rows against 20,000 meetings: 40 s)."""
    con = session.connection()
    lo = dt.datetime.combine(min(days), dt.time.min)
    hi = dt.datetime.combine(max(days) + dt.timedelta(days=1), dt.time.min)
    live = (MEET.c.deleted_at.is_(None), MEET.c.starts_at >= lo, MEET.c.starts_at < hi)
    saved: dict[int, _Saved] = {}
    for mid, starts, ends, kind in con.execute(
        select(MEET.c.id, MEET.c.starts_at, MEET.c.ends_at, MEET.c.kind).where(*live)
    ):
        if starts.date() in days:
            saved[mid] = _Saved(mid, starts, ends, kind)
    out = _Day({}, {})
    for index, ids, link, linked in (
        (out.by_org, orgs, MEET_ORG, MEET_ORG.c.organisation_id),
        (out.by_person, people, ATTENDEE, ATTENDEE.c.contact_id),
    ):
        if not ids or not saved:
            continue
        stmt = select(link.c.meeting_id, linked).join(MEET, MEET.c.id == link.c.meeting_id).where(*live)
        for mid, lid in con.execute(stmt):
            if lid in ids and mid in saved:
                meeting = saved[mid]
                index.setdefault((meeting.starts_at.date(), lid), []).append(meeting)
    return out


def _closest(
    day: _Day, span: tuple[dt.datetime, dt.datetime, bool], orgs: set[int], people: set[int]
) -> tuple[_Saved, list[int], list[int]] | None:
    """The saved meeting a row's meeting repeats, closest in time (then the oldest), with the
    organisations the two have in common, else the people; or None."""
    starts, ends, event = span
    date = starts.date()
    found: dict[int, _Saved] = {}
    shared: dict[int, tuple[list[int], list[int]]] = {}
    for index, ids, at in ((day.by_org, orgs, 0), (day.by_person, people, 1)):
        for ident in ids:
            for saved in index.get((date, ident), ()):
                if saved.on_at(starts, ends, event):
                    found[saved.id] = saved
                    shared.setdefault(saved.id, ([], []))[at].append(ident)
    if not found:
        return None
    best = min(found.values(), key=lambda f: (abs(f.starts_at - starts), f.id))
    in_orgs, in_people = shared[best.id]
    return best, sorted(in_orgs), [] if in_orgs else sorted(in_people)


def _details(session: Session, hits: list[_Hit]) -> tuple[dict[int, tuple[str, int | None]], list[str]]:
    """The found meetings' titles and owners, and what each has in common with its row by name:
    the first organisation (in the order of the lists), else the first person."""
    con = session.connection()
    meetings: dict[int, tuple[str, int | None]] = {}
    for part in chunked(sorted({h.saved.id for h in hits})):
        stmt = select(MEET.c.id, MEET.c.title, MEET.c.owner_id).where(MEET.c.id.in_(part))
        meetings.update((int(i), (str(t), o)) for i, t, o in con.execute(stmt))
    names: dict[tuple[int, int], tuple[str, str]] = {}
    for at, table, name, wanted in (
        (0, ORG, ORG.c.name, {i for h in hits for i in h.orgs}),
        (1, CON, CON.c.full_name, {i for h in hits for i in h.people}),
    ):
        for part in chunked(sorted(wanted)):
            stmt = select(table.c.id, name, table.c.sort_key).where(table.c.id.in_(part))
            for ident, text, key in con.execute(stmt):
                names[(at, int(ident))] = (key or "", str(text))
    shared = []
    for h in hits:
        found = [names[(0, i)] for i in h.orgs if (0, i) in names]
        found = found or [names[(1, i)] for i in h.people if (1, i) in names]
        shared.append(min(found)[1] if found else "")
    return meetings, shared


def _who_logged(
    session: Session, meetings: dict[int, tuple[str, int | None]]
) -> dict[int, tuple[str, dt.datetime | None]]:
    """Who logged each meeting and when: its history's "create" (else its owner, with no time)."""
    out: dict[int, tuple[str, dt.datetime | None]] = {}
    con = session.connection()
    for part in chunked(sorted(meetings)):
        for ident, actor, when in con.execute(
            select(CHANGE.c.entity_id, CHANGE.c.actor, CHANGE.c.at)
            .where(CHANGE.c.entity == "meeting", CHANGE.c.entity_id.in_(part), CHANGE.c.op == "create")
            .order_by(CHANGE.c.id)
        ):
            if int(ident) not in out:
                aware = when if when is None or when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
                out[int(ident)] = (str(actor or ""), aware)
    owners = {o for i, (_t, o) in meetings.items() if not out.get(i, ("", None))[0] and o is not None}
    names: dict[int, str] = {}
    for part in chunked(sorted(owners)):
        stmt = select(STAFF.c.id, STAFF.c.name).where(STAFF.c.id.in_(part))
        names.update((int(i), str(n or "")) for i, n in con.execute(stmt))
    for ident, (_title, owner) in meetings.items():
        by, at = out.get(ident, ("", None))
        if not by and owner is not None:
            by = names.get(owner, "")
        out[ident] = (by, at)
    return out


def _logged_already(session: Session, preview: Preview, ctx: Any) -> None:
    own = own_organisation_ids(session)
    asked: list[tuple[RowResult, tuple[dt.datetime, dt.datetime, bool], set[int], set[int]]] = []
    for row in preview.rows:
        if row.columns is None or row.status != "new" or (row.reasons and _created_anyway(row)):
            continue
        span = _span(row)
        rel = row.relations or {}
        orgs = {o for o in rel.get("organisation_ids") or () if o and o > 0 and o not in own}
        people = {p for p in rel.get("attendees") or () if p and p > 0}
        if span is not None and (orgs or people):
            asked.append((row, span, orgs, people))
    if not asked:
        return
    day = _saved_meetings(
        session,
        {o for _r, _s, orgs, _p in asked for o in orgs},
        {p for _r, _s, _o, people in asked for p in people},
        {s[0].date() for _r, s, _o, _p in asked},
    )
    hits = [
        _Hit(row, *found) for row, span, orgs, people in asked if (found := _closest(day, span, orgs, people))
    ]
    if not hits:
        return
    meetings, shared_names = _details(session, hits)
    logged = _who_logged(session, meetings)
    # a saved meeting a row of the sheet matches already (by its title and day), or a row above
    # takes by this rule: the next row meeting it repeats that row
    taken = {
        r.match_id: r.row for r in preview.rows if r.match_id is not None and r.status in ("update", "skip")
    }
    for hit, shared in zip(hits, shared_names, strict=True):
        row, saved = hit.row, hit.saved
        by, at = logged[saved.id]
        params: dict[str, Any] = {"title": meetings[saved.id][0], "shared": shared,
                                  "at": f"{saved.starts_at:%H:%M}", "id": ctx.shown(saved.id)}  # fmt: skip
        first = taken.get(saved.id)
        if first is not None and first != row.row:
            row.status, row.duplicate_of = "duplicate", first
            row.note("duplicate_of_row", other_row=first, key=Term("logged"))
        else:
            take_as_match(row, saved.id, "logged", preview.on_match, ctx)
            if row.match_id is not None:
                taken[saved.id] = row.row
        if by and at is not None:
            _warn(row, "logged_already_by_on", by=by, when=f"{clock.local(at):%d/%m/%Y %H:%M}", **params)
        elif by:
            _warn(row, "logged_already_by", by=by, **params)
        else:
            _warn(row, "logged_already", **params)
