"""The history of one record, ready to show: who, when, which field, old → new, with names for
ids; merges and imports said as such; and writing an old value back.

    rows = record_history(session, "contact", 7)      # newest first, plain dataclasses
    rows[0].field, rows[0].old_label, rows[0].new_label   # "organisation_id", "NIC", "Genetica"
    restore_value(session, "contact", 7, "organisation_id", rows[0].id, actor="Anh",
                  expected_version=4)                  # an ordinary, undoable update

The window's History dialog and ``ketnoi history KIND ID`` both read :func:`record_history`,
so they show the same rows. Values come back in their Python types (dates as ``date``), so each
front end formats dates its own way (the window in the user's date format).

A record removed for good by "Empty trash" keeps its history, closed by a ``purge`` row; on
SQLite a later record may be given the same id, so a record's history starts after the last
purge of its id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, DateTime, func, select
from sqlmodel import Session

from app import history_events, records
from app.contacted import GIVEN_OP
from app.entities import DERIVED
from app.history_events import Event
from app.history_words import describe, shown

__all__ = ["describe", "shown"]  # the command line's words for a row (app.history_words)
from app.errors import NotFoundError, UserError
from db import kinds
from db.queries import chunked
from db.tables import CHANGE

LIMIT = 1000
# Fields that hold the id of another record, and the kind of that record.
REFERS_TO = {
    "owner_id": "staff",
    "responsible_staff_id": "staff",
    "organisation_id": "organisation",
    "parent_id": "organisation",
    "responsible_contact_id": "contact",
    "meeting_id": "meeting",
    "contact_id": "contact",  # a letter's
    "action_id": "action",
    "reply_to_id": "letter",
    "post_id": "post",  # a letter's addressee: a post (app.posts), named "title, organisation"
    "shared_with": "staff",  # a confidential record shown to a colleague (app.team.share)
    # a meeting's attendee or organisation a merge moved where its merger could not see the
    # meeting (db.team's ketnoi_merge_hidden): the id, or the link row the merge dropped
    "meeting_attendee": "contact",
    "meeting_organisation": "organisation",
}
_LINK_ROW = {"meeting_attendee": "contact_id", "meeting_organisation": "organisation_id"}
# List fields that hold ids of other records.
LIST_REFERS_TO = {"organisation_ids": "organisation", "staff_ids": "staff"}
_NOT_RESTORABLE = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "version",
        "deleted_at",
        "import_batch_id",
        "shared_with",
        *_LINK_ROW,
        "login",
        "role",
    }
)


@dataclass(frozen=True)
class HistoryEntry:
    """One row of a record's history, with what the screen needs to say it plainly."""

    id: int  # the change's id (what "Restore this value" names)
    at: dt.datetime  # aware UTC
    actor: str
    op: str  # create / update / delete / restore / merge / import / undo / purge
    field: str  # "" for lifecycle rows
    old: Any  # Python values: dates as date / datetime, ids as int
    new: Any
    old_label: str | None  # names for ids ("Genetica"), lists joined; None: show the value itself
    new_label: str | None
    group_id: str
    batch_id: int | None
    batch_file: str  # the imported file's name, for rows an import wrote
    merged_with: str  # the other record's name, for merge rows ("" otherwise)
    merged_into: bool  # this record went into ``merged_with`` (it was the merged-away one)
    moved: dict[str, int]  # a survivor's merge row: what moved to it, how many
    restorable: bool  # an old value that can be written back now
    event: Event | None = None  # a post's or a reorganisation's row, in parts (app.history_events)
    # an undo's or a redo's row: what it took back or did again, by language ("en", "vi": the
    # operation as Edit → Undo history says it, "Rescheduled action …"); empty otherwise
    step_of: dict[str, str] = dataclasses.field(default_factory=dict)
    # a survivor's merge row: the id the merged record had, and whether this record took its
    # name (then "Merged “Sao Mai” into this record" was read on a record of that very name:
    # reviewer h149) — said by its id, the name its own
    merged_id: int | None = None
    took_name: bool = False

    @property
    def redo(self) -> bool:
        """An undo of an undo (group ``uu<id>``): a redo, said so (reviewer h129: the history
        said "Undo" for the undo and for the redo alike)."""
        from app.undo import undo_depth

        return self.op == "undo" and undo_depth(self.group_id)[1] % 2 == 0

    @property
    def undid_import(self) -> bool:
        """A row the undo of import ``batch_id`` wrote (app.importing.undo: group "undo-<id>"):
        said as the undo, not as the import (reviewer: both read "Sectors (import of …)")."""
        return self.batch_id is not None and self.group_id.startswith(IMPORT_UNDO_GROUP)

    @property
    def imported(self) -> bool:
        return not self.undid_import and (self.batch_id is not None or self.op in ("import", GIVEN_OP))

    @property
    def merged(self) -> bool:
        return self.op == "merge"


