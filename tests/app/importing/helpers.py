"""Writing real workbooks for the tests and running the import pipeline over them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import func, select

from app.importing import CommitResult, Preview, inspect_sheet, preview_import, run_import, suggest_mapping
from db import models as m
from db.engine import read_session

# A copy of ../shared/data/field-contacts.xlsx (a workbook as teams bring them), kept with the
# tests so that they run from any checkout.
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "field-contacts.xlsx"


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def preview(
    engine: Engine,
    path: Path,
    sheet: str | None = None,
    *,
    kind: str | None = None,
    on_match: str = "fill",
    mapping: dict[int, str] | None = None,
    skip_hidden: bool = False,
) -> Preview:
    with read_session(engine) as session:
        layout = inspect_sheet(path, sheet, session=session)
        if kind and layout.kind != kind:
            layout.kind, layout.mapping = kind, suggest_mapping(kind, layout.headers)
        if mapping is not None:
            layout.mapping = mapping
        return preview_import(
            path, layout, session=session, on_match=on_match, parallel=False, skip_hidden=skip_hidden
        )


def do_import(
    engine: Engine, path: Path, sheet: str | None = None, *, kind: str | None = None, on_match: str = "fill"
) -> tuple[Preview, CommitResult]:
    pv = preview(engine, path, sheet, kind=kind, on_match=on_match)
    return pv, run_import(engine, pv)


def count(engine: Engine, model: type[Any]) -> int:
    """Live rows: deleted records (undo of an import deletes softly) and their methods don't count."""
    query = select(func.count()).select_from(model)
    if hasattr(model, "deleted_at"):
        query = query.where(model.deleted_at.is_(None))
    if model is m.ContactMethod:
        live = select(m.Contact.id).where(m.Contact.deleted_at.is_(None))  # type: ignore[union-attr]
        query = query.where(m.ContactMethod.contact_id.in_(live))  # type: ignore[attr-defined]
    with read_session(engine) as session:
        return int(session.exec(query).one())


def counts(engine: Engine) -> dict[str, int]:
    return {
        model.__name__: count(engine, model)
        for model in (m.Organisation, m.Contact, m.ContactMethod, m.Meeting, m.Action, m.Staff, m.Change,
                      m.ImportBatch, m.Setting, m.OrganisationSector, m.Tag, m.ContactTag)
    }  # fmt: skip


def by_status(pv: Preview) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for r in pv.rows:
        out.setdefault(r.status, []).append(r.row)
    return out
