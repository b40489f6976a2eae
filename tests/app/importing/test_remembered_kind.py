"""A mapping remembered for a header row decides the columns, not whether the sheet lists our
staff or contacts: one header row ("STT | Họ và tên | Đơn vị | Chức vụ | Email") serves our
staff list and a list of delegates from ministries alike (a reviewer's workbooks 01 and 19).
The values decide the kind each time, and the reason is shown beside it; the remembered
mapping is used when it is of the kind the values say.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.cli import main
from app.importing import inspect_sheet, kind_reason
from app.importing.messages import text
from db.engine import read_session
from tests.app.importing.helpers import do_import, write_xlsx

HEADERS = ["STT", "Họ và tên", "Đơn vị", "Chức vụ", "Email", "Điện thoại"]
OURS = [
    [1, "Nguyễn Thị Hồng Nhung", "Phòng Hợp tác Quốc tế", "Chuyên viên", "nhung@nic.example.vn", ""],
    [2, "Trần Văn Hùng", "Ban Kế hoạch - Tài chính", "Chuyên viên", "hung@nic.example.vn", ""],
    [3, "Lê Minh Tuấn", "Văn phòng", "Chuyên viên", "tuan@nic.example.vn", ""],
    [4, "Phạm Thu Trang", "Phòng Hợp tác Quốc tế", "Chuyên viên", "trang@nic.example.vn", ""],
]
MORE_OURS = [
    [1, "Vũ Thị Lan", "Ban Giám đốc", "Chuyên viên", "lan@nic.example.vn", ""],
    [2, "Đặng Quốc Bảo", "Văn phòng", "Chuyên viên", "bao@nic.example.vn", ""],
    [3, "Bùi Thanh Hà", "Phòng Kế hoạch - Tài chính", "Chuyên viên", "ha@nic.example.vn", ""],
]
DELEGATES = [
    [1, "Hoàng Đức Anh", "Bộ Khoa học và Công nghệ", "Chuyên viên", "anh@most.gov.vn", ""],
    [2, "Đỗ Mạnh Cường", "Viện Hàn lâm KH&CN Việt Nam", "Chuyên viên", "cuong@vast.vn", ""],
    [3, "Ngô Thị Mai", "Văn phòng Bộ Công Thương", "Chuyên viên", "mai@moit.gov.vn", ""],
    [4, "Lý Văn Nam", "Văn phòng Chính phủ", "Chuyên viên", "nam@chinhphu.vn", ""],
]


def book(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    return write_xlsx(tmp_path / f"{name}.xlsx", {"Sheet1": [["DANH SÁCH"], [], HEADERS, *rows]})


def inspect(engine: Engine, path: Path):  # type: ignore[no-untyped-def]
    with read_session(engine) as s:
        return inspect_sheet(path, session=s)


def test_delegates_after_our_staff_list_are_contacts(engine: Engine, tmp_path: Path) -> None:
    pv, _ = do_import(engine, book(tmp_path, "ours", OURS))
    assert pv.kind == "staff"
    lay = inspect(engine, book(tmp_path, "delegates", DELEGATES))
    assert lay.kind == "contact" and not lay.remembered
    assert lay.mapping[2] == "organisation" and lay.mapping[3] == "position"


def test_our_staff_list_after_delegates_is_staff_with_its_reason(engine: Engine, tmp_path: Path) -> None:
    pv, _ = do_import(engine, book(tmp_path, "delegates", DELEGATES))
    assert pv.kind == "contact"
    lay = inspect(engine, book(tmp_path, "ours", OURS))
    assert lay.kind == "staff" and not lay.remembered
    reason = kind_reason(lay)
    assert reason is not None and reason.code == "kind_staff_by_units"


def test_the_same_kind_uses_the_remembered_mapping_and_says_why(engine: Engine, tmp_path: Path) -> None:
    do_import(engine, book(tmp_path, "ours", OURS))
    lay = inspect(engine, book(tmp_path, "more", MORE_OURS))
    assert lay.kind == "staff" and lay.remembered
    reason = kind_reason(lay)
    assert reason is not None and text(reason, "en").startswith("3 of 3 values of column Đơn vị (C) are")


def test_the_cli_reads_the_delegates_as_contacts_after_our_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.db")
    assert main(["import", str(book(tmp_path, "ours", OURS)), "--db", db]) == 0
    capsys.readouterr()
    assert main(["import", str(book(tmp_path, "d", DELEGATES)), "--db", db, "--dry-run", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('Sheet "Sheet1" (contact, header row 3): 4 new')
    assert "staff" not in out
    assert main(["import", str(book(tmp_path, "m", MORE_OURS)), "--db", db, "--dry-run", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('Sheet "Sheet1" (staff member, header row 3): 3 new')
    assert "  read as staff: 3 of 3 values of column Đơn vị (C) are departments" in out
