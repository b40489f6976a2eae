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