def _typed(kind: str, field: str, value: Any) -> Any:
    """A value as history stored it (JSON) back in its column's Python type."""
    table = kinds.table(kind)
    if isinstance(value, str) and value and field in table.c:
        col_type = table.c[field].type
        col_type = getattr(col_type, "impl", col_type)  # UTCDateTime wraps DateTime
        try:
            if isinstance(col_type, DateTime):
                return dt.datetime.fromisoformat(value)
            if isinstance(col_type, Date):
                return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _start_after(session: Session, kind: str, record_id: int) -> int:
    """The id of the last ``purge`` row of (kind, id): rows before it belong to a record gone
    for good (SQLite may give its id to a later record)."""
    last = session.execute(
        select(func.max(CHANGE.c.id)).where(
            CHANGE.c.entity == kind,
            CHANGE.c.entity_id == record_id,
            CHANGE.c.op == "purge",
            CHANGE.c.field == "",  # the record itself, not a pointer it lost
        )
    ).scalar()
    return int(last or 0)


def labels_of(session: Session, wanted: dict[str, set[int]]) -> dict[str, dict[int, str]]:
    """Names of records by kind and id (deleted ones too); a missing one is "#id"."""
    out: dict[str, dict[int, str]] = {}
    for kind, ids in wanted.items():
        if kind == "post":  # no record kind: "Phó Giám đốc, Trung tâm Đổi mới sáng tạo Quốc gia"
            out[kind] = _post_labels(session, ids)
            continue
        info = kinds.info(kind)
        table = info.table
        names: dict[int, str] = {}
        for part in chunked(sorted(ids)):
            rows = session.execute(
                select(table.c.id, table.c[info.label_field]).where(table.c.id.in_(part))
            ).all()
            names.update({int(i): str(n) for i, n in rows})
        gone = sorted(set(ids) - set(names))
        for part in chunked(gone):  # removed for good: the name their purge row kept
            rows = session.execute(
                select(CHANGE.c.entity_id, CHANGE.c.new)
                .where(CHANGE.c.entity == kind, CHANGE.c.entity_id.in_(part), CHANGE.c.op == "purge")
                .where(CHANGE.c.field == "")
                .order_by(CHANGE.c.id)
            ).all()
            names.update(
                {int(i): str(new["label"]) for i, new in rows if isinstance(new, dict) and new.get("label")}
            )
        out[kind] = {i: names.get(i, f"#{i}") for i in ids}
    return out


def _post_labels(session: Session, ids: set[int]) -> dict[int, str]:
    posts = history_events.post_titles(session, set(ids))
    orgs = labels_of(session, {"organisation": {o for _t, o in posts.values() if o is not None}})
    names = orgs.get("organisation", {})
    return {
        i: ", ".join(x for x in (posts[i][0], names.get(posts[i][1] or 0, "")) if x)
        if i in posts
        else f"#{i}"
        for i in ids
    }


def _ids_in(field: str, value: Any) -> Iterable[tuple[str, int]]:
    value = _linked(field, value)
    if value in (None, "", []):
        return
    if field in REFERS_TO:
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            yield REFERS_TO[field], int(value)
    elif field in LIST_REFERS_TO and isinstance(value, list):
        for x in value:
            if isinstance(x, int):
                yield LIST_REFERS_TO[field], x
    elif field == "attendees" and isinstance(value, list):
        for a in value:
            if isinstance(a, dict) and isinstance(a.get("contact_id"), int):
                yield "contact", int(a["contact_id"])


def _label(
    field: str, value: Any, names: dict[str, dict[int, str]], role_label: Callable[[str], str]
) -> str | None:
    value = _linked(field, value)
    if value in (None, "", []):
        return None
    if field in REFERS_TO:
        try:
            return names.get(REFERS_TO[field], {}).get(int(value), f"#{value}")
        except (TypeError, ValueError):
            return str(value)
    if field in LIST_REFERS_TO and isinstance(value, list):
        kind = LIST_REFERS_TO[field]
        return ", ".join(names.get(kind, {}).get(x, f"#{x}") if isinstance(x, int) else str(x) for x in value)
    if field == "attendees" and isinstance(value, list):
        parts = []
        for a in value:
            if not isinstance(a, dict):
                parts.append(str(a))
                continue
            name = names.get("contact", {}).get(int(a.get("contact_id") or 0), f"#{a.get('contact_id')}")
            role = str(a.get("role") or "participant")
            parts.append(name if role == "participant" else f"{name} ({role_label(role)})")
        return ", ".join(parts)
    if isinstance(value, list):
        return ", ".join(str(x) for x in value)
    return None


