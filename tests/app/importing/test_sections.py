"""A delegate list groups its people under section headings that name their organisation
(app.importing.sections): the headings give the rows below them their organisation, and are
not imported as people or reported as errors. Real workbooks (merged cells, a two-row header,
Roman numerals) imported into a real SQLite file, and ``ketnoi import`` read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.importing.sections import Sections, looks_like_organisation
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import do_import, write_xlsx
from tests.cli.inproc import run_cli


def delegate_list(path: Path) -> Path:
    """The layout offices send: a title, a two-row header with merged cells, sections numbered
    I, II… merged across the table, people numbered 1, 2… within each."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Đại biểu"
    ws.append(["DANH SÁCH ĐẠI BIỂU HỘI THẢO ĐỔI MỚI SÁNG TẠO"])
    ws.merge_cells("A1:F1")
    ws.append(["STT", "Họ và tên", "Chức vụ", "Thông tin liên hệ", None, "Ghi chú"])
    ws.append([None, None, None, "Email", "Điện thoại", None])
    for merged in ("A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3"):
        ws.merge_cells(merged)
    ws.append(["I", "BỘ KHOA HỌC VÀ CÔNG NGHỆ"])  # row 4
    ws.merge_cells("B4:F4")
    ws.append([1, "Nguyễn Thị Hồng Nhung", "Vụ trưởng", "nhung@most.gov.vn", "0912 345 678", None])
    ws.append([2, "Đặng Văn Hùng", "Chuyên viên", "hung.dv@most.gov.vn", "0988.111.222", "Hòa Lạc"])
    ws.append(["II", "Trường Đại học Bách khoa Hà Nội"])  # row 7
    ws.merge_cells("B7:F7")
    ws.append([1, "Lê Minh", "Giảng viên", "minh.le@hust.edu.vn", "+84 24 3869 2222", None])
    ws.append(["III", "KHÁCH MỜI QUỐC TẾ"])  # row 9: a group of guests, no organisation
    ws.merge_cells("B9:F9")
    ws.append([1, "Sarah Chen", "Director", "sarah@nvidia.com", None, None])
    wb.save(path)
    return path


def organisations_of(engine: Any) -> dict[str, str | None]:
    with read_session(engine) as session:
        rows = session.execute(
            select(m.Contact.full_name, m.Organisation.name).outerjoin(
                m.Organisation,
                m.Organisation.id == m.Contact.organisation_id,  # type: ignore[arg-type]
            )
        ).all()
    return {name: org for name, org in rows}


