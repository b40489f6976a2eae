"""Formats offices send (issue 10, item 5): .xls and .ods like .xlsx; CSV in every encoding and
with every delimiter Excel and LibreOffice write; hostile and broken files give one message."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.importing import ImportFileError, inspect_sheet, sheetproc
from app.importing import reader as rd
from app.importing.csvtext import detect_delimiter, detect_encoding
from app.importing.reader import file_kind, iter_rows, sheet_names
from db import models as m
from db.engine import read_session
from db.migrate import open_database
from tests.app.importing.helpers import do_import, preview, write_xlsx

ROWS: list[list[Any]] = [
    ["Danh sách đại biểu dự hội thảo"],
    [],
    ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại", "Ngày gặp gần nhất"],
    [1, "Nguyễn Văn An", "Giám đốc", "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)", "an.nv@nic.gov.vn",
     "0912 345 678", dt.date(2025, 3, 4)],
    [2, "Trần Thị Thuỷ", "Chuyên viên", "NIC", "thuy.tt@nic.gov.vn", 912345679, "05/04/2025"],
    [3, "Lê Hoàng Ánh", "CTO", "Công ty Cổ phần Đức Việt", None, "024 3826 1234", None],
]  # fmt: skip


def write_xls(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    day = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    ws.write(r, c, value, day)
                elif value is not None:
                    ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_ods(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    cell = TableCell()
                elif isinstance(value, dt.date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                    cell.addElement(P(text=value.strftime("%d/%m/%Y")))
                elif isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=value))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


@pytest.fixture(autouse=True)
def _nothing_kept() -> None:
    rd.forget_parsed()


WRITERS = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}


def _records(db: Path, path: Path) -> tuple[dict[str, Any], list[str]]:
    engine = open_database(f"sqlite:///{db}")
    try:
        pv, result = do_import(engine, path)
        assert result.counts["new"] == 3, pv.rows
        with read_session(engine) as s:
            orgs = {o.id: o.name for o in s.exec(select(m.Organisation))}
            methods: dict[int, list[str]] = {}
            for cm in s.exec(select(m.ContactMethod).order_by(m.ContactMethod.position)):
                methods.setdefault(cm.contact_id, []).append(cm.value)
            contacts = {
                c.full_name: (
                    c.position,
                    orgs.get(c.organisation_id or 0),
                    sorted(methods.get(c.id or 0, [])),
                )
                for c in s.exec(select(m.Contact))
            }
        return contacts, sorted(orgs.values())
    finally:
        engine.dispose()


def test_xls_and_ods_import_like_the_xlsx(tmp_path: Path) -> None:
    got = {}
    for fmt, write in WRITERS.items():
        path = write(tmp_path / f"dai-bieu.{fmt}", {"Đại biểu": ROWS})
        assert file_kind(path) == fmt
        assert sheet_names(path) == ["Đại biểu"]
        layout = inspect_sheet(path)
        assert (layout.header_row, layout.kind) == (3, "contact")
        got[fmt] = _records(tmp_path / f"{fmt}.db", path)
    assert got["xlsx"][0]["Nguyễn Văn An"] == (
        "Giám đốc",
        "Trung tâm Đổi mới sáng tạo Quốc gia",
        ["+84912345678", "an.nv@nic.gov.vn"],
    )
    assert got["xlsx"][0]["Trần Thị Thuỷ"][2] == ["+84912345679", "thuy.tt@nic.gov.vn"]
    assert got["xls"] == got["xlsx"]
    assert got["ods"] == got["xlsx"]


def test_xls_and_ods_cells_read_as_in_the_xlsx(tmp_path: Path) -> None:
    """Dates stay dates, whole numbers integers, empty cells None, in every format."""
    rows = {}
    for fmt, write in WRITERS.items():
        path = write(tmp_path / f"a.{fmt}", {"Danh bạ": ROWS})
        rows[fmt] = [(n, _trim(v)) for n, v in iter_rows(path) if any(x is not None for x in v)]
    assert rows["xls"] == rows["xlsx"]
    assert rows["ods"] == rows["xlsx"]
    assert rows["xlsx"][2] == (4, [1, "Nguyễn Văn An", "Giám đốc", ROWS[3][3], "an.nv@nic.gov.vn",
                                   "0912 345 678", dt.date(2025, 3, 4)])  # fmt: skip


def _trim(values: list[Any]) -> list[Any]:
    values = list(values)
    while values and values[-1] is None:
        values.pop()
    return values


def test_several_sheets_of_an_ods_and_an_xls(tmp_path: Path) -> None:
    sheets = {"Tổ chức": [["Tên đơn vị", "Viết tắt"], ["Bộ Khoa học và Công nghệ", "MOST"]], "Danh bạ": ROWS}
    for write, suffix in ((write_xls, "xls"), (write_ods, "ods")):
        path = write(tmp_path / f"book.{suffix}", sheets)
        assert sheet_names(path) == ["Tổ chức", "Danh bạ"]
        assert inspect_sheet(path, "Tổ chức").kind == "organisation"
        assert dict(iter_rows(path, "Tổ chức"))[2] == ["Bộ Khoa học và Công nghệ", "MOST"]
        with pytest.raises(ImportFileError, match="Khác"):
            list(iter_rows(path, "Khác"))


# --- broken and hostile .xls / .ods ---------------------------------------------------------


def _ods_with(content: str, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
    return path


_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Danh bạ">'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Họ và tên</text:p>'
    '</table:table-cell><table:table-cell office:value-type="string"><text:p>Email</text:p>'
    "</table:table-cell></table:table-row>"
)
_ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def test_broken_xls_and_ods_give_one_message(tmp_path: Path) -> None:
    good_xls = write_xls(tmp_path / "good.xls", {"Danh bạ": ROWS})
    good_ods = write_ods(tmp_path / "good.ods", {"Danh bạ": ROWS})
    truncated_xls = tmp_path / "cut.xls"
    truncated_xls.write_bytes(good_xls.read_bytes()[:3000])
    truncated_ods = tmp_path / "cut.ods"
    truncated_ods.write_bytes(good_ods.read_bytes()[:700])
    garbage_xls = tmp_path / "rac.xls"
    garbage_xls.write_bytes(good_xls.read_bytes()[:512] + os.urandom(8192))
    bad_xml_ods = _ods_with(_ODS_HEAD + "<table:table-row><table:table-cell", tmp_path / "xml.ods")
    for path in (truncated_xls, truncated_ods, garbage_xls, bad_xml_ods):
        with pytest.raises(ImportFileError) as info:
            inspect_sheet(path)
        message = str(info.value)
        assert path.name in message and "\n" not in message, message


def test_a_hostile_ods_is_read_in_a_child_that_may_die_while_this_process_lives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight hundred bytes asking calamine for 90 million cells: within calamine's own limit,
    beyond the child's memory. The child dies (calamine aborts on a failed allocation); the
    import says so in one line and this process goes on."""
    row = (
        '<table:table-row table:number-rows-repeated="9000"><table:table-cell '
        'table:number-columns-repeated="10000" office:value-type="string"><text:p>x</text:p>'
        "</table:table-cell></table:table-row>"
    )
    path = _ods_with(_ODS_HEAD + row + _ODS_TAIL, tmp_path / "bomb.ods")
    assert path.stat().st_size < 2000
    monkeypatch.setattr(sheetproc, "CHILD_MEMORY_BYTES", 1024**3)
    with pytest.raises(ImportFileError, match=r"bomb\.ods"):
        list(iter_rows(path))
    assert inspect_sheet(write_ods(tmp_path / "after.ods", {"Danh bạ": ROWS})).kind == "contact"


