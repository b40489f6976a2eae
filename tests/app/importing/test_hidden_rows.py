"""Rows Excel hides (by hand, filtered out by an autofilter, in a collapsed group; and those of
.ods and .xls sheets) are told in the preview: each with a note, their count and numbers; imported by default, left out when
asked (``skip_hidden``, ``ketnoi import --skip-hidden``). Real workbooks written with openpyxl,
read back through preview_import and the CLI."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.filters import FilterColumn, Filters

from app.cli import main
from app.importing import reader as rd
from app.importing.messages import text
from db import models as m
from tests.app.importing.helpers import count, preview, run_import

HEADER = ["Họ và tên", "Email", "Đơn vị"]
PEOPLE = [
    ["Nguyễn Văn An", "an@vcn.vn", "VCN"],
    ["Trần Thị Bình", "binh@vcn.vn", "VCN"],  # row 3: hidden (left the office)
    ["Lê Văn Cường", "cuong@fpt.vn", "FPT"],
    ["Phạm Thị Dung", "dung@fpt.vn", "FPT"],
    ["Hoàng Văn Em", "em@vcn.vn", "VCN"],  # row 6: hidden
    ["Vũ Thị Giang", "giang@nic.vn", "NIC"],
]


def _workbook(path: Path, hide: tuple[int, ...] = (3, 6), title_row: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    if title_row:
        ws.append(["DANH SÁCH ĐỐI TÁC"])
    ws.append(HEADER)
    for person in PEOPLE:
        ws.append(person)
    for n in hide:
        ws.row_dimensions[n].hidden = True
    wb.save(path)
    return path


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml").decode()


@pytest.fixture(autouse=True)
def _fresh() -> None:
    rd.forget_parsed()


def test_hidden_rows_are_imported_with_a_note_by_default(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "an.xlsx")
    assert '<row r="3" hidden="1">' in _xml(path)  # what Excel writes too
    pv = preview(engine, path)
    assert pv.hidden == (3, 6) and not pv.skip_hidden
    assert [r.status for r in pv.rows] == ["new"] * 6
    noted = {r.row: [w.code for w in r.said_warnings] for r in pv.rows if r.said_warnings}
    assert noted == {3: ["hidden_row_imported"], 6: ["hidden_row_imported"]}
    note = pv.rows[1].said_warnings[0]
    assert text(note, "en", where=True) == (
        'sheet "Danh bạ", row 3: hidden in Excel (a hidden or filtered-out row): imported like the others'
    )
    assert text(note, "vi") == "dòng bị ẩn trong Excel (ẩn hoặc bị lọc): vẫn được nhập như các dòng khác"
    assert run_import(engine, pv).counts["new"] == 6


def test_hidden_rows_left_out_when_asked_match_nothing_and_write_nothing(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Row 3 (hidden) and row 8 (visible) are the same person: left out, row 3 does not make
    row 8 its duplicate."""
    wb_path = tmp_path / "an.xlsx"
    _workbook(wb_path)
    wb = load_workbook(wb_path)
    wb.active.append(["Trần Thị Bình", "binh@vcn.vn", "VCN"])
    wb.save(wb_path)
    kept = preview(engine, wb_path)
    assert kept.rows[-1].status == "duplicate" and kept.rows[-1].duplicate_of == 3
    pv = preview(engine, wb_path, skip_hidden=True)
    assert pv.hidden == (3, 6) and pv.skip_hidden
    status = {r.row: r.status for r in pv.rows}
    assert status == {2: "new", 3: "skip", 4: "new", 5: "new", 6: "skip", 7: "new", 8: "new"}
    assert [m_.code for m_ in pv.rows[1].reasons] == ["hidden_row_left_out"]
    assert (
        text(pv.rows[1].reasons[0], "vi") == "dòng bị ẩn trong Excel (ẩn hoặc bị lọc): bỏ qua theo lựa chọn"
    )
    assert pv.rows[1].columns is None and not pv.rows[1].said_warnings
    result = run_import(engine, pv)
    assert (result.counts["new"], result.counts["skip"]) == (5, 2)
    assert count(engine, m.Contact) == 5