def test_headings_give_the_rows_below_their_organisation(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    pv, _result = do_import(engine, delegate_list(tmp_path / "ds.xlsx"))
    assert organisations_of(engine) == {
        "Nguyễn Thị Hồng Nhung": "BỘ KHOA HỌC VÀ CÔNG NGHỆ",
        "Đặng Văn Hùng": "BỘ KHOA HỌC VÀ CÔNG NGHỆ",
        "Lê Minh": "Trường Đại học Bách khoa Hà Nội",
        "Sarah Chen": None,  # under "KHÁCH MỜI QUỐC TẾ", which ends the section above it
    }
    by_row = {r.row: r for r in pv.rows}
    assert [r.status for r in pv.rows if r.row in (4, 7, 9)] == ["skip"] * 3
    assert [x.code for x in by_row[4].reasons] == ["section_organisation"]
    assert by_row[4].reasons[0].params["rows"] == "5-6"
    assert by_row[7].reasons[0].params["rows"] == "8"
    assert [x.code for x in by_row[9].reasons] == ["section_heading"]
    assert not any(r.status == "error" for r in pv.rows)
    with read_session(engine) as session:
        names = set(session.scalars(select(m.Organisation.name)))
    assert names == {"BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Trường Đại học Bách khoa Hà Nội"}


def test_a_heading_finds_the_organisation_already_saved(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    with unit_of_work(engine) as session:
        saved = m.Organisation(name="Bộ Khoa học và Công nghệ", acronym="MOST", kind="ministry")
        session.add(saved)
        session.flush()
        saved_id = saved.id
    do_import(engine, delegate_list(tmp_path / "ds.xlsx"))
    with read_session(engine) as session:
        nhung = session.scalars(
            select(m.Contact.organisation_id).where(m.Contact.full_name == "Nguyễn Thị Hồng Nhung")
        ).one()
        orgs = session.scalars(select(m.Organisation.name)).all()
    assert nhung == saved_id
    assert sorted(orgs) == ["Bộ Khoa học và Công nghệ", "Trường Đại học Bách khoa Hà Nội"]


def test_a_rows_own_organisation_wins_and_a_heading_may_stand_in_any_column(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "Danh sách": [
                ["STT", "Họ và tên", "Đơn vị", "Email"],
                [None, None, "NVIDIA Vietnam R&D Center", None],  # a heading in the organisation column
                [1, "Phạm Hồng Hạnh", None, "hanh@nvidia.com"],
                [2, "Trần Quốc Bảo", "Qualcomm Vietnam", "bao@qualcomm.com"],  # names its own
                ["II", "Viện Trí tuệ nhân tạo, Trường Đại học Công nghệ"],
                [1, "Hoàng Anh Tuấn", "", "tuan@vnu.edu.vn"],
            ]
        },
    )
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    do_import(engine, path)
    assert organisations_of(engine) == {
        "Phạm Hồng Hạnh": "NVIDIA Vietnam R&D Center",
        "Trần Quốc Bảo": "Qualcomm Vietnam",
        "Hoàng Anh Tuấn": "Viện Trí tuệ nhân tạo, Trường Đại học Công nghệ",
    }


def test_headings_numbered_with_digits(tmp_path: Path) -> None:
    """Sections numbered 1, 2 (number cells) and their people 1.1, 1.2 (text)."""
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "Khách mời": [
                ["TT", "Họ và tên", "Chức vụ", "Email"],
                [1, "Bộ Tài chính"],
                ["1.1", "Nguyễn Văn Thành", "Vụ trưởng", "thanh@mof.gov.vn"],
                [2, "Công ty Cổ phần FPT"],
                ["2.1", "Trần Thị Mai", "Giám đốc", "mai@fpt.com"],
            ]
        },
    )
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    do_import(engine, path)
    assert organisations_of(engine) == {
        "Nguyễn Văn Thành": "Bộ Tài chính",
        "Trần Thị Mai": "Công ty Cổ phần FPT",
    }


@pytest.mark.parametrize(
    "cells",
    [
        [3, "Ban Ki-moon"],  # "Ban" with one word after it: a person
        [4, "Nguyễn Văn An"],
        ["VŨ VĂN HÙNG"],  # Vũ, the family name, not Vụ (a ministry's department)
        [12, "Trương Văn Bộ"],
        ["Phòng"],
        [5, "Lê Thu Hà", "lethuha@gmail.com"],
        ["I"],
        [None, None, "NIC"],  # only an organisation, by its acronym: a person's row without a name
    ],
)
def test_a_person_is_never_a_heading(cells: list[Any]) -> None:
    sections = Sections()
    assert not sections.see(10, [*cells, *[None] * (5 - len(cells))])
    assert sections.headings == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", True),
        ("Bộ Tài chính", True),
        ("Sở KH&CN", True),
        ("Vụ Hợp tác quốc tế", True),
        ("Ministry of Science and Technology", True),
        ("Kennesaw State University", True),
        ("Viettel Group", True),
        ("Sarah Chen", False),
        ("Vũ Hợp Tác", False),
        ("Ban Ki-moon", False),
        ("Đại học", False),
    ],
)
def test_what_begins_as_an_organisation(text: str, expected: bool) -> None:
    assert looks_like_organisation(text) is expected


def test_ketnoi_import_says_what_each_heading_gave(tmp_path: Path) -> None:
    path = delegate_list(tmp_path / "ds.xlsx")
    done = run_cli(tmp_path / "k.db", "import", str(path), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "2 errors" not in done.stdout and "0 errors, 3 skipped (section headings)" in done.stdout
    assert (
        'row 4: section heading: organisation "BỘ KHOA HỌC VÀ CÔNG NGHỆ" given to the rows below'
        in done.stdout
    )
    assert "not changed, the database has them already" not in done.stdout
    vi = run_cli(tmp_path / "k.db", "import", str(path), "--dry-run", lang="vi_VN.UTF-8")
    assert 'dòng 9: dòng tiêu đề nhóm "KHÁCH MỜI QUỐC TẾ", không phải một người: bỏ qua' in vi.stdout