def test_a_child_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "slow.ods", {"Danh bạ": ROWS})
    with pytest.raises(ImportFileError, match=r"slow\.ods"):
        sheetproc.run(_sleep, path, seconds=0.5)


def _sleep(path: Path) -> None:
    import time

    time.sleep(30)


def test_password_protected_files_keep_their_message(tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE compound file with an "EncryptedPackage" stream.
    encrypted = tmp_path / "mat-khau.xlsx"
    encrypted.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 1000
        + "EncryptedPackage".encode("utf-16-le")
        + b"\0" * 600
    )
    with pytest.raises(ImportFileError, match="password-protected"):
        file_kind(encrypted)
    # The same under an .xls name is no different.
    encrypted_xls = tmp_path / "mat-khau.xls"
    encrypted_xls.write_bytes(encrypted.read_bytes())
    with pytest.raises(ImportFileError, match="password-protected"):
        inspect_sheet(encrypted_xls)


# --- CSV: encodings and delimiters ---------------------------------------------------------

VIETNAMESE = [
    ["Họ và tên", "Chức vụ", "Đơn vị", "Ghi chú"],
    ["Nguyễn Thị Thuỷ", "Phó Giám đốc", "Sở Khoa học và Công nghệ Đà Nẵng", "Đã gặp ở hội thảo, hẹn gặp lại"],
    ["Trần Đức Việt", "Trưởng phòng", "Viện Ứng dụng Công nghệ", "Quan tâm lĩnh vực bán dẫn; ưu tiên"],
    ["Lê Hoàng Ánh", "Chuyên viên", "Bộ Khoa học và Công nghệ", "Người liên hệ chính"],
]
WESTERN = [
    ["Name", "Position", "Organisation", "Notes"],
    ["François Müller", "Directeur", "Société Générale", "Met in Zürich; café after"],
    ["José Peña", "CTO", "Telefónica", "São Paulo office"],
]


