"""Cells that read as empty but are not: a formula whose result was never saved (a workbook a
program wrote, never opened in Excel) and an error value (#REF!, #N/A). Each is said at its row
and column; a name that is one refuses its row with why; a row of nothing but such cells is
refused, never dropped unsaid (reviewer h23: formulas2.xlsx)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from app.importing import reader
from app.importing.messages import text
from app.importing.preview import read_rows
from app.importing.sheet import inspect_sheet


@pytest.fixture(autouse=True)
def _fresh() -> None:
    reader.forget_parsed()


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(["Full name", "Organisation", "Email", "Phone"])
    ws.append(["Trần Văn An", "=1/0", '=A2&"@x.vn"', "#N/A"])  # (openpyxl saves no results)
    ws.append(['=UPPER("lê thị b")', "Bộ Y", "b@x.vn", "0912 345 678"])
    ws.append(["Phạm Văn Cường", "#REF!", "c@x.vn", "0913 345 678"])
    ws.append([None, "=1/0", "#REF!", None])
    ws.append(["Lê Văn Dũng", "Bộ Z", "d@x.vn", "0914 345 678"])
    wb.save(path)
    return path


@pytest.mark.parametrize("fast", [True, False])
def test_each_odd_cell_is_said_at_its_row_and_column(tmp_path: Path, fast: bool) -> None:
    path = _workbook(tmp_path / "formulas.xlsx")
    layout = inspect_sheet(path, "Contacts")
    rows, read = read_rows(path, layout, parallel=False, fast=fast)
    by = {r.row: r for r in rows}
    assert read == 5 and sorted(by) == [2, 3, 4, 5, 6]

    said2 = {m.column: text(m, "en") for m in by[2].warnings}
    assert by[2].status == "new"
    assert "a formula with no saved result: open the file in Excel" in said2["Organisation (B)"]
    assert "a formula with no saved result" in said2["Email (C)"]
    assert "an error value #N/A" in said2["Phone (D)"]

    assert by[3].status == "error"
    name_error = by[3].errors["Full name (A)"]
    assert "required" not in text(name_error, "en")
    assert "công thức chưa có kết quả được lưu" in text(name_error, "vi")
    assert (name_error.sheet, name_error.row) == ("Contacts", 3)

    assert by[4].status == "new"
    assert [text(m, "en") for m in by[4].warnings if m.column == "Organisation (B)"] == [
        "Organisation (B): an error value #REF!: correct the cell in the file, then import again"
    ]

    assert by[5].status == "error"  # nothing but such cells: refused with why, not dropped
    assert set(by[5].errors) == {"Full name (A)", "Organisation (B)", "Email (C)"}
    assert "ô có giá trị lỗi #REF!" in text(by[5].errors["Email (C)"], "vi")

    assert by[6].status == "new" and not by[6].warnings


def test_fast_and_general_paths_agree(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "formulas.xlsx")
    layout = inspect_sheet(path, "Contacts")
    fast, _ = read_rows(path, layout, parallel=False, fast=True)
    reader.forget_parsed()
    general, _ = read_rows(path, layout, parallel=False, fast=False)
    assert fast == general


def test_a_saved_empty_text_result_is_no_odd_cell(tmp_path: Path) -> None:
    """Excel saves a formula's "" result as <v></v> with t="str": an empty cell, said nothing of."""
    import zipfile

    src = _workbook(tmp_path / "src.xlsx")
    out = tmp_path / "str.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="B2"><f>', b'<c r="B2" t="str"><f>')
            zout.writestr(info, data)
    assert 1 not in reader.odd_cells(out, "Contacts")[2]


def _rezip(src: Path, out: Path, old: bytes, new: bytes) -> Path:
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            zout.writestr(info, data)
    return out


