"""The error report: the rows that were not imported, as they were, with the reason beside them.

The sheet keeps the original header row and cells (read again from the file, so nothing in
memory grows with the size of the import), adds an "Error" ("Lỗi") column and the sheet row
number, so that the person can fix the rows and import the report itself again: its header
row is the original one, so the same mapping applies. The rows left out because Excel hides
them (when asked to leave them out) are there too, with that reason; the rows imported though
hidden are on the Warnings sheet. The rows that update a record are on the Updated sheet, each
with what it changes (``ketnoi import`` lists the first 20 and points here for the rest).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.exporting.cells import text_cell
from app.importing.errors import ImportFileError
from app.importing.messages import Message, msg, text
from app.importing.preview import (
    Preview,
    blank_columns,
    empty_columns,
    file_sha256,
    hidden_mapped_columns,
    legacy_note,
)
from app.importing.reader import iter_rows
from app.importing.sheet import columns_not_kept

HEADERS = {
    "en": ("Error", "Source row", "Warnings", ("Sheet", "Row", "Column", "Warning")),
    "vi": ("Lỗi", "Dòng gốc", "Cảnh báo", ("Trang", "Dòng", "Cột", "Cảnh báo")),
}
UPDATED = {"en": ("Updated", ("Sheet", "Row", "Changes")), "vi": ("Cập nhật", ("Trang", "Dòng", "Thay đổi"))}
ERROR_HEADER = HEADERS["en"][0]


def write_error_report(
    previews: Preview | list[Preview],
    path: Path,
    *,
    statuses: tuple[str, ...] = ("error", "duplicate"),
    lang: str = "en",
) -> int:
    """Write the rejected rows of one or more previews (a sheet each) to ``path``, worded in
    ``lang``, and a last sheet listing what each sheet says of itself (:func:`sheet_notes`) and
    every warning (sheet, row, column) of the rows imported with a value kept as typed; returns
    how many rows were rejected."""
    from app.exporting.workbook import save_workbook
    from app.written import check_folder

    check_folder(path)  # not made, nor written into a read-only one: said before the rows are read
    items = previews if isinstance(previews, list) else [previews]
    wb = Workbook(write_only=True)
    written = 0
    used: set[str] = set()
    for preview in items:
        written += _write_sheet(wb, preview, statuses, used, lang)
    _write_warnings(wb, items, used, lang)
    _write_updated(wb, items, used, lang)
    save_workbook(wb, path)
    return written


def sheet_notes(preview: Preview) -> list[Message]:
    """What the import says once of a sheet, as ``ketnoi import`` and the wizard's preview say
    it: a staff sheet's columns not imported, mapped columns with no value or hidden in Excel,
    a column's dates read month first (or written both ways), the columns read from a legacy
    encoding (reviewer: the report's Warnings sheet had the rows' warnings only, and none of
    these)."""
    said = [
        columns_not_kept(preview.layout),
        empty_columns(preview),
        blank_columns(preview),
        hidden_mapped_columns(preview),
        *preview.sheet_warnings,
        legacy_note(preview),
    ]
    return [m for m in said if m is not None]


def _write_warnings(wb: Workbook, previews: list[Preview], used: set[str], lang: str) -> None:
    notes = [(p.layout.sheet, m) for p in previews for m in sheet_notes(p)]
    warnings = [w for p in previews for r in p.rows for w in r.said_warnings]
    if not warnings and not notes:
        return
    title, columns = HEADERS[lang][2], HEADERS[lang][3]
    while title in used:
        title += "_"
    used.add(title)
    ws = wb.create_sheet(title)
    ws.append([text_cell(ws, c) for c in columns])
    for sheet, note in notes:  # of the whole sheet: no row, and the columns are in the words
        ws.append([text_cell(ws, sheet), None, None, text_cell(ws, text(note, lang, column=False))])
    for w in warnings:
        ws.append(
            [
                text_cell(ws, w.sheet),
                w.row,
                text_cell(ws, w.column),
                text_cell(ws, text(w, lang, column=False)),
            ]
        )


def _write_updated(wb: Workbook, previews: list[Preview], used: set[str], lang: str) -> None:
    """The rows that update a record, each with its changes (field: old → new) as the CLI and
    the window's preview say them."""
    from app.importing.cli_rows import updated_lines

    rows = [
        (p.layout.sheet, r.row, said) for p in previews for r in p.rows if (said := updated_lines(r, lang))
    ]
    if not rows:
        return
    title, columns = UPDATED[lang]
    while title in used:
        title += "_"
    used.add(title)
    ws = wb.create_sheet(title)
    ws.append([text_cell(ws, c) for c in columns])
    for sheet, row, said in rows:
        ws.append([text_cell(ws, sheet), row, text_cell(ws, said)])


def _write_sheet(wb: Workbook, preview: Preview, statuses: tuple[str, ...], used: set[str], lang: str) -> int:
    if file_sha256(preview.path) != preview.sha256:
        raise ImportFileError(msg("changed_since_preview", file=preview.path.name))
    left_out = frozenset(preview.hidden if preview.skip_hidden else ())
    # and the rows left out because Excel hides them: the report can bring them in later
    rejected = {r.row: r for r in preview.rows if r.status in statuses or r.row in left_out}
    # Excel (and openpyxl) refuse []:*?/\ in a sheet's title, but a workbook written by another
    # program may hold them: the report's sheet takes the name with those replaced by "_".
    title = re.sub(r"[\[\]:*?/\\]", "_", preview.layout.sheet or "").strip("'")[:28] or "Errors"
    while title in used:
        title = title[:26] + f"~{len(used)}"
    used.add(title)
    ws = wb.create_sheet(title)
    width = len(preview.layout.headers)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="C0392B")
    header: list[WriteOnlyCell] = []
    for title_text in [*preview.layout.headers, HEADERS[lang][0], HEADERS[lang][1]]:
        cell = text_cell(ws, title_text)
        cell.font, cell.fill = bold, fill
        header.append(cell)
    ws.freeze_panes = "A2"
    ws.column_dimensions[get_column_letter(width + 1)].width = 60
    ws.append(header)
    written = 0
    for number, values in iter_rows(preview.path, preview.layout.sheet):
        result = rejected.get(number)
        if result is None:
            continue
        cells: list[Any] = [text_cell(ws, v) for v in values[:width]]
        cells += [None] * (width - len(cells))
        reason = text_cell(ws, result.message_text(lang))
        reason.alignment = Alignment(wrap_text=True, vertical="top")
        reason.font = Font(color="C0392B")
        ws.append([*cells, reason, number])
        written += 1
    return written
