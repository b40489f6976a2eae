"""Undoing an import batch: exactly what it did, from its Change rows.

Records the batch created are deleted (their emails, phones and links go with them); fields
it updated get their old values back, unless someone has changed that field since the import
(then the newer value is kept and reported as a conflict rather than silently lost). The
batch is marked undone, so it cannot be undone twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, DateTime, delete, update
from sqlmodel import Session, col, select

from app.errors import NotFoundError, UserError
from app.importing import store
from app.importing.commit import derived, jsonable
from app.importing.matching import MODELS
from db import models as m

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
        for part in store.chunks(ids):
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
    for entity in ("action", "meeting", "contact", "organisation", "staff"):
        ids = created.get(entity, [])
        model = ENTITY_MODELS[entity]
        for part in store.chunks(ids):
            session.execute(delete(model).where(col(model.id).in_(part)))
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

        for part in store.chunks(history, 2000):
            session.execute(insert(m.Change), list(part))
    batch.undone_at = now
    session.add(batch)
    session.flush()
    return result
