"""Sheets and columns Excel hides are not imported without a word. An import of every sheet
leaves out a hidden sheet (often old data) and says so, with how to import it; a very hidden
one (the workbook's machinery) is left out and said too. A mapped column Excel hides is
imported like the others and said, by header and letter. Real workbooks written with
openpyxl, through ``ketnoi import`` and preview_import."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.cli import main
from app.importing import hidden_mapped_columns
from app.importing import reader as rd
from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import preview

HEADER = ["Họ và tên", "Email", "Đơn vị", "Chức vụ", "Ghi chú"]


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(HEADER)
    ws.append(["Nguyễn Văn An", "an@vcn.vn", "VCN", "Trưởng phòng", "Gặp ở Hòa Lạc"])
    ws.append(["Trần Thị Bình", "binh@vcn.vn", "VCN", "Chuyên viên", ""])
    ws.column_dimensions["D"].hidden = True  # "Chức vụ": an old column, hidden
    ws.column_dimensions.group("G", "Z", hidden=True)  # the unused columns to the right
    old = wb.create_sheet("Danh bạ cũ")  # last year's list, hidden
    old.append(["Họ và tên", "Email"])
    old.append(["Lê Văn Cũ", "cu@vcn.vn"])
    old.sheet_state = "hidden"
    lists = wb.create_sheet("Lists")  # the drop-downs' values
    lists.append(["Họ và tên", "Email"])
    lists.append(["Phạm Máy", "may@vcn.vn"])
    lists.sheet_state = "veryHidden"
    wb.save(path)
    return path


@pytest.fixture(autouse=True)
def _fresh() -> None:
    rd.forget_parsed()


def _names(engine: Engine) -> list[str]:
    with read_session(engine) as s:
        return sorted(s.exec(select(m.Contact.full_name)).all())


def test_hidden_sheets_are_left_out_and_said(engine: Engine, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "danh-ba.xlsx")
    with zipfile.ZipFile(path) as zf:  # as Excel writes them
        book = zf.read("xl/workbook.xml").decode()
    assert 'state="hidden"' in book and 'state="veryHidden"' in book
    assert rd.sheet_states(path) == {"Danh bạ cũ": "hidden", "Lists": "veryHidden"}
    engine.dispose()
    assert main(["import", str(path), "--db", str(db_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert (
        'Skipped: sheet "Danh bạ cũ" is hidden in Excel (a hidden sheet often holds old data); '
        'to import it: --sheet "Danh bạ cũ"'
    ) in out
    assert 'Skipped: sheet "Lists" is very hidden in Excel' in out
    assert 'Sheet "Danh bạ cũ"' not in out and 'Sheet "Lists"' not in out
    assert _names(engine) == ["Nguyễn Văn An", "Trần Thị Bình"]
    # named, it is imported
    assert main(["import", str(path), "--db", str(db_path), "--lang", "vi", "--sheet", "Danh bạ cũ"]) == 0
    assert 'Trang "Danh bạ cũ" (liên hệ, tiêu đề ở dòng 1): mới 1' in capsys.readouterr().out
    assert _names(engine) == ["Lê Văn Cũ", "Nguyễn Văn An", "Trần Thị Bình"]


def test_the_vietnamese_cli_says_the_hidden_sheets(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "danh-ba.xlsx")
    assert main(["import", str(path), "--db", str(db_path), "--lang", "vi", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        'Bỏ qua: trang "Danh bạ cũ" bị ẩn trong Excel (trang ẩn thường chứa dữ liệu cũ); '
        'để nhập trang này: --sheet "Danh bạ cũ"'
    ) in out
    assert 'Bỏ qua: trang "Lists" bị ẩn sâu trong Excel' in out


def test_a_mapped_hidden_column_is_imported_and_said(
    engine: Engine, db_path: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "danh-ba.xlsx")
    assert rd.hidden_columns(path, "Danh bạ") == frozenset({3, *range(6, 26)})  # D; G to Z
    pv = preview(engine, path, "Danh bạ")
    assert pv.layout.mapping[3] == "position"
    said = hidden_mapped_columns(pv)
    assert said is not None and said.level == "warning"
    # the unused columns hidden to the right are mapped to nothing: not said
    assert text(said, "en", where=True) == (
        'sheet "Danh bạ": hidden in Excel, yet imported like the other columns: Chức vụ (D); if a '
        "hidden column holds old values, choose “not imported” for it in the mapping, or delete it "
        "from the file"
    )
    assert text(said, "vi") == (
        "bị ẩn trong Excel nhưng vẫn được nhập như các cột khác: Chức vụ (D); nếu cột bị ẩn chứa "
        "dữ liệu cũ, hãy chọn “không nhập” cho cột đó khi ghép cột, hoặc xoá cột khỏi tệp"
    )
    # not mapped: nothing to say
    pv.layout.mapping = {c: f for c, f in pv.layout.mapping.items() if c != 3}
    assert hidden_mapped_columns(pv) is None
    engine.dispose()
    assert main(["import", str(path), "--db", str(db_path), "--lang", "en", "--sheet", "Danh bạ"]) == 0
    out = capsys.readouterr().out
    assert "  warning: hidden in Excel, yet imported like the other columns: Chức vụ (D);" in out
    with read_session(engine) as s:
        assert sorted(s.exec(select(m.Contact.position)).all()) == ["Chuyên viên", "Trưởng phòng"]


def test_a_sheet_hiding_nothing_and_a_csv_say_nothing(engine: Engine, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Danh bạ"
    wb.active.append(HEADER)
    wb.active.append(["Nguyễn Văn An", "an@vcn.vn", "VCN", "Trưởng phòng", ""])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    assert rd.sheet_states(plain) == {} and rd.hidden_columns(plain, "Danh bạ") == frozenset()
    assert hidden_mapped_columns(preview(engine, plain, "Danh bạ")) is None
    csv = tmp_path / "danh-ba.csv"
    csv.write_text("Họ và tên,Email,Chức vụ\nNguyễn Văn An,an@vcn.vn,Trưởng phòng\n", encoding="utf-8")
    assert rd.sheet_states(csv) == {} and rd.hidden_columns(csv, "danh-ba") == frozenset()
    assert hidden_mapped_columns(preview(engine, csv)) is None


def _xls(path: Path) -> Path:
    """Excel 97-2003: a sheet's hidden state is in its BOUNDSHEET record (xlwt writes it)."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for name, person, visibility in (
        ("Danh bạ", ["Nguyễn Văn An", "an@vcn.vn"], 0),
        ("Danh bạ cũ", ["Lê Văn Cũ", "cu@vcn.vn"], 1),
        ("Lists", ["Trần Văn Máy", "may@vcn.vn"], 2),
    ):
        ws = wb.add_sheet(name)
        for c, value in enumerate(["Họ và tên", "Email"]):
            ws.write(0, c, value)
        for c, value in enumerate(person):
            ws.write(1, c, value)
        ws.visibility = visibility
    wb.save(str(path))
    return path


