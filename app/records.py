"""Create, read, update, soft-delete and restore every kind of record, with history.

All functions take the ``session`` of the caller's unit of work and never commit: the caller
decides what one transaction is (``with db.engine.unit_of_work(engine) as s: …``), so that a
meeting, its new contacts and its follow-up actions are saved together or not at all.

Updates are optimistic: pass the ``version`` the user started editing from; if someone saved in
between, :class:`~app.errors.ConflictError` carries both versions and nothing is written.
Every change is recorded in the ``change`` table, field by field.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import delete as sql_delete
from sqlalchemy import insert, text
from sqlalchemy import update as sql_update
from sqlmodel import Session, col, select

from app import contacted
from app.entities import DERIVED, LABEL_FIELD, PREPARE, Values
from app.errors import ConflictError, LastSave, NotFoundError, RecordGone
from app.vntext import clean, fold
from db import kinds
from db import models as m
from db.backup import RESTORED_KEY, RESTORED_TRIGGERS
from db.queries import chunked, insert_new
from db.team import CONFIDENTIAL_KINDS

ENTITIES = kinds.ALL_KINDS
_BASE_FIELDS = frozenset({"id", "created_at", "updated_at", "version", "deleted_at", "import_batch_id"})
BASE_FIELDS = _BASE_FIELDS  # the columns no edit writes: its bookkeeping


def _model(entity: str) -> type[m.Record]:
    return kinds.model(entity)


def new_group_id() -> str:
    """An id tying together the changes of one user operation (a bulk edit, a merge)."""
    return uuid.uuid4().hex


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(x) for x in value]
    if isinstance(value, dict):
        return {k: jsonable(x) for k, x in value.items()}
    return value


def _columns(row: m.Record) -> Values:
    return {k: getattr(row, k) for k in type(row).model_fields}


def _load(session: Session, entity: str, entity_id: int, *, include_deleted: bool = False) -> m.Record:
    row = session.get(_model(entity), entity_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise whereabouts(session, entity, entity_id, row)
    return row


_LIFECYCLE = ("delete", "restore", "merge", "purge")


def whereabouts(
    session: Session, entity: str, entity_id: int, row: m.Record | None = None, *, depth: int = 0
) -> NotFoundError:
    """Why a record is not there, as its history says: merged into another (followed through
    later merges), deleted, or removed for good, with who and when (a :class:`RecordGone`);
    a plain :class:`NotFoundError` when the history says nothing (a wrong id)."""
    if row is None:
        row = session.get(_model(entity), entity_id)
    if row is not None and row.deleted_at is None:
        return NotFoundError(entity, entity_id)
    last = session.exec(
        select(m.Change)
        .where(
            m.Change.entity == entity,
            m.Change.entity_id == entity_id,
            m.Change.field == "",
            col(m.Change.op).in_(_LIFECYCLE),
        )
        .order_by(col(m.Change.id).desc())
        .limit(4)
    ).all()
    if not last or last[0].op == "restore":
        return NotFoundError(entity, entity_id)
    label = str(getattr(row, LABEL_FIELD[entity], "") or "") if row is not None else ""
    if last[0].op == "purge" or row is None:
        if last[0].op != "purge":
            return NotFoundError(entity, entity_id)
        new = last[0].new if isinstance(last[0].new, dict) else {}
        return RecordGone(
            entity,
            entity_id,
            how="purged",
            label=str(new.get("label") or ""),
            actor=last[0].actor,
            at=last[0].at,
            group_id=last[0].group_id or "",
        )
    # A merge writes the other's delete and its "merge" row in one group: the latest of the two.
    merge = next(
        (
            r
            for r in last
            if r.op == "merge"
            and isinstance(r.new, dict)
            and "into" in r.new
            and r.group_id == last[0].group_id
        ),
        None,
    )
    if merge is None:
        delete = next((r for r in last if r.op == "delete"), last[0])
        return RecordGone(
            entity,
            entity_id,
            how="deleted",
            label=label,
            actor=delete.actor,
            at=delete.at,
            group_id=delete.group_id or "",
        )
    into, into_live = int(merge.new["into"]), False
    kept = session.get(_model(entity), into)
    if kept is not None and kept.deleted_at is None:
        into_live = True
    elif kept is not None and depth < 10:  # the kept record went into another since: that one
        further = whereabouts(session, entity, into, kept, depth=depth + 1)
        if isinstance(further, RecordGone) and further.how == "merged" and further.into_id:
            into, into_live = further.into_id, further.into_live
    return RecordGone(
        entity,
        entity_id,
        how="merged",
        label=label,
        actor=merge.actor,
        at=merge.at,
        into_id=into,
        into_label=label_of(session, entity, into),
        into_live=into_live,
        group_id=merge.group_id or "",
    )


def label_of(session: Session, entity: str, entity_id: int) -> str:
    """A record's name, deleted records too ("#7" when there is no such record)."""
    row = session.get(_model(entity), entity_id)
    return str(getattr(row, LABEL_FIELD[entity], "")) if row else f"#{entity_id}"


