"""The rules of an action's life: mark done, reopen, reschedule, set a status.

One place for them, used by the window (Ctrl+D, Reschedule…), the bulk bar and
``ketnoi action done|reopen|reschedule``. Each function works set-based in the caller's unit
of work (a handful of statements for a thousand actions), writes a history row per field it
changed, all under one ``group_id`` that it returns ('' when nothing changed), so that
:func:`app.undo.undo_group` takes the whole operation back in one step.

The rules:

- *done* sets ``completed_on`` to :func:`db.clock.today` (a done action keeps the date it has);
- any other status clears ``completed_on``; *reopen* puts a closed (done or cancelled) action
  back to ``open`` and leaves the open ones (in progress, waiting) alone;
- *reschedule* sets a new due date, and a closed action reopens; a due date is never before
  the meeting the action came from.

Deleted actions are skipped. ``seen`` (id → the action as the person saw it: its ``version``
and the values shown, a list's row) makes a change merge as a form's edit does
(:func:`app.records.update_edited`): an action saved since by someone else keeps their changes
to other fields (a new title, a note) beside this one; one whose status, completion date or due
date they changed to something else is a :class:`~app.errors.ConflictError` naming the field
(``clashing``), with their value, and nothing of the operation is written. The check is the
write's own ``UPDATE … WHERE version = …``, so a save landing between the read and the write is
merged with in turn, or is the conflict.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlmodel import Session

from app import bulk_edit, records
from app.errors import ValidationError
from app.records import new_group_id
from db import clock
from db import models as m
from db.queries import chunked
from db.tables import ACT, CHANGE, MEET

Values = dict[str, Any]
_FIELDS = ("status", "completed_on", "due_date")


def _current(session: Session, ids: Sequence[int]) -> dict[int, Values]:
    """The live actions among ``ids`` with what the rules read, in the order given."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    found: dict[int, Values] = {}
    for chunk in chunked(wanted):
        stmt = select(
            ACT.c.id,
            ACT.c.title,
            ACT.c.status,
            ACT.c.completed_on,
            ACT.c.due_date,
            ACT.c.meeting_id,
            ACT.c.version,
        ).where(ACT.c.id.in_(chunk), ACT.c.deleted_at.is_(None))
        # PostgreSQL: the rows stay as read until the unit of work ends (another writer waits);
        # SQLite's BEGIN IMMEDIATE already holds the whole file
        for row in session.execute(stmt.with_for_update()).mappings():
            found[int(row["id"])] = dict(row)
    return {i: found[i] for i in wanted if i in found}


def check_due_dates(
    session: Session, current: Mapping[int, Values], due: Mapping[int, dt.date | None]
) -> None:
    """Refuse due dates before the meeting an action came from (:class:`ValidationError`)."""
    meeting_ids = {current[i]["meeting_id"] for i in due if current[i]["meeting_id"] and due[i]}
    if not meeting_ids:
        return
    starts = {
        int(mid): start.date()
        for mid, start in session.execute(
            select(MEET.c.id, MEET.c.starts_at).where(MEET.c.id.in_(list(meeting_ids)))
        )
    }
    late = [i for i, d in due.items() if d and starts.get(current[i]["meeting_id"], d) > d]
    if not late:
        return
    if len(late) == 1:
        held = starts[current[late[0]]["meeting_id"]]
        raise ValidationError(
            "action", {"due_date": f"the due date is before the meeting it came from ({held:%d/%m/%Y})"}
        )
    days = {due[i] for i in late}
    when = f"{next(iter(days)):%d/%m/%Y}" if len(days) == 1 else "their new due dates"
    raise ValidationError(
        "action", {"due_date": f"{len(late)} of the actions come from meetings held after {when}"}
    )


def due_date_problem(session: Session, ids: Iterable[int], due: dt.date) -> str:
    """What :func:`reschedule` of ``ids`` to ``due`` would be refused with ('' when nothing):
    the window asks before its dialog closes, so the date typed stays there to be corrected."""
    current: dict[int, Values] = {}
    for chunk in chunked(list(dict.fromkeys(int(i) for i in ids))):
        stmt = select(ACT.c.id, ACT.c.meeting_id).where(ACT.c.id.in_(chunk), ACT.c.deleted_at.is_(None))
        for row in session.execute(stmt).mappings():
            current[int(row["id"])] = dict(row)
    try:
        check_due_dates(session, current, dict.fromkeys(current, due))
    except ValidationError as exc:
        return "; ".join(exc.errors.values())
    return ""