def test_rows_filtered_out_by_an_autofilter_are_hidden_rows(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An autofilter showing VCN only: Excel saves the filter and hides the other rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(HEADER)
    for person in PEOPLE:
        ws.append(person)
    ws.auto_filter.ref = f"A1:C{len(PEOPLE) + 1}"
    ws.auto_filter.filterColumn.append(FilterColumn(colId=2, filters=Filters(filter=["VCN"])))
    for n, person in enumerate(PEOPLE, start=2):
        ws.row_dimensions[n].hidden = person[2] != "VCN"
    path = tmp_path / "loc.xlsx"
    wb.save(path)
    assert "<autoFilter" in _xml(path)
    pv = preview(engine, path, skip_hidden=True)
    assert pv.hidden == (4, 5, 7)
    assert sorted(r.columns["full_name"] for r in pv.rows if r.status == "new") == [  # type: ignore[index]
        "Hoàng Văn Em", "Nguyễn Văn An", "Trần Thị Bình"
    ]  # fmt: skip


def test_a_collapsed_group_and_a_hidden_title_row(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Rows of a collapsed outline group are hidden too; a hidden row above the header is no
    data row and is not counted."""
    path = _workbook(tmp_path / "nhom.xlsx", hide=(1,), title_row=True)
    wb = load_workbook(path)
    wb.active.row_dimensions.group(5, 6, hidden=True)
    wb.save(path)
    pv = preview(engine, path)
    assert pv.layout.header_row == 2
    assert pv.hidden == (5, 6)


def test_the_streaming_reader_finds_them_too(engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A sheet too large for calamine is streamed by openpyxl; its hidden rows are found by a
    pass of their own over the XML."""
    monkeypatch.setattr(rd, "CALAMINE_MAX_XML_BYTES", 10)
    path = _workbook(tmp_path / "to.xlsx")
    pv = preview(engine, path)
    assert pv.hidden == (3, 6) and len(pv.rows) == 6


def test_csv_has_no_hidden_rows(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.csv"
    path.write_text("Họ và tên,Email\nNguyễn Văn An,an@vcn.vn\n", encoding="utf-8")
    assert rd.hidden_rows(path, "a") == frozenset()
    assert preview(engine, path).hidden == ()


def test_hidden_rows_of_an_ods_sheet(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """LibreOffice: table:visibility="collapsed" (hidden) and "filter" (filtered out), rows
    repeated in one tag counted; another sheet's hidden rows are its own."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name in ("Khác", "Danh bạ"):
        table = Table(name=name)
        for n, values in enumerate([HEADER, *PEOPLE], start=1):
            seen = "collapsed" if n == 3 else "filter" if n == 6 else "visible"
            row = TableRow(visibility=seen if name == "Danh bạ" else "collapsed" if n == 2 else "visible")
            for value in values:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                row.addElement(cell)
            table.addElement(row)
        if name == "Khác":
            table.addElement(TableRow(numberrowsrepeated=3, visibility="collapsed"))
        doc.spreadsheet.addElement(table)
    path = tmp_path / "an.ods"
    doc.save(str(path))
    assert rd.hidden_rows(path, "Khác") == frozenset({2, 8, 9, 10})
    pv = preview(engine, path, "Danh bạ")
    assert pv.hidden == (3, 6)
    assert [r.columns["full_name"] for r in pv.rows if r.said_warnings] == ["Trần Thị Bình", "Hoàng Văn Em"]  # type: ignore[index]


def test_hidden_rows_of_an_xls_sheet(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Excel 97-2003: the hidden flag of each sheet's ROW records."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for name in ("Khác", "Danh bạ"):
        ws = wb.add_sheet(name)
        for r, values in enumerate([HEADER, *PEOPLE]):
            for c, value in enumerate(values):
                ws.write(r, c, value)
        ws.row(2 if name == "Danh bạ" else 1).hidden = True
        if name == "Danh bạ":
            ws.row(5).hidden = True
    path = tmp_path / "an.xls"
    wb.save(str(path))
    assert rd.hidden_rows(path, "Khác") == frozenset({2})
    pv = preview(engine, path, "Danh bạ", skip_hidden=True)
    assert pv.hidden == (3, 6)
    assert [r.row for r in pv.rows if r.status == "skip"] == [3, 6]


def test_a_namespace_prefixed_sheet_and_a_true_flag(tmp_path: Path) -> None:
    """Writers other than Excel: <x:row … hidden="true">; a row tag without hidden, or a hidden
    column, is not a hidden row."""
    body = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<x:cols><x:col min="2" max="2" hidden="1"/></x:cols><x:sheetData>'
        b'<x:row r="1"><x:c r="A1"/></x:row><x:row r="2" spans="1:2" hidden="true"/>'
        b'<x:row hidden="0" r="3"/><x:row customHeight="1" r="14" hidden="1"></x:row>'
        b"</x:sheetData></x:worksheet>"
    )
    found: set[int] = set()
    rd._hidden_in(body, found)
    assert found == {2, 14}


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_the_cli_lists_them_and_skip_hidden_leaves_them_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _workbook(tmp_path / "an.xlsx")
    db = str(tmp_path / "k.db")
    out = _cli(capsys, "import", str(path), "--db", db, "--dry-run", "--lang", "en")
    assert "6 new, 0 updated, 0 duplicates, 0 errors, 0 skipped" in out
    assert (
        "  2 rows hidden in Excel (hidden or filtered out), imported all the same (--skip-hidden leaves them "
        "out): 3, 6\n"
    ) in out
    assert (
        "  row 3 (warning): hidden in Excel (a hidden or filtered-out row): imported like the others\n" in out
    )
    report = tmp_path / "loi.xlsx"
    out = _cli(
        capsys, "import", str(path), "--db", db, "--skip-hidden", "--lang", "vi", "--report", str(report)
    )
    assert "mới 4, cập nhật 0, trùng 0, lỗi 0, bỏ qua 2 (ẩn trong Excel; --skip-hidden)" in out
    assert "  2 dòng bị ẩn trong Excel (ẩn hoặc bị lọc), đã bỏ qua (--skip-hidden): 3, 6\n" in out
    assert f"Báo cáo gồm 2 lỗi: {report}" in out
    # the report holds the rows left out, as they were, with why: it can be imported later
    ws = load_workbook(report).worksheets[0]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == [*HEADER, "Lỗi", "Dòng gốc"]
    assert rows[1] == [*PEOPLE[1], "dòng bị ẩn trong Excel (ẩn hoặc bị lọc): bỏ qua theo lựa chọn", 3]
    assert rows[2][0] == "Hoàng Văn Em" and rows[2][-1] == 6


def test_the_report_lists_hidden_rows_imported_among_the_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _workbook(tmp_path / "an.xlsx")
    report = tmp_path / "loi.xlsx"
    _cli(capsys, "import", str(path), "--db", str(tmp_path / "k.db"), "--lang", "en", "--report", str(report))
    ws = load_workbook(report)["Warnings"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert rows == [
        ["Danh bạ", 3, None, "hidden in Excel (a hidden or filtered-out row): imported like the others"],
        ["Danh bạ", 6, None, "hidden in Excel (a hidden or filtered-out row): imported like the others"],
    ]
