"""A workbook of many empty sheets (reviewer h23: 3000 took over 90 s, each one inspected and read,
and as many "the sheet is empty" lines): the empty sheets are found from their XML without a
parse and said once."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl

from app.importing import reader
from app.importing.errors import ImportFileError
from app.importing.messages import text
from app.importing.sheet import SheetLayout, inspect_workbook


def _workbook(path: Path, empty: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(["Full name", "Email"])
    ws.append(["Trần Văn An", "an@x.vn"])
    for i in range(empty):
        wb.create_sheet(f"S{i}")
    wb.save(path)
    return path


def test_many_empty_sheets_are_said_once_and_not_read(tmp_path: Path) -> None:
    reader.forget_parsed()
    path = _workbook(tmp_path / "sheets.xlsx", 400)
    started = time.perf_counter()
    found = inspect_workbook(path)
    took = time.perf_counter() - started
    layouts = [f for f in found if isinstance(f, SheetLayout)]
    said = [f for f in found if isinstance(f, ImportFileError)]
    assert [x.sheet for x in layouts] == ["Contacts"]
    assert len(said) == 1 and said[0].message is not None
    assert text(said[0].message, "en") == "sheets.xlsx: 400 sheets are empty (S0, S1, S2, … S399)"
    assert text(said[0].message, "vi") == "sheets.xlsx: 400 trang tính trống (S0, S1, S2, … S399)"
    assert took < 5  # (was 30 s for 300 sheets: each inspected and read)


def test_a_few_empty_sheets_are_each_said_in_their_place(tmp_path: Path) -> None:
    reader.forget_parsed()
    path = _workbook(tmp_path / "few.xlsx", 2)
    found = inspect_workbook(path)
    assert isinstance(found[0], SheetLayout)
    assert [
        f.message.params["sheet_name"] for f in found[1:] if isinstance(f, ImportFileError) and f.message
    ] == [
        "S0",
        "S1",
    ]
    assert all(
        f.message.code == "sheet_empty" for f in found[1:] if isinstance(f, ImportFileError) and f.message
    )