def _linked(field: str, value: Any) -> Any:
    """A link row a merge dropped (``{"meeting_id": …, "contact_id": …, "role": …}``) as the id
    it links; any other value as it is."""
    if field in _LINK_ROW and isinstance(value, dict):
        return value.get(_LINK_ROW[field])
    return value


def _plain_role(role: str) -> str:
    return role.replace("_", " ")


def record_history(
    session: Session,
    kind: str,
    record_id: int,
    *,
    limit: int = LIMIT,
    role_label: Callable[[str], str] = _plain_role,
) -> list[HistoryEntry]:
    """The history of one record (deleted ones too), newest first, at most ``limit`` rows.

    ``role_label`` names an attendee's role ("chair") in the caller's language."""
    info = kinds.info(kind)
    table = info.table
    exists = session.execute(select(table.c.id).where(table.c.id == record_id)).first()
    if exists is None:
        raise NotFoundError(kind, record_id)
    start = _start_after(session, kind, record_id)
    rows = session.execute(
        select(CHANGE)
        .where(CHANGE.c.entity == kind, CHANGE.c.entity_id == record_id, CHANGE.c.id > start)
        .order_by(CHANGE.c.at.desc(), CHANGE.c.id.desc())
        .limit(max(limit, 0))
    ).all()
    wanted: dict[str, set[int]] = defaultdict(set)
    batches: set[int] = set()
    event_posts: set[int] = set()  # the posts of post rows (app.history_events)
    for r in rows:
        for value in (r.old, r.new):
            for k, i in _ids_in(r.field, value):
                wanted[k].add(i)
        if r.op == "merge" and not r.field and isinstance(r.new, dict):
            other = r.new.get("into") or r.new.get("other_id")
            if isinstance(other, int):
                wanted[kind].add(other)
        if r.batch_id is not None:
            batches.add(int(r.batch_id))
        if r.op in history_events.OPS and not r.field:
            orgs, posts = history_events.wanted(r.op, r.new, record_id)
            wanted["organisation"] |= orgs
            event_posts |= posts
    titles = history_events.post_titles(session, event_posts) if event_posts else {}
    wanted["organisation"] |= {o for _t, o in titles.values() if o is not None}
    names = labels_of(session, {k: ids for k, ids in wanted.items() if ids})
    event_names = history_events.Names(names.get("organisation", {}), titles)
    files = _batch_files(session, batches)
    current = _current(session, kind, record_id)
    out: list[HistoryEntry] = []
    said: dict[str, dict[str, str]] = {}  # an undone operation's words, read once
    for r in rows:
        old, new = _typed(kind, r.field, r.old), _typed(kind, r.field, r.new)
        merged_with, merged_into, moved = "", False, {}
        merged_id, took_name = None, False
        if r.op == "merge" and not r.field and isinstance(r.new, dict):
            if "into" in r.new:
                merged_into = True
                merged_with = names.get(kind, {}).get(r.new["into"]) or str(r.new.get("survivor_label", ""))
            else:
                merged_with = str(
                    r.new.get("other_label") or names.get(kind, {}).get(int(r.new.get("other_id") or 0), "")
                )
                merged_id = int(r.new["other_id"]) if r.new.get("other_id") else None
                took_name = bool(merged_with) and r.new.get("kept_label") == merged_with != r.new.get(
                    "survivor_label"
                )
                moves = r.new.get("moves") or {}
                moved = {
                    k: len(x)
                    for k, x in moves.items()
                    if isinstance(x, list) and x and not k.endswith("_dropped")
                }
        old_label = _label(r.field, r.old, names, role_label)
        new_label = _label(r.field, r.new, names, role_label)
        if old_label is not None and old_label == new_label and isinstance(r.old, int) and r.old != r.new:
            # two records of one name ("FPT Corporation → FPT Corporation" read as nothing
            # changed): their ids say which
            old_label, new_label = f"{old_label} (#{r.old})", f"{new_label} (#{r.new})"
        step_of = _step_of(session, str(r.group_id or ""), said) if r.op == "undo" and not r.field else {}
        entry = HistoryEntry(
            id=int(r.id),
            at=_aware(r.at),
            actor=str(r.actor or ""),
            op=str(r.op),
            field=str(r.field or ""),
            old=old,
            new=new,
            old_label=old_label,
            new_label=new_label,
            group_id=str(r.group_id or ""),
            batch_id=int(r.batch_id) if r.batch_id is not None else None,
            batch_file=files.get(int(r.batch_id), "") if r.batch_id is not None else "",
            merged_with=merged_with,
            merged_into=merged_into,
            moved=moved,
            restorable=_restorable(kind, r.field, r.op, old, current),
            step_of=step_of,
            merged_id=merged_id,
            took_name=took_name,
        )
        events = history_events.events_of(r.op, r.old, r.new, event_names, record_id) if not r.field else []
        # an edit of a post's name and precedence: a row for each, as a record's edit has
        out.extend([dataclasses.replace(entry, event=e) for e in events] or [entry])
    if kind in kinds.ATTACHABLE:
        out = sorted([*out, *_attachment_rows(session, kind, record_id, limit)], key=lambda e: (e.at, e.id))
        out = out[::-1][: max(limit, 0)]
    return out


