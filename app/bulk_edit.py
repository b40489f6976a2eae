"""Bulk actions on a multi-selection: add or remove tags, set one field, delete.

Each function works in the caller's transaction with set-based SQL (a handful of statements
for 1,000 records, not 1,000 round trips), writes one history row per record it changed, all
under one ``group_id`` which it returns: :func:`app.undo.undo_group` takes that id back.
Records already in the wanted state are left alone (no version bump, no history row).

Only fields that no derived column depends on can be set in bulk (owner, organisation,
status, due date, ratings…): renaming 1,000 people at once is not a bulk action.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy import delete as sql_delete
from sqlmodel import Session

from app import validation as v
from app.errors import ValidationError
from app.records import jsonable, named_ids, new_group_id
from app.vntext import clean, fold
from db import backup as backups
from db import kinds
from db import models as m
from db.queries import chunked
from db.tables import ATTENDEE, CHANGE, TAG

CHUNK = 5000
# From the registry of kinds (db/kinds.py).
TABLES: dict[str, Table] = {k: kinds.table(k) for k in kinds.ALL_KINDS}
# (link table, owner column) of each taggable kind.
TAG_LINKS: dict[str, tuple[Table, str]] = {k: i.tag_link for k, i in kinds.KINDS.items() if i.tag_link}
PLURAL = {k: i.plural for k, i in kinds.KINDS.items()}


def _ref(model: type[Any], what: str) -> Callable[[Session, Any], int | None]:
    def check(session: Session, value: Any) -> int | None:
        if value in (None, "", 0):
            return None
        try:
            ident = int(value)
            if not 0 < ident < 2**63:
                raise ValueError
        except (TypeError, ValueError, OverflowError):
            raise v.FieldError(
                "not_id_an" if what[:1] in "aeiou" else "not_id", value=value, what=what
            ) from None
        row = session.get(model, ident)
        if row is None or getattr(row, "deleted_at", None) is not None:
            raise v.FieldError("no_such_id", what=what, ident=ident)
        return ident

    return check


def _plain(func: Callable[[Any], Any]) -> Callable[[Session, Any], Any]:
    return lambda _session, value: func(value)


def _choice(allowed: tuple[str, ...], what: str) -> Callable[[Session, Any], str]:
    return lambda _session, value: v.choice(value, allowed, what)


def _priority(_session: Session, value: Any) -> int:
    try:
        p = int(value)
    except (TypeError, ValueError, OverflowError):
        p = 0
    if p not in m.PRIORITIES:
        raise v.FieldError("priority")
    return p


def _country(_session: Session, value: Any) -> str:
    return (str(value or "").strip() or "VN").upper()[:2]


def _opt_date(_session: Session, value: Any) -> dt.date | None:
    return None if value in (None, "") else v.date(value)


_staff = _ref(m.Staff, "staff member")
_org = _ref(m.Organisation, "organisation")
# Fields a bulk action may set, with the check that cleans the value.
SETTABLE: dict[str, dict[str, Callable[[Session, Any], Any]]] = {
    "contact": {
        "owner_id": _staff,
        "organisation_id": _org,
        "country": _country,
        "influence": _plain(v.rating),
        "interest": _plain(v.rating),
        "source": _plain(lambda x: str(x or "").strip()),
    },
    "organisation": {
        "owner_id": _staff,
        "kind": _choice(m.ORGANISATION_KINDS, "kind of organisation"),
        "country": _country,
        "influence": _plain(v.rating),
        "interest": _plain(v.rating),
    },
    "meeting": {"owner_id": _staff, "kind": _choice(m.MEETING_KINDS, "kind of meeting")},
    "action": {
        "responsible_staff_id": _staff,
        "responsible_contact_id": _ref(m.Contact, "contact"),
        "organisation_id": _org,
        "status": _choice(m.ACTION_STATUSES, "status"),
        "due_date": _opt_date,
        "priority": _priority,
        "kind": _choice(m.ACTION_KINDS, "kind of action"),
        "direction": _choice(m.ACTION_DIRECTIONS, "direction"),
    },
}


def _names(values: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for item in values:
        name = clean(item)
        if name and fold(name) not in {fold(x) for x in out}:
            out.append(name)
    return out


# Generic names a list view may use for a kind's own column.
FIELD_ALIASES = {"action": {"owner_id": "responsible_staff_id"}}


def _unique(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(int(i) for i in ids))


def write_history(
    session: Session,
    rows: list[dict[str, Any]],
    *,
    entity: str,
    op: str,
    actor: str,
    group: str,
    now: dt.datetime,
) -> None:
    for start in range(0, len(rows), CHUNK):
        session.execute(
            insert(CHANGE),
            [
                {
                    "entity": entity,
                    "entity_id": r["id"],
                    "op": op,
                    "field": r.get("field", ""),
                    "old": jsonable(r.get("old")),
                    "new": jsonable(r.get("new")),
                    "at": now,
                    "actor": actor,
                    "group_id": group,
                }
                for r in rows[start : start + CHUNK]
            ],
        )


def bump(session: Session, entity: str, ids: Sequence[int], now: dt.datetime, **values: Any) -> None:
    """Set ``values`` on the records ``ids`` and move their version on."""
    table = TABLES[entity]
    for chunk in chunked(ids, CHUNK):
        session.execute(
            update(table)
            .where(table.c.id.in_(chunk))
            .values(**values, version=table.c.version + 1, updated_at=now)
        )


def live_ids(session: Session, entity: str, ids: Sequence[int]) -> list[int]:
    table = TABLES[entity]
    out: set[int] = set()
    for chunk in chunked(ids, CHUNK):
        out.update(
            session.execute(
                select(table.c.id).where(table.c.id.in_(chunk), table.c.deleted_at.is_(None))
            ).scalars()
        )
    return [i for i in ids if i in out]


# --- tags ------------------------------------------------------------------------------------


def tag_ids(session: Session, names: Iterable[str], *, create: bool = True) -> dict[str, int]:
    """Tag ids by folded name (the missing ones created when ``create``): ``records.named_ids``."""
    return named_ids(session, m.Tag, names, create=create)


def current_tags(session: Session, entity: str, ids: Sequence[int]) -> dict[int, list[str]]:
    """Each record's tag names, sorted by name as the record's snapshot shows them."""
    link, owner = TAG_LINKS[entity]
    out: dict[int, list[str]] = defaultdict(list)
    for chunk in chunked(ids, CHUNK):
        rows = session.execute(
            select(link.c[owner], TAG.c.name)
            .join(TAG, TAG.c.id == link.c.tag_id)
            .where(link.c[owner].in_(chunk))
            .order_by(link.c[owner], TAG.c.name)
        ).all()
        for owner_id, name in rows:
            out[int(owner_id)].append(name)
    return out


def set_tags(session: Session, entity: str, wanted: dict[int, list[str]]) -> None:
    """Replace the tags of each record in ``wanted`` (set-based)."""
    link, owner = TAG_LINKS[entity]
    ids = list(wanted)
    for chunk in chunked(ids, CHUNK):
        session.execute(sql_delete(link).where(link.c[owner].in_(chunk)))
    by_fold = tag_ids(session, {n for names in wanted.values() for n in names})
    rows = {(i, by_fold[fold(n)]) for i, names in wanted.items() for n in names}
    if rows:
        session.execute(insert(link), [{owner: i, "tag_id": t} for i, t in sorted(rows)])


def _check_taggable(entity: str) -> None:
    if entity not in TAG_LINKS:
        raise ValueError(f"{PLURAL.get(entity, entity)} have no tags")


def add_tags(
    session: Session, entity: str, ids: Sequence[int], tags: Iterable[str], *, actor: str = ""
) -> str:
    """Add ``tags`` to every record in ``ids``; returns the group id ('' when nothing changed)."""
    _check_taggable(entity)
    names = _names(tags)
    if not names:
        raise ValidationError("tag", {"tags": "name at least one tag"})
    ids = live_ids(session, entity, _unique(ids))
    before = current_tags(session, entity, ids)
    by_fold = tag_ids(session, names)
    # History shows the tags as stored ("VIP" stays "VIP" when someone types "vip").
    stored = dict(
        session.execute(select(TAG.c.folded, TAG.c.name).where(TAG.c.id.in_(list(by_fold.values())))).all()
    )
    names = [stored.get(fold(n), n) for n in names]
    link, owner = TAG_LINKS[entity]
    history: list[dict[str, Any]] = []
    links: list[dict[str, int]] = []
    for i in ids:
        have = {fold(t) for t in before.get(i, [])}
        add = [n for n in names if fold(n) not in have]
        if add:
            links += [{owner: i, "tag_id": by_fold[fold(n)]} for n in add]
            old = before.get(i, [])
            history.append({"id": i, "field": "tags", "old": old, "new": sorted(old + add, key=fold)})
    return _finish(session, entity, history, actor, links=(link, links))


def remove_tags(
    session: Session, entity: str, ids: Sequence[int], tags: Iterable[str], *, actor: str = ""
) -> str:
    """Take ``tags`` off every record in ``ids``; returns the group id ('' when nothing changed)."""
    _check_taggable(entity)
    names = _names(tags)
    ids = live_ids(session, entity, _unique(ids))
    before = current_tags(session, entity, ids)
    gone = {fold(n) for n in names}
    by_fold = tag_ids(session, names, create=False)
    link, owner = TAG_LINKS[entity]
    history: list[dict[str, Any]] = []
    for i in ids:
        old = before.get(i, [])
        new = [t for t in old if fold(t) not in gone]
        if new != old:
            history.append({"id": i, "field": "tags", "old": old, "new": new})
    changed = [h["id"] for h in history]
    if changed and by_fold:
        for chunk in chunked(changed, CHUNK):
            session.execute(
                sql_delete(link).where(link.c[owner].in_(chunk), link.c.tag_id.in_(list(by_fold.values())))
            )
    return _finish(session, entity, history, actor)


def _finish(
    session: Session,
    entity: str,
    history: list[dict[str, Any]],
    actor: str,
    *,
    links: tuple[Table, list[dict[str, int]]] | None = None,
    values: dict[str, Any] | None = None,
) -> str:
    if not history:
        return ""
    group, now = new_group_id(), m.utcnow()
    if links and links[1]:
        for start in range(0, len(links[1]), CHUNK):
            session.execute(insert(links[0]), links[1][start : start + CHUNK])
    bump(session, entity, _unique(h["id"] for h in history), now, **(values or {}))
    write_history(session, history, entity=entity, op="update", actor=actor, group=group, now=now)
    return group


# --- one field --------------------------------------------------------------------------------


def set_field(
    session: Session, entity: str, ids: Sequence[int], field: str, value: Any, *, actor: str = ""
) -> str:
    """Set ``field`` to ``value`` on every record in ``ids``; returns the group id."""
    checks = SETTABLE.get(entity, {})
    field = FIELD_ALIASES.get(entity, {}).get(field, field)
    if field not in checks:
        allowed = ", ".join(checks) or "none"
        raise ValueError(
            f"{field!r} cannot be set in bulk on {PLURAL.get(entity, entity)} (allowed: {allowed})"
        )
    try:
        clean = checks[field](session, value)
    except v.FieldError as exc:
        raise ValidationError(entity, {field: str(exc)}) from None
    if entity == "action" and field == "status":
        from app import actions  # the action rules build on this module's helpers

        return actions.set_status(session, ids, clean, actor=actor)
    table = TABLES[entity]
    ids = live_ids(session, entity, _unique(ids))
    extra_cols = ["meeting_id"] if entity == "action" else []
    current: dict[int, dict[str, Any]] = {}
    for chunk in chunked(ids, CHUNK):
        cols = [table.c.id, table.c[field], *(table.c[c] for c in extra_cols)]
        for row in session.execute(select(*cols).where(table.c.id.in_(chunk))).mappings():
            current[int(row["id"])] = dict(row)
    changed = [i for i in ids if current[i][field] != clean]
    if entity == "action" and field == "due_date" and clean is not None:
        from app import actions

        actions.check_due_dates(session, current, dict.fromkeys(changed, clean))
    history = [{"id": i, "field": field, "old": current[i][field], "new": clean} for i in changed]
    return _finish(session, entity, history, actor, values={field: clean})


# --- delete ------------------------------------------------------------------------------------


def delete_records(session: Session, entity: str, ids: Sequence[int], *, actor: str = "") -> str:
    """Soft-delete every live record in ``ids``; returns the group id."""
    if entity not in TABLES:
        raise ValueError(f"unknown record kind {entity!r}")
    ids = live_ids(session, entity, _unique(ids))
    if not ids:
        return ""
    if len(ids) > 1:  # one record goes to the trash and back; several are worth a copy first
        backups.before(session, "bulk-delete")
    group, now = new_group_id(), m.utcnow()
    bump(session, entity, ids, now, deleted_at=now)
    write_history(
        session, [{"id": i} for i in ids], entity=entity, op="delete", actor=actor, group=group, now=now
    )
    if entity == "meeting":  # they no longer count as contact: the attendees' dates counted again
        from app import contacted

        people: set[int] = set()
        for part in chunked(ids):
            people.update(
                int(c)
                for c in session.execute(
                    select(ATTENDEE.c.contact_id).where(ATTENDEE.c.meeting_id.in_(part))
                ).scalars()
            )
        contacted.recount(session, people, actor=actor, group_id=group)
    return group


delete = delete_records  # the name the list views' "Delete" action looks for
