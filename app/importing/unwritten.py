"""Organisations and staff members an import would create for rows it does not write.

Matching resolves every row's organisation and owner by name, registering a new one (a
placeholder) when none is known, before it knows whether the row will be written: a row that
changes nothing ("skipped (nothing new)"), a duplicate, or a row whose record keeps its own
organisation in "fill" mode would still have had its organisation created, with nobody in it
(reviewer h109: one row, Phan Thanh Sơn with his e-mail and "Công ty Genetica Việt Nam": "1
skipped (nothing new)", then "creates 1 organisation: Công ty Genetica Việt Nam", and #20
existed, empty). Once every row has its status, the placeholders no written row links to are
dropped: an organisation is created only when a row that is written links to it, or when it is
an organisations sheet's own new row (likewise a staff member and a staff sheet's row).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.importing.matching import MatchContext
    from app.importing.preview import Preview, RowResult

ORG_COLUMNS = ("organisation_id", "parent_id")
STAFF_COLUMNS = ("owner_id", "responsible_staff_id")


def _placeholders(values: Any) -> list[int]:
    if isinstance(values, int):
        return [values] if values < 0 else []
    if isinstance(values, list):
        return [v for v in values if isinstance(v, int) and v < 0]
    return []


def _written(row: RowResult, columns: tuple[str, ...], relation: str) -> list[int]:
    """The placeholders ``row`` writes in ``columns`` and its ``relation`` list: all of a new
    row's; of an update, only those its changes write."""
    out: list[int] = []
    if row.status == "new":
        c, rels = row.columns or {}, row.relations or {}
        for name in columns:
            out += _placeholders(c.get(name))
        out += _placeholders(rels.get(relation))
    elif row.status == "update" and row.changes:
        for name in (*columns, relation):
            if name in row.changes:
                out += _placeholders(row.changes[name][1])
    return out


def drop_unwritten(preview: Preview, ctx: MatchContext) -> None:
    """Forget the organisations and staff members this sheet would create that no written row
    links to (those of earlier sheets, listed there, are left to them)."""
    # Only the placeholders still in question are looked for, and the rows are read until each
    # has been seen written: at 100k rows naming a few hundred new organisations that is the
    # first few thousand rows, not all of them (0.3 s of a 100k import's matching).
    orgs = {k for k in ctx.orgs.pending if k not in ctx.earlier}
    staff = {k for k in ctx.staff.pending if k not in ctx.earlier_staff}
    own = preview.kind in ("organisation", "staff")
    for row in preview.rows:
        if not orgs and not staff:
            break
        if row.columns is None or row.status not in ("new", "update"):
            continue
        if orgs:
            orgs.difference_update(_written(row, ORG_COLUMNS, "organisation_ids"))
        if staff:
            staff.difference_update(_written(row, STAFF_COLUMNS, "staff_ids"))
        if own and row.status == "new" and row.new_id is not None:
            (orgs if preview.kind == "organisation" else staff).discard(row.new_id)
    ctx.orgs.drop([k for k in ctx.orgs.pending if k in orgs])
    ctx.staff.drop([k for k in ctx.staff.pending if k in staff])