def _step_of(session: Session, group_id: str, said: dict[str, dict[str, str]]) -> dict[str, str]:
    """The operation an undo's (or a redo's) group ``group_id`` works on, said in English and
    Vietnamese as Edit → Undo history says it; empty for an import's undo (said apart) or
    when it cannot be said (its rows gone)."""
    from app.undo import describe as describe_group
    from app.undo import undo_depth

    base, depth = undo_depth(group_id)
    if not depth:
        return {}
    if base not in said:
        try:
            said[base] = {lang: describe_group(session, base, lang) for lang in ("en", "vi")}
        except (UserError, LookupError, ValueError):
            said[base] = {}
    return said[base]


def _attachment_rows(session: Session, kind: str, record_id: int, limit: int) -> list[HistoryEntry]:
    """Files attached to the record and removed from it (kept in each attachment's own history)
    as changes of its "attachments": none → the file's name when attached, back when removed."""
    from app.attachments import ATT

    files = dict(
        session.execute(
            select(ATT.c.id, ATT.c.file_name).where(ATT.c.owner_kind == kind, ATT.c.owner_id == record_id)
        ).all()
    )
    out: list[HistoryEntry] = []
    for part in chunked(list(files)):
        rows = session.execute(
            select(CHANGE)
            .where(
                CHANGE.c.entity == "attachment",
                CHANGE.c.entity_id.in_(part),
                CHANGE.c.field == "",
                CHANGE.c.op.in_(("create", "delete", "restore")),
            )
            .order_by(CHANGE.c.id.desc())
            .limit(max(limit, 0))
        ).all()
        for r in rows:
            name = str(files[int(r.entity_id)])
            old, new = (None, name) if r.op in ("create", "restore") else (name, None)
            out.append(
                HistoryEntry(
                    id=int(r.id),
                    at=_aware(r.at),
                    actor=str(r.actor or ""),
                    op="update",
                    field="attachments",
                    old=old,
                    new=new,
                    old_label=None,
                    new_label=None,
                    group_id=str(r.group_id or ""),
                    batch_id=None,
                    batch_file="",
                    merged_with="",
                    merged_into=False,
                    moved={},
                    restorable=False,
                )
            )
    return out


