"""An official form's column numbers and signing block are no people (reviewer h109,
partnerG_bacninh.xlsx): the row "(1) (2) … (6)" under the header became contact "(2)" of
organisation "(4)", and "Người lập biểu", "Nguyễn Thị Lập" (a signer's name) became contacts.
Now both are left out and said once of the sheet; a real person's row after the list stays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import do_import, write_xlsx

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điện thoại", "Email"]
PEOPLE = [
    [1, "Nguyễn Văn Bắc", "Giám đốc", "Sở KH&CN Bắc Ninh", "0912111001", "bac.nv@bn.example.vn"],
    [2, "Trần Thị Ninh", "Phó Giám đốc", None, "0912111002", "ninh.tt@bn.example.vn"],
    [3, "Lê Văn Kinh", "Trưởng phòng", None, "0912111003", "kinh.lv@bn.example.vn"],
    [4, "Phạm Thị Bắc", "Chuyên viên", "Samsung Display Việt Nam", "0912111004", "bac.pt@sdv.example.vn"],
    [5, "Hoàng Văn Sam", "Trưởng nhóm", None, "0912111005", "sam.hv@sdv.example.vn"],
]
NAMES = ["Hoàng Văn Sam", "Lê Văn Kinh", "Nguyễn Văn Bắc", "Phạm Thị Bắc", "Trần Thị Ninh"]


def _partner_g(path: Path) -> Path:
    """The reviewer's file, as /tmp/h109/genG.py built it (merged organisation cells too)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws["A1"], ws["E1"] = "UBND TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["A2"], ws["E2"] = "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Độc lập - Tự do - Hạnh phúc"
    ws["A4"] = "DANH SÁCH CÁN BỘ ĐẦU MỐI"
    ws.merge_cells("A4:F4")
    for i, h in enumerate(HEADER, 1):
        ws.cell(5, i, h)
    for i in range(1, 7):
        ws.cell(6, i, f"({i})")
    for r, person in enumerate(PEOPLE, 7):
        for i, value in enumerate(person, 1):
            ws.cell(r, i, value)
    ws.merge_cells("D7:D9")
    ws.merge_cells("D10:D11")
    ws.cell(13, 2, "Người lập biểu")
    ws.cell(13, 5, "GIÁM ĐỐC")
    ws.cell(16, 2, "Nguyễn Thị Lập")
    ws.cell(16, 5, "Nguyễn Văn Bắc")
    wb.save(path)
    return path


def _contacts(engine: Engine) -> list[str]:
    with read_session(engine) as s:
        return sorted(c.full_name for c in s.exec(select(m.Contact)).all())


def _organisations(engine: Engine) -> list[str]:
    with read_session(engine) as s:
        return sorted(o.name for o in s.exec(select(m.Organisation)).all())


def test_the_numbering_row_and_the_signatures_are_left_out_and_said(engine: Engine, tmp_path: Path) -> None:
    pv, result = do_import(engine, _partner_g(tmp_path / "partnerG_bacninh.xlsx"))
    assert result.counts["new"] == 5
    assert [r.row for r in pv.rows] == [7, 8, 9, 10, 11]
    assert [w for r in pv.rows for w in r.warnings] == []  # ("(6)" no email, "GIÁM ĐỐC" no phone)
    said = [text(w, "en") for w in pv.sheet_warnings]
    assert said == [
        'row 6 numbers the columns ("(1) (2) … (6)"): not imported',
        "rows 13–16: the signatures below the list, not imported",
    ]
    assert "phần ký tên bên dưới danh sách" in text(pv.sheet_warnings[1], "vi")
    assert _contacts(engine) == NAMES
    assert "(4)" not in _organisations(engine)


def _list_then(tail: list[list[Any]], tmp_path: Path, numbers: list[Any] | None = None) -> Path:
    rows: list[list[Any]] = [HEADER, *([numbers] if numbers else []), *PEOPLE, [], *tail]
    return write_xlsx(tmp_path / "ds.xlsx", {"Danh sách": rows})


def test_a_signing_block_of_titles_instructions_place_and_date(engine: Engine, tmp_path: Path) -> None:
    tail = [
        [None, None, None, None, "Bắc Ninh, ngày 05 tháng 12 năm 2026"],
        [None, "Kế toán trưởng", None, None, "Thủ trưởng đơn vị"],
        [None, "(Ký, ghi rõ họ tên)", None, None, "(Ký tên, đóng dấu)"],
        [],
        [None, "Đỗ Thị Hạnh", None, None, "Nguyễn Văn Bắc"],
    ]
    pv, _ = do_import(engine, _list_then(tail, tmp_path, numbers=[1, 2, 3, 4, 5, 6]))
    said = [text(w, "en") for w in pv.sheet_warnings]
    assert said == [
        'row 2 numbers the columns ("1 2 … 6"): not imported',
        "rows 9–13: the signatures below the list, not imported",
    ]
    assert _contacts(engine) == NAMES


def test_a_person_after_the_list_is_no_signature(engine: Engine, tmp_path: Path) -> None:
    # a name alone, no signing line above it: a person with nothing else known, as before
    pv, _ = do_import(engine, _list_then([[6, "Vũ Minh Châu"]], tmp_path))
    assert pv.sheet_warnings == ()
    assert "Vũ Minh Châu" in _contacts(engine)


def test_a_real_row_after_a_title_line_keeps_the_rows_as_they_were(engine: Engine, tmp_path: Path) -> None:
    # more than a name (a phone, an email) after the title: the list goes on; nothing is left out
    tail = [
        [None, "Giám đốc"],
        [6, "Vũ Minh Châu", "Chuyên viên", None, "0912111006", "chau.vm@bn.example.vn"],
    ]
    pv, _ = do_import(engine, _list_then(tail, tmp_path))
    assert not any(w.code == "signatures_left_out" for w in pv.sheet_warnings)
    assert "Vũ Minh Châu" in _contacts(engine)


def test_a_position_under_a_signing_title_is_a_person_s_row(engine: Engine, tmp_path: Path) -> None:
    # a name with a position in the column beside it is a person, not a signer under a title
    tail = [[None, "Người lập biểu"], [7, "Vũ Minh Châu", "Chuyên viên"]]
    pv, _ = do_import(engine, _list_then(tail, tmp_path))
    assert not any(w.code == "signatures_left_out" for w in pv.sheet_warnings)
    assert "Vũ Minh Châu" in _contacts(engine)


def test_a_first_row_of_numbers_and_names_is_data(engine: Engine, tmp_path: Path) -> None:
    pv, _ = do_import(engine, _list_then([], tmp_path))
    assert pv.sheet_warnings == ()
    assert _contacts(engine) == NAMES


def test_a_cell_of_spaces_only_after_the_list_is_no_signature() -> None:
    """Found by test_properties: a cell holding a space alone raised IndexError in the signing
    block's first look (an import must never raise on a cell)."""
    from app.importing.formrows import may_sign, signing_line

    for cell in (" ", "\t", "\u00a0 "):
        assert not may_sign(cell) and not signing_line(cell)
