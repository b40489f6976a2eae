"""A header on two rows, as official lists write it: a group heading merged over its
sub-headings ("Thông tin liên hệ" over "Email" | "Điện thoại"), the other columns named above
or merged down both rows. Every column keeps its name and the data starts below both rows;
the sub-heading row used to be read as the first data row (an error) and the last column,
named only below, was not offered at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from app.importing import inspect_sheet, preview_import
from db.engine import Engine, read_session

PEOPLE = [
    [1, "Trần Thị Bích", "Viettel", "bich@viettel.example.vn", "0987 111 222"],
    [2, "John Smith", "Qualcomm", "john@qualcomm.example.com", "+1 650 555 0100"],
    [3, "Phạm Quang Đức", "Trường Đại học Quốc gia Hà Nội", "duc@vnu.example.vn", "0243 123 4567"],
]


def _book(path: Path, header: list[list[Any]], merges: list[str], data: list[list[Any]] = PEOPLE) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Khách mời"
    ws.append(["BỘ KHOA HỌC VÀ CÔNG NGHỆ"])
    ws.append(["DANH SÁCH KHÁCH MỜI HỘI THẢO"])
    ws.merge_cells("A1:E1")
    ws.merge_cells("A2:E2")
    ws.append([])
    for row in header:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    for row in data:
        ws.append(row)
    wb.save(path)
    return path


def _preview(engine: Engine, path: Path) -> Any:
    with read_session(engine) as s:
        layout = inspect_sheet(path, session=s)
        return layout, preview_import(path, layout, session=s)


def test_a_group_heading_over_email_and_phone(engine: Engine, tmp_path: Path) -> None:
    book = _book(
        tmp_path / "a.xlsx",
        [
            ["STT", "Họ và tên", "Đơn vị", "Thông tin liên hệ", None],
            [None, None, None, "Email", "Điện thoại"],
        ],
        ["D4:E4"],
    )
    layout, preview = _preview(engine, book)
    assert layout.header_row == 5
    assert layout.headers == ["STT", "Họ và tên", "Đơn vị", "Email", "Điện thoại"]
    assert layout.mapping == {0: "_ignore", 1: "full_name", 2: "organisation", 3: "emails", 4: "phones"}
    assert [r.row for r in preview.rows] == [6, 7, 8]
    assert all(r.status == "new" for r in preview.rows)
    assert preview.rows[0].relations["emails"] == ["bich@viettel.example.vn"]
    assert preview.rows[0].relations["phones"] == ["+84987111222"]


def test_columns_merged_down_both_rows(engine: Engine, tmp_path: Path) -> None:
    book = _book(
        tmp_path / "b.xlsx",
        [["STT", "Họ và tên", "Đơn vị", "Liên hệ", None], [None, None, None, "Email", "SĐT"]],
        ["A4:A5", "B4:B5", "C4:C5", "D4:E4"],
    )
    layout, preview = _preview(engine, book)
    assert layout.header_row == 5
    assert layout.mapping == {0: "_ignore", 1: "full_name", 2: "organisation", 3: "emails", 4: "phones"}
    assert [r.status for r in preview.rows] == ["new", "new", "new"]
    assert preview.rows[2].columns["full_name"] == "Phạm Quang Đức"


def test_sub_headings_that_name_more_than_the_row_above(engine: Engine, tmp_path: Path) -> None:
    """The lower row is the best single row here: the upper one still names the first columns."""
    book = _book(
        tmp_path / "c.xlsx",
        [["Họ và tên", "Đơn vị", "Liên hệ", None, None], [None, None, "Email", "Điện thoại", "Chức vụ"]],
        ["C4:E4"],
        [["Lê Văn Tâm", "NIC", "tam@nic.vn", "0912 345 678", "Giám đốc"]],
    )
    layout, preview = _preview(engine, book)
    assert layout.header_row == 5
    assert layout.mapping == {0: "full_name", 1: "organisation", 2: "emails", 3: "phones", 4: "position"}
    (row,) = preview.rows
    assert row.status == "new" and row.columns["position"] == "Giám đốc"


def test_a_first_data_row_of_text_is_not_a_header(engine: Engine, tmp_path: Path) -> None:
    """A one-row header whose first data row holds text only (no number, no date): data."""
    book = _book(
        tmp_path / "d.xlsx",
        [["Họ và tên", "Đơn vị", "Email", "Ghi chú"]],
        [],
        [["Nguyễn Văn An", "FPT", "an@fpt.com", "Email"], ["Lê Thị Bình", "NIC", "binh@nic.vn", ""]],
    )
    layout, preview = _preview(engine, book)
    assert layout.header_row == 4
    assert [r.row for r in preview.rows] == [5, 6]


def test_a_column_with_data_and_no_header_is_offered(engine: Engine, tmp_path: Path) -> None:
    """It is offered by its letter, not imported unless mapped: it used to be left out of
    the mapping altogether, its values out of reach."""
    book = _book(
        tmp_path / "e.xlsx",
        [["STT", "Họ và tên", "Đơn vị", "Email"]],
        [],
        [[1, "Trần Thị Bích", "Viettel", "bich@viettel.example.vn", "0987 111 222"]],
    )
    with read_session(engine) as s:
        layout = inspect_sheet(book, session=s)
    assert layout.headers == ["STT", "Họ và tên", "Đơn vị", "Email", ""]
    assert 4 not in layout.mapping
    assert layout.column_label(4) == "E"
    layout.mapping[4] = "phones"
    with read_session(engine) as s:
        preview = preview_import(book, layout, session=s)
    assert preview.rows[0].relations["phones"] == ["+84987111222"]


def test_a_date_format_under_its_heading_leaves_the_column_its_name(engine: Engine, tmp_path: Path) -> None:
    """Reviewer's office list: "Ngày gặp" with "dd/mm/yyyy" below it, beside "Liên hệ" over
    "Số ĐT" | "Thư điện tử": the column was named "dd/mm/yyyy" and not imported."""
    data = [[1, "Trần Thị Bích", "0987 111 222", "bich@viettel.example.vn", "03/02/2025"]]
    book = _book(
        tmp_path / "d.xlsx",
        [["TT", "Họ tên", "Liên hệ", None, "Ngày gặp"], [None, None, "Số ĐT", "Thư điện tử", "dd/mm/yyyy"]],
        ["C4:D4"],
        data,
    )
    layout, preview = _preview(engine, book)
    assert layout.header_row == 5
    assert layout.headers == ["TT", "Họ tên", "Số ĐT", "Thư điện tử", "Ngày gặp"]
    assert layout.mapping == {0: "_ignore", 1: "full_name", 2: "phones", 3: "emails", 4: "last_contacted_on"}
    assert str(preview.rows[0].columns["last_contacted_on"]) == "2025-02-03"