def to_cp1258(text: str) -> bytes:
    """How Windows writes Vietnamese in code page 1258: a precomposed letter it lacks becomes
    the base letter it has (ê, ơ, ă…) followed by a combining tone mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for i, mark in enumerate(marks):  # "ệ" is e + dot below + circumflex: ê + dot below
            rest = "".join(marks[:i] + marks[i + 1 :])
            try:
                out += unicodedata.normalize("NFC", base + mark).encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return out


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    def field(v: str) -> str:
        return f'"{v}"' if delimiter in v or '"' in v else v

    return "\r\n".join(delimiter.join(field(v) for v in row) for row in rows) + "\r\n"


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: t.encode("utf-8-sig"),
    "utf-16 with BOM": lambda t: t.encode("utf-16"),
    "utf-16-be with BOM": lambda t: "\ufeff".encode("utf-16-be") + t.encode("utf-16-be"),
    "cp1258": to_cp1258,
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_vietnamese_csv_in_every_encoding_and_delimiter(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "danh-ba.csv"
    path.write_bytes(ENCODINGS[encoding](_csv_text(VIETNAMESE, delimiter)))
    rows = [v for _, v in iter_rows(path)]
    assert rows == VIETNAMESE
    assert all(unicodedata.is_normalized("NFC", v) for row in rows for v in row)


def test_cp1252_western_names_are_not_read_as_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "partners.csv"
    path.write_bytes(_csv_text(WESTERN, ";").encode("cp1252"))
    assert detect_encoding(path) == "cp1252"
    assert [v for _, v in iter_rows(path)] == WESTERN


def test_cp1258_is_chosen_for_vietnamese_and_cp1252_for_western(tmp_path: Path) -> None:
    vi = tmp_path / "vi.csv"
    vi.write_bytes(to_cp1258(_csv_text(VIETNAMESE, ",")))
    assert detect_encoding(vi) == "cp1258"
    # A single short Vietnamese name is enough.
    one = tmp_path / "one.csv"
    one.write_bytes(to_cp1258("Họ và tên\r\nNguyễn Văn Đức\r\n"))
    assert detect_encoding(one) == "cp1258"
    assert [v for _, v in iter_rows(one)] == [["Họ và tên"], ["Nguyễn Văn Đức"]]


def test_a_semicolon_file_with_commas_inside_fields() -> None:
    sample = "Họ và tên;Đơn vị;Ghi chú\nAn;NIC;gặp, chào hỏi\nBình;MOST;gọi lại, gửi thư, hẹn\n"
    assert detect_delimiter(sample) == ";"
    assert detect_delimiter('a,b\n"x;y",z\n') == ","
    assert detect_delimiter("Họ và tên\nAn\n") == ","


def test_a_csv_imports_contacts_from_a_cp1258_file(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "danh-ba.csv"
    path.write_bytes(to_cp1258(_csv_text(VIETNAMESE, ";")))
    _pv, result = do_import(engine, path, kind="contact")
    assert result.counts["new"] == 3
    with read_session(engine) as s:
        names = sorted(c.full_name for c in s.exec(select(m.Contact)))
        orgs = sorted(o.name for o in s.exec(select(m.Organisation)))
    assert names == ["Lê Hoàng Ánh", "Nguyễn Thị Thuỷ", "Trần Đức Việt"]
    assert "Sở Khoa học và Công nghệ Đà Nẵng" in orgs


# --- one parse per sheet (item 9) ------------------------------------------------------------


def test_the_header_search_and_the_rows_share_one_parse(
    engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": ROWS})
    parses, scans = [], []
    real_parse, real_scan = rd._calamine_sheet, rd._dense_range_fits
    monkeypatch.setattr(rd, "_calamine_sheet", lambda p, s: parses.append(s) or real_parse(p, s))
    monkeypatch.setattr(rd, "_dense_range_fits", lambda p, mem: scans.append(mem) or real_scan(p, mem))
    _pv, result = do_import(engine, path)
    assert result.counts["new"] == 3
    assert parses == ["Danh bạ"] and len(scans) == 1
    assert not [k for k in rd._PARSED if k[0] == str(path.resolve())]  # the reading took them
    # The file written again is read again.
    write_xlsx(path, {"Danh bạ": [*ROWS, [4, "Phạm Minh Châu", "", "", "chau@x.vn", "", None]]})
    inspect_sheet(path)
    assert len(parses) == 2


def test_what_is_kept_between_the_two_readings_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rd, "PARSED_MAX_CELLS", 30)
    paths = [write_xlsx(tmp_path / f"{i}.xlsx", {"Danh bạ": ROWS}) for i in range(3)]
    for path in paths:
        inspect_sheet(path)  # reads the first rows only: the rows are kept for the reading
    assert len(rd._PARSED) == 1  # the oldest dropped past the bound; the newest always kept
    rd.forget_parsed()
    assert not rd._PARSED


def test_an_ods_zip_bomb_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    """The .xlsx zip-bomb check holds for .ods: a small file unpacking to 80 MB of content.xml."""
    bomb = tmp_path / "bomb.ods"
    row = b'<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        with zf.open("content.xml", "w", force_zip64=True) as fh:
            fh.write(_ODS_HEAD.encode())
            block = row * 4096
            for _ in range(80 * 1024 * 1024 // len(block)):
                fh.write(block)
            fh.write(_ODS_TAIL.encode())
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ImportFileError, match="not an ordinary spreadsheet"):
        file_kind(bomb)


def test_text_and_html_saved_under_an_xls_name(tmp_path: Path) -> None:
    """What web systems export as "Excel": tab-separated text is read; HTML is named."""
    tsv = tmp_path / "xuat-tu-he-thong.xls"
    tsv.write_bytes(to_cp1258(_csv_text(VIETNAMESE, "\t")))
    assert file_kind(tsv) == "csv" and [v for _, v in iter_rows(tsv)] == VIETNAMESE
    html = tmp_path / "bao-cao.xls"
    html.write_text("<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(ImportFileError, match="web page"):
        inspect_sheet(html)


def test_an_xls_or_ods_is_read_by_one_child_for_all_its_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheets = {"Tổ chức": [["Tên đơn vị", "Viết tắt"], ["Bộ Khoa học và Công nghệ", "MOST"]], "Danh bạ": ROWS}
    children: list[str] = []
    real_run = sheetproc.run
    monkeypatch.setattr(
        sheetproc, "run", lambda fn, *a, **k: children.append(fn.__name__) or real_run(fn, *a, **k)
    )
    for write, suffix in ((write_xls, "xls"), (write_ods, "ods")):
        children.clear()
        path = write(tmp_path / f"book.{suffix}", sheets)
        for name in sheet_names(path):
            inspect_sheet(path, name)
            assert sum(1 for _ in iter_rows(path, name)) > 1
        assert children == ["read_book"], suffix


def test_a_streamed_sheets_extent_is_scanned_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet too large for calamine is streamed by openpyxl: the header search reads its first
    rows, the preview all of them; the scan that decided it runs once."""
    path = write_xlsx(tmp_path / "lon.xlsx", {"Danh bạ": ROWS})
    monkeypatch.setattr(rd, "CALAMINE_MAX_CELLS", 1)  # as if the sheet were too wide for calamine
    scans: list[str] = []
    real_scan = rd._dense_range_fits
    monkeypatch.setattr(rd, "_dense_range_fits", lambda p, mem: scans.append(mem) or real_scan(p, mem))
    layout = inspect_sheet(path)
    rows = list(iter_rows(path, layout.sheet))
    assert len(scans) == 1 and rows[3][1][1] == "Nguyễn Văn An"