def _ods(path: Path) -> Path:
    """LibreOffice (Sheet → Hide Sheet): the table's style says table:display="false"."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    shown, hidden = Style(name="ta1", family="table"), Style(name="ta2", family="table")
    shown.addElement(TableProperties(display="true"))
    hidden.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(shown)
    doc.automaticstyles.addElement(hidden)
    for name, person, style in (
        ("Danh bạ", ["Nguyễn Văn An", "an@vcn.vn"], shown),
        ("Danh bạ cũ", ["Lê Văn Cũ", "cu@vcn.vn"], hidden),
    ):
        table = Table(name=name, stylename=style)
        for values in (["Họ và tên", "Email"], person):
            row = TableRow()
            for value in values:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                row.addElement(cell)
            table.addElement(row)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_hidden_sheets_of_xls_and_ods_are_left_out_and_said(
    engine: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """Reviewer: hidden sheets were found in .xlsx only; an .xls or .ods workbook's hidden
    sheet (old data) was imported with the others, without a word."""
    path = (_xls if suffix == ".xls" else _ods)(tmp_path / f"danh-ba{suffix}")
    expected = {"Danh bạ cũ": "hidden"} | ({"Lists": "veryHidden"} if suffix == ".xls" else {})
    assert rd.sheet_states(path) == expected
    engine.dispose()
    assert main(["import", str(path), "--db", str(db_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert 'Skipped: sheet "Danh bạ cũ" is hidden in Excel (a hidden sheet often holds old data)' in out
    assert ('Skipped: sheet "Lists" is very hidden in Excel' in out) == (suffix == ".xls")
    assert 'Sheet "Danh bạ cũ"' not in out
    assert _names(engine) == ["Nguyễn Văn An"]
    # named, it is imported
    rd.forget_parsed()
    assert main(["import", str(path), "--db", str(db_path), "--lang", "vi", "--sheet", "Danh bạ cũ"]) == 0
    assert _names(engine) == ["Lê Văn Cũ", "Nguyễn Văn An"]
