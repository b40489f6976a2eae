"""The preview's progress is truthful for a workbook that does not say its size.

openpyxl's write-only mode (and many exporters) writes no ``<dimension>`` element: the bar read
"22,000 / 22,000", then "42,000 / 42,000" — always full — on a 100k-row sheet.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook

from app.importing import inspect_sheet
from app.importing.preview import CHUNK_ROWS, read_rows
from app.importing.reader import estimate_rows, forget_parsed, iter_rows


def write_only_workbook(path: Path, rows: int) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh bạ")
    ws.append(["DANH SÁCH ĐẠI BIỂU"])
    ws.append(["Họ và tên", "Email", "Điện thoại"])
    for i in range(rows):
        ws.append([f"Nguyễn Văn {i}", f"p{i}@x.vn", f"09{i:08d}"])
    wb.save(path)
    return path


def test_the_bar_knows_the_rows_of_a_sheet_without_dimension(tmp_path: Path) -> None:
    n = 3 * CHUNK_ROWS + 500
    path = write_only_workbook(tmp_path / "w.xlsx", n)
    with zipfile.ZipFile(path) as zf:
        assert b"<dimension" not in zf.read("xl/worksheets/sheet1.xml")  # what is tested
    layout = inspect_sheet(path)
    assert layout.header_row == 2
    forget_parsed()  # as after the wizard's first page: nothing parsed is kept
    assert estimate_rows(path, "Danh bạ") is None

    seen: list[tuple[int, int]] = []
    rows, read = read_rows(path, layout, parallel=False, progress=lambda d, t: seen.append((d, t)))
    assert read == len(rows) == n
    assert seen[0] == (CHUNK_ROWS, n)  # not (2000, 2000): the whole sheet from the first chunk
    assert all(total == n for _, total in seen)
    assert seen[-1] == (n, n)


def test_estimate_once_the_reader_has_parsed_the_sheet(tmp_path: Path) -> None:
    path = write_only_workbook(tmp_path / "w.xlsx", 10)
    forget_parsed()
    assert estimate_rows(path, "Danh bạ") is None
    rows = iter_rows(path, "Danh bạ")
    assert next(rows)[0] == 1
    assert estimate_rows(path, "Danh bạ") == 12
    forget_parsed()
    assert estimate_rows(path, "Danh bạ") is None
    path.write_bytes(path.read_bytes())  # the file written again: another file, not yet read
    list(iter_rows(path, "Danh bạ"))
    assert estimate_rows(path, "Danh bạ") == 12