# --- relations -----------------------------------------------------------------------------


NAME_LENGTH = 100  # tag and sector names (and their folded keys) are kept to this length


def name_key(name: str) -> str:
    """How a tag or sector name is looked up: folded ("Công nghệ sinh học" and "cong nghe sinh
    hoc" are one tag), cut to the column's length."""
    return fold(name)[:NAME_LENGTH]


def named_ids(
    session: Session, model: type[m.Tag] | type[m.Sector], names: Iterable[str], *, create: bool = True
) -> dict[str, int]:
    """Ids of tags or sectors by :func:`name_key`, creating the missing ones when ``create``
    (the first spelling seen is kept); blank names are skipped. The one resolver of tag and
    sector names: forms, bulk edits and imports all come here."""
    wanted: dict[str, str] = {}
    for n in names:
        key = name_key(n)
        if key:
            wanted.setdefault(key, clean(n)[:NAME_LENGTH])
    if not wanted:
        return {}

    def existing() -> dict[str, int]:
        found: dict[str, int] = {}
        for part in chunked(list(wanted)):
            rows = session.execute(select(model.folded, model.id).where(col(model.folded).in_(part)))
            found.update({k: int(i) for k, i in rows.all()})
        return found

    found = existing()
    stamp: dict[str, Any] = {"created_at": m.utcnow()} if model is m.Tag else {}
    missing = [{"name": n, "folded": k, **stamp} for k, n in wanted.items() if k not in found]
    if missing and create:
        # Two people adding the same new tag at once: the second insert finds the first's row
        # (ON CONFLICT DO NOTHING on the unique folded name) instead of failing on it.
        insert_new(session, cast(Any, model).__table__, missing, key="folded")
        found = existing()
    return found


VOCABULARY: dict[str, tuple[type[m.Tag] | type[m.Sector], tuple[tuple[Any, str, str], ...]]] = {
    "sector": (m.Sector, ((m.OrganisationSector, "organisation_id", "organisation"),)),
    "tag": (m.Tag, ((m.ContactTag, "contact_id", "contact"), (m.OrganisationTag, "organisation_id", "organisation"))),
}  # fmt: skip
"""Each vocabulary (a tag or sector row): its model and its link tables (table, owner column, owner kind)."""


def vocabulary_ids(session: Session, kind: str, names: Iterable[str]) -> list[int]:
    """The ids of the ``kind`` ("sector" or "tag") rows named ``names`` that exist (none created)."""
    return sorted(set(named_ids(session, VOCABULARY[kind][0], names, create=False).values()))


def drop_unused_vocabulary(
    session: Session, candidates: Mapping[str, Iterable[int]], gone: Mapping[str, Iterable[int]] | None = None
) -> dict[str, int]:
    """Remove the sectors and tags of ``candidates`` ("sector"/"tag" → ids) no record uses any
    more, an undo's own: those it created, now that the undo took them away again (reviewer: an
    import's sectors stayed in the sector filter and the pickers after its undo). The links of
    the records ``gone`` (kind → ids: the records the undo just removed) do not count as uses
    and go with them; any other record's, live or in the trash, keeps the row. How many of each
    were removed."""
    gone_ids = {kind: set(ids) for kind, ids in (gone or {}).items()}
    out: dict[str, int] = {}
    for kind, ids in candidates.items():
        model, links = VOCABULARY[kind]
        wanted = sorted(set(ids))
        for part in chunked(wanted):
            used: set[int] = set()
            for table, owner_column, owner_kind in links:
                vocab_col = getattr(table, f"{kind}_id")
                for vid, owner in session.execute(
                    select(vocab_col, getattr(table, owner_column)).where(col(vocab_col).in_(part))
                ):
                    if int(owner) not in gone_ids.get(owner_kind, set()):
                        used.add(int(vid))
            unused = [i for i in part if i not in used]
            if not unused:
                continue
            for table, _owner_column, _owner_kind in links:
                session.execute(sql_delete(table).where(col(getattr(table, f"{kind}_id")).in_(unused)))
            result = session.execute(sql_delete(model).where(col(model.id).in_(unused)))
            out[kind] = out.get(kind, 0) + int(getattr(result, "rowcount", 0) or 0)
    return out


