"""The trash: records of every kind that were deleted, restoring them, and emptying it for good.

    list_trash(session, kind="contact", text="nguyen")   # newest deletion first, with who and when
    restore_many(session, [("contact", 7), ("organisation", 3)], actor="Anh")   # one undoable group
    empty_trash(session, actor="Anh")                     # {"contact": 2, …}; a backup first

A delete is soft (``deleted_at``): the record keeps its links (meeting attendance, tags, an
action's meeting), so a restore brings it back whole. Emptying the trash removes the deleted
records for good with their link rows; live records that pointed at one (a contact's
organisation, an action's meeting) lose that pointer with a history row saying so, and every
purged record's history is kept, closed by a ``purge`` row that names the backup taken first.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Table, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from app import records
from app.cli_lines import refused
from app.entities import LABEL_FIELD
from app.errors import UserError
from app.trash_twins import Twin, namesake, twin_of
from app.vntext import fold, query_words
from db import backup as backups
from db import kinds
from db import models as m
from db import team as dbteam
from db.engine import Session
from db.queries import chunked, fts_filter
from db.tables import CHANGE, table_of

LIMIT = 500
ATT = table_of(m.Attachment)
# Kinds in the order a purge takes them: what points at others first.
PURGE_ORDER = ("attachment", "action", "meeting", "contact", "organisation", "staff")


@dataclass(frozen=True)
class TrashItem:
    kind: str
    id: int
    label: str
    deleted_at: dt.datetime  # aware UTC
    deleted_by: str
    merged_into: str = ""  # the record it was merged into (undo the merge to get it back whole)

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


@dataclass(frozen=True)
class Skipped:
    """A record :func:`restore_many` left in the trash, and why."""

    kind: str
    id: int
    # "gone" (not in the trash), "name" (its name is taken), "constraint", "twin", "organisation"
    # (a contact's or an action's organisation in the trash cannot come back and has no namesake)
    code: str
    message: str  # the reason in English (the command line's words)
    message_vi: str = ""  # the same in Vietnamese, in the window's words (ui.trash)
    twin: Twin | None = None  # "twin": the live record that is the same person


@dataclass
class RestoreResult:
    group_id: str
    restored: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # contacts restored and merged into a live one of the same e-mail or phone (twins="merge"):
    # (restored id, survivor id, the merge's undo group)
    merged: list[tuple[int, int, str]] = field(default_factory=list)
    # contacts and actions restored under the live namesake of their organisation, which stays in
    # the trash (a live one has its name): (kind, id, its own organisation, the live one, its name)
    refiled: list[tuple[str, int, int, int, str]] = field(default_factory=list)


def _kinds(kind: str | Iterable[str] | None) -> list[str]:
    if kind is None or kind == "":
        return [str(k) for k in kinds.ALL_KINDS]
    wanted = [kind] if isinstance(kind, str) else list(kind)
    for k in wanted:
        kinds.info(k)  # ValueError for an unknown kind
    return list(dict.fromkeys(wanted))


def _text_filter(session: Session, table: Table, text: str) -> ColumnElement[bool] | None:
    """Records whose folded search text has every word (None: no words, or no such column)."""
    words = query_words(text)
    if not words or "search_text" not in table.c:
        return None
    return fts_filter(session, table, words)


def count_trash(session: Session) -> dict[str, int]:
    """How many deleted records of each kind (kinds with none left out)."""
    out: dict[str, int] = {}
    for k in kinds.ALL_KINDS:
        table = kinds.table(k)
        n = session.execute(
            select(func.count()).select_from(table).where(table.c.deleted_at.is_not(None))
        ).scalar()
        if n:
            out[str(k)] = int(n)
    return out


def list_trash(
    session: Session, kind: str | Iterable[str] | None = None, text: str = "", limit: int = LIMIT
) -> list[TrashItem]:
    """Deleted records (of ``kind``, or of every kind), newest deletion first, at most ``limit``;
    ``text`` keeps those whose name (or searchable text) has every word, accents optional."""
    limit = max(int(limit), 0)
    found: list[tuple[str, int, str, dt.datetime]] = []
    for k in _kinds(kind):
        info = kinds.info(k)
        table = info.table
        query = select(table.c.id, table.c[info.label_field], table.c.deleted_at).where(
            table.c.deleted_at.is_not(None)
        )
        words = query_words(text)
        cond = _text_filter(session, table, text)
        if cond is not None:
            query = query.where(cond)
        elif words:  # no search text (staff, a handful of rows): names folded here
            names = session.execute(query).all()
            keep = [int(i) for i, lab, _d in names if all(w in fold(str(lab)) for w in words)]
            query = query.where(table.c.id.in_(keep[:5000]))
        rows = session.execute(
            query.order_by(table.c.deleted_at.desc(), table.c.id.desc()).limit(limit)
        ).all()
        found += [(k, int(i), str(lab), _aware(d)) for i, lab, d in rows]
    found.sort(key=lambda r: (r[3], r[1]), reverse=True)
    found = found[:limit]
    who = _deleters(session, found)
    merged = _merged_into(session, found)
    return [TrashItem(k, i, lab, at, who.get((k, i), ""), merged.get((k, i), "")) for k, i, lab, at in found]


def _aware(when: Any) -> dt.datetime:
    if isinstance(when, str):
        when = dt.datetime.fromisoformat(when)
    assert isinstance(when, dt.datetime)
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _by_kind(items: Iterable[tuple[Any, ...]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for item in items:
        out[item[0]].append(int(item[1]))
    return out


def _deleters(session: Session, found: list[tuple[str, int, str, dt.datetime]]) -> dict[tuple[str, int], str]:
    """Who made the latest delete of each record (its history's last ``delete`` row)."""
    out: dict[tuple[str, int], str] = {}
    for k, ids in _by_kind(found).items():
        for part in chunked(ids):
            rows = session.execute(
                select(CHANGE.c.entity_id, CHANGE.c.actor).join(*_last_delete(k, part))
            ).all()
            out.update({(k, int(i)): str(a or "") for i, a in rows})
    return out


def _last_delete(kind: str, ids: Sequence[int]) -> tuple[Any, Any]:
    """What to join a select of the history with to keep the latest ``delete`` row of each of
    ``ids`` (who deleted each record last, as the trash lists it and empties it)."""
    last = (
        select(CHANGE.c.entity_id, func.max(CHANGE.c.id).label("last"))
        .where(CHANGE.c.entity == kind, CHANGE.c.entity_id.in_(ids), CHANGE.c.op == "delete")
        .group_by(CHANGE.c.entity_id)
        .subquery()
    )
    return last, CHANGE.c.id == last.c.last


def _merged_into(
    session: Session, found: list[tuple[str, int, str, dt.datetime]]
) -> dict[tuple[str, int], str]:
    """For records that went away in a merge: the name of the record they went into."""
    out: dict[tuple[str, int], str] = {}
    for k, ids in _by_kind(found).items():
        if k not in kinds.MERGEABLE:
            continue
        for part in chunked(ids):
            rows = session.execute(
                select(CHANGE.c.entity_id, CHANGE.c.new)
                .where(
                    CHANGE.c.entity == k,
                    CHANGE.c.entity_id.in_(part),
                    CHANGE.c.op == "merge",
                    CHANGE.c.field == "",
                )
                .order_by(CHANGE.c.id)
            ).all()
            for i, new in rows:
                if isinstance(new, dict) and "into" in new:
                    out[(k, int(i))] = records.label(session, k, int(new["into"]))
    # A merge that was undone since: the record came back and went again some other way.
    return {key: name for key, name in out.items() if _last_op(session, *key) == "merge"}


def _last_op(session: Session, kind: str, record_id: int) -> str:
    """The record's latest lifecycle row: "merge" while it is still merged away."""
    row = session.execute(
        select(CHANGE.c.op)
        .where(
            CHANGE.c.entity == kind,
            CHANGE.c.entity_id == record_id,
            CHANGE.c.op.in_(("delete", "restore", "merge")),
            CHANGE.c.field == "",
        )
        .order_by(CHANGE.c.id.desc())
        .limit(1)
    ).first()
    return str(row.op) if row is not None else ""


TWINS = ("allow", "refuse", "merge")
"""What :func:`restore_many` does with a contact that is a live one's person (the same e-mail or
phone, or the same name at the same organisation: :func:`app.trash_twins.twin_of`): restore it
anyway, leave it in the trash (skipped, "twin", naming the live one), or restore it and merge it
into the live one."""

__all__ = ["TWINS", "Twin", "twin_of"]


def restore_many(
    session: Session,
    items: Iterable[tuple[str, int]],
    *,
    actor: str = "",
    twins: str = "allow",
    group_id: str = "",
    batch_id: int | None = None,
) -> RestoreResult:
    """Restore deleted records (``(kind, id)`` pairs) as one undoable group, links and all.

    A record that cannot come back as it was is skipped with the reason (its name is now
    another live organisation's; it is not in the trash); the rest are restored. A contact or
    an action whose organisation is in the trash brings it back too (reviewer h102: a contact an
    import's undo had removed, restored by a colleague's "restore and keep my changes", showed
    its organisation as live while it stayed in the trash, named so only by ``contact show``).

    ``group_id`` and ``batch_id``: an import brings them back (app.importing.trashed), in its own
    group, and its undo puts them back in the trash; a contact filed under the live namesake of
    its organisation is then changed as the import changes a field (op "import")."""
    assert twins in TWINS, twins
    result = RestoreResult(group_id or records.new_group_id())
    done: set[tuple[str, int]] = set()
    merge_into: list[tuple[int, int]] = []
    how = _How(actor, batch_id)
    for kind, record_id in dict.fromkeys((str(k), int(i)) for k, i in items):
        if kind == "contact" and twins != "allow" and (kind, record_id) not in done:
            row = session.get(m.Contact, record_id)
            twin = twin_of(session, record_id) if row is not None and row.deleted_at is not None else None
            if twin is not None and twins == "refuse":
                done.add((kind, record_id))
                result.skipped.append(_twin_skipped(record_id, twin))
                continue
            if twin is not None:
                # (merged away at once: its organisation, if in the trash, stays there)
                merge_into.append((twin.id, record_id))
                _bring_back(session, kind, record_id, how, result, done, with_organisation=False)
                continue
        _bring_back(session, kind, record_id, how, result, done)
    session.flush()
    for survivor, other in merge_into:
        if ("contact", other) in result.restored:
            result.merged.append((other, survivor, _merge_into(session, survivor, other, actor)))
    if not result.restored:
        result.group_id = ""
    return result


def _twin_skipped(record_id: int, twin: Twin) -> Skipped:
    if twin.how == "name":
        same = f"the same name at {twin.value}" if twin.value else "the same name and no organisation"
        same_vi = f"cùng họ tên, cùng tổ chức {twin.value}" if twin.value else "cùng họ tên, không có tổ chức"
    else:
        how, how_vi = ("e-mail", "e-mail") if twin.how == "email" else ("phone", "số điện thoại")
        same, same_vi = f"the same {how} ({twin.value})", f"cùng {how_vi} ({twin.value})"
    return Skipped(
        "contact",
        record_id,
        "twin",
        f"a live contact has {same}: #{twin.id} {twin.name}; merge it into"
        f" #{twin.id} (--merge) or restore it anyway (--anyway)",
        f"một liên hệ đang dùng có {same_vi}: #{twin.id} {twin.name}; gộp vào"
        f" #{twin.id} (--merge) hoặc vẫn khôi phục (--anyway)",
        twin,
    )


def _merge_into(session: Session, survivor: int, other: int, actor: str) -> str:
    """Merge the restored contact ``other`` into the live ``survivor``: the live record's values
    stand (it is the one worked on since), the restored one's fill its blanks and add its
    e-mails, phones, tags, meetings and actions. Returns the merge's undo group."""
    from app import merge

    fields = merge.merge_preview(session, "contact", survivor, other)["fields"]
    choices: dict[str, str] = {}
    for row in fields:
        name, kept, theirs = row["field"], row["survivor"], row["other"]
        if row["default"] == "other" and kept not in (None, "", []):
            choices[name] = "survivor"
        elif name == "organisation_id" and theirs is not None:
            org = session.get(m.Organisation, theirs)
            if org is None or org.deleted_at is not None:  # (left in the trash, above)
                choices[name] = "survivor"
    return merge.merge(session, "contact", survivor, other, choices=choices, actor=actor).group_id


@dataclass(frozen=True)
class _How:
    """Who restores, and the import that does (None: the trash)."""

    actor: str
    batch_id: int | None = None


def _bring_back(
    session: Session,
    kind: str,
    record_id: int,
    how: _How,
    result: RestoreResult,
    done: set[tuple[str, int]],
    *,
    with_organisation: bool = True,
) -> None:
    if (kind, record_id) in done:
        return
    done.add((kind, record_id))
    model = kinds.model(kind)
    row = session.get(model, record_id)
    if row is None or row.deleted_at is None:
        result.skipped.append(
            Skipped(kind, record_id, "gone", "not in the trash", "không có trong thùng rác")
        )
        return
    clash = _name_clash(session, kind, row)
    if clash:
        result.skipped.append(Skipped(kind, record_id, "name", *clash))
        return
    # Its organisation in the trash comes back first; one that cannot (a live one has its name:
    # evidently the same organisation, as an import would take it) stays there and the record
    # is filed under the live one (reviewer h143: a contact restored pointing into the trash).
    org = _trashed_organisation(session, kind, row) if with_organisation else None
    live_org: tuple[int, str] | None = None
    at = len(result.restored)  # (listed before what it brings back)
    if org is not None:
        live_org = namesake(session, org)
        if live_org is None:
            _bring_back(session, "organisation", int(org.id or 0), how, result, done)
            session.refresh(org)
            if org.deleted_at is not None:
                result.skipped.append(
                    Skipped(
                        kind,
                        record_id,
                        "organisation",
                        f'its organisation "{org.name}" (#{org.id}) cannot come back',
                        f"tổ chức của nó, “{org.name}” (#{org.id}), không khôi phục được",
                    )
                )
                return
    try:
        with session.begin_nested():
            records.restore(
                session, kind, record_id, actor=how.actor, group_id=result.group_id, batch_id=how.batch_id
            )
    except IntegrityError:  # a constraint of the database the check above did not foresee
        session.expire_all()
        result.skipped.append(
            Skipped(
                kind,
                record_id,
                "constraint",
                "it would break a rule of the database",
                "khôi phục sẽ vi phạm một ràng buộc của cơ sở dữ liệu",
            )
        )
        return
    result.restored.insert(at, (kind, record_id))
    if org is not None and live_org is not None:
        records.update(
            session,
            kind,
            record_id,
            {"organisation_id": live_org[0]},
            expected_version=None,
            actor=how.actor,
            group_id=result.group_id,
            batch_id=how.batch_id,
            op="update" if how.batch_id is None else "import",
        )
        result.refiled.append((kind, record_id, int(org.id or 0), *live_org))


def _trashed_organisation(session: Session, kind: str, row: m.Record) -> m.Organisation | None:
    """A contact's or an action's organisation, when it is in the trash."""
    org_id = getattr(row, "organisation_id", None) if kind in ("contact", "action") else None
    org = session.get(m.Organisation, org_id) if org_id is not None else None
    return org if org is not None and org.deleted_at is not None else None


def _name_clash(session: Session, kind: str, row: m.Record) -> tuple[str, str] | None:
    """Two live organisations under one parent may not share a name: restoring the second
    would make them. Returns why the record cannot come back, in English and Vietnamese (None
    when it can)."""
    if kind != "organisation":
        return None
    assert isinstance(row, m.Organisation)
    found = namesake(session, row)
    if found is None:
        return None
    i, name = found
    return (
        f'a live organisation is called "{name}" (id {i}); rename or merge it first',
        f"đã có một tổ chức khác mang tên “{name}” (#{i}); hãy đổi tên hoặc gộp trước",
    )


@dataclass(frozen=True)
class Emptying:
    """What emptying the trash removes: the deleted records it lists (kind → how many) and the
    files attached to them, which go with them without being listed themselves (reviewer: the
    list said one deleted record, the result "Removed 2 records" — the contact's attached PDF).

    On a team database (reviewer h130: any officer emptied the whole team's trash, 4,052
    records, "a backup being taken first" — none is, on a server) an officer empties what they
    deleted (``scope`` "mine"; ``others``: how many records of the trash colleagues deleted,
    left for them or a manager), a manager or an administrator everything (``scope`` "team");
    and a record that a record the person may not see still points at is kept (``kept``), as
    its link would go with it unseen. ``backup``: a copy of the database is taken first (a
    SQLite file; a server's backups are its own)."""

    listed: dict[str, int]
    attached: int  # attachments not in the trash themselves, of records that are
    scope: str = "all"  # "all" (a file, or a server not set up for a team), "team", "mine"
    others: int = 0
    kept: int = 0
    backup: bool = True

    @property
    def total(self) -> int:
        return sum(self.listed.values()) + self.attached

    def words(self, lang: str = "en") -> str:
        """ "1 contact and 1 file attached to it", "2 contacts, 1 action and 3 files attached to
        them": the command line's words, in Vietnamese with ``lang="vi"`` ("1 liên hệ và 1 tệp
        đính kèm theo", the Trash window's); the window says it in its language."""
        if lang == "vi":
            said = [f"{n} {kinds.info(k).noun_vi}" for k, n in self.listed.items()]
            if self.attached:
                said.append(f"{self.attached} tệp đính kèm theo")
            return " và ".join(filter(None, (", ".join(said[:-1]), said[-1]))) if said else "không có gì"
        parts = [
            f"{n} {kinds.info(k).noun if n == 1 else kinds.info(k).plural}" for k, n in self.listed.items()
        ]
        if self.attached:
            files = "file" if self.attached == 1 else "files"
            them = "it" if sum(self.listed.values()) == 1 else "them"
            parts.append(f"{self.attached} {files} attached to {them}")
        return " and ".join(filter(None, (", ".join(parts[:-1]), parts[-1]))) if parts else "nothing"

    def removed(self, purged: dict[str, int]) -> Emptying:
        """What :func:`empty_trash` reported (``purged``: attachments of both sorts counted
        together), said the same way: listed records, and the files that went with them."""
        listed = dict(purged)
        attached = min(self.attached, listed.get("attachment", 0))
        if attached:
            listed["attachment"] -= attached
        return replace(self, listed={k: n for k, n in listed.items() if n}, attached=attached)


@dataclass
class _Plan:
    ids: dict[str, list[int]]  # what goes, by kind (PURGE_ORDER)
    attached: int = 0  # of the attachments, those not in the trash themselves
    scope: str = "all"
    others: int = 0
    kept: int = 0


def emptying(session: Session) -> Emptying:
    """What :func:`empty_trash` would remove now, said as the trash lists it (asked first)."""
    plan = _plan(session)
    listed = {k: len(plan.ids[k]) - (plan.attached if k == "attachment" else 0) for k in PURGE_ORDER}
    backup = session.connection().dialect.name == "sqlite"
    return Emptying(
        {k: n for k, n in listed.items() if n}, plan.attached, plan.scope, plan.others, plan.kept, backup
    )


def _plan(session: Session) -> _Plan:
    """What emptying the trash removes for the signed-in person (see :class:`Emptying`)."""
    conn = session.connection()
    team = dbteam.team_prefix(conn) is not None
    scope = "all" if not team else "team" if dbteam.privileged(conn) else "mine"
    if scope == "mine" and not dbteam.has_function(conn, "ketnoi_trash_references"):
        raise refused(
            "Not emptied: this team database must be set up again by its owner first (ketnoi admin init), "
            "so that emptying the trash keeps what records you may not see still use; nothing was removed",
            "Chưa dọn: chủ sở hữu cơ sở dữ liệu nhóm cần chạy lại ketnoi admin init trước, để việc dọn "
            "thùng rác giữ lại những gì các hồ sơ bạn không được xem còn dùng; chưa xoá gì",
        )
    plan = _Plan({k: _deleted_ids(session, k) for k in PURGE_ORDER if k != "attachment"}, scope=scope)
    removed = {
        int(i) for i in session.execute(select(ATT.c.id).where(ATT.c.deleted_at.is_not(None))).scalars()
    }
    if scope == "mine":
        login = str(conn.execute(text("SELECT session_user")).scalar())
        for k, ids in plan.ids.items():
            mine = _deleted_by(session, k, ids, login)
            plan.others += len(ids) - len(mine)
            plan.ids[k] = mine
        mine = _deleted_by(session, "attachment", sorted(removed), login)
        plan.others += len(removed) - len(mine)
        removed = set(mine)
        for k, ids in plan.ids.items():  # what a hidden record points at stays
            blocked = _hidden_references(session, k, ids)
            plan.kept += len(blocked)
            plan.ids[k] = [i for i in ids if i not in blocked]
    trashed = {
        int(i) for i in session.execute(select(ATT.c.id).where(ATT.c.deleted_at.is_not(None))).scalars()
    }
    going = set(removed)
    for k in kinds.ATTACHABLE:  # the files of the records that go, go with them
        for part in chunked(plan.ids.get(k, [])):
            going.update(
                int(i)
                for i in session.execute(
                    select(ATT.c.id).where(ATT.c.owner_kind == k, ATT.c.owner_id.in_(part))
                ).scalars()
            )
    plan.attached = len(going - trashed)
    plan.ids["attachment"] = sorted(going)
    return plan


def _deleted_by(session: Session, kind: str, ids: list[int], login: str) -> list[int]:
    """Of ``ids`` (records of ``kind`` in the trash), those whose latest delete ``login`` made."""
    out: list[int] = []
    for part in chunked(ids):
        query = select(CHANGE.c.entity_id).join(*_last_delete(kind, part)).where(CHANGE.c.login == login)
        out += [int(i) for i in session.execute(query).scalars()]
    return sorted(out)


def _hidden_references(session: Session, kind: str, ids: list[int]) -> set[int]:
    """Of ``ids``, the records more rows point at than the signed-in login sees: a record it
    may not see (a colleague's confidential meeting, its follow-up) still uses them."""
    if not ids:
        return set()
    target = kinds.table(kind)
    conn = session.connection()
    blocked: set[int] = set()
    for part in chunked(ids):
        total = dbteam.trash_references(conn, kind, list(part))  # (most have none: no more asked)
        if not total:
            continue
        used = sorted(total)
        seen: dict[int, int] = defaultdict(int)
        for table in SQLModel.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table is not target or table.name == CHANGE.name:
                    continue
                column = fk.parent
                for i, n in session.execute(
                    select(column, func.count()).where(column.in_(used)).group_by(column)
                ).all():
                    seen[int(i)] += int(n)
        blocked.update(i for i, n in total.items() if n > seen.get(i, 0))
    return blocked


def empty_trash(session: Session, *, actor: str = "") -> dict[str, int]:
    """Remove every deleted record for good (on a team database, those :class:`Emptying` says
    the signed-in person empties), with its link rows; returns how many of each kind.

    A backup is taken first (SQLite). History rows stay: each purged record gets a ``purge``
    row naming the backup, and a record left in place that pointed at a purged one gets a
    ``purge`` row for the pointer it lost. Purge rows carry no group id: a purge is not undone
    from the history but from the backup."""
    ids = _plan(session).ids
    if not any(ids.values()):
        return {}
    taken = backups.before(session, "empty-trash")
    now = m.utcnow()
    backup_name = taken.name if taken is not None else ""
    history: list[dict[str, Any]] = []
    for k in PURGE_ORDER:
        for part in chunked(ids[k]):
            history += _unlink(session, k, list(part), now, actor, ids)
    for k in PURGE_ORDER:
        if not ids[k]:
            continue
        table = kinds.table(k)
        label_col = table.c[LABEL_FIELD[k]]
        for part in chunked(ids[k]):
            names = dict(session.execute(select(table.c.id, label_col).where(table.c.id.in_(part))).all())
            session.execute(delete(table).where(table.c.id.in_(part)))
            history += [
                _purge_row(
                    k, int(i), "", None, {"label": names.get(i, ""), "backup": backup_name}, now, actor
                )
                for i in part
            ]
    for rows in chunked(history, 500):
        session.execute(insert(CHANGE), list(rows))
    if ids.get("attachment"):
        from app.attachments import drop_unused_blobs

        drop_unused_blobs(session)
    session.flush()
    return {k: len(x) for k, x in ids.items() if x}


def _deleted_ids(session: Session, kind: str) -> list[int]:
    table = kinds.table(kind)
    query = select(table.c.id).where(table.c.deleted_at.is_not(None)).order_by(table.c.id)
    return [int(i) for i in session.execute(query).scalars()]


def _purge_row(
    kind: str, record_id: int, field_name: str, old: Any, new: Any, now: dt.datetime, actor: str
) -> dict[str, Any]:
    return {
        "entity": kind,
        "entity_id": record_id,
        "op": "purge",
        "field": field_name,
        "old": old,
        "new": new,
        "at": now,
        "actor": actor,
        "group_id": "",
    }


def _unlink(
    session: Session,
    kind: str,
    ids: Sequence[int],
    now: dt.datetime,
    actor: str,
    purged: Mapping[str, Sequence[int]],
) -> list[dict[str, Any]]:
    """Remove what points at the records ``ids`` before they go: link rows are deleted; the
    pointer of a record that stays (live, or in the trash but not emptied now: a colleague's)
    is cleared (its version moves on, a history row says so). Records of ``purged`` (what this
    emptying removes) pointing at them go too and are left alone."""
    target = kinds.table(kind)
    history: list[dict[str, Any]] = []
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is not target or table.name == CHANGE.name:
                continue
            column = fk.parent
            if "deleted_at" not in table.c:  # a link table (attendance, tags, emails…)
                session.execute(delete(table).where(column.in_(ids)))
                continue
            referrer = next((k for k in kinds.ALL_KINDS if kinds.table(k) is table), None)
            if referrer is None:
                continue
            going = set(purged.get(referrer, ()))
            rows = [
                (i, old)
                for i, old in session.execute(select(table.c.id, column).where(column.in_(ids))).all()
                if int(i) not in going
            ]
            if not rows:
                continue
            live = [int(i) for i, _ in rows]
            session.execute(
                update(table)
                .where(table.c.id.in_(live))
                .values({column.name: None, "version": table.c.version + 1, "updated_at": now})
            )
            history += [
                _purge_row(referrer, int(i), column.name, int(old), None, now, actor) for i, old in rows
            ]
    return history


def trashed_kinds(
    session: Session, ids: Iterable[int], kind: str | Iterable[str] | None = None
) -> dict[int, list[str]]:
    """For each of ``ids``, the kinds of record (of ``kind``, else every kind) that have a record
    of that id in the trash: ids are per kind, so #3 can be a meeting and a contact."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    out: dict[int, list[str]] = {}
    for k in _kinds(kind):
        table = kinds.table(k)
        for (i,) in session.execute(
            select(table.c.id).where(table.c.id.in_(wanted), table.c.deleted_at.is_not(None))
        ):
            out.setdefault(int(i), []).append(str(k))
    return out


def restore_command(kind: str, record_id: int) -> str:
    """The command that restores one record from a shell."""
    from app.record_fields import COMMAND_NAMES

    return f"ketnoi {COMMAND_NAMES.get(kind, kind)} restore {record_id}"


def check_kind(kind: str) -> str:
    try:
        kinds.info(kind)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    return kind
