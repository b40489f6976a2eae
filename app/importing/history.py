"""Past imports, newest first, with their counts: File → Import history… and
``ketnoi import-history``. Undoing one is :func:`app.importing.undo.undo_import`."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlmodel import Session, col, select

from app.undo import import_hidden
from db import models as m


@dataclass(frozen=True, slots=True)
class ImportEntry:
    id: int
    created_at: dt.datetime
    created_by: str
    file_name: str
    sheets: str
    kinds: tuple[str, ...]
    new: int
    updated: int
    rejected: int
    skipped: int
    organisations_created: int
    staff_created: int
    undone_at: dt.datetime | None
    # Records it created, by kind ({"contact": 59, "organisation": 12}): what its undo removes.
    created: dict[str, int] = field(default_factory=dict)
    # What its undo would remove now, by kind (asked for one import, before undoing it): fewer
    # than ``created`` when some were edited or used since, or deleted already. None: not asked.
    removes: dict[str, int] | None = None
    keeps: dict[str, int] = field(default_factory=dict)  # and those it would keep (with ``removes``)
    leaves: dict[str, int] = field(default_factory=dict)  # merged away or deleted since: left so
    returns: dict[str, int] = field(default_factory=dict)  # brought back from the trash: put back there
    # It touches a record the signed-in person may not see (a team database): not undoable by
    # them, its undo refused whole (app.importing.undo.refuse_hidden); False once undone.
    hidden: bool = False

    @property
    def undone(self) -> bool:
        return self.undone_at is not None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _n(counts: dict[str, Any], key: str) -> int:
    value = counts.get(key, 0)
    return int(value) if isinstance(value, (int, float)) else 0


def created_by_kind(counts: dict[str, Any], kind: str = "") -> dict[str, int]:
    """The records an import created, by kind, from its batch's counts: each sheet's new rows
    (of the sheet's kind) and the organisations and staff members created alongside; a batch
    written before sheets were counted apart gives its totals under its first ``kind``."""
    out: dict[str, int] = {}

    def add(kind: str, n: int) -> None:
        if kind and n > 0:
            out[kind] = out.get(kind, 0) + n

    sheets = counts.get("sheets")
    if isinstance(sheets, list) and sheets:
        for sheet in sheets:
            if not isinstance(sheet, dict):
                continue
            found = sheet.get("counts")
            c: dict[str, Any] = found if isinstance(found, dict) else {}
            add(str(sheet.get("kind") or ""), _n(c, "new"))
            add("organisation", _n(c, "organisations_created"))
            add("staff", _n(c, "staff_created"))
        return out
    add(kind.partition(",")[0], _n(counts, "new"))
    add("organisation", _n(counts, "organisations_created"))
    add("staff", _n(counts, "staff_created"))
    return out


def import_history(
    session: Session, *, limit: int = 1000, batch_id: int | None = None, plan: bool = False
) -> list[ImportEntry]:
    """The last ``limit`` imports, newest first (bounded: one row per import); with
    ``batch_id``, that import only, and with ``plan`` what its undo would remove now
    (:attr:`ImportEntry.removes`: a read as long as the import, for its confirmation)."""
    stmt = select(m.ImportBatch).order_by(col(m.ImportBatch.id).desc()).limit(limit)
    if batch_id is not None:
        stmt = stmt.where(m.ImportBatch.id == batch_id)
    out = []
    for b in session.exec(stmt):
        assert b.id is not None
        c = dict(b.counts or {})
        out.append(
            ImportEntry(
                id=b.id,
                created_at=b.created_at,
                created_by=b.created_by,
                file_name=b.file_name,
                sheets=b.sheet,
                kinds=tuple(k for k in (b.kind or "").split(",") if k),
                new=_n(c, "new"),
                updated=_n(c, "update"),
                rejected=_n(c, "error") + _n(c, "duplicate"),
                skipped=_n(c, "skip"),
                organisations_created=_n(c, "organisations_created"),
                staff_created=_n(c, "staff_created"),
                undone_at=b.undone_at,
                created=created_by_kind(c, b.kind or ""),
            )
        )
    hidden = import_hidden(session, [e.id for e in out if not e.undone])
    if hidden:
        out = [replace(e, hidden=True) if e.id in hidden else e for e in out]
    if plan and batch_id is not None and out and not out[0].undone and not out[0].hidden:
        from app.importing.undo import undo_plan  # (the undo loads the import's machinery)

        found = undo_plan(session, batch_id)
        out[0] = replace(
            out[0], removes=found.deleted, keeps=found.kept, leaves=found.gone, returns=found.returned
        )
    return out
