"""The error report in the reader's language, with a sheet listing every warning (sheet, row,
column) of the rows imported with a value kept as typed."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from app.importing import write_error_report
from tests.app.importing.helpers import preview, write_xlsx

ROWS = [
    ["Họ và tên", "Email", "Điện thoại"],
    ["Nguyễn Văn An", "khong-co-email", "0912 345 678"],
    ["", "ai@x.vn", ""],
]


def test_report_in_english_and_vietnamese_with_the_warnings(engine: Engine, tmp_path: Path) -> None:
    pv = preview(engine, write_xlsx(tmp_path / "k.xlsx", {"Khách": ROWS}))
    for lang, error, sheet, heads in (
        ("en", "Error", "Warnings", ("Sheet", "Row", "Column", "Warning")),
        ("vi", "Lỗi", "Cảnh báo", ("Trang", "Dòng", "Cột", "Cảnh báo")),
    ):
        out = tmp_path / f"r-{lang}.xlsx"
        assert write_error_report(pv, out, lang=lang) == 1  # the nameless row
        wb = load_workbook(out)
        rows = list(wb["Khách"].iter_rows(values_only=True))
        assert rows[0][3] == error and rows[1][1] == "ai@x.vn"
        assert ("required, but empty" if lang == "en" else "bắt buộc, đang để trống") in rows[1][3]
        warned = list(wb[sheet].iter_rows(values_only=True))
        assert warned[0] == heads
        assert warned[1][:3] == ("Khách", 2, "Email (B)")
        assert "khong-co-email" in warned[1][3] and ("notes" in warned[1][3]) == (lang == "en")


def test_ketnoi_import_report_lists_what_each_sheet_says_of_itself(tmp_path: Path) -> None:
    """Reviewer: the report's Warnings sheet had the rows' warnings only: not that a column's
    dates were read month first, that a hidden column was imported, nor that names typed in
    TCVN3 were read as Unicode. Now each is there, with its sheet and no row."""
    from openpyxl import Workbook

    from app.cli import main
    from app.importing import legacy as lg

    people = [
        ("Nguyễn Văn Hùng", "03/25/2026", "Chuyên viên"),
        ("Trần Thị Bình", "12/31/2025", "Vụ trưởng"),
        ("Lê Văn Cường", "11/05/2026", "Phó Vụ trưởng"),
        ("Phạm Thu Hà", "10/20/2026", "Chuyên viên"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Đối tác"
    ws.append([lg.encode("Họ và tên", lg.TCVN3), "Ngày liên hệ", "Chức vụ"])
    for name, met, position in people:
        ws.append([lg.encode(name, lg.TCVN3), met, position])
    ws.column_dimensions["C"].hidden = True
    wb.save(path := tmp_path / "doi_tac.xlsx")
    for lang, expected in (
        ("en", ("hidden in Excel, yet imported", "writes its dates month first", "typed in the old TCVN3")),
        (
            "vi",
            ("bị ẩn trong Excel nhưng vẫn được nhập", "ghi ngày theo kiểu tháng trước", "bảng mã cũ TCVN3"),
        ),
    ):
        report = tmp_path / f"report-{lang}.xlsx"
        code = main(["import", str(path), "--db", str(tmp_path / f"{lang}.db"), "--report", str(report),
                     "--lang", lang])  # fmt: skip
        assert code == 0
        sheet = "Warnings" if lang == "en" else "Cảnh báo"
        rows = list(load_workbook(report)[sheet].iter_rows(values_only=True))[1:]
        assert [r[:3] for r in rows] == [("Đối tác", None, None)] * 3
        for said, words in zip((r[3] for r in rows), expected, strict=True):
            assert words in said, said
        assert "Chức vụ (C)" in rows[0][3] and "Ngày liên hệ (B)" in rows[1][3]