def _ids_in_order(session: Session, model: type[m.Tag] | type[m.Sector], names: list[str]) -> list[int]:
    by_key = named_ids(session, model, names)
    return [by_key[name_key(n)] for n in names if name_key(n)]


def load_relations(session: Session, entity: str, entity_id: int) -> Values:
    if entity == "contact":
        methods = session.exec(
            select(m.ContactMethod)
            .where(m.ContactMethod.contact_id == entity_id)
            .order_by(col(m.ContactMethod.position))
        ).all()
        tags = session.exec(
            select(m.Tag.name)
            .join(m.ContactTag, col(m.ContactTag.tag_id) == m.Tag.id)
            .where(m.ContactTag.contact_id == entity_id)
            .order_by(m.Tag.name)
        ).all()
        return {
            "emails": [x.value for x in methods if x.kind == "email"],
            "phones": [x.value for x in methods if x.kind == "phone"],
            "tags": list(tags),
        }
    if entity == "organisation":
        sectors = session.exec(
            select(m.Sector.name)
            .join(m.OrganisationSector, col(m.OrganisationSector.sector_id) == m.Sector.id)
            .where(m.OrganisationSector.organisation_id == entity_id)
            .order_by(m.Sector.name)
        ).all()
        tags = session.exec(
            select(m.Tag.name)
            .join(m.OrganisationTag, col(m.OrganisationTag.tag_id) == m.Tag.id)
            .where(m.OrganisationTag.organisation_id == entity_id)
            .order_by(m.Tag.name)
        ).all()
        return {"sectors": list(sectors), "tags": list(tags)}
    if entity == "meeting":
        attendees = session.exec(
            select(m.MeetingAttendee.contact_id, m.MeetingAttendee.role)
            .where(m.MeetingAttendee.meeting_id == entity_id)
            .order_by(col(m.MeetingAttendee.contact_id))
        ).all()
        orgs = session.exec(
            select(m.MeetingOrganisation.organisation_id)
            .where(m.MeetingOrganisation.meeting_id == entity_id)
            .order_by(col(m.MeetingOrganisation.organisation_id))
        ).all()
        staff = session.exec(
            select(m.MeetingStaff.staff_id)
            .where(m.MeetingStaff.meeting_id == entity_id)
            .order_by(col(m.MeetingStaff.staff_id))
        ).all()
        return {
            "attendees": [{"contact_id": c, "role": r} for c, r in attendees],
            "organisation_ids": list(orgs),
            "staff_ids": list(staff),
        }
    return {}


def save_relations(session: Session, entity: str, entity_id: int, rel: Values) -> None:
    """Replace the relations named in ``rel`` (keys absent from it are left alone)."""
    if entity == "contact":
        if "emails" in rel or "phones" in rel:
            current = load_relations(session, entity, entity_id)
            emails: list[str] = rel.get("emails", current["emails"]) or []
            phones: list[str] = rel.get("phones", current["phones"]) or []
            session.execute(sql_delete(m.ContactMethod).where(col(m.ContactMethod.contact_id) == entity_id))
            rows = [
                {"contact_id": entity_id, "kind": "email", "value": e, "position": i}
                for i, e in enumerate(emails)
            ]
            rows += [
                {"contact_id": entity_id, "kind": "phone", "value": p, "position": i}
                for i, p in enumerate(phones)
            ]
            if rows:
                session.execute(insert(m.ContactMethod), rows)
        if "tags" in rel:
            session.execute(sql_delete(m.ContactTag).where(col(m.ContactTag.contact_id) == entity_id))
            ids = _ids_in_order(session, m.Tag, rel["tags"])
            if ids:
                session.execute(insert(m.ContactTag), [{"contact_id": entity_id, "tag_id": t} for t in ids])
    elif entity == "organisation":
        if "sectors" in rel:
            session.execute(
                sql_delete(m.OrganisationSector).where(col(m.OrganisationSector.organisation_id) == entity_id)
            )
            ids = _ids_in_order(session, m.Sector, rel["sectors"])
            if ids:
                session.execute(
                    insert(m.OrganisationSector),
                    [{"organisation_id": entity_id, "sector_id": s} for s in ids],
                )
        if "tags" in rel:
            session.execute(
                sql_delete(m.OrganisationTag).where(col(m.OrganisationTag.organisation_id) == entity_id)
            )
            ids = _ids_in_order(session, m.Tag, rel["tags"])
            if ids:
                session.execute(
                    insert(m.OrganisationTag), [{"organisation_id": entity_id, "tag_id": t} for t in ids]
                )
    elif entity == "meeting":
        if "attendees" in rel:
            session.execute(
                sql_delete(m.MeetingAttendee).where(col(m.MeetingAttendee.meeting_id) == entity_id)
            )
            if rel["attendees"]:
                session.execute(
                    insert(m.MeetingAttendee), [{"meeting_id": entity_id, **a} for a in rel["attendees"]]
                )
        if "organisation_ids" in rel:
            session.execute(
                sql_delete(m.MeetingOrganisation).where(col(m.MeetingOrganisation.meeting_id) == entity_id)
            )
            if rel["organisation_ids"]:
                session.execute(
                    insert(m.MeetingOrganisation),
                    [{"meeting_id": entity_id, "organisation_id": o} for o in rel["organisation_ids"]],
                )
        if "staff_ids" in rel:
            session.execute(sql_delete(m.MeetingStaff).where(col(m.MeetingStaff.meeting_id) == entity_id))
            if rel["staff_ids"]:
                session.execute(
                    insert(m.MeetingStaff),
                    [{"meeting_id": entity_id, "staff_id": s} for s in rel["staff_ids"]],
                )
    session.flush()


