"""What ``ketnoi import`` lists under a sheet's line, read back from the real CLI on a real SQLite
file and the --report workbook read back with openpyxl.

Reviewer (h109): a plain update was only counted ("1 updated", no line; what it changed was in
the window's preview alone), and the warnings stopped at 20 of 59 without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main

HEADER = "Họ và tên,Email,Đơn vị,Điện thoại\n"


def _csv(path: Path, rows: int, phone: str = "") -> Path:
    lines = [
        f"Nguyễn Văn Người{i},nguoi{i}@example.vn,Công ty Ánh Dương,{phone.format(i=i)}\n"
        for i in range(rows)
    ]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("on_match", ["fill", "overwrite"])
def test_each_updated_row_is_listed_with_its_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], on_match: str
) -> None:
    db = str(tmp_path / "k.db")
    _run(capsys, "import", str(_csv(tmp_path / "a.csv", 23)), "--db", db)
    # the same 23 people, each with a phone now (the first import wrote them as #1-#23)
    edited = _csv(tmp_path / "b.csv", 23, phone="0912 345 6{i:02d}")
    args = ("import", str(edited), "--db", db, "--on-match", on_match, "--lang", "en")
    out = _run(capsys, *args, "--dry-run")
    assert "0 new, 23 updated" in out
    updated = [s for s in out.splitlines() if " (updated): " in s]
    assert len(updated) == 20, out
    assert updated[0] == "  row 2 (updated): updates #1: Phones: ∅ → 0912 345 600", out
    assert "  … and 3 more updated rows (--report REPORT.xlsx lists them all)" in out
    # written, with the report: the rest are on its Updated sheet
    report = tmp_path / "report.xlsx"
    out = _run(capsys, *args, "--report", str(report))
    assert f"  … and 3 more updated rows (all in {report})" in out
    assert f"Report of 23 rows updated: {report}" in out
    rows = list(load_workbook(report)["Updated"].values)
    assert rows[0] == ("Sheet", "Row", "Changes")
    assert rows[-1] == ("b", 24, "updates #23: Phones: ∅ → 0912 345 622")
    assert len(rows) == 24


def test_one_updated_row_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    _run(capsys, "import", str(_csv(tmp_path / "a.csv", 1)), "--db", db)
    out = _run(
        capsys, "import", str(_csv(tmp_path / "b.csv", 1, phone="0912345678")), "--db", db, "--lang", "vi"
    )
    assert "  dòng 2 (cập nhật): cập nhật #1: Điện thoại: ∅ → 0912 345 678\n" in out, out
    assert "…" not in out


def test_warnings_past_the_twentieth_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    # 25 phones of the right length in a range not known yet: each kept unverified, a warning
    sheet = _csv(tmp_path / "c.csv", 25, phone="0992.450.3{i:02d}")
    out = _run(capsys, "import", str(sheet), "--db", db, "--dry-run", "--lang", "en")
    assert len([s for s in out.splitlines() if " (warning): " in s]) == 20, out
    assert "  … and 5 more warnings (--report REPORT.xlsx lists them all)\n" in out
    report = tmp_path / "r.xlsx"
    out = _run(capsys, "import", str(sheet), "--db", db, "--lang", "vi", "--report", str(report))
    assert f"  … và 5 cảnh báo nữa (tất cả có trong {report})\n" in out, out
    assert f"Báo cáo gồm 25 cảnh báo: {report}" in out
    warnings = [r for r in load_workbook(report)["Cảnh báo"].values if r[1] is not None]
    assert len(warnings) == 25 + 1  # (and its header)


def test_the_organisations_created_past_the_twentieth_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "d.csv"
    rows = [f"Nguyễn Văn Người{i},nguoi{i}@example.vn,Công ty Số {i:02d}\n" for i in range(25)]
    sheet.write_text("Họ và tên,Email,Đơn vị\n" + "".join(rows), encoding="utf-8")
    out = _run(capsys, "import", str(sheet), "--db", str(tmp_path / "k.db"), "--dry-run", "--lang", "en")
    (said,) = [s for s in out.splitlines() if s.startswith("  creates 25 organisations: ")]
    assert said.endswith("; Công ty Số 19; … and 5 more"), said