def _write(
    session: Session,
    current: Mapping[int, Values],
    changes: Mapping[int, Values],
    actor: str,
    seen: Mapping[int, Values] | None = None,
) -> str:
    """Write ``changes`` (id → new values), one UPDATE per distinct set of values and version
    read, each checking that version; an action someone else saved since the person saw it
    (``seen``), or since it was read here, goes through :func:`app.records.update_edited`:
    merged with their change, or the conflict."""
    changes = {
        i: {f: x for f, x in values.items() if current[i][f] != x}
        for i, values in changes.items()
        if i in current
    }
    changes = {i: values for i, values in changes.items() if values}
    if not changes:
        return ""
    group, now = new_group_id(), m.utcnow()
    bases = {i: _base(current[i], (seen or {}).get(i)) for i in changes}
    moved = [i for i in changes if bases[i]["version"] != current[i]["version"]]
    same: dict[tuple[tuple[tuple[str, Any], ...], int], list[int]] = defaultdict(list)
    for i, values in changes.items():
        if i not in moved:
            same[(tuple(sorted(values.items())), int(current[i]["version"]))].append(i)
    written: list[int] = []
    for (values_key, version), ids in same.items():
        if _bump_at(session, ids, version, now, dict(values_key)):
            written += ids
        else:  # a save landed since the read (another program without the write lock)
            moved += ids
    history = [
        {"id": i, "field": f, "old": current[i][f], "new": changes[i][f]}
        for i in written
        for f in _FIELDS
        if f in changes[i]
    ]
    bulk_edit.write_history(session, history, entity="action", op="update", actor=actor, group=group, now=now)
    for i in sorted(moved):
        records.update_edited(session, "action", i, changes[i], base=bases[i], actor=actor, group_id=group)
    return group


def _base(read: Values, seen: Values | None) -> Values:
    """What a change of an action starts from: as the person saw it (its version and the
    values the rules write, from the list's row) when they did, else as read here."""
    if not seen or seen.get("version") is None:
        return dict(read)
    return {**read, **{k: seen[k] for k in ("version", *_FIELDS) if k in seen}}


def _bump_at(session: Session, ids: list[int], version: int, now: dt.datetime, values: Values) -> bool:
    """Set ``values`` on the actions ``ids``, all still at ``version`` — or on none of them
    (False: one was saved since it was read)."""
    nested = session.begin_nested()
    for chunk in chunked(ids):
        result = session.execute(
            update(ACT)
            .where(ACT.c.id.in_(chunk), ACT.c.version == version)
            .values(**values, version=version + 1, updated_at=now)
        )
        if result.rowcount != len(chunk):  # type: ignore[attr-defined]
            nested.rollback()
            return False
    nested.commit()
    return True


def _apply(
    session: Session,
    ids: Iterable[int],
    rule: Callable[[Values], Values],
    *,
    actor: str,
    seen: Mapping[int, Values] | None,
) -> str:
    current = _current(session, list(ids))
    changes = {i: rule(row) for i, row in current.items()}
    due = {i: c["due_date"] for i, c in changes.items() if "due_date" in c}
    if due:
        check_due_dates(session, current, due)
    return _write(session, current, changes, actor, seen)


def _status_values(row: Values, status: str, today: dt.date) -> Values:
    if status == "done":
        return {"status": "done", "completed_on": row["completed_on"] or today}
    return {"status": status, "completed_on": None}


def set_status(
    session: Session,
    ids: Iterable[int],
    status: str,
    *,
    actor: str = "",
    seen: Mapping[int, Values] | None = None,
) -> str:
    """Give every action in ``ids`` ``status`` (completion date following); returns the group id."""
    if status not in m.ACTION_STATUSES:
        allowed = ", ".join(m.ACTION_STATUSES)
        raise ValidationError("action", {"status": f'"{status}" is not a status (one of {allowed})'})
    today = clock.today()
    return _apply(session, ids, lambda row: _status_values(row, status, today), actor=actor, seen=seen)


def mark_done(
    session: Session, ids: Iterable[int], *, actor: str = "", seen: Mapping[int, Values] | None = None
) -> str:
    """Mark the actions done today (those already done keep their completion date)."""
    return set_status(session, ids, "done", actor=actor, seen=seen)


def reopen(
    session: Session, ids: Iterable[int], *, actor: str = "", seen: Mapping[int, Values] | None = None
) -> str:
    """Put closed actions (done, cancelled) back to open, their completion date cleared."""

    def rule(row: Values) -> Values:
        return {} if row["status"] in m.OPEN_STATUSES else {"status": "open", "completed_on": None}

    return _apply(session, ids, rule, actor=actor, seen=seen)