# --- history -------------------------------------------------------------------------------


def record_change(
    session: Session,
    entity: str,
    entity_id: int,
    op: str,
    *,
    field: str = "",
    old: Any = None,
    new: Any = None,
    actor: str = "",
    batch_id: int | None = None,
    group_id: str = "",
) -> None:
    session.add(
        m.Change(
            entity=entity,
            entity_id=entity_id,
            op=op,
            field=field,
            old=jsonable(old),
            new=jsonable(new),
            actor=actor,
            batch_id=batch_id,
            group_id=group_id,
        )
    )


def history(session: Session, entity: str, entity_id: int) -> list[Values]:
    """The record's history, newest first."""
    rows = session.exec(
        select(m.Change)
        .where(m.Change.entity == entity, m.Change.entity_id == entity_id)
        .order_by(col(m.Change.at).desc(), col(m.Change.id).desc())
    ).all()
    return [
        {
            "at": r.at,
            "op": r.op,
            "field": r.field,
            "old": r.old,
            "new": r.new,
            "actor": r.actor,
            "batch_id": r.batch_id,
            "group_id": r.group_id,
        }
        for r in rows
    ]


def standing(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows of a record's history (or of one field's) whose change stands, in their order:
    not the rows an undo or a redo wrote (group ``"u" + G``, ``"uu" + G``…; an import's undo,
    ``"undo-N"``), nor the rows of a group undone since and not redone (reviewer: a position
    typed by mistake and undone stayed in the contact's role history and as "formerly …" under
    the organisation's people). ``rows`` must hold the undo rows of the same changes (the same
    entities and fields) for the undone ones to be known."""
    depth: dict[str, int] = {}  # a group → the undos and redos of it seen (odd: undone)
    for row in rows:
        group = str(row.get("group_id") or "")
        if group.startswith("undo-"):
            base, n = "import-" + group.removeprefix("undo-"), 1
        elif group.startswith("u"):  # (a group id is hex or "import-N": never a "u" of its own)
            base = group.lstrip("u")
            n = len(group) - len(base)
        else:
            continue
        depth[base] = max(depth.get(base, 0), n)
    out = []
    for row in rows:
        group = str(row.get("group_id") or "")
        if group.startswith("u") or depth.get(group, 0) % 2:
            continue
        out.append(row)
    return out


def career(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows of a contact's history of position and organisation that are changes of their
    career: those that stand (:func:`standing`), less the ones a merge wrote (``op`` "merge":
    two records of one person, or of one organisation, made one; its undo is an undo's rows,
    already left out). A merge, its undo and the merge again listed three changes of position
    between "CTO" and "Giám đốc Kỹ thuật" on one day in a contact's brief, none of them a change
    of post (reviewer h149). ``rows`` need ``op`` and ``group_id``."""
    return [row for row in standing(rows) if row.get("op") != "merge"]


# --- the services --------------------------------------------------------------------------


def snapshot(session: Session, entity: str, entity_id: int, *, include_deleted: bool = False) -> Values:
    """Every writable value of a record, relations included (what an edit form shows)."""
    row = _load(session, entity, entity_id, include_deleted=include_deleted)
    values = {k: x for k, x in _columns(row).items() if k not in DERIVED}
    values.update(load_relations(session, entity, entity_id))
    return values


def get(session: Session, entity: str, entity_id: int) -> Values:
    """A plain view of one live record, with names of what it refers to."""
    values = snapshot(session, entity, entity_id)
    if entity == "contact" and values.get("organisation_id"):
        org = session.get(m.Organisation, values["organisation_id"])
        values["organisation_name"] = org.name if org else ""
    if entity == "meeting" and values["attendees"]:
        ids = [a["contact_id"] for a in values["attendees"]]
        names = dict(
            session.exec(select(m.Contact.id, m.Contact.full_name).where(col(m.Contact.id).in_(ids))).all()
        )
        for a in values["attendees"]:
            a["full_name"] = names.get(a["contact_id"], "")
    return values


