"""A name split over "Họ" | "Tên" columns (reviewer h109, partnerA_hanoi.xlsx, partnerC*.xlsx).

A Vietnamese form's "Họ" often holds the family and middle names ("Dương Bảo" | "Nam"): it was
stored as family name "Dương Bảo", no middle name, and a later file with the full name "Dương
Bảo Nam" then "updated" the middle name to "Bảo", leaving the family name "Dương Bảo". Now the
split columns give the parts the full name gives. And two people in such a name ("Hoàng Minh" |
"Anh và Bùi Thu Hà") are an error, as in one "Họ và tên" cell.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from app.importing.messages import text
from db.engine import read_session
from db.models import Contact
from tests.app.importing.helpers import do_import, write_xlsx


def _parts(engine: Engine) -> set[tuple[str, str, str, str]]:
    with read_session(engine) as s:
        return {
            (c.full_name, c.family_name, c.middle_name, c.given_name)
            for c in s.execute(select(Contact)).scalars()
        }


def test_a_family_column_of_several_words_holds_the_middle_name(engine: Engine, tmp_path: Path) -> None:
    rows = [
        ["Họ", "Tên", "Đơn vị", "Email"],
        ["Dương Bảo", "Nam", "VNPT Đà Nẵng", "nam.duong@dn.example.vn"],
        ["Nguyễn Thị Hồng", "Nhung", "NIC", "nhung@nic.example.vn"],
        ["Lê", "Minh", "NIC", "minh@nic.example.vn"],  # (one word: as it is)
    ]
    pv, _ = do_import(engine, write_xlsx(tmp_path / "split.xlsx", {"DS": rows}))
    assert [r.status for r in pv.rows] == ["new"] * 3
    assert _parts(engine) == {
        ("Dương Bảo Nam", "Dương", "Bảo", "Nam"),
        ("Nguyễn Thị Hồng Nhung", "Nguyễn", "Thị Hồng", "Nhung"),
        ("Lê Minh", "Lê", "", "Minh"),
    }
    # the same person from a full-name file: the same parts, nothing to update
    full = [["Họ và tên", "Đơn vị", "Email"], ["Dương Bảo Nam", "VNPT Đà Nẵng", "nam.duong@dn.example.vn"]]
    again, result = do_import(engine, write_xlsx(tmp_path / "full.xlsx", {"DS": full}))
    assert [r.status for r in again.rows] != ["update"], again.rows[0].changes
    assert ("Dương Bảo Nam", "Dương", "Bảo", "Nam") in _parts(engine)
    assert result.counts.get("update", 0) == 0


def test_a_western_family_name_of_several_words_stays_whole(engine: Engine, tmp_path: Path) -> None:
    rows = [["First name", "Last name", "Organisation"], ["Jan", "van der Berg", "TU Delft"]]
    do_import(engine, write_xlsx(tmp_path / "west.xlsx", {"Contacts": rows}))
    assert {p[1:] for p in _parts(engine)} == {("van der Berg", "", "Jan")}


def test_two_people_in_a_name_split_over_columns_are_an_error(engine: Engine, tmp_path: Path) -> None:
    rows = [
        ["Họ", "Tên", "Đơn vị", "Email"],
        ["Hoàng Minh", "Anh và Bùi Thu Hà", "Sở KH&CN", "a1@x.example.vn"],
        ["Lê Văn", "A; Trần Thị B", "Sở KH&CN", "a2@x.example.vn"],
        ["Lê Văn A và Trần Thị", "B", "Sở KH&CN", "a3@x.example.vn"],
        ["Phạm Thu", "Hà", "Sở KH&CN", "a4@x.example.vn"],
    ]
    pv, _ = do_import(engine, write_xlsx(tmp_path / "two_split.xlsx", {"Sheet": rows}))
    assert [r.status for r in pv.rows] == ["error", "error", "error", "new"]
    said = [text(r.messages()[0], "en", where=True) for r in pv.rows[:3]]
    assert said == [
        'sheet "Sheet", row 2, column Tên (B): two people in one cell? ("Hoàng Minh Anh" and "Bùi Thu Hà"): '
        "split them into two rows",
        'sheet "Sheet", row 3, column Tên (B): two people in one cell? ("Lê Văn A" and "Trần Thị B"): '
        "split them into two rows",
        'sheet "Sheet", row 4, column Họ (A): two people in one cell? ("Lê Văn A" and "Trần Thị B"): '
        "split them into two rows",
    ]
    assert {p[0] for p in _parts(engine)} == {"Phạm Thu Hà"}