@dataclass(frozen=True)
class Outcome:
    """What :func:`done_or_reopen` did, for a message that says so.

    ``already_done`` / ``already_open``: the actions someone else had already marked done or
    reopened by the time the command ran (id → who did it, from the history; "" when unknown).
    """

    group: str = ""
    done: tuple[int, ...] = ()
    reopened: tuple[int, ...] = ()
    already_done: dict[int, str] = field(default_factory=dict)
    already_open: dict[int, str] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)

    @property
    def changed(self) -> list[int]:
        return sorted((*self.done, *self.reopened))


def _who_set(session: Session, ids: Sequence[int], status: str) -> dict[int, str]:
    """Who gave each action its current status: the actor of its latest status change, when
    that change set ``status`` (an import or a form may have left no name: "")."""
    latest: dict[int, tuple[Any, str]] = {}
    for chunk in chunked(list(ids)):
        rows = session.execute(
            select(CHANGE.c.entity_id, CHANGE.c.new, CHANGE.c.actor)
            .where(CHANGE.c.entity == "action", CHANGE.c.field == "status", CHANGE.c.entity_id.in_(chunk))
            .order_by(CHANGE.c.at, CHANGE.c.id)
        )
        for entity_id, new, actor in rows:
            latest[int(entity_id)] = (new, actor or "")
    return {i: latest[i][1] if i in latest and latest[i][0] == status else "" for i in ids}


def done_or_reopen(
    session: Session,
    targets: Mapping[int, bool | None],
    *,
    actor: str = "",
    seen: Mapping[int, Values] | None = None,
) -> Outcome:
    """Mark done (``True``) or reopen (``False``) each action, as the person asked.

    The target comes from what the person saw — the window's D key on an action it showed open
    asks for *done*, on one it showed done for *reopen* — never from the database's state at the
    time of writing: an action someone else marked done meanwhile stays done (it is reported in
    ``already_done``, with who did it), one they reopened stays open (``already_open``). A done
    action keeps its completion date; *reopen* puts a closed (done, cancelled) action back to open
    and leaves the open ones (in progress, waiting) alone. One history group for the lot.
    ``None`` (an action the person was never shown, in a large selection): as it is now, a done
    action reopens and any other is marked done. ``seen``: as in the module's doc (another
    change meanwhile to the status itself, other than these, is the conflict).
    """
    current = _current(session, list(targets))
    today = clock.today()
    changes: dict[int, Values] = {}
    done: list[int] = []
    reopened: list[int] = []
    was_done: list[int] = []
    was_open: list[int] = []
    for i, row in current.items():
        target = targets[i]
        if target is None:
            target = row["status"] != "done"
        if target:
            if row["status"] == "done":
                was_done.append(i)
            else:
                changes[i] = _status_values(row, "done", today)
                done.append(i)
        elif row["status"] in m.OPEN_STATUSES:
            was_open.append(i)
        else:
            changes[i] = _status_values(row, "open", today)
            reopened.append(i)
    group = _write(session, current, changes, actor, seen)
    already_done = _who_set(session, was_done, "done") if was_done else {}
    already_open = _who_set(session, was_open, "open") if was_open else {}
    return Outcome(
        group=group,
        done=tuple(done),
        reopened=tuple(reopened),
        already_done=already_done,
        already_open=already_open,
        titles={i: str(row["title"]) for i, row in current.items()},
    )


def reschedule(
    session: Session,
    ids: Iterable[int],
    due: dt.date | Callable[[dt.date | None], dt.date],
    *,
    actor: str = "",
    seen: Mapping[int, Values] | None = None,
) -> str:
    """A new due date for each action (closed ones reopen).

    ``due`` is one date for all, or a function of an action's current due date (``+1w`` on the
    command line counts from each action's own date, see :func:`app.due.reschedule_base`).
    """

    def rule(row: Values) -> Values:
        day = due(row["due_date"]) if callable(due) else due
        values: Values = {"due_date": day}
        if row["status"] not in m.OPEN_STATUSES:
            values.update(status="open", completed_on=None)
        return values

    return _apply(session, ids, rule, actor=actor, seen=seen)


def changed_ids(session: Session, group_id: str) -> list[int]:
    """The actions a group changed (for messages: "Marked 3 actions done")."""
    if not group_id:
        return []
    rows = session.execute(
        select(CHANGE.c.entity_id)
        .where(CHANGE.c.group_id == group_id, CHANGE.c.entity == "action")
        .distinct()
    )
    return sorted(int(i) for i in rows.scalars())
