"""Workbooks built to hurt the reader: the process lives and the real rows come in.

python-calamine holds a sheet as one dense block from its first to its last cell; a single value
at XFD1048576 asks for ~512 GB and aborts the interpreter (exit 134, nothing to catch). The
reader measures a sheet's extent before handing it to calamine. Each import here runs in a
child process under an address-space limit, so a regression fails the test instead of the
machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from app.importing import reader

LIMIT = 3 * 2**30  # bytes of address space for the child


def _run_import(path: Path, db: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))\n"
        "from app.cli import main\n"
        f"sys.exit(main(['import', {str(path)!r}, '--db', {str(db)!r}]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )


def _contacts(db: Path) -> list[str]:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from app.cli import main; main(['search', 'nguyen', '--db', " + repr(str(db)) + "])",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [line for line in out.stdout.splitlines() if line.startswith("contact")]


def test_one_cell_at_xfd1048576_neither_kills_the_process_nor_loses_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "stray-cell.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên", "Email"])
    ws.append(["Nguyễn Thị Hồng Nhung", "nhung@nic.gov.vn"])
    ws["XFD1048576"] = "x"
    wb.save(path)
    assert path.stat().st_size < 10_000

    result = _run_import(path, tmp_path / "k.db")
    assert result.returncode == 0, result.stderr[-2000:]
    assert any("Nguyễn Thị Hồng Nhung" in line for line in _contacts(tmp_path / "k.db"))


def test_cells_without_references_are_read_by_the_streaming_reader(tmp_path: Path) -> None:
    """A sheet whose cells carry no ``r=`` (some generators write them so) cannot be measured
    cheaply: it goes to the streaming reader, which reads it right."""
    path = tmp_path / "no-refs.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên", "Email"])
    ws.append(["Đặng Văn An", "an@example.vn"])
    wb.save(path)
    _rewrite_sheet(path, lambda xml: xml.replace(b' r="A1"', b"").replace(b' r="B1"', b""))
    rows = list(reader.iter_rows(path))
    assert rows[0] == (1, ["Họ và tên", "Email"])
    assert rows[1] == (2, ["Đặng Văn An", "an@example.vn"])


def test_a_wide_but_honest_sheet_still_goes_to_calamine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "wide.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([f"c{n}" for n in range(60)])  # to column BH
    ws.append(list(range(60)))
    wb.save(path)
    used: list[str] = []
    real = reader._calamine_rows
    monkeypatch.setattr(reader, "_calamine_rows", lambda *a: (used.append("calamine"), real(*a))[1])
    rows = list(reader.iter_rows(path))
    assert used == ["calamine"]
    assert rows[1][1] == list(range(60))


def test_columns_past_the_limit_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "Họ và tên"
    ws.cell(row=1, column=reader.MAX_COLUMNS + 5, value="far away")
    wb.save(path)
    rows = list(reader.iter_rows(path))
    assert rows[0][1][0] == "Họ và tên" and len(rows[0][1]) <= reader.MAX_COLUMNS
    assert json.dumps(rows[0][1], default=str)  # plain values


def _rewrite_sheet(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            zf.writestr(info, change(data) if info.filename.startswith("xl/worksheets/") else data)


def test_a_csv_field_longer_than_the_csv_modules_default_limit_is_read(tmp_path: Path) -> None:
    long_note = "Biên bản họp dài. " * 20_000  # 360,000 characters
    path = tmp_path / "notes.csv"
    path.write_text(f'Họ và tên,Ghi chú\nNguyễn An,"{long_note}"\n', encoding="utf-8")
    rows = list(reader.iter_rows(path))
    assert rows[1][1][0] == "Nguyễn An"
    assert len(rows[1][1][1]) == len(long_note.strip())


def test_the_error_report_of_a_sheet_named_with_brackets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    path = tmp_path / "odd.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Khach_moi"
    ws.append(["Họ và tên", "Email"])
    ws.append(["Nguyễn An", "an@x.vn"])
    ws.append(["Trần Bình", "khong-co-email@"])
    wb.save(path)
    # Excel refuses ']' in a sheet name; other programs write it.
    _rewrite(
        path,
        "xl/workbook.xml",
        lambda xml: xml.replace(b'name="Khach_moi"', b'name="Kh\xc3\xa1ch]m\xe1\xbb\x9di"'),
    )
    report = tmp_path / "errors.xlsx"
    code = main(["import", str(path), "--db", str(tmp_path / "k.db"), "--report", str(report)])
    out = capsys.readouterr()
    assert code == 0, out.err
    # The email that is no address is a warning now (kept in the notes), listed on its own sheet.
    assert openpyxl.load_workbook(report).sheetnames[0] == "Khách_mời"


def _rewrite(path: Path, member: str, change) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            zf.writestr(info, change(data) if info.filename == member else data)


def test_a_zip_bomb_gives_one_message_and_the_process_lives(tmp_path: Path) -> None:
    """A few hundred kilobytes that unpack to 80 MB of sheet XML: refused before reading."""
    import zipfile

    ok = tmp_path / "ok.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên"])
    wb.save(ok)
    bomb = tmp_path / "bomb.xlsx"
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
    with zipfile.ZipFile(ok) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                with dst.open(info.filename, "w", force_zip64=True) as fh:
                    head, _, tail = data.partition(b"</sheetData>")
                    fh.write(head)
                    block = row * 4096
                    for _ in range(80 * 1024 * 1024 // len(block)):
                        fh.write(block)
                    fh.write(b"</sheetData>" + tail)
            else:
                dst.writestr(info, data)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = _run_import(bomb, tmp_path / "k.db")
    assert result.returncode == 1
    assert "unpacks to" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "damage, what",
    [
        (b'<c r="A3" t="s"><v>99</v></c>', "IndexError"),  # a shared string past the table
        (b'<c r="A3" t="n"><v>abc</v></c>', "ValueError"),  # letters in a number
    ],
)
def test_a_damaged_cell_on_the_streaming_path_is_one_line_naming_the_row(
    tmp_path: Path, damage: bytes, what: str
) -> None:
    """Reviewer: a big or sparse sheet (read by openpyxl's streaming reader) with one damaged
    cell ended in a traceback (IndexError, ValueError); the other readers say it in a line."""
    path = tmp_path / "damaged.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email"])
    ws.append(["Nguyễn Thị Hồng Nhung", "nhung@nic.gov.vn"])
    ws.append(["Dang Van An", "an@nic.gov.vn"])
    ws["XFD1048576"] = "x"  # a stray far cell: the streaming reader
    wb.save(path)
    cell = b'<c r="A3" t="inlineStr"><is><t>Dang Van An</t></is></c>'
    _rewrite_sheet(path, lambda xml: xml.replace(cell, damage) if cell in xml else pytest.fail("no cell"))
    result = _run_import(path, tmp_path / "k.db")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    said = result.stdout + result.stderr
    assert 'damaged.xlsx, sheet "Danh bạ", row 3: cannot be read, the file is damaged there' in said, said
    assert what in said


def test_a_strict_open_xml_workbook_is_named_as_such(tmp_path: Path) -> None:
    """Reviewer: Excel's "Strict Open XML Spreadsheet" ended in KeyError: 'Worksheet … does not
    exist' (neither calamine nor openpyxl reads its cells): one line saying how to save it."""
    path = tmp_path / "strict.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên", "Email"])
    ws.append(["Nguyễn Thị Hồng Nhung", "nhung@nic.gov.vn"])
    wb.save(path)
    main_ns, strict_ns = (
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    )
    _rewrite(path, "xl/workbook.xml", lambda xml: xml.replace(main_ns, strict_ns))
    result = _run_import(path, tmp_path / "k.db")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stderr.strip() == (
        'ketnoi: strict.xlsx: saved as "Strict Open XML Spreadsheet", which Ketnoi cannot read: '
        'open it in Excel and save it as "Excel Workbook (.xlsx)"'
    )