def _contacts(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(["Full name", "Organisation", "Email", "Active"])
    ws.append(["Trần Văn An", "Bộ A", "an@x.vn", True])
    ws.append(["Lê Thị Bình", "Bộ B", "binh@x.vn", False])
    ws.append(["Phạm Văn Cường", "Bộ C", "cuong@x.vn", True])
    wb.save(path)
    return path


def test_a_cell_calamine_refuses_does_not_lose_the_sheet(tmp_path: Path) -> None:
    """<c t="b"><v>7</v></c>: calamine refuses the whole sheet ("Unrecognized boolean cell
    value: 7", English, no cell named, every good row lost); the other reader reads it, and
    the sheet says which cell was odd, in the user's language."""
    path = _rezip(
        _contacts(tmp_path / "src.xlsx"),
        tmp_path / "bool.xlsx",
        b'<c r="D4" t="b"><v>1</v>',
        b'<c r="D4" t="b"><v>7</v>',
    )
    layout = inspect_sheet(path, "Contacts")
    said: list = []
    rows, read = read_rows(path, layout, parallel=False, said=said)
    assert read == 3 and [r.status for r in rows] == ["new", "new", "new"]
    assert [m.code for m in said] == ["sheet_read_other_way"]
    assert said[0].sheet == "Contacts"
    assert 'ô D4 chứa giá trị Excel không ghi ra ("7"), đã đọc thành TRUE' in text(said[0], "vi")
    assert "cell D4" in text(said[0], "en")


def test_a_sheet_neither_reader_reads_names_the_cell(tmp_path: Path) -> None:
    from app.importing.errors import ImportFileError

    path = _rezip(
        _contacts(tmp_path / "src.xlsx"),
        tmp_path / "bool.xlsx",
        b'<c r="D4" t="b"><v>1</v>',
        b'<c r="B4" t="n"><v>NaN</v></c><c r="D4" t="b"><v>7</v>',
    )
    with pytest.raises(ImportFileError) as caught:
        list(reader.iter_rows(path, "Contacts"))
    said = caught.value.message
    assert said is not None and said.code == "sheet_cell_unreadable"
    assert 'trang "Contacts": không đọc được: ô D4' in text(said, "vi")


def test_a_formula_cut_by_the_megabyte_is_found() -> None:
    """The sheet's XML is looked through a megabyte at a time; a cell whose tags fall on both
    sides of a cut is found all the same (40,000 formulas: 2 were missed)."""
    parts = [
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2">',
        b'<f>A2&amp;"@x.vn"</f><v></v></c><c r="C2" t="e">',
        b"<v>#REF!</v></c></row>",
    ]
    odd: dict[int, dict[int, str]] = {}
    carry = b""
    for body in parts:
        carry = reader._odd_in(carry + body, odd)
    assert odd == {2: {1: "", 2: "#REF!"}}


# Made by LibreOffice 7.4 (`soffice --headless --convert-to ods|xls`) from an openpyxl workbook
# of these rows, so that the files are as an office's are: LibreOffice computed each formula
# and saved its result ("Contacts": B2 =1/0, B3 =VLOOKUP(…) Err:502, C4 =#REF!, A5 =1/0,
# B6 =UPPER("bộ x") -> "BỘ X"). calamine reads each error cell as empty.
DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_error_cells_of_ods_and_xls_are_said_at_their_row_and_column(suffix: str, fast: bool) -> None:
    path = DATA / f"odd-cells-libreoffice.{suffix}"
    layout = inspect_sheet(path, "Contacts")
    rows, read = read_rows(path, layout, parallel=False, fast=fast)
    by = {r.row: r for r in rows}
    assert read == 5 and sorted(by) == [2, 3, 4, 5, 6]

    def said(row: int, column: str) -> list[str]:
        return [text(m, "en") for m in by[row].warnings if m.column == column]

    assert by[2].status == "new"
    assert said(2, "Organisation (B)") == [
        "Organisation (B): an error value #DIV/0!: correct the cell in the file, then import again"
    ]
    ods_error = "Err:502" if suffix == "ods" else "#VALUE!"  # (the .xls keeps Excel's codes only)
    assert by[3].status == "new" and f"an error value {ods_error}" in said(3, "Organisation (B)")[0]
    assert by[4].status == "new" and "an error value #REF!" in said(4, "Email (C)")[0]
    assert by[5].status == "error"  # its name is an error: refused with why, not "required"
    name_error = by[5].errors["Full name (A)"]
    assert "required" not in text(name_error, "en")
    assert "ô có giá trị lỗi #DIV/0!" in text(name_error, "vi")
    assert by[6].status == "new" and not by[6].warnings  # a formula with its result: no word


def _lo_shaped_ods(path: Path, rows: list[str]) -> Path:
    """An .ods file whose content.xml is ``rows`` (each a <table:table-row>) in one sheet
    "Contacts", in the shape LibreOffice writes (an error: office:string-value="" and
    calcext:value-type="error", its text the error's)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
        ' office:version="1.3"><office:body><office:spreadsheet>'
        '<table:table table:name="Other"><table:table-row><table:table-cell'
        ' table:formula="of:=1/0" office:value-type="string" office:string-value=""'
        ' calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row></table:table>'
        '<table:table table:name="Contacts">' + "".join(rows) + "</table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def _cell(value: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


_ERROR = (
    '<table:table-cell table:formula="of:=[.Z1]" office:value-type="string" office:string-value=""'
    ' calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>'
)


def test_ods_rows_are_counted_with_their_repeats_and_across_the_megabyte_cuts(tmp_path: Path) -> None:
    """Rows and columns as LibreOffice writes them (number-rows-repeated for identical rows,
    number-columns-repeated for identical cells, a covered cell of a merge) and a sheet of
    more than a megabyte of XML: each error cell at its own row and column, none in the
    other sheet; a formula with no saved result (a script's file) is one too."""
    rows = [
        "<table:table-row>"
        + _cell("Full name")
        + _cell("Organisation")
        + _cell("Email")
        + "</table:table-row>"
    ]
    rows.append(
        '<table:table-row table:number-rows-repeated="3"><table:table-cell'
        ' table:number-columns-repeated="3"/></table:table-row>'
    )  # rows 2-4: empty
    rows.append(  # row 5: A merged over two columns, the error in C
        '<table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="string">'
        "<text:p>Trần Văn An</text:p></table:table-cell><table:covered-table-cell/>"
        + _ERROR
        + "</table:table-row>"
    )
    filler = "".join(
        "<table:table-row>"
        + _cell(f"Người {i:05d}")
        + _cell("Bộ Khoa học và Công nghệ")
        + _cell(f"n{i}@x.vn")
        + "</table:table-row>"
        for i in range(20_000)
    )  # rows 6-20005: several megabytes
    rows.append(filler)
    rows.append(  # row 20006: a name, the error in B, an unsaved formula in C
        "<table:table-row>"
        + _cell("Lê Thị Bình")
        + _ERROR
        + '<table:table-cell table:formula="of:=UPPER([.A1])"/></table:table-row>'
    )
    path = _lo_shaped_ods(tmp_path / "big.ods", rows)
    assert reader.odd_cells(path, "Contacts") == {5: {2: "#N/A"}, 20006: {1: "#N/A", 2: ""}}
    assert reader.odd_cells(path, "Other") == {1: {0: "#DIV/0!"}}

    layout = inspect_sheet(path, "Contacts")
    out, _ = read_rows(path, layout, parallel=False)
    by = {r.row: r for r in out}
    assert [text(m, "en") for m in by[5].warnings] == [
        "Email (C): an error value #N/A: correct the cell in the file, then import again"
    ]
    assert [m.column for m in by[20006].warnings] == ["Organisation (B)", "Email (C)"]
    assert not by[6].warnings and not by[20005].warnings


def test_an_xls_error_cell_excel_wrote_as_a_value_is_found(tmp_path: Path) -> None:
    """An error typed as a value (not a formula's result) is a BOOLERR record in an .xls."""
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("Contacts")
    for col, head in enumerate(["Full name", "Organisation", "Email"]):
        ws.write(0, col, head)
    ws.write(1, 0, "Trần Văn An")
    ws.row(1).set_cell_error(1, 0x2A)  # #N/A, by its code
    ws.write(1, 2, "an@x.vn")
    ws.write(2, 0, "Lê Thị Bình")
    ws.write(2, 1, "Bộ Y")
    ws.row(2).set_cell_boolean(2, True)  # a boolean shares the record: no error
    path = tmp_path / "errors.xls"
    wb.save(str(path))
    assert reader.odd_cells(path, "Contacts") == {2: {1: "#N/A"}}
