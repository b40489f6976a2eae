"""The error report: the rows that were not imported, as they were, with the reason beside them.

The sheet keeps the original header row and cells (read again from the file, so nothing in
memory grows with the size of the import), adds a "Lỗi / Error" column and the sheet row
number, so that the person can fix the rows and import the report itself again: its header
row is the original one, so the same mapping applies.
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
from app.importing.preview import Preview, file_sha256
from app.importing.reader import iter_rows

ERROR_HEADER = "Lỗi / Error"
ROW_HEADER = "Dòng gốc / Source row"


def write_error_report(
    previews: Preview | list[Preview], path: Path, *, statuses: tuple[str, ...] = ("error", "duplicate")
) -> int:
    """Write the rejected rows of one or more previews (a sheet each) to ``path``; returns how many."""
    items = previews if isinstance(previews, list) else [previews]
    wb = Workbook(write_only=True)
    written = 0
    used: set[str] = set()
    for preview in items:
        written += _write_sheet(wb, preview, statuses, used)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return written


def _write_sheet(wb: Workbook, preview: Preview, statuses: tuple[str, ...], used: set[str]) -> int:
    if file_sha256(preview.path) != preview.sha256:
        raise ImportFileError(
            f"{preview.path.name} đã thay đổi sau khi xem trước / changed since the preview"
        )
    rejected = {r.row: r for r in preview.rows if r.status in statuses}
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
    for text in [*preview.layout.headers, ERROR_HEADER, ROW_HEADER]:
        cell = text_cell(ws, text)
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
        reason = text_cell(ws, result.message)
        reason.alignment = Alignment(wrap_text=True, vertical="top")
        reason.font = Font(color="C0392B")
        ws.append([*cells, reason, number])
        written += 1
    return written