def defaults(entity: str) -> Values:
    """The values a new record of ``entity`` starts with where none is given, as db/models.py
    declares them (an action's priority 2, an organisation's kind "other"): a new record's form
    starts on them, so that the window saves what the command line and imports save."""
    out: Values = {}
    for name, info in _model(entity).model_fields.items():
        if name in _BASE_FIELDS or name in DERIVED or info.is_required() or info.default_factory is not None:
            continue
        out[name] = info.default
    return out


def label(session: Session, entity: str, entity_id: int) -> str:
    row = session.get(_model(entity), entity_id)
    return str(getattr(row, LABEL_FIELD[entity], "")) if row else f"#{entity_id}"


def create(
    session: Session,
    entity: str,
    values: Values,
    *,
    actor: str = "",
    batch_id: int | None = None,
    group_id: str = "",
) -> int:
    """Validate ``values`` and write a new record; returns its id."""
    model = _model(entity)
    prepared = PREPARE[entity](session, values, None)
    row = model(**prepared.columns, import_batch_id=batch_id)
    session.add(row)
    session.flush()
    assert row.id is not None
    save_relations(session, entity, row.id, prepared.relations)
    record_change(
        session,
        entity,
        row.id,
        "create",
        new={k: x for k, x in {**prepared.columns, **prepared.relations}.items() if k not in DERIVED},
        actor=actor,
        batch_id=batch_id,
        group_id=group_id,
    )
    if entity == "meeting":
        contacted.touch_attendees(
            session, row.id, actor=actor, group_id=group_id, batch_id=batch_id, created=True
        )
    return row.id


