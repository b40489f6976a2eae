"""A department named where the import expects one of our staff ("Cán bộ dự: Phòng Hợp tác",
"Cán bộ phụ trách: Phòng Hợp tác") is not made a staff member: its name is kept in the
record's notes, with a warning saying so (English and Vietnamese); the people beside it stay.
A person's name is never taken for a department (app.importing.units)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from app import records
from app.importing.messages import text
from app.importing.units import looks_like_unit
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import do_import, write_xlsx

UNITS = [
    "Phòng Hợp tác",
    "Phòng Hợp tác quốc tế",
    "PHÒNG HỢP TÁC",
    "Phòng Hợp Tác Quốc Tế",
    "phòng hợp tác",
    "Phòng CNTT",
    "Ban Tổ chức cán bộ",
    "Ban Văn hóa - Xã hội",
    "Văn phòng Bộ",
    "Văn phòng Đảng ủy",
    "Trung tâm Thông tin",
    "Trung tâm hỗ trợ sinh viên",
    "Bộ phận một cửa",
    "Department of International Cooperation",
    "Office of the Rector",
    "International Cooperation Office",
    "Planning Department",
]

PEOPLE = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Ban Ki-moon",  # "Ban" and no unit's name after it
    "BAN KI-MOON",
    "Bàn Văn Mười",  # a family name of the Dao people
    "Ban Mai",
    "Ban Nguyễn thị Hoa",
    "Phong Nguyễn",  # "Phong", not "Phòng"
    "Phòng",
    "Văn Phòng",
    "Văn Phòng Minh",
    "Lê Phòng",
    "Trung Tâm",
    "phòng văn minh",
    "Tô Văn Ban",
    "John Office Smith",
    "Officer Dibble",
    "ĐẶNG THỊ HỒNG NHUNG",
    "Ngô Bảo Châu",
]


@pytest.mark.parametrize("name", UNITS)
def test_a_unit_is_told_from_a_person(name: str) -> None:
    assert looks_like_unit(name)


@pytest.mark.parametrize("name", PEOPLE)
def test_a_person_is_never_taken_for_a_unit(name: str) -> None:
    assert not looks_like_unit(name)


def test_phong_hop_tac_among_our_staff_is_kept_in_the_minutes_not_made_a_staff_member(
    engine,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    """The reviewer's case: a meeting's 'Cán bộ dự' naming the Cooperation Office and one of us;
    the office (also its owner) made a staff member 'Phòng Hợp tác' before."""
    path = write_xlsx(
        tmp_path / "hop.xlsx",
        {
            "Cuộc họp": [
                ["Tiêu đề", "Bắt đầu", "Cán bộ phụ trách", "Cán bộ dự", "Biên bản"],
                ["Làm việc với NIC", "12/11/2026 14:00", "Phòng Hợp tác", "Phòng Hợp tác; Trần Thị Bình", "Đã trao đổi"],
            ]
        },
    )  # fmt: skip
    pv, result = do_import(engine, path)
    assert result.counts["new"] == 1
    with read_session(engine) as s:
        staff = s.exec(select(m.Staff)).all()
        assert [x.name for x in staff] == ["Trần Thị Bình"]
        mt = records.get(s, "meeting", s.exec(select(m.Meeting.id)).one())
        assert mt["staff_ids"] == [staff[0].id] and mt["owner_id"] is None
    assert mt["minutes"].splitlines() == [
        "Đã trao đổi",
        "Cán bộ phụ trách: Phòng Hợp tác",
        "Cán bộ dự: Phòng Hợp tác",
    ]
    said = pv.rows[0].said_warnings
    assert [w.code for w in said] == ["unit_kept_in_notes", "unit_kept_in_notes"]
    assert [w.column for w in said] == ["Cán bộ phụ trách (C)", "Cán bộ dự (D)"]
    assert text(said[0], "en") == (
        'Cán bộ phụ trách (C): "Phòng Hợp tác" is a department or office, not a person: '
        "no staff member made for it; kept in the notes"
    )
    assert "không tạo cán bộ; đã ghi vào ghi chú" in text(said[1], "vi")


def test_a_unit_in_charge_of_contacts_and_actions_is_not_made_a_staff_member(
    engine,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    """Owner of contacts (many rows: the sheet's fast path as well as the general one) and the
    responsible of an action; a person in the same column is still made a staff member."""
    contacts = [["Họ và tên", "Email", "Cán bộ phụ trách"]]
    for i in range(30):
        owner = "Văn phòng Bộ" if i % 3 else "Lê Hà"
        contacts.append([f"Nguyễn Văn Người{i}", f"nguoi{i}@example.vn", owner])
    actions = [
        ["Việc", "Người phụ trách", "Hạn"],
        ["Gửi dự thảo MOU", "Department of International Cooperation", "20/11/2026"],
    ]
    path = write_xlsx(tmp_path / "lh.xlsx", {"Danh bạ": contacts, "Việc": actions})
    pv, result = do_import(engine, path, "Danh bạ")
    assert result.counts["new"] == 30
    warned = [r.row for r in pv.rows if [w.code for w in r.said_warnings] == ["unit_kept_in_notes"]]
    assert warned == [r for r in range(2, 32) if (r - 2) % 3]
    pv2, result2 = do_import(engine, path, "Việc", kind="action")
    assert result2.counts["new"] == 1
    assert [w.code for w in pv2.rows[0].said_warnings] == ["unit_kept_in_notes"]
    with read_session(engine) as s:
        assert [x.name for x in s.exec(select(m.Staff)).all()] == ["Lê Hà"]
        one = s.exec(select(m.Contact).where(m.Contact.full_name == "Nguyễn Văn Người1")).one()
        assert one.owner_id is None and one.notes == "Cán bộ phụ trách: Văn phòng Bộ"
        action = s.exec(select(m.Action)).one()
        assert action.responsible_staff_id is None and action.responsible_contact_id is None
        assert action.notes == "Người phụ trách: Department of International Cooperation"


def test_the_cli_says_it_in_vietnamese_and_makes_no_staff_member(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    sheet = tmp_path / "a.csv"
    sheet.write_text(
        "Họ và tên,Email,Cán bộ phụ trách\nNguyễn Văn An,an@x.vn,Phòng Hợp tác\nLê Thị Hoa,hoa@x.vn,Trần Bình\n",
        encoding="utf-8",
    )
    assert main(["import", str(sheet), "--db", str(tmp_path / "k.db"), "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert (
        '  dòng 2 (cảnh báo): Cán bộ phụ trách (C): "Phòng Hợp tác" là tên một đơn vị (phòng, ban…), '
        "không phải một người: không tạo cán bộ; đã ghi vào ghi chú\n"
    ) in out
    assert "  tạo 1 cán bộ: Trần Bình\n" in out
