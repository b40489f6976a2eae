"""The names an earlier organisations sheet of the same workbook matched to saved records.

A workbook's organisations sheet writes "Tập đoàn FPT | FPT" and matches it to the saved
"Công ty Cổ phần FPT" by its acronym, leaving the record's name as it is; its contacts sheet then
cites "Tập đoàn FPT" (or "Tap doan FPT"). That name is the record the organisations sheet
matched, not a new organisation (reviewer h117: the contacts sheet "creates 2 organisations" the
organisations sheet had just matched, and put the people there). The README's promise: an
organisation written as its acronym, its full name … in one file becomes one organisation.

A new organisation the earlier sheet creates is known to the later sheets by its own name
already (:func:`app.importing.matching._seed`, and at the commit the record written); a row of
that sheet repeating it under another name ("Công ty ABC | ABC" under "Tập đoàn ABC | ABC")
names it too. The preview and the commit both read the same earlier sheets
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
    matched (updated, left as it is, skipped), or the record of the row it repeats (a
    duplicate), names that record in ``orgs`` too; a name a record has itself keeps naming
    that record. Called after the earlier sheets' new organisations are seeded."""
    for preview in earlier:
        if preview.kind != "organisation":
            continue
        by_row: dict[int, int] = {}
        names: dict[int, str] = {}  # each row's name, by row number
        for row in preview.rows:
            c = row.columns
            if c is None or row.status == "error":
                continue
            names[row.row] = str(c.get("name") or "")
            target = row.match_id if row.match_id is not None and row.match_id > 0 else None
            if target is None and row.duplicate_of is not None:
                # the record of the row it repeats: matched, or the new one that row writes, which
                # ``orgs`` knows by that row's name (seeded from the earlier sheet, or written)
                target = by_row.get(row.duplicate_of)
                if target is None and names.get(row.duplicate_of):
                    target = orgs.lookup(names[row.duplicate_of])
            if target is None:
                continue
            by_row[row.row] = target
            orgs.also_named(
                target, str(c.get("name") or ""), str(c.get("acronym") or ""), list(c.get("aliases") or [])
            )
