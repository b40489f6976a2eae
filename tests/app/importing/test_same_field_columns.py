"""Two columns naming one single-valued field, as real delegate lists have them: "Chức vụ (cũ)"
(the old position) beside "Chức vụ". A reviewer saw the old position stored and the current one
dropped, not even kept in the notes. Through the public import on real workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import select

from app.importing import fields, inspect_sheet, run_import
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import preview, write_xlsx


def _people(engine: Any) -> dict[str, tuple[str | None, str | None]]:
    with read_session(engine) as s:
        return {c.full_name: (c.position, c.notes) for c in s.exec(select(m.Contact))}


def test_the_current_position_wins_over_a_column_marked_old_which_is_kept_in_the_notes(
    engine: Any, tmp_path: Path
) -> None:
    rows = [
        ["Họ và tên", "Chức vụ (cũ)", "Chức vụ", "Email"],
        ["Nguyễn Văn An", "Chuyên viên", "Phó Vụ trưởng", "an@moha.gov.vn"],
        ["Trần Thị Bình", "", "Vụ trưởng", "binh@moha.gov.vn"],
    ]
    path = write_xlsx(tmp_path / "dai_bieu.xlsx", {"Danh bạ": rows})
    assert inspect_sheet(path).mapping == {0: "full_name", 1: "notes", 2: "position", 3: "emails"}
    run_import(engine, preview(engine, path))
    assert _people(engine) == {
        "Nguyễn Văn An": ("Phó Vụ trưởng", "Chức vụ (cũ): Chuyên viên"),
        "Trần Thị Bình": ("Vụ trưởng", ""),
    }


def test_columns_marked_previous_give_way_in_english_and_vietnamese(engine: Any, tmp_path: Path) -> None:
    rows = [
        ["Full name", "Position (previous)", "Position", "Chức vụ (trước đây)"],
        ["John Smith", "Deputy Director", "Director", "Chuyên viên"],
    ]
    path = write_xlsx(tmp_path / "partners.xlsx", {"Contacts": rows})
    assert inspect_sheet(path).mapping == {0: "full_name", 1: "notes", 2: "position", 3: "notes"}
    run_import(engine, preview(engine, path))
    assert _people(engine) == {
        "John Smith": ("Director", "Position (previous): Deputy Director\nChức vụ (trước đây): Chuyên viên")
    }


def test_two_plain_columns_for_one_field_keep_the_second_in_the_notes_under_its_header(
    engine: Any, tmp_path: Path
) -> None:
    rows = [
        ["Họ và tên", "Chức vụ", "Chức danh", "Ghi chú"],
        ["Nguyễn Văn An", "Phó Vụ trưởng", "Thanh tra viên chính", "Đã mời"],
    ]
    path = write_xlsx(tmp_path / "hai_cot.xlsx", {"Danh bạ": rows})
    layout = inspect_sheet(path)
    assert layout.mapping == {0: "full_name", 1: "position", 2: "notes", 3: "notes"}
    assert fields.names_notes("Ghi chú") and not fields.names_notes("Chức danh")
    run_import(engine, preview(engine, path))
    [(position, notes)] = _people(engine).values()
    assert position == "Phó Vụ trưởng"
    assert "Chức danh: Thanh tra viên chính" in (notes or "") and "Đã mời" in (notes or "")
