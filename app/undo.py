"""Undo of one user operation: every history row sharing a ``group_id`` (a bulk edit, a merge,
a rating, a delete) is reversed in one go, in the caller's transaction.

* field updates go back to their old values, but only if the record still holds the value the
  operation wrote (optimistic check on values, not versions: an edit made since is never
  overwritten; :class:`UndoConflict` says which records and nothing is written);
* deleted records are restored, created ones soft-deleted;
* a merge is undone by :func:`app.merge.undo_merge`.

The undo is itself history: its rows carry the group id ``"u" + group_id`` (so whether a group
was undone is one indexed look-up), and versions move forward; undoing an undo is a redo
(``"uu" + group_id``). Imports have their own exact undo (``ketnoi undo-import``) and are not
offered here; :mod:`app.undo_history` lists every kind and sends each to its own undo.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Date, DateTime, Row, Table, and_, func, select
from sqlmodel import Session

from app import bulk_edit, contacted, records
from app.cli_lines import refused
from app.contacted import FIELD as CONTACTED
from app.contacted import GIVEN_OP
from app.errors import NotFoundError, UserError
from app.language import thousands
from app.records import jsonable
from app.vntext import fold
from db import clock, kinds
from db import models as m
from db.backup import RESTORED_KEY
from db.queries import chunked
from db.tables import ATTENDEE, CHANGE

UNDO_PREFIX = "u"
IMPORT_UNDO_PREFIX = "undo-"  # app.importing.undo's groups ("undo-<batch id>")
IMPORT_GROUP_PREFIX = "import-"  # an import's own group (app.importing.commit: "import-<batch id>")
MAX_GROUP_ID = 40  # the width of change.group_id
_SET_FIELDS = ("tags", "sectors")  # compared as sets of folded names
# Relations a snapshot lists in id order whatever order they were saved in.
_UNORDERED = ("attendees", "organisation_ids", "staff_ids")
REFERS_TO = {
    "owner_id": "staff",
    "responsible_staff_id": "staff",
    "organisation_id": "organisation",
    "parent_id": "organisation",
    "responsible_contact_id": "contact",
    "meeting_id": "meeting",
}
FIELD_LABELS = {
    "owner_id": "owner",
    "organisation_id": "organisation",
    "responsible_staff_id": "responsible staff member",
    "responsible_contact_id": "responsible contact",
    "due_date": "due date",
    "parent_id": "parent organisation",
}


class UndoConflict(UserError):
    """The records were changed after the operation; undoing it would overwrite that."""


@dataclass(frozen=True, slots=True)
class UndoableGroup:
    group_id: str
    description: str
    at: dt.datetime
    actor: str
    count: int  # records touched


@dataclass(frozen=True, slots=True)
class UndoResult:
    group_id: str  # the undo's own group id
    undone: str
    description: str


@dataclass(frozen=True, slots=True)
class RestoreMark:
    """The last restore of this database from a backup (:data:`db.backup.RESTORED_KEY`). The
    history rows up to ``last_change`` came with the backup: they say what was done to the
    database the backup was taken from, before the restore replaced the database it had become.
    Undo does not reach back across the restore (the window, the Undo history, ``ketnoi undo``):
    what it replaced is kept as its "before-restore" copy, which is restored to go back."""

    at: dt.datetime  # local wall time of the restore
    source: str  # the backup's file name
    last_change: int


RESTORE_WORDS = {
    "en": {
        "before": "Done before the database was restored from the backup {source} ({when}): undo does "
        "not reach back across a restore. The database as it was before the restore is kept as a "
        "copy (File → Backups…, ketnoi backups); restore that copy to go back to it.",
        "nothing": "Nothing to undo: the database was restored from the backup {source} ({when}).",
    },
    "vi": {
        "before": "Thao tác này diễn ra trước khi cơ sở dữ liệu được khôi phục từ bản sao {source} ({when}), "
        "nên không thể hoàn tác. Cơ sở dữ liệu trước lần khôi phục vẫn được lưu thành một bản sao "
        "(Tệp → Sao lưu…, ketnoi backups); muốn quay lại, hãy khôi phục bản sao đó.",
        "nothing": "Không có gì để hoàn tác: cơ sở dữ liệu đã được khôi phục từ bản sao {source} ({when}).",
    },
}


def restore_mark(session: Session) -> RestoreMark | None:
    """The last restore of this database from a backup (None when it never was restored)."""
    value = session.execute(select(m.Setting.value).where(m.Setting.key == RESTORED_KEY)).scalar()  # type: ignore[arg-type]
    if not isinstance(value, dict):
        return None
    try:
        at = dt.datetime.fromisoformat(str(value.get("at")))
    except ValueError:
        return None
    last = value.get("last_change")
    if not isinstance(last, int):  # restored before the mark said where its history ends
        stamp = clock.utc_of(at)  # (written naive by db.backup: the office's time)
        last = session.execute(select(func.max(CHANGE.c.id)).where(CHANGE.c.at <= stamp)).scalar() or 0
    return RestoreMark(at.replace(tzinfo=None), str(value.get("from") or ""), int(last))


DAY_FORMAT = "%d/%m/%Y"  # the command line's dates; the window passes the user's (Settings)


def restore_words(mark: RestoreMark, key: str, lang: str = "en", date_format: str = DAY_FORMAT) -> str:
    """A sentence about the restore: ``before`` (an operation Undo does not reach back to) or
    ``nothing`` (nothing is left to undo since it); its day written in ``date_format`` (a
    strftime format: the window's follows the date format chosen in Settings)."""
    when = f"{mark.at.strftime(date_format)} {mark.at:%H:%M}"
    return RESTORE_WORDS[_lang(lang)][key].format(source=mark.source or "?", when=when)


def before_restore(session: Session, change_id: int) -> RestoreMark | None:
    """The restore, when the history row ``change_id`` came with the restored backup."""
    mark = restore_mark(session)
    return mark if mark is not None and change_id <= mark.last_change else None


def undo_id(group_id: str) -> str:
    return UNDO_PREFIX + group_id


def is_undo(group_id: str) -> bool:
    return group_id.startswith(UNDO_PREFIX)


def is_undone(session: Session, group_id: str) -> bool:
    return (
        session.execute(select(CHANGE.c.id).where(CHANGE.c.group_id == undo_id(group_id)).limit(1)).first()
        is not None
    )


def same_value(current: Any, recorded: Any, field: str = "") -> bool:
    """Does a stored value equal the JSON a history row recorded?"""
    if field in _SET_FIELDS:
        return sorted(fold(x) for x in current or []) == sorted(fold(x) for x in recorded or [])
    if field in _UNORDERED:
        return sorted(map(repr, jsonable(current or []))) == sorted(map(repr, recorded or []))
    return bool(jsonable(current) == recorded)


def undo_depth(group_id: str) -> tuple[str, int]:
    """The operation an undo chain starts from and how many undos lie on it: ``("g", 0)`` for
    ``g``, ``("g", 1)`` for its undo ``ug``, ``("g", 2)`` for the undo of that undo (a redo)."""
    if group_id.startswith(IMPORT_UNDO_PREFIX):  # an import's undo: "undo-<batch>"
        return group_id, 0
    base = group_id.lstrip(UNDO_PREFIX)
    return base, len(group_id) - len(base)


def begin_undo(
    session: Session, group_id: str, actor: str = "", lang: str = "en", *, hidden_moved_back: bool = False
) -> str:
    """Check that ``group_id`` can be undone and mark it undone; returns the undo's group id.

    An undo can itself be undone (a redo): its group id gains one more ``u``.
    ``hidden_moved_back``: the caller reverses the part hidden from this login too (a merge's
    undo, through the owner's ``ketnoi_unmerge_hidden``), so that part is no refusal."""
    if not group_id:
        raise refused("There is no change to undo.", "Không có thay đổi nào để hoàn tác.")
    if len(undo_id(group_id)) > MAX_GROUP_ID:
        raise refused(
            "That change has been undone and redone too many times to undo it again.",
            "Thay đổi này đã được hoàn tác và làm lại quá nhiều lần, không thể hoàn tác thêm.",
        )
    first = session.execute(
        select(CHANGE.c.id, CHANGE.c.entity, CHANGE.c.entity_id, CHANGE.c.batch_id)
        .where(CHANGE.c.group_id == group_id)
        .order_by(CHANGE.c.id)
        .limit(1)
    ).first()
    if first is None:
        raise refused(
            f"There is no change {group_id} to undo.",
            f"Không có thay đổi nào mang mã {group_id} để hoàn tác.",
        )
    if (mark := before_restore(session, int(first.id))) is not None:
        raise UserError(restore_words(mark, "before", lang))
    if first.batch_id is not None:
        raise refused(
            "That change came from an import: undo it with ‘undo import’.",
            "Thay đổi này đến từ một lần nhập dữ liệu: hãy hoàn tác nó bằng ‘undo import’.",
        )
    if is_undone(session, group_id):
        raise refused("That change has already been undone.", "Thay đổi này đã được hoàn tác rồi.")
    if not hidden_moved_back and part_hidden(session, group_id):
        raise hidden_refusal()
    if _touches_purged(session, group_id):
        raise refused(
            "Records of that change were removed for good when the trash was emptied; it cannot be undone.",
            "Một số hồ sơ của thay đổi này đã bị xoá vĩnh viễn khi dọn thùng rác; không thể hoàn tác.",
        )
    session.execute(
        CHANGE.insert().values(
            entity=first.entity,
            entity_id=first.entity_id,
            op="undo",
            field="",
            new={"undone": group_id},
            at=m.utcnow(),
            actor=actor,
            group_id=undo_id(group_id),
        )
    )
    return undo_id(group_id)


HIDDEN_WORDS = {
    "en": "Part of that change touches records you may not see, so you cannot undo it: undoing only "
    "the rest would leave it half undone. Ask whoever made it, or a manager, to undo it.",
    "vi": "Một phần của thay đổi này liên quan đến hồ sơ bạn không được xem, nên bạn không thể hoàn tác "
    "nó: chỉ hoàn tác phần còn lại sẽ để nó bị hoàn tác dở dang. Hãy nhờ người đã thực hiện hoặc một "
    "quản lý hoàn tác.",
}


def part_hidden(session: Session, group_id: str) -> bool:
    """Does the operation touch a record the signed-in person may not see (a team database's
    row-level security hides its history rows from them)? Its undo would reverse only the rest
    yet mark it undone for everyone (reviewer: "Undone: Tagged 3 contacts" of 4), so it is
    refused instead, without saying which record (:data:`HIDDEN_WORDS`)."""
    from db.team import group_hidden

    return group_hidden(session, group_id)


def import_hidden(session: Session, batch_ids: list[int]) -> set[int]:
    """Those of the imports ``batch_ids`` that touch a record the signed-in person may not see
    (:func:`part_hidden` of their ``import-<batch>`` groups, asked in one statement): undoing
    one would put back only what they see, leave the hidden record as the import left it and
    mark the import undone (the same half undo, reviewer h139), so it is refused too."""
    from db.team import groups_hidden

    found = groups_hidden(session, [f"{IMPORT_GROUP_PREFIX}{b}" for b in batch_ids])
    return {int(g[len(IMPORT_GROUP_PREFIX) :]) for g in found}


def hidden_refusal() -> UserError:
    return refused(HIDDEN_WORDS["en"], HIDDEN_WORDS["vi"])


def _touches_purged(session: Session, group_id: str) -> bool:
    """Was a record of the group removed for good since (app.trash.empty_trash)? Its id may
    belong to a new record by now (SQLite gives the highest id out again)."""
    group, purge = CHANGE.alias("g"), CHANGE.alias("p")
    query = (
        select(purge.c.id)
        .join(group, and_(group.c.entity == purge.c.entity, group.c.entity_id == purge.c.entity_id))
        .where(
            group.c.group_id == group_id, purge.c.op == "purge", purge.c.field == "", purge.c.id > group.c.id
        )
        .limit(1)
    )
    return session.execute(query).first() is not None


def _rows(session: Session, group_id: str) -> list[Row[Any]]:
    """The group's history rows as plain rows (Core: no ORM objects for 10,000 rows)."""
    query = select(
        CHANGE.c.entity, CHANGE.c.entity_id, CHANGE.c.op, CHANGE.c.field, CHANGE.c.old, CHANGE.c.new
    ).where(CHANGE.c.group_id == group_id)
    return list(session.execute(query.order_by(CHANGE.c.id)).all())


def undo_group(session: Session, group_id: str, actor: str = "", lang: str = "en") -> UndoResult:
    """Reverse every change of ``group_id``; raises :class:`UndoConflict` or UserError."""
    from app.merge import merge_summary, undo_merge  # merge uses this module's helpers

    description = describe(session, group_id, lang)
    base, depth = undo_depth(group_id)
    if depth and merge_summary(session, base) is not None:
        raise UserError(
            "An undone merge cannot be redone here: merge the two records again (Tools → Find duplicates)."
        )
    if merge_summary(session, group_id) is not None:
        return UndoResult(undo_merge(session, group_id, actor), group_id, description)
    rows = _rows(session, group_id)
    if any(r.op in ("import", GIVEN_OP) for r in rows):
        raise UserError("That change came from an import: undo it with ‘undo import’.")
    undo = begin_undo(session, group_id, actor, lang)
    meetings = _attendees(session, {int(r.entity_id) for r in rows if r.entity == "meeting"})
    now = m.utcnow()
    by_op: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r.op in ("create", "delete", "restore"):
            by_op[r.op][r.entity].append(r.entity_id)
    # Deleted records come back first: their fields may be reverted next.
    for entity, ids in by_op["delete"].items():
        _set_deleted(session, entity, ids, None, now, actor, undo)
    # who may see a confidential record (app.team.share): rows of the share table, not a field
    shares = [r for r in rows if r.field == "shared_with"]
    updates = [r for r in rows if r.field and r.op in ("update", "merge") and r.field != "shared_with"]
    # the attendees' "Last contacted" is counted again below (recount): a later meeting that moved
    # it is no edit to refuse over (reviewer: a meeting logged after another blocked the undo of
    # the first, "last contacted on was changed since")
    counted = set().union(*meetings.values())
    updates = [
        r for r in updates if not (r.field == CONTACTED and r.entity == "contact" and r.entity_id in counted)
    ]
    if shares:
        from app.team import revert_shares

        revert_shares(session, shares, actor, undo)
    if updates:
        _revert_updates(session, updates, now, actor, undo)
    for op in ("create", "restore"):
        for entity, ids in by_op[op].items():
            _set_deleted(session, entity, ids, now, now, actor, undo)
    _drop_vocabulary(session, rows, by_op, now, actor, undo)
    if meetings:
        # the attendees' "Last contacted" counted again, before the undo and after: a move a
        # meeting made once its start had passed (app.contacted.catch_up) is in no group of its own
        people = set().union(*meetings.values(), *_attendees(session, set(meetings)).values())
        contacted.recount(session, people, actor=actor, group_id=undo)
    from app import invitation_links, posts, reorg  # succession rows, posts and holdings, an
    # invitation's link to a meeting logged by hand go (or come back on a redo)

    reorg.after_undo(session, group_id, undo)
    posts.after_undo(session, group_id, undo)
    invitation_links.after_undo(session, group_id, undo)
    session.flush()
    return UndoResult(undo, group_id, description)


def _attendees(session: Session, meeting_ids: set[int]) -> dict[int, set[int]]:
    """Each meeting's attendees as they stand (before an undo changes them)."""
    out: dict[int, set[int]] = {i: set() for i in meeting_ids}
    for part in chunked(sorted(meeting_ids)):
        for mid, cid in session.execute(
            select(ATTENDEE.c.meeting_id, ATTENDEE.c.contact_id).where(ATTENDEE.c.meeting_id.in_(part))
        ).all():
            out[int(mid)].add(int(cid))
    return out


def _drop_vocabulary(
    session: Session,
    rows: Sequence[Row[Any]],
    by_op: dict[str, dict[str, list[int]]],
    now: dt.datetime,
    actor: str,
    group: str,
) -> None:
    """The sectors and tags the operation brought in (a save that typed a new sector, a record
    created with one) go with its undo when nothing else uses them (reviewer: they stayed in the
    sector filter and the pickers). The records the undo removes keep their words in its
    history ("Sectors: AI → empty"), so that a redo gives them back."""
    brought: dict[str, set[str]] = {"sector": set(), "tag": set()}
    for r in rows:
        if r.op == "create" and isinstance(r.new, dict):
            for kind in brought:
                brought[kind] |= {str(x) for x in r.new.get(kind + "s") or []}
        elif r.field in ("sectors", "tags") and r.op in ("update", "merge"):
            old = {fold(str(x)) for x in r.old or []}
            brought[r.field[:-1]] |= {str(x) for x in r.new or [] if fold(str(x)) not in old}
    candidates = {k: records.vocabulary_ids(session, k, names) for k, names in brought.items() if names}
    if not any(candidates.values()):
        return
    gone = {e: list(ids) for op in ("create", "restore") for e, ids in by_op[op].items() if e in _LINKED}
    before = {
        (e, i): records.snapshot(session, e, i, include_deleted=True) for e, ids in gone.items() for i in ids
    }
    if not records.drop_unused_vocabulary(session, candidates, gone):
        return
    for (entity, ident), snap in before.items():
        after = records.snapshot(session, entity, ident, include_deleted=True)
        for field in ("sectors", "tags"):
            if field in snap and list(snap[field] or []) != list(after.get(field) or []):
                bulk_edit.write_history(
                    session,
                    [{"id": ident, "field": field, "old": snap[field], "new": after.get(field) or []}],
                    entity=entity, op="update", actor=actor, group=group, now=now,
                )  # fmt: skip


_LINKED = ("organisation", "contact")  # the kinds that have sectors or tags


def _set_deleted(
    session: Session,
    entity: str,
    ids: Sequence[int],
    deleted_at: dt.datetime | None,
    now: dt.datetime,
    actor: str,
    group: str,
) -> None:
    table = bulk_edit.TABLES[entity]
    wanted = list(dict.fromkeys(ids))
    cond = table.c.deleted_at.is_(None) if deleted_at is not None else table.c.deleted_at.is_not(None)
    todo: list[int] = []
    for chunk in chunked(wanted, bulk_edit.CHUNK):
        todo += [
            int(i) for i in session.execute(select(table.c.id).where(table.c.id.in_(chunk), cond)).scalars()
        ]
    bulk_edit.bump(session, entity, todo, now, deleted_at=deleted_at)
    op = "delete" if deleted_at is not None else "restore"
    bulk_edit.write_history(
        session, [{"id": i} for i in todo], entity=entity, op=op, actor=actor, group=group, now=now
    )


def _python(table: Table, field: str, value: Any) -> Any:
    """A JSON value from history back in the column's Python type."""
    if isinstance(value, str) and field in table.c:
        kind = table.c[field].type
        kind = getattr(kind, "impl", kind)  # UTCDateTime wraps DateTime
        if isinstance(kind, DateTime):
            return dt.datetime.fromisoformat(value)
        if isinstance(kind, Date):
            return dt.date.fromisoformat(value)
    return value


def _revert_updates(session: Session, rows: list[Row[Any]], now: dt.datetime, actor: str, group: str) -> None:
    # The first old value and the last new value of each (record, field).
    first_old: dict[tuple[str, int, str], Any] = {}
    last_new: dict[tuple[str, int, str], Any] = {}
    for r in rows:
        key = (r.entity, r.entity_id, r.field)
        first_old.setdefault(key, r.old)
        last_new[key] = r.new
    fast: dict[tuple[str, str], list[int]] = defaultdict(list)
    slow: dict[tuple[str, int], list[str]] = defaultdict(list)
    for entity, entity_id, field in first_old:
        if (
            field in bulk_edit.SETTABLE.get(entity, {})
            or (field == "tags" and entity in kinds.TAGGABLE)
            or (entity == "action" and field == "completed_on")
        ):
            fast[(entity, field)].append(entity_id)
        else:
            slow[(entity, entity_id)].append(field)
    # Check everything before writing anything.
    current: dict[tuple[str, int, str], Any] = {}
    for (entity, field), ids in fast.items():
        if field == "tags":
            tags = bulk_edit.current_tags(session, entity, ids)
            current.update({(entity, i, field): tags.get(i, []) for i in ids})
        else:
            table = bulk_edit.TABLES[entity]
            for chunk in chunked(ids, bulk_edit.CHUNK):
                for i, value in session.execute(
                    select(table.c.id, table.c[field]).where(table.c.id.in_(chunk))
                ):
                    current[(entity, int(i), field)] = value
    for (entity, entity_id), fields in slow.items():
        try:
            snap = records.snapshot(session, entity, entity_id, include_deleted=True)
        except NotFoundError:
            snap = {}
        for field in fields:
            current[(entity, entity_id, field)] = snap.get(field)
    stale = sorted(
        {(e, i) for (e, i, f), new in last_new.items() if not same_value(current.get((e, i, f)), new, f)}
    )
    if stale:
        raise UndoConflict(_stale_message(session, stale))
    for (entity, field), ids in fast.items():
        history = [
            {
                "id": i,
                "field": field,
                "old": current[(entity, i, field)],
                "new": first_old[(entity, i, field)],
            }
            for i in ids
        ]
        if field == "tags":
            bulk_edit.set_tags(session, entity, {i: list(first_old[(entity, i, "tags")] or []) for i in ids})
            bulk_edit.bump(session, entity, ids, now)
        else:
            table = bulk_edit.TABLES[entity]
            by_value: dict[str, list[int]] = defaultdict(list)
            for i in ids:
                by_value[repr(first_old[(entity, i, field)])].append(i)
            for same in by_value.values():
                value = _python(table, field, first_old[(entity, same[0], field)])
                bulk_edit.bump(session, entity, same, now, **{field: value})
        bulk_edit.write_history(
            session, history, entity=entity, op="update", actor=actor, group=group, now=now
        )
    for (entity, entity_id), fields in slow.items():
        table = bulk_edit.TABLES[entity]
        values = {f: _python(table, f, first_old[(entity, entity_id, f)]) for f in fields}
        records.update(session, entity, entity_id, values, expected_version=None, actor=actor, group_id=group)


def _stale_message(session: Session, stale: list[tuple[str, int]]) -> str:
    names = [f'"{records.label(session, e, i)}"' for e, i in stale[:3]]
    more = f" and {len(stale) - 3} more" if len(stale) > 3 else ""
    return f"Cannot undo: {', '.join(names)}{more} changed after this operation; undo those changes first."


# --- what to offer ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Own:
    """Whose steps one window's Ctrl+Z undoes (ui.context): the history groups this window wrote
    (``groups``), and, from before it opened (``opened_at``: the history's last id then), the steps
    recorded under its person's name, so that after a restart Ctrl+Z takes up where that person
    left off. Another window's or program's steps since it opened are not this window's, though
    recorded under the same name (the command line records the login name too), nor a
    colleague's: the Undo history lists those, with who made them, and undoes any of them."""

    groups: frozenset[str] = frozenset()
    opened_at: int = 0


def recent_undoable(
    session: Session, *, actor: str | None = None, limit: int = 10, lang: str = "en", own: Own | None = None
) -> list[UndoableGroup]:
    """The latest operations that can still be undone, newest first (for the Edit menu):
    ``actor``'s (everyone's when None); ``own``: only one window's (:class:`Own`)."""
    # Walk the history backwards one group at a time: the cost follows the few latest
    # groups, never the size of the history (a GROUP BY over all of it would).
    # Nothing from before a restore from a backup (RestoreMark): the walk stops there.
    mark = restore_mark(session)
    floor = mark.last_change if mark is not None else 0
    groups: list[str] = []
    seen: set[str] = set()
    walk = walk_groups(
        session, floor=floor, below=None if own is None else own.opened_at + 1, actor=actor, seen=seen
    )
    # a window's own groups, each at its latest row (a few indexed look-ups), among the walk's
    steps = walk if own is None else heapq.merge(_own_latest(session, own, floor), walk, reverse=True)
    for n, (_row, group) in enumerate(steps):
        if n >= limit * 4 + 10:
            break
        if group in seen:
            continue
        seen.add(group)
        if undo_depth(group)[1] % 2:
            seen.add(group[len(UNDO_PREFIX) :])  # what it undid is not offered again
        elif not is_undone(session, group):  # an operation, or a redo (an undo undone)
            groups.append(group)
            if len(groups) >= limit:
                break
    out: list[UndoableGroup] = []
    for g in groups:
        at, who, count = session.execute(
            select(
                func.max(CHANGE.c.at), func.max(CHANGE.c.actor), func.count(func.distinct(CHANGE.c.entity_id))
            ).where(CHANGE.c.group_id == g)
        ).one()
        out.append(UndoableGroup(g, describe(session, g, lang), at, who or "", int(count)))
    return out


def walk_groups(
    session: Session,
    *,
    floor: int = 0,
    below: int | None = None,
    actor: str | None = None,
    seen: set[str],
    imports: bool = False,
) -> Iterator[tuple[int, str]]:
    """(latest row id, group id) of each group of the history, newest first, from below ``below``
    down to ``floor``, skipping the groups in ``seen`` (read at each step: the caller adds); one
    indexed step per group. Imports' rows only with ``imports`` (Undo history lists them; Ctrl+Z
    and ``ketnoi undo`` leave an import to its own undo)."""
    cursor = below
    while True:
        query = select(CHANGE.c.id, CHANGE.c.group_id).where(CHANGE.c.group_id != "", CHANGE.c.id > floor)
        if not imports:
            query = query.where(CHANGE.c.batch_id.is_(None))
        if actor is not None:
            query = query.where(CHANGE.c.actor == actor)
        if cursor is not None:
            query = query.where(CHANGE.c.id < cursor)
        if seen:
            query = query.where(CHANGE.c.group_id.not_in(seen))
        row = session.execute(query.order_by(CHANGE.c.id.desc()).limit(1)).first()
        if row is None:
            return
        cursor = int(row.id)
        yield cursor, str(row.group_id)


def _own_latest(session: Session, own: Own, floor: int) -> list[tuple[int, str]]:
    """(latest row id, group id) of each group a window wrote, newest first."""
    found: list[tuple[int, str]] = []
    for chunk in chunked(sorted(own.groups), 500):
        found += [
            (int(i), str(g))
            for i, g in session.execute(
                select(func.max(CHANGE.c.id), CHANGE.c.group_id)
                .where(CHANGE.c.group_id.in_(chunk), CHANGE.c.batch_id.is_(None), CHANGE.c.id > floor)
                .group_by(CHANGE.c.group_id)
            )
        ]
    return sorted(found, reverse=True)


def last_undoable(
    session: Session, actor: str | None = None, lang: str = "en", own: Own | None = None
) -> UndoableGroup | None:
    """The operation to offer as "Undo …" in the Edit menu and the status bar (``lang`` "vi"
    for a Vietnamese description; ``own``: one window's own steps, :class:`Own`)."""
    found = recent_undoable(session, actor=actor, limit=1, lang=lang, own=own)
    if not found:
        return None
    base, depth = undo_depth(found[0].group_id)
    if depth and depth % 2 == 0:
        # A redo is offered as the step it did again: "Undo: Mark done …", not "Undo: Redo: Mark
        # done …" (reviewer h95). The undo history still lists it as the redo it was.
        return replace(found[0], description=describe(session, base, lang))
    return found[0]


NOUNS = {  # singular and plural, from the registry of kinds
    "en": {k: (i.noun, i.plural) for k, i in kinds.KINDS.items()},
    "vi": {k: (i.noun_vi, i.noun_vi) for k, i in kinds.KINDS.items()},
}
FIELD_LABELS_VI = {
    "owner_id": "người phụ trách", "organisation_id": "tổ chức", "responsible_staff_id": "cán bộ phụ trách",
    "responsible_contact_id": "người liên hệ phụ trách", "due_date": "hạn", "status": "trạng thái",
    "priority": "mức ưu tiên", "kind": "loại", "direction": "chiều", "country": "quốc gia", "source": "nguồn",
    "influence": "mức ảnh hưởng", "interest": "mức quan tâm", "parent_id": "tổ chức cấp trên",
}  # fmt: skip
VALUES_VI = {"open": "mở", "in_progress": "đang làm", "waiting": "đang chờ", "done": "xong", "cancelled": "huỷ",
             "we_owe": "ta nợ", "they_owe": "họ nợ"}  # fmt: skip
TEMPLATES = {
    "en": {"nothing": "Nothing", "undo": "Undo", "undid": "Undo: {what}", "redid": "Redo: {what}",
           "merged": 'Merged {entity} "{a}" into "{b}"',
           "merged_namesakes": 'Merged {entity} "{a}" (#{a_id}) into "{b}" (#{b_id})',
           "reorganised": 'Reorganisation: "{a}" {kind} into "{b}"',
           "post_assign": 'Assigned "{who}" to the post "{post}"', "post_add": 'Added the post "{post}"',
           "post_end": 'Ended "{who}" in the post "{post}"', "post_edit": 'Edited the post "{post}"',
           "post_remove": 'Removed the post "{post}"',
           "linked": 'Linked meeting "{title}" to the calendar invitation "{invitation}"',
           "deleted": "Deleted {noun}", "restored": "Restored {noun}", "created": "Created {noun}",
           "logged": 'Logged meeting "{title}" with {rest}', "logged_alone": 'Logged meeting "{title}"',
           "tagged": "Tagged {noun} {tags}",
           "untagged": "Removed tag {tags} from {noun}", "retagged": "Changed the tags of {noun}",
           "rated": "Rated {noun}", "edited": "Edited {noun}", "marked_done": "Marked {noun} done",
           "reopened": "Reopened {noun}", "rescheduled": "Rescheduled {noun}", "shared": "Changed who sees {noun}", "cleared": "Cleared {what} on {noun}",
           "set": "Set {what} to {value} on {noun}"},
    "vi": {"nothing": "Không có gì", "undo": "Hoàn tác", "undid": "Hoàn tác: {what}", "redid": "Làm lại: {what}",
           "merged": 'Gộp {entity} "{a}" vào "{b}"',
           "merged_namesakes": 'Gộp {entity} "{a}" (#{a_id}) vào "{b}" (#{b_id})',
           "reorganised": 'Tổ chức lại: "{a}" → "{b}"',
           "post_assign": 'Bổ nhiệm "{who}" giữ chức vụ "{post}"', "post_add": 'Thêm chức vụ "{post}"',
           "post_end": 'Kết thúc chức vụ "{post}" của "{who}"', "post_edit": 'Sửa chức vụ "{post}"',
           "post_remove": 'Xoá chức vụ "{post}"',
           "linked": 'Liên kết cuộc họp "{title}" với lời mời lịch "{invitation}"',
           "deleted": "Xoá {noun}", "restored": "Khôi phục {noun}", "created": "Tạo {noun}",
           "logged": 'Ghi nhận cuộc họp "{title}" cùng {rest}', "logged_alone": 'Ghi nhận cuộc họp "{title}"',
           "tagged": "Gắn thẻ {tags} cho {noun}",
           "untagged": "Gỡ thẻ {tags} khỏi {noun}", "retagged": "Đổi thẻ của {noun}",
           "rated": "Đánh giá {noun}", "edited": "Sửa {noun}", "marked_done": "Đánh dấu xong {noun}",
           "reopened": "Mở lại {noun}", "rescheduled": "Dời hạn {noun}", "shared": "Đổi người được xem {noun}", "cleared": "Xoá {what} của {noun}",
           "set": "Đặt {what} là {value} cho {noun}"},
}  # fmt: skip


def _lang(lang: str) -> str:
    return "vi" if lang.lower().startswith("vi") else "en"


def _noun(entity: str, n: int, lang: str = "en") -> str:
    one, many = NOUNS[lang].get(entity, (entity, entity + "s"))
    return one if n == 1 else many


def _shown(value: Any, lang: str = "en") -> str:
    if value in (None, "", []):
        return "empty" if lang == "en" else "trống"
    if isinstance(value, list):
        return ", ".join(f"'{x}'" for x in value)
    return f"'{VALUES_VI.get(value, value) if lang == 'vi' else value}'"


def describe(session: Session, group_id: str, lang: str = "en") -> str:
    """A sentence for a group of changes: "Tagged 1,000 contacts 'VIP'" (``lang="vi"``:
    "Gắn thẻ 'VIP' cho 1.000 liên hệ")."""
    lang = _lang(lang)
    base, depth = undo_depth(group_id)
    if depth:  # "Undo: Tagged 3 contacts 'VIP'", "Redo: …"
        inner = TEMPLATES[lang]["undid" if depth % 2 else "redid"]
        return inner.format(what=describe(session, base, lang))
    key, params = _describe_parts(session, group_id, lang)
    return TEMPLATES[lang][key].format(**params)


def meeting_stats(stats: Sequence[Any]) -> list[Any]:
    """A group's (entity, op, field, records) counts, without what a meeting's save also moved:
    its attendees' "last contacted" (app.contacted) — the group is said as the meeting's save."""
    touched = ("contact", "update", "last_contacted_on")
    if any(r[0] == "meeting" for r in stats):
        return [r for r in stats if (r[0], r[1], r[2]) != touched]
    return list(stats)


def logs_a_meeting(stats: Sequence[Any]) -> bool:
    """Whether a group's (entity, op, field, records) counts (:func:`meeting_stats`'s) are one
    meeting created, alone or with what came with it (follow-up actions, people typed in): a
    logged meeting, named so in Edit → Undo and Undo history whichever way it was logged
    (reviewer: Log meeting without a follow-up read "Tạo cuộc họp", with one "Ghi nhận cuộc họp")."""
    return {op for _, op, _, _ in stats} == {"create"} and max(
        (n for e, _, _, n in stats if e == "meeting"), default=0
    ) == 1


_STEP_FIELDS = {"status", "completed_on", "due_date"}


def action_step(session: Session, group_id: str, stats: Sequence[Any]) -> str:
    """What app.actions' rules did to actions, when that is all the group did: "marked_done",
    "reopened" or "rescheduled" (a new due date; a closed action reopens with it); "" otherwise."""
    if not stats or any(e != "action" or op != "update" for e, op, _, _ in stats):
        return ""
    fields = {f for _, _, f, _ in stats}
    if not fields <= _STEP_FIELDS:
        return ""
    if "due_date" in fields:
        return "rescheduled"
    if "status" not in fields:
        return ""
    moves = session.execute(
        select(CHANGE.c.old, CHANGE.c.new)
        .where(CHANGE.c.group_id == group_id, CHANGE.c.field == "status")
        .limit(500)  # a sample is enough to name the step
    ).all()
    new = {str(n) for _, n in moves}
    if new == {"done"}:
        return "marked_done"
    if new <= set(m.OPEN_STATUSES) and {str(o) for o, _ in moves} <= {"done", "cancelled"}:
        return "reopened"
    return ""


def _describe_parts(session: Session, group_id: str, lang: str) -> tuple[str, dict[str, Any]]:
    stats = session.execute(
        select(CHANGE.c.entity, CHANGE.c.op, CHANGE.c.field, func.count(func.distinct(CHANGE.c.entity_id)))
        .where(CHANGE.c.group_id == group_id)
        .group_by(CHANGE.c.entity, CHANGE.c.op, CHANGE.c.field)
    ).all()
    stats = meeting_stats(stats)
    if not stats:
        return "nothing", {}
    first = session.execute(
        select(m.Change).where(m.Change.group_id == group_id).order_by(m.Change.id).limit(1)  # type: ignore[arg-type]
    ).scalar_one()
    ops = {op for _, op, _, _ in stats}
    entity = first.entity
    count = max(n for e, _, _, n in stats if e == entity)
    label = records.label(session, entity, first.entity_id)
    noun = (
        f'{_noun(entity, 1, lang)} "{label}"'
        if count == 1
        else f"{thousands(count, lang)} {_noun(entity, count, lang)}"
    )
    if "undo" in ops:
        return "undo", {}
    if "post" in ops:
        from app.posts import describe_parts as post_parts

        found = post_parts(session, group_id)
        if found is not None:
            return found
    if "calendar_link" in ops:  # app.invitation_links.LINK_OP
        from app import invitation_links

        linked = invitation_links.describe_parts(session, group_id)
        if linked is not None:
            return "linked", linked
    if "succeed" in ops:
        from app.reorg import describe_parts

        parts = describe_parts(session, group_id)
        if parts is not None:
            return "reorganised", parts
    if "merge" in ops:
        from app.merge import merge_summary

        summary = merge_summary(session, group_id)
        if summary is not None:
            # the kept record named as the merge left it (reviewer h129: "Merged “Phạm Thị Thu
            # Trang” into “Pham Thi Thu Trang”" though the record kept the accented name)
            a = summary.new["other_label"]
            b = summary.new.get("kept_label") or summary.new["survivor_label"]
            said = {"entity": _noun(summary.entity, 1, lang), "a": a, "b": b}
            if a == b:  # one name now: the ids tell which went into which
                return "merged_namesakes", {
                    **said,
                    "a_id": summary.new["other_id"],
                    "b_id": summary.entity_id,
                }
            return "merged", said
    for op, key in (("delete", "deleted"), ("restore", "restored")):
        if ops == {op}:
            return key, {"noun": noun}
    if logs_a_meeting(stats):  # with what came with it, or alone: said the same either way
        kinds = {e: n for e, _, _, n in stats}
        mid = session.execute(
            select(CHANGE.c.entity_id).where(CHANGE.c.group_id == group_id, CHANGE.c.entity == "meeting")
        ).scalar_one()
        rest = ", ".join(
            f"{thousands(n, lang)} {_noun(e, n, lang)}" for e, n in sorted(kinds.items()) if e != "meeting"
        )
        title = records.label(session, "meeting", mid)
        return ("logged", {"title": title, "rest": rest}) if rest else ("logged_alone", {"title": title})
    if ops == {"create"}:
        return "created", {"noun": noun}
    fields = {f for _, op, f, _ in stats if op == "update"}
    if fields == {"tags"}:
        added_set: set[str] = set()
        removed_set: set[str] = set()
        sample = session.execute(
            select(CHANGE.c.old, CHANGE.c.new).where(CHANGE.c.group_id == group_id).limit(500)
        ).all()
        for old_tags, new_tags in sample:  # a sample is enough to name the tags
            added_set |= set(new_tags or []) - set(old_tags or [])
            removed_set |= set(old_tags or []) - set(new_tags or [])
        added, removed = sorted(added_set, key=fold), sorted(removed_set, key=fold)
        if added and not removed:
            return "tagged", {"noun": noun, "tags": _shown(added)}
        if removed and not added:
            return "untagged", {"noun": noun, "tags": _shown(removed)}
        return "retagged", {"noun": noun}
    if fields == {"shared_with"}:  # app.team.share / unshare: who may see a confidential record
        return "shared", {"noun": noun}
    if fields <= {"influence", "interest"} and count == 1:
        return "rated", {"noun": noun}
    if count == 1:
        return action_step(session, group_id, stats) or "edited", {"noun": noun}
    main = first.field
    labels = FIELD_LABELS_VI if lang == "vi" else FIELD_LABELS
    what = labels.get(main, main.replace("_", " "))
    if first.new in (None, "", []):
        return "cleared", {"what": what, "noun": noun}
    if main in REFERS_TO:
        value = f'"{records.label(session, REFERS_TO[main], int(first.new))}"'
    else:
        value = _shown(first.new, lang)
    return "set", {"what": what, "value": value, "noun": noun}


class RestoredSinceOpened(UserError):
    """The database was restored from a backup after a form that picks records by id was opened:
    an id picked there may now be another record's (a record the backup did not hold gave its
    id to one created since). ``mark``: the restore now (its time and backup), for the form to
    say and to hold from then on."""

    def __init__(self, mark: RestoreMark, lang: str = "en") -> None:
        when = f"{mark.at:%d/%m/%Y %H:%M}"
        if lang == "vi":
            said = (
                f"Cơ sở dữ liệu đã được khôi phục từ bản sao {mark.source} ({when}) sau khi mở biểu mẫu "
                "này: người và tổ chức đã chọn có thể nay là người khác. Đã bỏ chọn họ; hãy chọn lại rồi lưu."
            )
        else:
            said = (
                f"The database was restored from the backup {mark.source} ({when}) after this form was "
                "opened: the people and organisations picked here may now be others. They were taken "
                "out; pick them again, then save."
            )
        super().__init__(said)
        self.mark = mark
        self.seen = _seen(mark)  # what the form holds from then on (:func:`restore_seen`)


def _seen(mark: RestoreMark | None) -> str:
    return "" if mark is None else f"{mark.at.isoformat()} {mark.source}"


def restore_seen(session: Session) -> str:
    """What a form notes when it opens, to know at its save whether a restore came between:
    the last restore's time and backup ("" when the database was never restored)."""
    return _seen(restore_mark(session))


def check_not_restored_since(session: Session, seen: str, lang: str = "en") -> None:
    """Raise :class:`RestoredSinceOpened` if the database was restored after ``seen``
    (:func:`restore_seen` when the form opened)."""
    mark = restore_mark(session)
    if mark is not None and _seen(mark) != seen:
        raise RestoredSinceOpened(mark, lang)
