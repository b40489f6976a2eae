"""Merging two contacts or two organisations into one, and undoing a merge exactly.

A merge keeps the *survivor* and soft-deletes the *other*:

* each field takes the survivor's or the other's value (``choices``); by default the one that
  says more (:func:`_defaults`): a non-empty value over an empty one; of two that fold alike
  ("Nguyen Thi Hong Nhung", "Nguyễn Thị Hồng Nhung") the one with the diacritics; a name that
  differs otherwise stays the kept record's (the other's becomes an alias of an organisation);
  of two other values where one's words are a run of the other's ("Hà Nội", "Thành phố Hà
  Nội") the longer, else the newer (the record saved last); notes are joined;
* the other's emails and phones become extra ones on the survivor, tags (and sectors) are
  united, an organisation's old name and acronym become aliases of the survivor;
* everything pointing at the other moves to the survivor: meeting attendance and the
  actions it is responsible for (contact); its contacts, actions, meetings and
  sub-organisations (organisation);
* the other's own history stays where it is; both records get a ``merge`` entry, the
  survivor's changed fields are recorded field by field, and every row written carries one
  ``group_id``.

The survivor's ``merge`` entry holds, as JSON, every link that was moved (and every duplicate
link that was dropped because the survivor had it already), which is what :func:`undo_merge`
needs to put each one back. Versions only go forward: an undo is a new change.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlmodel import Session

from app import records
from app.cli_lines import refused
from app.contacted import FIELD as CONTACTED
from app.entities import DERIVED, LABEL_FIELD
from app.errors import ConflictError, LastSave, NotFoundError, UserError
from app.undo import UndoConflict, begin_undo, same_value
from app.vntext import fold, fold_words
from db import backup as backups
from db import kinds
from db import models as m
from db import team as dbteam
from db.tables import ACT, CHANGE, MEET

TABLES = {k: kinds.table(k) for k in kinds.RECORD_KINDS}
# What points at a merged record: (key in the merge entry, kind of record, its column) …
REPOINT = {
    "contact": (("actions", "action", "responsible_contact_id"),),
    "organisation": (
        ("contacts", "contact", "organisation_id"),
        ("actions", "action", "organisation_id"),
        ("children", "organisation", "parent_id"),
    ),
}
# … and its meetings: (key, link table, column); "<key>_dropped" holds links the survivor had.
_MEMBERSHIP_KEY = {"contact": "attendance", "organisation": "meetings"}
MEMBERSHIP: dict[str, tuple[str, Table, str]] = {
    k: (key, *link) for k, key in _MEMBERSHIP_KEY.items() if (link := kinds.info(k).meeting_link)
}

ENTITIES = kinds.MERGEABLE
# Fields chosen one by one; a contact's name parts follow full_name.
FIELDS: dict[str, tuple[str, ...]] = {
    "contact": (
        "full_name",
        "honorific",
        "position",
        "organisation_id",
        "country",
        "influence",
        "interest",
        "owner_id",
        "notes",
        "source",
    ),
    "organisation": (
        "name",
        "name_en",
        "acronym",
        "kind",
        "parent_id",
        "country",
        "city",
        "address",
        "website",
        "influence",
        "interest",
        "owner_id",
        "notes",
    ),
}
NAME_PARTS = ("family_name", "middle_name", "given_name")
_EMPTY: dict[str, Any] = {"kind": "other"}  # a default that says nothing


@dataclass(frozen=True, slots=True)
class MergeResult:
    group_id: str
    survivor_id: int
    other_id: int
    moved: dict[str, int]  # what moved, how many ("actions": 3, "attendance": 2…)
    # ``seen`` given and either record saved since: the fields of theirs the merge took (their
    # newer values, kept), and who saved last; empty when nothing had changed
    newer: tuple[str, ...] = ()
    saved: LastSave | None = None


def _empty(field: str, value: Any) -> bool:
    return value in (None, "", []) or _EMPTY.get(field, object()) == value


def merge_preview(session: Session, entity: str, survivor_id: int, other_id: int) -> dict[str, Any]:
    """Both records' values side by side with the default choice per field (for the dialog)."""
    return preview_of(entity, *_pair(session, entity, survivor_id, other_id))


