"""Headers offices write that were not recognised: their columns defaulted to "— not imported —"
and an officer who clicked Next lost every phone and organisation. A leading "Tên"/"Số"/"Địa
chỉ" (or a trailing "name"/"no."/"address", a qualifier like "liên hệ" or "mobile") is read as
a word that says what the column holds, never as part of an unknown name."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.importing import inspect_sheet
from app.importing.fields import field_for_header
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import do_import, write_xlsx

CONTACT_HEADERS = {
    "Số ĐT": "phones",
    "Tên cơ quan": "organisation",
    "Tên đơn vị": "organisation",
    "Số điện thoại di động": "phones",
    "Điện thoại liên hệ": "phones",
    "Số điện thoại liên hệ": "phones",
    "SĐT liên hệ": "phones",
    "Email cơ quan": "emails",
    "Tên người liên hệ": "full_name",
    "Phone no.": "phones",
    "Mobile no.": "phones",
    "Mobile phone": "phones",
    "Work email": "emails",
    "E-mail address": "emails",
    "Organisation name": "organisation",
    "Company name": "organisation",
    "Tên doanh nghiệp": "organisation",
    "So DT": "phones",  # typed without accents
    "TEN CO QUAN": "organisation",
}


@pytest.mark.parametrize(("header", "field"), CONTACT_HEADERS.items())
def test_contact_headers_offices_write(header: str, field: str) -> None:
    assert field_for_header("contact", header) == field


@pytest.mark.parametrize(
    ("kind", "header", "field"),
    [
        ("contact", "Địa chỉ cơ quan", None),  # the organisation's address, not the organisation
        ("contact", "Số fax", None),
        ("contact", "Số thứ tự", "_ignore"),
        ("contact", "Tên", "given_name"),
        ("organisation", "Tên viết tắt", "acronym"),
        ("organisation", "Số ĐT", None),
        ("organisation", "Tên doanh nghiệp", "name"),
        ("action", "Số văn bản", "reference"),
        ("action", "Tên đơn vị", "organisation"),
        ("staff", "Địa chỉ email", "email"),
    ],
)
def test_the_words_admit_only_what_they_can_name(kind: str, header: str, field: str | None) -> None:
    assert field_for_header(kind, header) == field


def test_an_office_list_keeps_its_phones_and_organisations(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "khach-moi.xlsx",
        {
            "Sheet1": [
                ["TT", "Họ tên", "Chức danh", "Số ĐT", "Thư điện tử", "Tên cơ quan"],
                [
                    1,
                    "Phạm Quang Huy",
                    "Viện trưởng",
                    "024 3825 1234",
                    "huy.pq@vast.example.vn",
                    "Viện Hàn lâm KH&CN VN",
                ],
                [
                    2,
                    "Lê Thị Hồng Nhung",
                    "Chuyên viên",
                    "+84 98 765 4321",
                    "nhung@fpt.example.vn",
                    "FPT Corporation",
                ],
            ]
        },
    )
    with read_session(engine) as s:
        layout = inspect_sheet(book, session=s)
    assert layout.kind == "contact"
    assert layout.mapping == {
        0: "_ignore",
        1: "full_name",
        2: "position",
        3: "phones",
        4: "emails",
        5: "organisation",
    }
    pv, _ = do_import(engine, book)
    assert [r.status for r in pv.rows] == ["new", "new"]
    with read_session(engine) as s:
        people = {c.full_name: c.organisation_id for c in s.exec(select(m.Contact)).all()}
        orgs = {o.id: o.name for o in s.exec(select(m.Organisation)).all()}
        phones = {x.value for x in s.exec(select(m.ContactMethod)).all()}
    assert orgs[people["Lê Thị Hồng Nhung"]] == "FPT Corporation"
    assert orgs[people["Phạm Quang Huy"]] == "Viện Hàn lâm KH&CN VN"
    assert {"+842438251234", "+84987654321"} <= phones