def restored_since(session: Session, version: int) -> dict[str, Any] | None:
    """The restore (db.backup.RESTORED_KEY) that happened after a record was read at
    ``version``: every version the database held before it is at most ``versions_above``.
    Only in the restored SQLite file itself, which has the restore's version triggers: a copy
    (``ketnoi copy-db``) carries the setting but numbers its new records from 1 again."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    lifted = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name LIKE :n LIMIT 1"),
        {"n": RESTORED_TRIGGERS},
    ).first()
    if lifted is None:
        return None
    row = session.get(m.Setting, RESTORED_KEY)
    marker = row.value if row is not None else None
    if not isinstance(marker, dict) or not isinstance(marker.get("versions_above"), int):
        return None
    return marker if version <= marker["versions_above"] else None


def update(
    session: Session,
    entity: str,
    entity_id: int,
    values: Values,
    *,
    expected_version: int | None,
    actor: str = "",
    batch_id: int | None = None,
    group_id: str = "",
    op: str = "update",
) -> int:
    """Apply ``values`` (only the keys given) to a record; returns the new version.

    ``expected_version`` is the version the edit started from: a record saved since is a
    :class:`ConflictError` naming the version now stored. ``None`` skips the check (internal
    operations that hold the row already, such as an import's update; ``ketnoi contact edit``
    without ``--if-version``): the values are applied on top of the latest version, read again
    if another program's save landed between this unit of work's read and its write
    (PostgreSQL at READ COMMITTED: a writer that does not take Ketnoi's write lock).
    """
    return _update_checked(
        session, entity, entity_id, values, expected_version, None, actor, batch_id, group_id, op
    ).version


@dataclass(frozen=True)
class Edited:
    """What :func:`update_edited` did: the new version, and whether someone else had saved the
    record since the edit began (their changes, to other fields, were kept with these)."""

    version: int
    merged: bool
    saved: LastSave | None = None  # merged: who saved it meanwhile, and when (its history)


def update_edited(
    session: Session,
    entity: str,
    entity_id: int,
    values: Values,
    *,
    base: Values,
    actor: str = "",
    group_id: str = "",
    op: str = "update",
) -> Edited:
    """Save a form's edit: ``values`` the fields the person changed, ``base`` the record as the
    form read it (:func:`get`, with its ``version``).

    Saved since by someone else, the record is merged field by field when the two saves changed
    different fields: these values are written over the version now stored, whose other changes
    stay (``Edited.merged``). A field both changed (to different values) is a
    :class:`ConflictError` whose ``clashing`` names those fields, ``current`` holding the other
    person's values; nothing is written. The check and the write are one statement on the row's
    version in the caller's unit of work, so a third save cannot land between them unseen: it
    is merged with in turn, or is the conflict."""
    expected = int(base["version"])
    return _update_checked(session, entity, entity_id, values, expected, base, actor, None, group_id, op)


def _clashing(before: Values, base: Values, values: Values) -> list[str]:
    """The fields of ``values`` someone else changed since ``base`` to something else."""
    return [
        k
        for k, mine in values.items()
        if k not in _BASE_FIELDS and before.get(k) != base.get(k) and before.get(k) != mine
    ]


def _update_checked(
    session: Session,
    entity: str,
    entity_id: int,
    values: Values,
    expected_version: int | None,
    base: Values | None,
    actor: str,
    batch_id: int | None,
    group_id: str,
    op: str,
) -> Edited:
    for attempt in range(_ON_TOP_TRIES):
        try:
            return _update(
                session, entity, entity_id, values, expected_version, base, actor, batch_id, group_id, op
            )
        except _Moved as moved:
            current = snapshot(session, entity, entity_id)  # read again: the version now stored
            if (expected_version is None or base is not None) and attempt + 1 < _ON_TOP_TRIES:
                continue  # on top of the latest (merged with it, from a form's base)
            clashing = _clashing(current, base, values) if base is not None else None
            raise _conflict(
                session, entity, entity_id, current, moved.read_version, values, clashing
            ) from None
    raise AssertionError("unreachable")


def last_save(session: Session, entity: str, entity_id: int) -> LastSave | None:
    """Who saved the record last, and when, as its history says: the conflict's "someone else"
    named — the colleague (their name and login, which a team database writes itself), or on
    a file one person uses another window or the command line. None when the history holds
    nothing of it (or this login may not read it)."""
    row = session.execute(
        select(m.Change.actor, m.Change.login, m.Change.at)
        .where(col(m.Change.entity) == entity, col(m.Change.entity_id) == entity_id)
        .order_by(col(m.Change.id).desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=dt.UTC)
    team = session.get_bind().dialect.name == "postgresql"
    return LastSave(actor=row.actor or "", login=row.login or "", at=at, team=team)


def _conflict(
    session: Session,
    entity: str,
    entity_id: int,
    current: Values,
    expected_version: int,
    values: Values,
    clashing: list[str] | None,
    restored: dict[str, Any] | None = None,
) -> ConflictError:
    """The save of ``values`` refused: the record now stored (``current``) is not the version
    the edit began from."""
    return ConflictError(
        entity,
        entity_id,
        str(current.get(LABEL_FIELD[entity], "")),
        expected_version=expected_version,
        current_version=int(current["version"]),
        current=current,
        attempted=dict(values),
        restored=restored,
        clashing=clashing,
        saved=last_save(session, entity, entity_id),
    )


_ON_TOP_TRIES = 3  # an edit without a version is applied on top of the latest, read this often


class _Moved(Exception):
    """The row's version moved between this unit of work's read and its write."""

    def __init__(self, read_version: int) -> None:
        super().__init__(read_version)
        self.read_version = read_version


def _update(
    session: Session,
    entity: str,
    entity_id: int,
    values: Values,
    expected_version: int | None,
    base: Values | None,
    actor: str,
    batch_id: int | None,
    group_id: str,
    op: str,
) -> Edited:
    model = _model(entity)
    row = _load(session, entity, entity_id)
    before = snapshot(session, entity, entity_id)
    merged_with_theirs = expected_version is not None and row.version != expected_version
    if merged_with_theirs:
        assert expected_version is not None
        restored = restored_since(session, expected_version)
        clashing = _clashing(before, base, values) if base is not None else None
        if clashing is None or clashing or restored is not None:
            raise _conflict(session, entity, entity_id, before, expected_version, values, clashing, restored)
        # someone saved other fields since the form read the record: these values go on top of
        # the version now stored (the UPDATE below checks that version), theirs are kept
    theirs = last_save(session, entity, entity_id) if merged_with_theirs else None
    unknown = set(values) - set(before) - DERIVED
    if unknown:
        raise ValueError(f"unknown {entity} fields: {', '.join(sorted(unknown))}")
    merged = {**before, **{k: x for k, x in values.items() if k not in _BASE_FIELDS}}
    name_parts = ("family_name", "middle_name", "given_name")
    if entity == "contact" and "full_name" in values and not any(k in values for k in name_parts):
        for k in name_parts:  # a new full name is split anew, not kept with the old parts
            merged.pop(k, None)
    kept = _hold_trashed_links(session, entity, merged, before)
    prepared = PREPARE[entity](session, merged, entity_id)
    _put_back_trashed_links(prepared.columns, prepared.relations, kept)
    changed_cols = {k: x for k, x in prepared.columns.items() if getattr(row, k) != x}
    changed_rel = {k: x for k, x in prepared.relations.items() if k in values and before.get(k) != x}
    if not changed_cols and not changed_rel:
        return Edited(row.version, merged_with_theirs, theirs)
    read_version = row.version  # the UPDATE below sets the row's version in the session, even
    new_version = read_version + 1  # when no row matched: kept before it
    result = session.execute(
        sql_update(model)
        .where(col(model.id) == entity_id, col(model.version) == read_version)
        .values(**changed_cols, version=new_version, updated_at=m.utcnow())
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.expire(row)  # what is stored now is read again, never guessed
        raise _Moved(read_version)
    save_relations(session, entity, entity_id, changed_rel)
    for field in (*changed_cols, *changed_rel):
        if field in DERIVED:
            continue
        new = changed_cols[field] if field in changed_cols else changed_rel[field]
        record_change(
            session,
            entity,
            entity_id,
            op,
            field=field,
            old=before.get(field),
            new=new,
            actor=actor,
            batch_id=batch_id,
            group_id=group_id,
        )
    session.expire(row)
    if entity == "meeting" and ({"starts_at", "attendees", "confidential"} & {*changed_cols, *changed_rel}):
        former = [_item_id(a) for a in before.get("attendees") or []]
        contacted.touch_attendees(
            session, entity_id, actor=actor, group_id=group_id, batch_id=batch_id, former=former
        )
    return Edited(new_version, merged_with_theirs, theirs)


# List relations that hold ids of other records: (kind of record, how to read an item's id).
_ID_LISTS = {"attendees": "contact", "organisation_ids": "organisation", "staff_ids": "staff"}


def _item_id(item: Any) -> Any:
    return item.get("contact_id") if isinstance(item, dict) else item


def _in_trash(session: Session, kind: str, ident: Any) -> bool:
    if not isinstance(ident, int):
        return False
    row = session.get(_model(kind), ident)
    return row is not None and row.deleted_at is not None


def is_hidden(session: Session, kind: str, ident: Any) -> bool:
    """Whether the record ``kind`` #``ident`` exists but this login may not see it: a
    colleague's confidential record on a team database (row-level security). A link the
    record holds already (a meeting's attendee, a contact's organisation) points at a row
    that exists (foreign keys), so a row this session cannot read is one it may not see."""
    if not isinstance(ident, int) or kind not in CONFIDENTIAL_KINDS:
        return False
    return session.get(_model(kind), ident) is None


def hidden_ids(session: Session, wanted: Mapping[str, Iterable[int]]) -> dict[str, set[int]]:
    """Of the records ``wanted`` (kind -> ids, each one a live record links to), those this
    login may not see (:func:`is_hidden`), by kind: one read of the few ids per kind."""
    out: dict[str, set[int]] = {}
    for kind, ids in wanted.items():
        asked = {i for i in ids if isinstance(i, int) and not isinstance(i, bool)}
        if kind not in CONFIDENTIAL_KINDS or not asked:
            continue
        table = kinds.table(kind)
        seen: set[int] = set()
        for part in chunked(sorted(asked)):
            seen.update(
                int(i) for i in session.execute(select(table.c.id).where(table.c.id.in_(part))).scalars()
            )
        if asked - seen:
            out[kind] = asked - seen
    return out


def _unseen(session: Session, kind: str, ident: Any) -> bool:
    """A link the editor cannot choose again: to a record in the trash, or one hidden from them."""
    return _in_trash(session, kind, ident) or is_hidden(session, kind, ident)


def _unseen_of(session: Session, kind: str, ids: set[Any]) -> tuple[set[int], set[int]]:
    """Of the records ``ids`` (links a record holds), those in the trash and those hidden from
    this login (:func:`is_hidden`): one read per few hundred, not one per link."""
    wanted = sorted(i for i in ids if isinstance(i, int))
    trashed: set[int] = set()
    found: set[int] = set()
    table = kinds.table(kind)
    for part in chunked(wanted):
        for ident, gone in session.execute(
            select(table.c.id, table.c.deleted_at).where(table.c.id.in_(part))
        ):
            found.add(int(ident))
            if gone is not None:
                trashed.add(int(ident))
    hidden = set(wanted) - found if kind in CONFIDENTIAL_KINDS else set()
    return trashed, hidden


def _hold_trashed_links(session: Session, entity: str, merged: Values, before: Values) -> Values:
    """Take out of ``merged`` the links the record already had to records now in the trash or
    hidden from this login (validation refuses those as a *new* choice: a deleted record, or
    "there is no contact with id N" for a colleague's confidential one); returns them for
    :func:`_put_back_trashed_links`. So a contact whose organisation was deleted can still be
    edited, and keeps pointing at it: restoring the organisation brings the link back.

    A hidden record's link is kept whatever the edit's list says (reviewer h130: editing the
    minutes of a meeting in a window that could not list its confidential attendee removed the
    attendee): nothing a colleague cannot see is lost by what they do. A reference held in a
    column (a contact's organisation, an action's responsible contact) is kept when the edit
    gives it unchanged or empty; another record chosen in its place replaces it."""
    kept: Values = {}
    for column in kinds.table(entity).c:
        target = next(iter(column.foreign_keys), None)
        name = column.name
        if target is None or name not in merged or name in _BASE_FIELDS:
            continue
        kind = next((k for k in kinds.ALL_KINDS if kinds.table(k) is target.column.table), None)
        value, had = merged.get(name), before.get(name)
        if not kind or had is None:
            continue
        if value == had and _unseen(session, kind, value):
            kept[name] = value
            merged[name] = None
        elif value in (None, "", 0) and is_hidden(session, kind, had):
            kept[name] = had
    for name, kind in _ID_LISTS.items():
        items = merged.get(name)
        if not isinstance(items, list) or name not in before:
            continue
        had_items = list(before.get(name) or [])
        trashed, hidden = _unseen_of(session, kind, {_item_id(x) for x in had_items})
        held = [x for x in items if _item_id(x) in trashed | hidden]
        given = {_item_id(x) for x in items}
        held += [x for x in had_items if _item_id(x) not in given and _item_id(x) in hidden]
        if held:
            kept[name] = held
            merged[name] = [x for x in items if x not in held]
    return kept


def _put_back_trashed_links(columns: Values, relations: Values, kept: Values) -> None:
    for name, value in kept.items():
        if name not in _ID_LISTS:
            columns[name] = value
            continue
        held = [
            {"contact_id": x["contact_id"], "role": x.get("role") or "participant"}
            if name == "attendees"
            else x
            for x in value
        ]
        relations[name] = sorted([*relations.get(name, []), *held], key=lambda x: _item_id(x) or 0)


def delete(
    session: Session,
    entity: str,
    entity_id: int,
    *,
    actor: str = "",
    group_id: str = "",
    expected_version: int | None = None,
) -> None:
    """Soft delete: the record disappears from lists and search, and can be restored.

    ``expected_version``: the version the caller read (a merge's other record); saved since,
    a :class:`ConflictError` (the write's own ``WHERE version = …``) and nothing written."""
    model = _model(entity)
    row = _load(session, entity, entity_id)
    read = row.version if expected_version is None else expected_version
    checked = [col(model.version) == read] if expected_version is not None else []
    result = session.execute(
        sql_update(model)
        .where(col(model.id) == entity_id, *checked)
        .values(deleted_at=m.utcnow(), version=read + 1, updated_at=m.utcnow())
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.expire(row)
        current = snapshot(session, entity, entity_id)
        raise _conflict(session, entity, entity_id, current, read, {}, None)
    record_change(session, entity, entity_id, "delete", actor=actor, group_id=group_id)
    session.expire(row)
    if entity == "meeting":  # it no longer counts as contact: its attendees' dates counted again
        contacted.touch_attendees(session, entity_id, actor=actor, group_id=group_id)


def restore(
    session: Session,
    entity: str,
    entity_id: int,
    *,
    actor: str = "",
    group_id: str = "",
    batch_id: int | None = None,
) -> None:
    """Bring a deleted record back (``batch_id``: an import that brought it back, whose undo puts
    it back in the trash)."""
    model = _model(entity)
    row = _load(session, entity, entity_id, include_deleted=True)
    if row.deleted_at is None:
        return
    session.execute(
        sql_update(model)
        .where(col(model.id) == entity_id)
        .values(deleted_at=None, version=row.version + 1, updated_at=m.utcnow())
    )
    record_change(session, entity, entity_id, "restore", actor=actor, group_id=group_id, batch_id=batch_id)
    session.expire(row)
    if entity == "meeting":
        contacted.touch_attendees(session, entity_id, actor=actor, group_id=group_id)


def deleted(session: Session, entity: str, *, limit: int = 200) -> list[Values]:
    """Recently deleted records of a kind, newest first (for a 'Deleted items' view)."""
    model = _model(entity)
    label_col = getattr(model, LABEL_FIELD[entity])
    rows = session.exec(
        select(model.id, label_col, model.deleted_at)
        .where(col(model.deleted_at).is_not(None))
        .order_by(col(model.deleted_at).desc())
        .limit(limit)
    ).all()
    return [{"id": i, "label": lab, "deleted_at": d} for i, lab, d in rows]
