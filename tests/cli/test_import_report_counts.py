"""``ketnoi import --report FILE`` says what the report holds, counted as its sheets hold it:
"Report of 1 warning: FILE", "Report of 1 error and 2 warnings: FILE", in English and
Vietnamese. Reviewer: ``--dry-run --report`` on a file with warnings and no errors printed
"Error report: FILE (0 rows)" (a column with no value in any row is a warning on the report's
Warnings sheet, and was not counted). The workbooks are real, written with openpyxl and the
report read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.cli.inproc import run_cli

EN, VI = "en_GB.UTF-8", "vi_VN.UTF-8"


def _book(path: Path, *rows: tuple[object, ...]) -> Path:
    """A contacts sheet; a row of three cells leaves the last column, Chức vụ, empty."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Liên hệ"
    ws.append(("Họ và tên", "Email", "Điện thoại", "Chức vụ"))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _import(tmp_path: Path, book: Path, lang: str) -> tuple[str, Path]:
    report = tmp_path / f"report-{lang[:2]}.xlsx"
    done = run_cli(tmp_path / "k.db", "import", str(book), "--dry-run", "--report", str(report), lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout).splitlines()[-1], report


def _warnings(report: Path) -> int:
    ws = load_workbook(report).worksheets[-1]
    return len(list(ws.iter_rows(min_row=2, values_only=True)))


@pytest.mark.parametrize(
    ("lang", "said"), [(EN, "Report of 1 warning: {}"), (VI, "Báo cáo gồm 1 cảnh báo: {}")]
)
def test_a_report_of_warnings_alone_says_so(tmp_path: Path, lang: str, said: str) -> None:
    book = _book(tmp_path / "a.xlsx", ("Nguyễn Văn An", "an@x.vn", None), ("Trần Thị Bình", "b@x.vn", None))
    last, report = _import(tmp_path, book, lang)
    assert last == said.format(report)
    assert _warnings(report) == 1  # "no value in any row: Điện thoại (C), Chức vụ (D)"
    assert len(list(load_workbook(report).worksheets[0].iter_rows(min_row=2))) == 0  # no row rejected


@pytest.mark.parametrize(
    ("lang", "said"),
    [(EN, "Report of 1 error and 2 warnings: {}"), (VI, "Báo cáo gồm 1 lỗi và 2 cảnh báo: {}")],
)
def test_a_report_of_errors_and_warnings_counts_both(tmp_path: Path, lang: str, said: str) -> None:
    book = _book(
        tmp_path / "b.xlsx",
        ("Nguyễn Văn An", "an@x.vn", None),
        (None, "nobody@x.vn", None),  # no name: rejected
        ("Lê Văn Cường", "cuong@x.vn", "0992.450.300"),  # a range not known yet: kept, a warning
    )  # and Chức vụ (D) with no value in any row: the second warning
    last, report = _import(tmp_path, book, lang)
    assert last == said.format(report)
    assert _warnings(report) == 2
    assert len(list(load_workbook(report).worksheets[0].iter_rows(min_row=2))) == 1


def test_a_report_of_nothing_says_nothing_is_in_it(tmp_path: Path) -> None:
    book = _book(tmp_path / "c.xlsx", ("Nguyễn Văn An", "an@x.vn", "0912 345 678", "Chuyên viên"))
    last, report = _import(tmp_path, book, EN)
    assert last == f"Report: {report} (no errors, no warnings)"