def test_merged_cells_of_an_xls_fill_every_row_they_cover(tmp_path: Path) -> None:
    """As in an .xlsx: a vertically merged organisation belongs to each row it spans."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Danh bạ")
    ws.write_merge(0, 0, 0, 2, "Danh sách khách mời")
    for c, header in enumerate(["Họ và tên", "Đơn vị", "Email"]):
        ws.write(1, c, header)
    ws.write(2, 0, "An")
    ws.write_merge(2, 3, 1, 1, "NIC")
    ws.write(2, 2, "an@x.vn")
    ws.write(3, 0, "Bình")
    ws.write(3, 2, "binh@x.vn")
    path = tmp_path / "gop.xls"
    wb.save(str(path))
    assert list(iter_rows(path)) == [
        (1, ["Danh sách khách mời", None, None]),
        (2, ["Họ và tên", "Đơn vị", "Email"]),
        (3, ["An", "NIC", "an@x.vn"]),
        (4, ["Bình", "NIC", "binh@x.vn"]),
    ]


def test_only_the_last_files_sheets_are_kept(tmp_path: Path) -> None:
    one = write_xlsx(tmp_path / "1.xlsx", {"A": ROWS, "B": ROWS})
    two = write_xlsx(tmp_path / "2.xlsx", {"Danh bạ": ROWS})
    inspect_sheet(one, "A")
    inspect_sheet(one, "B")
    assert sorted(k[-1] for k in rd._PARSED) == ["A", "B"]
    inspect_sheet(two)  # another file: the first one's sheets are let go
    assert [k[-1] for k in rd._PARSED] == ["Danh bạ"]


@pytest.mark.parametrize(
    ("cells", "fits"),
    [
        ('<row r="1"><c r="A1"><v>1</v></c><c r="J1"><v>2</v></c></row>', True),
        ('<row r="1"><c r="A1"><v>1</v></c></row><row r="5000000"><c r="A5000000"><v>2</v></c></row>', False),
        ('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="XFD2"><v>2</v></c></row>', True),
        ('<row r="30000"><c r="A30000"><v>1</v></c></row><row r="2"><c r="XFD2"><v>2</v></c></row>', False),
        ('<row r="1"><c><v>1</v></c></row>', False),  # no reference: calamine counts positions
        ('<row r="1"><c t="s"><v>1</v></c></row>', False),
        ('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', False),  # a prefixed namespace
        # A far row first, then more than a megabyte of near ones: a later part of the pass
        # must not forget what an earlier one found (the XML is read a megabyte at a time).
        (
            '<row r="5000000"><c r="A5000000"><v>1</v></c></row>'
            + "".join(f'<row r="{i}"><c r="AB{i}"><v>{i}</v></c></row>' for i in range(1, 40_000)),
            False,
        ),
    ],
)
def test_the_extent_scan_sees_every_way_a_sheet_can_be_too_large(
    tmp_path: Path, cells: str, fits: bool
) -> None:
    """The scan that decides whether calamine may hold a sheet (one pattern per thing it looks
    for, each found by a fast literal search), over hand-written sheet XML."""
    path = tmp_path / "s.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", f"<worksheet><sheetData>{cells}</sheetData></worksheet>")
    assert rd._dense_range_fits(path, "xl/worksheets/sheet1.xml") is fits


def test_a_quote_that_never_closes_is_refused_not_swallowing_the_rest(tmp_path: Path) -> None:
    """Reviewer: a CSV row opening a quote it never closes made the rest of the file one cell —
    a contact named 'Unclosed quote,uq@x.vn\\nNguyễn Văn Bốn,bon@x.vn' — losing the rows after
    it without a word. Refused, naming the row and the line; a quote inside an unquoted cell
    (which the lenient reader takes as text) and a closed multi-line cell still read."""
    bad = tmp_path / "ragged.csv"
    bad.write_text(
        'Họ và tên,Email\nNguyễn Văn Hai,hai@x.vn\n"Unclosed quote,uq@x.vn\nNguyễn Văn Bốn,bon@x.vn\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as refused:
        list(iter_rows(bad))
    said = str(refused.value)
    assert 'ragged.csv, row 3 (line 3): a quote (") opens a cell that never closes' in said, said
    good = tmp_path / "good.csv"
    good.write_text(
        'Họ và tên,Email,Địa chỉ\nNguyễn Văn "Tư" Hai,hai@x.vn,"Số 1\nHòa Lạc"\nNguyễn Văn Bốn,bon@x.vn,\n',
        encoding="utf-8",
    )
    rows = list(iter_rows(good))
    assert [r[1][0] for r in rows] == ["Họ và tên", 'Nguyễn Văn "Tư" Hai', "Nguyễn Văn Bốn"]
    assert rows[1][1][2] == "Số 1\nHòa Lạc"


def test_a_mapped_column_empty_in_every_row_is_said_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reviewer: e-mail and phone columns written as formulas by a script (no result saved, as
    openpyxl writes them) gave four contacts without either, and not a word. Such a column is
    named, with how to save the formulas' results; a column with one value somewhere is not."""
    from app.cli import main
    from app.importing import empty_columns, preview_import

    path = tmp_path / "formulas.xlsx"
    write_xlsx(
        path,
        {
            "Danh bạ": [
                ["Họ và tên", "Email", "Điện thoại", "Chức vụ"],
                ["Nguyễn Thị Hồng Nhung", '=LOWER("NHUNG@NIC.GOV.VN")', "=A2", "Giám đốc"],
                ["Đặng Văn An", '=LOWER("AN@NIC.GOV.VN")', "=A3", ""],
            ]
        },
    )
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as s:
            layout = inspect_sheet(path, "Danh bạ", session=s)
            preview = preview_import(path, layout, session=s)
    finally:
        engine.dispose()
    said = empty_columns(preview)
    assert said is not None and said.params["columns"] == ["Email (B)", "Điện thoại (C)"]
    assert main(["import", str(path), "--dry-run", "--db", str(db), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert (
        "warning: no value in any row: Email (B), Điện thoại (C); if they hold formulas, open the file in Excel"
        in out
    )


def test_a_csv_that_is_not_utf8_says_which_code_page_it_was_read_in(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Reviewer: bytes that are no UTF-8 came in as "ÿ₫Ă(" and "Í €" without a word: now the
    sheet says, once, that it was read in a Windows code page, with a data row as read."""
    from app.importing.messages import text
    from app.importing.report import sheet_notes

    path = tmp_path / "danh-ba.csv"
    path.write_bytes(b"Full name,Email\n\xff\xfe\xc3(,a@x.vn\n\xed\xa0\x80,b@x.vn\n")
    pv = preview(engine, path, kind="contact")
    said = [m for m in sheet_notes(pv) if m.code == "csv_code_page"]
    assert len(said) == 1
    assert text(said[0], "en") == (
        'not UTF-8 text: read in the Windows Vietnamese code page (Windows-1258), e.g. row 2: "ÿ₫Ă(, a@x.vn"; '
        'check that the names read right, and if they do not, save the file again in Excel as "CSV UTF-8" '
        "and import that"
    )
    assert text(said[0], "vi") == (
        "không phải văn bản UTF-8: đã đọc theo bảng mã Windows tiếng Việt (Windows-1258), ví dụ dòng 2: "
        '"ÿ₫Ă(, a@x.vn"; hãy kiểm tra họ tên có đọc đúng không, nếu sai hãy mở tệp bằng Excel, lưu lại dạng '
        '"CSV UTF-8" rồi nhập tệp đó'
    )
    # UTF-8 text says nothing of it
    path.write_bytes("Full name,Email\nNguyễn Văn An,a@x.vn\n".encode())
    assert not [m for m in sheet_notes(preview(engine, path, kind="contact")) if m.code == "csv_code_page"]