def test_a_shared_strings_table_built_to_unpack_is_refused_before_reading(tmp_path: Path) -> None:
    """Reviewer: a 9 MB workbook whose shared strings unpack to 1 GB at about 100:1 (under the
    200:1 rule for sheets) took 3.3 GB of memory and 68 s to read one row. Text packs 4-10
    times: a table over 64 MB packing more than 50 times is refused in one line, at once."""
    import base64
    import os
    import zipfile

    ok = tmp_path / "ok.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên", "Email"])
    ws.append(["Nguyễn Văn Nhiều", "nhieu@x.vn"])
    wb.save(ok)
    bomb = tmp_path / "strings.xlsx"
    with zipfile.ZipFile(ok) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        with dst.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(
                b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            filler = b"<si><t>x</t></si>" * (1_000_000 // 17)
            for _ in range(80):  # 80 MB, with enough noise to pack about 100 times, not 200
                fh.write(filler)
                fh.write(b"<si><t>" + base64.b64encode(os.urandom(6000)) + b"</t></si>")
            fh.write(b"</sst>")
    info = zipfile.ZipFile(bomb).getinfo("xl/sharedStrings.xml")
    assert 50 < info.file_size / info.compress_size < reader.MAX_RATIO  # the rule for sheets passes it
    started = time.monotonic()
    result = _run_import(bomb, tmp_path / "k.db")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "unpacks to" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert time.monotonic() - started < 30
