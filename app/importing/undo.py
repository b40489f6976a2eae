"""Undoing an import batch: exactly what it did, from its Change rows.

Records the batch created are deleted (soft, like every deletion) unless someone has edited
or used them since (a meeting attended, an action, a person placed in the organisation): those
are kept and reported, so undoing an import never takes later work with it. Fields
it updated get their old values back, unless someone has changed that field since the import
(then the newer value is kept and reported as a conflict rather than silently lost). The
batch is marked undone, so it cannot be undone twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, DateTime, or_, update
from sqlmodel import Session, col, select

from app.errors import NotFoundError, UserError
from app.importing import store
from app.importing.commit import derived
from app.importing.matching import MODELS
from app.records import jsonable
from db import models as m
from db.queries import chunked

ENTITY_MODELS: dict[str, type[Any]] = {**MODELS, "staff": m.Staff}


@dataclass
class UndoResult:
    batch_id: int
    deleted: dict[str, int] = field(default_factory=dict)
    restored_fields: int = 0
    conflicts: list[str] = field(default_factory=list)


def _from_json(model: type[Any], name: str, value: Any) -> Any:
    column = model.__table__.c.get(name)
    if value is None or column is None or not isinstance(value, str):
        return value
    if isinstance(column.type, DateTime) or getattr(column.type, "impl", None).__class__ is DateTime:
        return dt.datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return dt.date.fromisoformat(value)
    return value


def undo_import(batch_id: int, *, session: Session, actor: str = "") -> UndoResult:
    """Reverse import batch ``batch_id`` (the caller's unit of work commits)."""
    batch = session.get(m.ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError("import batch", batch_id)
    if batch.undone_at is not None:
        raise UserError(
            f"Lần nhập #{batch_id} đã được hoàn tác lúc {batch.undone_at:%d/%m/%Y %H:%M} / "
            f"import #{batch_id} was already undone"
        )
    result = UndoResult(batch_id)
    changes = list(
        session.exec(
            select(m.Change).where(col(m.Change.batch_id) == batch_id).order_by(col(m.Change.id).desc())
        )
    )
    now = m.utcnow()
    created: dict[str, list[int]] = {}
    updated: dict[str, dict[int, list[m.Change]]] = {}
    for ch in changes:
        if ch.op == "create":
            created.setdefault(ch.entity, []).append(ch.entity_id)
        elif ch.op == "import":
            updated.setdefault(ch.entity, {}).setdefault(ch.entity_id, []).append(ch)
    history: list[dict[str, Any]] = []
    for entity, per_record in updated.items():
        model = ENTITY_MODELS[entity]
        ids = list(per_record)
        for part in chunked(ids):
            records = {r.id: r for r in session.exec(select(model).where(col(model.id).in_(part)))}
            relations = store.current(session, entity, part)
            vocab = store.Vocab(session)
            rows: list[dict[str, Any]] = []
            for ident in part:
                rec = records.get(ident)
                if rec is None:
                    continue
                merged = rec.model_dump()
                rels = dict(relations[ident])
                values: dict[str, Any] = {"id": ident, "version": rec.version + 1, "updated_at": now}
                if rec.import_batch_id == batch_id:
                    values["import_batch_id"] = None
                for ch in per_record[ident]:
                    is_rel = ch.field in store.RELATIONS.get(entity, ())
                    now_value = rels[ch.field] if is_rel else merged.get(ch.field)
                    same = (
                        sorted(map(str, now_value or [])) == sorted(map(str, ch.new or []))
                        if is_rel
                        else jsonable(now_value) == ch.new
                    )
                    if not same:
                        result.conflicts.append(
                            f"{entity} #{ident}.{ch.field}: đã sửa sau khi nhập, giữ nguyên / "
                            "changed after the import, kept"
                        )
                        continue
                    if is_rel:
                        store.set_relation(session, entity, ch.field, ident, list(ch.old or []), vocab)
                        rels[ch.field] = list(ch.old or [])
                    else:
                        values[ch.field] = merged[ch.field] = _from_json(model, ch.field, ch.old)
                    result.restored_fields += 1
                    history.append(
                        {
                            "entity": entity,
                            "entity_id": ident,
                            "op": "update",
                            "field": ch.field,
                            "old": ch.new,
                            "new": ch.old,
                            "at": now,
                            "actor": actor,
                            "batch_id": batch_id,
                            "group_id": f"undo-{batch_id}",
                        }
                    )
                if entity in MODELS:
                    values.update(derived(entity, merged, rels))
                rows.append(values)
            if rows:
                session.execute(update(model), rows)
    kept = _used_since(session, batch_id, created)
    for entity in ("action", "meeting", "contact", "organisation", "staff"):
        ids = [i for i in created.get(entity, []) if i not in kept.get(entity, {})]
        for ident, why in sorted(kept.get(entity, {}).items()):
            result.conflicts.append(f"{entity} #{ident}: {why}; giữ lại / kept")
        model = ENTITY_MODELS[entity]
        for part in chunked(ids):
            # Soft delete, like every other removal: ids are never reused, so history and
            # undo can never attach to a different record, and links stay restorable.
            session.execute(
                update(model)
                .where(col(model.id).in_(part), col(model.deleted_at).is_(None))
                .values(deleted_at=now, updated_at=now, version=model.version + 1)
            )
            history += [
                {
                    "entity": entity,
                    "entity_id": i,
                    "op": "delete",
                    "field": "",
                    "old": None,
                    "new": None,
                    "at": now,
                    "actor": actor,
                    "batch_id": batch_id,
                    "group_id": f"undo-{batch_id}",
                }
                for i in part
            ]
        if ids:
            result.deleted[entity] = len(ids)
    if history:
        from sqlalchemy import insert

        for batch_rows in chunked(history, 2000):
            session.execute(insert(m.Change), list(batch_rows))
    batch.undone_at = now
    session.add(batch)
    session.flush()
    return result


def _used_since(session: Session, batch_id: int, created: dict[str, list[int]]) -> dict[str, dict[int, str]]:
    """Records the batch created that someone has used or edited since: undoing the import
    must not take that work with them, so they are kept (and reported)."""
    kept: dict[str, dict[int, str]] = {}
    own = {e: set(ids) for e, ids in created.items()}
    for entity, ids in created.items():
        model = ENTITY_MODELS[entity]
        for part in chunked(ids):
            edited = session.exec(
                select(m.Change.entity_id)
                .where(
                    m.Change.entity == entity,
                    col(m.Change.entity_id).in_(part),
                    or_(col(m.Change.batch_id).is_(None), col(m.Change.batch_id) != batch_id),
                )
                .distinct()
            ).all()
            for i in edited:
                if i is not None:
                    kept.setdefault(entity, {})[int(i)] = "edited after the import"
            for i in session.exec(select(model.id).where(col(model.id).in_(part), model.version > 1)).all():
                if i is not None:
                    kept.setdefault(entity, {}).setdefault(int(i), "edited after the import")
    # Used by records the import did not create: a meeting attended, an action owed, a person
    # placed in an imported organisation.
    uses = [
        ("contact", m.MeetingAttendee.contact_id, m.MeetingAttendee.meeting_id, "meeting"),
        ("contact", m.Action.responsible_contact_id, m.Action.id, "action"),
        ("organisation", m.MeetingOrganisation.organisation_id, m.MeetingOrganisation.meeting_id, "meeting"),
        ("organisation", m.Action.organisation_id, m.Action.id, "action"),
        ("organisation", m.Contact.organisation_id, m.Contact.id, "contact"),
        ("organisation", m.Organisation.parent_id, m.Organisation.id, "organisation"),
    ]
    for entity, ref, user, user_entity in uses:
        for part in chunked(created.get(entity, [])):
            rows = session.exec(select(ref, user).where(col(ref).in_(part))).all()
            for target, by in rows:
                if target is not None and by is not None and int(by) not in own.get(user_entity, set()):
                    kept.setdefault(entity, {}).setdefault(int(target), f"used by {user_entity} #{by}")
    return kept
