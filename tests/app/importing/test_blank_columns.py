"""A mapped column with no value in any row: formulas without saved results are told how to
save them; a column simply left blank is named in a note, never sent to Excel for formulas
(reviewer: re-importing Ketnoi's own export warned "if they hold formulas, open the file in
Excel…" for every empty optional column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.cli import main
from app.exporting import export_workbook
from app.importing import blank_columns, empty_columns
from app.importing.messages import text
from app.importing.report import sheet_notes
from db.engine import read_session
from db.migrate import open_database
from tests.app.importing.helpers import do_import, preview, write_xlsx


def test_ketnoi_s_own_export_imported_again_is_not_sent_to_excel_for_formulas(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write_xlsx(
        tmp_path / "in.xlsx",
        {
            "Danh bạ": [
                ["Họ và tên", "Email"],
                ["Lê Thị Hồng Nhung", "nhung@fpt.example.vn"],
                ["Ngô Minh An", ""],
            ]
        },
    )
    do_import(engine, people)
    exported = tmp_path / "ketnoi-export.xlsx"
    with read_session(engine) as s:
        export_workbook(exported, session=s)
    other_url = f"sqlite:///{tmp_path / 'other-laptop.db'}"  # (into the same database every row is a skip)
    other = open_database(other_url)
    try:
        pv = preview(other, exported, "Liên hệ (Contacts)")
    finally:
        other.dispose()
    assert pv.kind == "contact"
    assert empty_columns(pv) is None
    blank = blank_columns(pv)
    assert blank is not None and blank.level == "note"
    assert any(c.startswith("Điện thoại / Phone") for c in blank.params["columns"])
    assert all("formula" not in text(m, "en") for m in sheet_notes(pv))
    assert main(["import", str(exported), "--dry-run", "--db", other_url, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "if they hold formulas" not in out
    assert "no value in any row: " in out


def test_formulas_without_saved_results_still_say_how_to_save_them(engine: Engine, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "formulas.xlsx",
        {
            "Danh bạ": [
                ["Họ và tên", "Email", "Chức vụ", "Ghi chú"],
                ["Nguyễn Thị Hồng Nhung", '=LOWER("NHUNG@NIC.GOV.VN")', "Giám đốc", ""],
                ["Đặng Văn An", '=LOWER("AN@NIC.GOV.VN")', "", ""],
            ]
        },
    )
    pv = preview(engine, path)
    said = empty_columns(pv)
    assert said is not None and said.params["columns"] == ["Email (B)"]
    assert "if they hold formulas, open the file in Excel" in text(said, "en")
    blank = blank_columns(pv)
    assert blank is not None and blank.params["columns"] == ["Ghi chú (D)"]