def preview_of(entity: str, s: dict[str, Any], o: dict[str, Any]) -> dict[str, Any]:
    """:func:`merge_preview` of two snapshots already read, ``s`` kept: no database (the dialog
    swaps which one is kept without reading them again)."""
    defaults = _defaults(entity, s, o)
    return {
        "fields": [
            {"field": f, "survivor": s.get(f), "other": o.get(f), "default": defaults[f]}
            for f in FIELDS[entity]
        ],
        "survivor": s,
        "other": o,
    }


def moving_counts(session: Session, entity: str, other_id: int) -> tuple[int, int]:
    """How many meeting links and actions merging ``other_id`` away moves to the kept record."""
    info = kinds.info(entity)
    assert info.meeting_link is not None and info.action_column is not None
    links, link_column = info.meeting_link
    action_column = info.action_column
    meetings = session.execute(
        select(func.count()).select_from(links).where(links.c[link_column] == other_id)
    ).scalar_one()
    actions = session.execute(
        select(func.count()).select_from(ACT).where(ACT.c[action_column] == other_id)
    ).scalar_one()
    return int(meetings), int(actions)


def history_count(session: Session, entity: str, record_id: int) -> int:
    """How much is linked to a record: the meetings it is in, the live records that point at
    it (a contact's actions; an organisation's people, actions, departments) and its notes
    (one if it has any) — what a merge would move."""
    _key, links, link_column = MEMBERSHIP[entity]
    n = session.execute(
        select(func.count()).select_from(links).where(links.c[link_column] == record_id)
    ).scalar_one()
    for _k, kind, column in REPOINT[entity]:
        table = TABLES[kind]
        n += session.execute(
            select(func.count())
            .select_from(table)
            .where(table.c[column] == record_id, table.c.deleted_at.is_(None))
        ).scalar_one()
    table = TABLES[entity]
    notes = session.execute(select(table.c.notes).where(table.c.id == record_id)).scalar_one_or_none()
    return int(n) + (1 if (notes or "").strip() else 0)


def kept_first(session: Session, entity: str, a: int, b: int) -> tuple[int, int]:
    """(survivor, other): the one of two records a person would keep — the one with more
    linked history (:func:`history_count`), else the older (added first, else the lower id).

    Reviewer h129: the window kept the newer, unaccented "Pham Thi Thu Trang" (#22, nothing
    linked) and removed "Phạm Thị Thu Trang" (#21, the older, with a meeting). The Find
    duplicates window, a list's "Merge the two selected…" and ``ketnoi dedupe`` offer this
    order; the name with its diacritics is the default whichever is kept (:func:`_defaults`)."""
    table = TABLES[entity]
    added = dict(session.execute(select(table.c.id, table.c.created_at).where(table.c.id.in_((a, b)))).all())

    def weight(i: int) -> tuple[int, bool, Any, int]:
        when = added.get(i)
        return (-history_count(session, entity, i), when is None, when or 0, i)

    first, second = sorted((a, b), key=weight)
    return first, second