def _aware(when: Any) -> dt.datetime:
    if isinstance(when, str):
        when = dt.datetime.fromisoformat(when)
    assert isinstance(when, dt.datetime)
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _batch_files(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    from db.models import ImportBatch
    from db.tables import table_of

    batch = table_of(ImportBatch)
    rows = session.execute(select(batch.c.id, batch.c.file_name).where(batch.c.id.in_(sorted(ids)))).all()
    return {int(i): str(f) for i, f in rows}


def _current(session: Session, kind: str, record_id: int) -> dict[str, Any] | None:
    """The live record's values (None when it is deleted: nothing can be written back to it)."""
    try:
        return records.snapshot(session, kind, record_id)
    except NotFoundError:
        return None


def _restorable(kind: str, field: str, op: str, old: Any, current: dict[str, Any] | None) -> bool:
    if current is None or not field or op not in ("update", "merge", "import", GIVEN_OP):
        return False
    if field in _NOT_RESTORABLE or field in DERIVED or field not in current:
        return False
    from app.undo import same_value  # undo builds on this package's services

    return not same_value(current.get(field), records.jsonable(old), field)


def restore_value(
    session: Session,
    kind: str,
    record_id: int,
    field: str,
    change_id: int,
    *,
    actor: str = "",
    expected_version: int | None = None,
    base: dict[str, Any] | None = None,
) -> tuple[int, str]:
    """Write back the old value the change ``change_id`` replaced, as an ordinary update.

    ``base`` is the record as the user was looking at it (:func:`app.records.snapshot`, with
    its version): saved since by someone else, the value is written over the version now
    stored when they changed other fields (theirs kept, :func:`app.records.update_edited`),
    and a :class:`~app.errors.ConflictError` naming the field (``clashing``) when they changed
    this one. Without it, ``expected_version`` is the version the user was looking at
    (``None``: the current one), a record saved since being the conflict. Returns the new
    version and the update's group id (undone like any edit)."""
    row = session.execute(select(CHANGE).where(CHANGE.c.id == change_id)).first()
    if row is None or row.entity != kind or row.entity_id != record_id or row.field != field or not field:
        raise UserError(f"Change {change_id} is not a change of {field or 'a field'} on {kind} #{record_id}.")
    if row.id <= _start_after(session, kind, record_id):
        raise UserError(f"Change {change_id} belongs to a record removed for good.")
    if field in _NOT_RESTORABLE or field in DERIVED or row.op not in ("update", "merge", "import", GIVEN_OP):
        raise UserError(f"The {field.replace('_', ' ')} of change {change_id} cannot be written back.")
    group = records.new_group_id()
    if base is not None:
        edited = records.update_edited(
            session,
            kind,
            record_id,
            {field: _typed(kind, field, row.old)},
            base=base,
            actor=actor,
            group_id=group,
        )
        return edited.version, group
    if expected_version is None:
        current = records.snapshot(session, kind, record_id)
        expected_version = int(current["version"])
    version = records.update(
        session,
        kind,
        record_id,
        {field: _typed(kind, field, row.old)},
        expected_version=expected_version,
        actor=actor,
        group_id=group,
    )
    return version, group


IMPORT_UNDO_GROUP = "undo-"  # the group of an import's undo rows (app.importing.undo)


# A history row's share of the record's version: each save bumps the version once and writes
# its rows under one group; these rows are a save of their own within a group (the contact's
# date counted again by a meeting's save, app.contacted), or no save at all (a merge's entry).
_OWN_BUMP = ("create", "delete", "restore")


def values_at(session: Session, kind: str, record_id: int, version: int) -> dict[str, Any] | None:
    """The record as it stood at ``version`` (:func:`app.records.snapshot`'s values), read back
    from its history: the values now, each save since ``version`` undone field by field (its
    old values). ``ketnoi KIND edit --if-version N`` merges from it as the window merges from
    the form it read (:func:`app.records.update_edited`).

    None when the history cannot tell: the saves it holds do not add up to the version now
    stored (another program wrote without history, psql), or a save since then created,
    deleted or restored the record; the caller then refuses any save since, as before."""
    current = records.snapshot(session, kind, record_id)
    now = int(current["version"])
    if not 1 <= version < now:
        return None
    rows = session.execute(
        select(CHANGE.c.op, CHANGE.c.field, CHANGE.c.old, CHANGE.c.group_id)
        .where(
            CHANGE.c.entity == kind,
            CHANGE.c.entity_id == record_id,
            CHANGE.c.id > _start_after(session, kind, record_id),
        )
        .order_by(CHANGE.c.id.desc())
    ).all()
    saves: list[list[Any]] = []  # newest first: the rows of one group, one after the other
    for row in rows:
        if saves and row.group_id and saves[-1][0].group_id == row.group_id:
            saves[-1].append(row)
        else:
            saves.append([row])

    def bumps(save: list[Any]) -> list[list[Any]]:
        """The group's rows as the saves they were, each one version, newest first."""
        out: dict[Any, list[Any]] = {}
        for n, r in enumerate(save):
            if r.field == "last_contacted_on" or (r.op in _OWN_BUMP and not r.field):
                out[n] = [r]
            elif r.field:
                out.setdefault("fields", []).append(r)
        return list(out.values())

    versions = [b for save in saves for b in bumps(save)]
    if len(versions) != now:  # a save the history does not hold: what it changed is not known
        return None
    base = dict(current)
    for bump in versions[: now - version]:
        for row in bump:
            if not row.field:
                return None  # created, deleted or restored since: not an edit to merge with
            if row.field in base:
                base[row.field] = _typed(kind, row.field, row.old)
    base["version"] = version
    return base
