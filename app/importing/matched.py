"""The names an earlier organisations sheet of the same workbook matched to saved records.

A workbook's organisations sheet writes "Tập đoàn FPT | FPT" and matches it to the saved
"Công ty Cổ phần FPT" by its acronym, leaving the record's name as it is; its contacts sheet then
cites "Tập đoàn FPT" (or "Tap doan FPT"). That name is the record the organisations sheet
matched, not a new organisation (reviewer h117: the contacts sheet "creates 2 organisations" the
organisations sheet had just matched, and put the people there). The README's promise: an
organisation written as its acronym, its full name … in one file becomes one organisation.

Only records of the database (positive ids): a new organisation the earlier sheet creates is
known to the later sheets by its own name already (:func:`app.importing.matching._seed`, and at
the commit the record written). The preview and the commit both read the same earlier sheets
(``Preview.earlier_sheets``), so the two link the rows alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.importing.resolve import OrgIndex

if TYPE_CHECKING:
    from app.importing.preview import Preview


def tie_matched_names(orgs: OrgIndex, earlier: Sequence[Preview]) -> None:
    """Every name, acronym and alias an earlier organisations sheet's row gives a record it
    matched (updated, left as it is, skipped, or a duplicate of a row that matched one) names
    that record in ``orgs`` too; a name a record has itself keeps naming that record."""
    for preview in earlier:
        if preview.kind != "organisation":
            continue
        by_row: dict[int, int] = {}
        for row in preview.rows:
            c = row.columns
            if c is None or row.status == "error":
                continue
            target = row.match_id
            if target is None and row.duplicate_of is not None:
                target = by_row.get(row.duplicate_of)
            if target is None or target <= 0:
                continue
            by_row[row.row] = target
            orgs.also_named(
                target, str(c.get("name") or ""), str(c.get("acronym") or ""), list(c.get("aliases") or [])
            )