def _pair(
    session: Session, entity: str, survivor_id: int, other_id: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    if entity not in ENTITIES:
        raise ValueError(f"only {', '.join(ENTITIES)} can be merged, not {entity!r}")
    if survivor_id == other_id:
        raise refused("A record cannot be merged with itself.", "Không thể gộp một hồ sơ với chính nó.")
    return records.snapshot(session, entity, survivor_id), records.snapshot(session, entity, other_id)


DEFAULT_COUNTRY = "VN"
"""The country a contact or organisation has when none was given (db.models)."""


def _defaults(entity: str, s: Mapping[str, Any], o: Mapping[str, Any]) -> dict[str, str]:
    """Per field, the side whose value says more (see the module's docstring)."""
    other_newer = o["updated_at"] > s["updated_at"]
    out: dict[str, str] = {}
    for f in FIELDS[entity]:
        if f == "notes" and s[f] and o[f] and s[f] != o[f]:
            out[f] = "both"
        elif _empty(f, s[f]):
            out[f] = "other" if not _empty(f, o[f]) else "survivor"
        elif _empty(f, o[f]) or s[f] == o[f]:
            out[f] = "survivor"
        elif f == "country" and (s[f] == DEFAULT_COUNTRY) != (o[f] == DEFAULT_COUNTRY):
            # Viet Nam is what a record holds when nothing said otherwise (a form left as it
            # was, an import with no country column): another country is what someone wrote
            # (reviewer h98: merging the imported "Tanaka Hiroshi" chose Viet Nam over Japan)
            out[f] = "survivor" if o[f] == DEFAULT_COUNTRY else "other"
        elif f == LABEL_FIELD[entity]:  # a name: the accented one, else the kept record's
            out[f] = _says_more(s[f], o[f], longer=False) or "survivor"
        elif (richer := _says_more(s[f], o[f])) is not None:
            out[f] = richer
        else:
            out[f] = "other" if other_newer else "survivor"
    return out


def _says_more(kept: Any, other: Any, *, longer: bool = True) -> str | None:
    """'survivor' or 'other' when one text holds the other's words and more: the same words
    with more diacritics, or (``longer``) the other's words and further ones around them; None
    when neither (they differ, or only in case or spacing, or are not text)."""
    if not isinstance(kept, str) or not isinstance(other, str):
        return None
    a, b = fold_words(kept), fold_words(other)
    if a == b:
        marks_a, marks_b = _marks(kept), _marks(other)
        if marks_a == marks_b:
            return None
        return "survivor" if marks_a > marks_b else "other"
    if not longer:
        return None
    if _within(a, b):
        return "other"
    if _within(b, a):
        return "survivor"
    return None


def _marks(text: str) -> int:
    """How many letters carry a diacritic (Vietnamese tones and vowel marks, đ)."""
    return sum(not ch.isascii() for ch in unicodedata.normalize("NFC", text) if ch.isalpha())


def _within(short: list[str], long: list[str]) -> bool:
    """``short``'s words, in order and together, inside the longer ``long``."""
    n = len(short)
    return 0 < n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _merged_values(
    entity: str, s: Mapping[str, Any], o: Mapping[str, Any], choices: Mapping[str, str]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f, pick in {**_defaults(entity, s, o), **choices}.items():
        if f not in FIELDS[entity]:
            raise ValueError(f"{f!r} is not a field chosen in a merge")
        if pick == "both" and f == "notes":
            values[f] = "\n\n".join(x for x in (s[f], o[f]) if x)
        elif pick in ("survivor", "other"):
            values[f] = (o if pick == "other" else s)[f]
            if f == "full_name":
                for part in NAME_PARTS:
                    values[part] = (o if pick == "other" else s)[part]
        else:
            raise ValueError(f"choose 'survivor' or 'other' for {f}, not {pick!r}")
    if entity == "contact":
        values["emails"] = _union(s["emails"], o["emails"])
        values["phones"] = _union(s["phones"], o["phones"])
        values["tags"] = _union(s["tags"], o["tags"])
    else:
        values["tags"] = _union(s["tags"], o["tags"])
        values["sectors"] = _union(s["sectors"], o["sectors"])
        extra = [o["name"], s["name"], o["acronym"], s["acronym"], *o["aliases"]]
        taken = {fold(values["name"]), fold(values["acronym"])}
        values["aliases"] = [a for a in _union(s["aliases"], extra) if a and fold(a) not in taken]
        if values["parent_id"] in (s["id"], o["id"]):  # the survivor was the other's child
            values["parent_id"] = o["parent_id"] if o["parent_id"] != s["id"] else None
    return values


def _union(first: list[str], second: list[str]) -> list[str]:
    out = list(first)
    keys = {fold(x) for x in out}
    for x in second:
        if fold(x) not in keys:
            out.append(x)
            keys.add(fold(x))
    return out


def merge(
    session: Session,
    entity: str,
    survivor_id: int,
    other_id: int,
    *,
    choices: Mapping[str, str] | None = None,
    actor: str = "",
    expected_versions: tuple[int, int] | None = None,
    seen: tuple[Mapping[str, Any], Mapping[str, Any]] | None = None,
) -> MergeResult:
    """Merge ``other_id`` into ``survivor_id`` in the caller's transaction.

    ``seen`` (survivor, other): the two records as the merge dialog showed them
    (:func:`merge_preview`'s). Saved since by someone else, the merge is made from the records
    as they are now with the same ``choices`` when it keeps every change of theirs: a newer
    value of the side chosen, an e-mail or tag they added (united), notes joined, a field of
    the survivor the merge does not choose (``MergeResult.newer`` names them, to be shown). A
    change it would drop (the side not chosen, a field the other does not carry over) is a
    :class:`~app.errors.ConflictError` naming the field (``clashing``) with their value and the
    one the merge keeps, and who saved; nothing is written. ``expected_versions`` (survivor's,
    other's) instead: any save since is the conflict.

    The records are read and written in this unit of work, each write checking the version
    read: a save landing between them (another program on PostgreSQL) is merged with as a
    form's edit is (:func:`app.records.update_edited`), or is the conflict.
    """
    s, o = _pair(session, entity, survivor_id, other_id)
    hidden = _moves_hidden(session)
    values = _merged_values(entity, s, o, choices or {})
    newer: tuple[str, ...] = ()
    saved: LastSave | None = None
    if seen is not None:
        newer, saved = _theirs_kept(session, entity, seen, (s, o), values)
    for snap, expected in zip((s, o), expected_versions or (), strict=False):
        if snap["version"] != expected:
            raise ConflictError(
                entity,
                snap["id"],
                str(snap[LABEL_FIELD[entity]]),
                expected_version=expected,
                current_version=snap["version"],
                current=snap,
                attempted={},
                restored=records.restored_since(session, expected),
                saved=records.last_save(session, entity, snap["id"]),
            )
    backups.before(session, "merge")
    group = records.new_group_id()
    now = m.utcnow()
    # The other goes first, so that the survivor may take its name (names are unique).
    try:
        records.delete(session, entity, other_id, actor=actor, group_id=group, expected_version=o["version"])
    except ConflictError as exc:  # saved between the read and the write: what changed, named
        raise _dropped(session, entity, o, exc.current, values, s) from None
    moves = _move_links(session, entity, survivor_id, other_id, now, actor, group)
    records.update_edited(
        session, entity, survivor_id, values, base=s, actor=actor, group_id=group, op="merge"
    )
    label_s, label_o = s[LABEL_FIELD[entity]], o[LABEL_FIELD[entity]]
    records.record_change(
        session,
        entity,
        survivor_id,
        "merge",
        new={
            "other_id": other_id,
            "other_label": label_o,
            "survivor_label": label_s,  # as it was before: the undo names both so
            # as it is after: what the merge is said as ("Merged “Pham …” into “Phạm …”")
            "kept_label": values.get(LABEL_FIELD[entity], label_s),
            "moves": moves,
        },
        actor=actor,
        group_id=group,
    )
    records.record_change(
        session,
        entity,
        other_id,
        "merge",
        new={"into": survivor_id, "survivor_label": label_s},
        actor=actor,
        group_id=group,
    )
    if hidden:  # what the merging login cannot see moves too, unseen (db.team.finish_merge)
        session.flush()
        dbteam.finish_merge(session.connection(), entity, survivor_id, other_id, group, now)
    if entity == "contact":  # the other's meetings are the survivor's now: its date counted again
        from app import contacted

        contacted.recount(session, [survivor_id], actor=actor, group_id=group, op="merge")
    session.flush()
    counted = {k: len(x) for k, x in moves.items() if x}
    return MergeResult(group, survivor_id, other_id, counted, newer, saved)


def _moves_hidden(session: Session) -> bool:
    """Whether the merge must also move, through the owner's function, the links of records
    the signed-in login cannot see (a team database); a team database whose functions predate
    it refuses a login that does not see everything, rather than leave those links behind
    (reviewer h130: a colleague's confidential meeting lost its attendee when the trash was
    emptied)."""
    conn = session.connection()
    if dbteam.team_prefix(conn) is None:
        return False
    if dbteam.has_function(conn, "ketnoi_merge_hidden"):
        return True
    if dbteam.privileged(conn):
        return False
    raise refused(
        "Not merged: this team database must be set up again by its owner first (ketnoi admin init), "
        "so that a merge also moves what you may not see; nothing was changed",
        "Chưa gộp: chủ sở hữu cơ sở dữ liệu nhóm cần chạy lại ketnoi admin init trước, để việc gộp "
        "chuyển cả những gì bạn không được xem; chưa có gì thay đổi",
    )


_NOT_THEIRS = frozenset({"id", "version", "created_at", "updated_at", "deleted_at", "import_batch_id"})


def _changed(seen: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """The fields saved since ``seen``, in the record's order."""
    return [f for f in now if f not in _NOT_THEIRS and f not in DERIVED and now[f] != seen.get(f)]


def _kept(
    entity: str, field: str, seen: Any, theirs: Any, values: Mapping[str, Any], survivor: Mapping[str, Any]
) -> bool:
    """Whether the merged record keeps ``theirs``, the value someone saved in ``field``."""
    result = values.get(field, survivor.get(field))
    if result == theirs:
        return True
    if isinstance(theirs, list) and isinstance(result, list):  # united: theirs in, and what they took out
        had = {fold(str(x)) for x in result}
        gone = {fold(str(x)) for x in seen or []} - {fold(str(x)) for x in theirs}
        return {fold(str(x)) for x in theirs} <= had and not (gone & had)
    if field == "notes" and isinstance(result, str) and isinstance(theirs, str):
        return theirs in result  # both notes, one after the other
    if entity == "organisation" and field in ("name", "acronym", "name_en") and isinstance(theirs, str):
        names = {fold(a) for a in values.get("aliases") or []} | {fold(values.get("name") or "")}
        return fold(theirs) in names | {fold(values.get("acronym") or "")}
    return False


def _theirs_kept(
    session: Session,
    entity: str,
    seen: tuple[Mapping[str, Any], Mapping[str, Any]],
    now: tuple[Mapping[str, Any], Mapping[str, Any]],
    values: Mapping[str, Any],
) -> tuple[tuple[str, ...], LastSave | None]:
    """The fields someone saved on either record since ``seen`` that the merge keeps, and who
    saved last; a change it would drop is the :class:`ConflictError`."""
    kept: list[str] = []
    saved: LastSave | None = None
    for before, current in zip(seen, now, strict=True):
        changed = _changed(before, current)
        if not changed:
            continue
        lost = [f for f in changed if not _kept(entity, f, before.get(f), current[f], values, now[0])]
        if lost:
            raise _dropped(session, entity, before, current, values, now[0], lost)
        kept += [f for f in changed if f not in kept]
        saved = records.last_save(session, entity, int(current["id"])) or saved
    return tuple(kept), saved


def _dropped(
    session: Session,
    entity: str,
    seen: Mapping[str, Any],
    current: Mapping[str, Any],
    values: Mapping[str, Any],
    survivor: Mapping[str, Any],
    lost: list[str] | None = None,
) -> ConflictError:
    """The merge refused: ``current`` (one of the two) was saved since ``seen`` and the merge
    would not keep the fields ``lost`` (all those changed when not given); "yours" is what the
    merged record would hold (``values`` over the ``survivor``)."""
    fields = lost if lost is not None else _changed(seen, current)
    record_id = int(current["id"])
    return ConflictError(
        entity,
        record_id,
        str(current[LABEL_FIELD[entity]]),
        expected_version=int(seen["version"]),
        current_version=int(current["version"]),
        current=dict(current),
        attempted={f: values.get(f, survivor.get(f)) for f in fields},
        clashing=fields or None,
        saved=records.last_save(session, entity, record_id),
    )


def _ids(session: Session, table: Table, column: str, value: int, *, live: bool = True) -> list[int]:
    query = select(table.c.id).where(table.c[column] == value)
    if live and "deleted_at" in table.c:
        query = query.where(table.c.deleted_at.is_(None))
    return [int(i) for i in session.execute(query.order_by(table.c.id)).scalars()]


def _repoint(
    session: Session,
    entity: str,
    ids: list[int],
    column: str,
    old: int,
    new: int,
    how: tuple[dt.datetime, str, str, str],
) -> None:
    """Point ``column`` of the records ``ids`` from ``old`` to ``new``, with a history row each.
    Only records still pointing at ``old`` move: a later edit is respected. ``how`` is
    (now, actor, group id, op)."""
    now, actor, group, op = how
    table = TABLES[entity]
    for start in range(0, len(ids), 5000):
        wanted = ids[start : start + 5000]
        query = select(table.c.id).where(table.c.id.in_(wanted), table.c[column] == old)
        chunk = [int(i) for i in session.execute(query).scalars()]
        if not chunk:
            continue
        session.execute(
            update(table)
            .where(table.c.id.in_(chunk))
            .values({column: new, "version": table.c.version + 1, "updated_at": now})
        )
        row = {"entity": entity, "op": op, "field": column, "old": old, "new": new, "at": now, "actor": actor}
        session.execute(insert(CHANGE), [{**row, "entity_id": i, "group_id": group} for i in chunk])


def _move_memberships(
    session: Session, link: Table, column: str, old: int, new: int
) -> tuple[list[int], list[dict[str, Any]]]:
    """Move meeting links from ``old`` to ``new``; a meeting that has both keeps ``new``'s."""
    mine = set(session.execute(select(link.c.meeting_id).where(link.c[column] == new)).scalars())
    rows = [dict(r) for r in session.execute(select(link).where(link.c[column] == old)).mappings()]
    moved = sorted(r["meeting_id"] for r in rows if r["meeting_id"] not in mine)
    dropped = sorted(
        ({k: x for k, x in r.items() if k != column} for r in rows if r["meeting_id"] in mine),
        key=lambda r: r["meeting_id"],
    )
    if moved:
        session.execute(
            update(link).where(link.c[column] == old, link.c.meeting_id.in_(moved)).values({column: new})
        )
    if dropped:
        session.execute(
            delete(link).where(
                link.c[column] == old, link.c.meeting_id.in_([d["meeting_id"] for d in dropped])
            )
        )
    return moved, dropped


def _touch(session: Session, table: Table, ids: list[int], now: dt.datetime) -> None:
    """Bump the version of records whose links changed, so that a stale form conflicts."""
    for start in range(0, len(ids), 5000):
        session.execute(
            update(table)
            .where(table.c.id.in_(ids[start : start + 5000]))
            .values(version=table.c.version + 1, updated_at=now)
        )


def _move_links(
    session: Session, entity: str, survivor: int, other: int, now: dt.datetime, actor: str, group: str
) -> dict[str, Any]:
    moves: dict[str, Any] = {}
    for key, kind, column in REPOINT[entity]:
        ids = _ids(session, TABLES[kind], column, other, live=False)
        moves[key] = [i for i in ids if not (kind == entity and i == survivor)]
        _repoint(session, kind, moves[key], column, other, survivor, (now, actor, group, "merge"))
    key, link, column = MEMBERSHIP[entity]
    moves[key], moves[key + "_dropped"] = _move_memberships(session, link, column, other, survivor)
    _touch(session, MEET, moves[key] + [d["meeting_id"] for d in moves[key + "_dropped"]], now)
    if entity == "organisation":  # its posts and reorganisations (issue 15)
        from app import reorg

        moves.update(reorg.move_on_merge(session, other, survivor))
    return moves


# --- undo ----------------------------------------------------------------------------------------


def merge_summary(session: Session, group_id: str) -> m.Change | None:
    """The survivor's ``merge`` entry of a group, if the group is a merge."""
    rows = session.scalars(
        select(m.Change).where(m.Change.group_id == group_id, m.Change.op == "merge", m.Change.field == "")  # type: ignore[arg-type]
    )
    for row in rows:
        if isinstance(row.new, dict) and "moves" in row.new:
            return row
    return None


def undo_merge(session: Session, group_id: str, actor: str = "") -> str:
    """Put both records back as they were before the merge; returns the undo's group id.

    Raises :class:`~app.undo.UndoConflict` (nothing written) when a field the merge set on
    the survivor has been edited since. Links the merge moved are moved back unless they
    were changed since (a later edit is respected).
    """
    summary = merge_summary(session, group_id)
    if summary is None:
        raise UserError(f"{group_id} is not a merge.")
    # the links of records this login cannot see, which the merge moved through the owner's
    # function, go back through it too (below): they are no reason to refuse the undo
    hidden = _moves_hidden(session)
    undo_group = begin_undo(session, group_id, actor, hidden_moved_back=hidden)
    entity, survivor = summary.entity, summary.entity_id
    other = int(summary.new["other_id"])
    moves: dict[str, Any] = summary.new["moves"]
    field_rows = (
        session.execute(
            select(m.Change).where(
                m.Change.group_id == group_id,  # type: ignore[arg-type]
                m.Change.entity == entity,  # type: ignore[arg-type]
                m.Change.entity_id == survivor,  # type: ignore[arg-type]
                m.Change.op == "merge",  # type: ignore[arg-type]
                m.Change.field != "",  # type: ignore[arg-type]
            )
        )
        .scalars()
        .all()
    )
    try:
        current = records.snapshot(session, entity, survivor)
    except NotFoundError:
        raise _refused(session, entity, survivor, []) from None
    # "Last contacted" is counted from the meetings, not typed: a meeting logged with the kept
    # person since moved it (reviewer: that blocked the undo for good, "edited after the merge
    # (last_contacted_on)"). Put back as it was when nothing moved it since, else counted again
    # once the meetings are back where they were (the meeting since kept, and its date).
    counted = [r for r in field_rows if r.field == CONTACTED]
    recount = any(not same_value(current.get(CONTACTED), r.new, CONTACTED) for r in counted)
    field_rows = [r for r in field_rows if not (recount and r.field == CONTACTED)]
    changed = [r.field for r in field_rows if not same_value(current.get(r.field), r.new, r.field)]
    if changed:  # another edit of what the merge set: refused, naming it, nothing written
        raise _refused(session, entity, survivor, changed, str(current[LABEL_FIELD[entity]]))
    now = m.utcnow()
    old_values = {r.field: r.old for r in field_rows}
    # The survivor's old values are saved while the other is still deleted (two live records
    # may not share a name), unless they point at the other (it was the survivor's parent).
    restore_first = old_values.get("parent_id") == other
    if restore_first:
        records.restore(session, entity, other, actor=actor, group_id=undo_group)
    if old_values:
        records.update(
            session, entity, survivor, old_values, expected_version=None, actor=actor, group_id=undo_group
        )
    if not restore_first:
        records.restore(session, entity, other, actor=actor, group_id=undo_group)
    for key, kind, column in REPOINT[entity]:
        _repoint(session, kind, moves[key], column, survivor, other, (now, actor, undo_group, "update"))
    if hidden:
        session.flush()
        dbteam.unfinish_merge(session.connection(), entity, survivor, other, group_id, undo_group, now)
    key, link, column = MEMBERSHIP[entity]
    touched = _unmove_memberships(session, link, column, survivor, other, moves[key], moves[key + "_dropped"])
    _touch(session, MEET, touched, now)
    if entity == "organisation":
        from app import reorg

        reorg.move_on_merge(session, survivor, other, only=moves)
    if recount:
        from app import contacted

        contacted.recount(session, [survivor, other], actor=actor, group_id=undo_group)
    session.flush()
    return undo_group


def _refused(
    session: Session, entity: str, survivor: int, changed: list[str], name: str = ""
) -> UndoConflict:
    """The merge's undo refused, in English and Vietnamese (the CLI and the window say the one
    of their language; it said "…edited after the merge (emails)" in English only, the field's
    code for its name): the kept record deleted since, or edited since in ``changed``."""
    from app.undo import NOUNS
    from app.undo_history import field_name

    noun, noun_vi = NOUNS["en"][entity][0], NOUNS["vi"][entity][0]
    if not changed:
        error = UndoConflict(
            f"The {noun} kept by the merge (#{survivor}) has been deleted since: restore it first (View → Trash)."
        )
        error.vi = f"{noun_vi.capitalize()} được giữ lại khi gộp (#{survivor}) đã bị xoá sau đó: hãy khôi phục trước (Xem → Thùng rác)."  # type: ignore[attr-defined]
        return error
    en, vi = (", ".join(field_name(f, lang) for f in changed) for lang in ("en", "vi"))
    error = UndoConflict(
        f'{noun.capitalize()} "{name}" was edited after the merge ({en}): undo that edit first, then the merge.'
    )
    error.vi = (  # type: ignore[attr-defined]
        f'{noun_vi.capitalize()} "{name}" đã được sửa sau khi gộp ({vi}): hãy hoàn tác thay đổi đó trước, '
        "rồi mới hoàn tác việc gộp."
    )
    return error


def _unmove_memberships(
    session: Session,
    link: Table,
    column: str,
    survivor: int,
    other: int,
    moved: list[int],
    dropped: list[dict[str, Any]],
) -> list[int]:
    if moved:
        session.execute(
            update(link)
            .where(link.c[column] == survivor, link.c.meeting_id.in_(moved))
            .values({column: other})
        )
    if dropped:
        live = set(
            session.execute(
                select(MEET.c.id).where(MEET.c.id.in_([d["meeting_id"] for d in dropped]))
            ).scalars()
        )
        back = [{**d, column: other} for d in dropped if d["meeting_id"] in live]
        if back:
            session.execute(insert(link), back)
    return sorted(set(moved) | {d["meeting_id"] for d in dropped})
