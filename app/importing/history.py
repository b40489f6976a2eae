"""Past imports, newest first, with their counts: File → Import history… and
``ketnoi import-history``. Undoing one is :func:`app.importing.undo.undo_import`."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlmodel import Session, col, select

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

    @property
    def undone(self) -> bool:
        return self.undone_at is not None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _n(counts: dict[str, Any], key: str) -> int:
    value = counts.get(key, 0)
    return int(value) if isinstance(value, (int, float)) else 0


def import_history(session: Session, *, limit: int = 1000) -> list[ImportEntry]:
    """The last ``limit`` imports, newest first (bounded: one row per import)."""
    stmt = select(m.ImportBatch).order_by(col(m.ImportBatch.id).desc()).limit(limit)
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
            )
        )
    return out
