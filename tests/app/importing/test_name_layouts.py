"""Names in every column layout offices use: no name part is ever dropped, and two different
people who share a given name are never taken for duplicates of each other."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from db.engine import read_session
from db.models import Contact
from tests.app.importing.helpers import do_import, write_xlsx

PEOPLE = [  # full name as written; family, middle, given
    ("Nguyễn Văn An", "Nguyễn", "Văn", "An"),
    ("Trần Thị An", "Trần", "Thị", "An"),  # same given name, same organisation
    ("Nguyễn Thị Hồng Nhung", "Nguyễn", "Thị Hồng", "Nhung"),
    ("Đặng Long", "Đặng", "", "Long"),
]


def _rows(layout: str) -> list[list[str]]:
    if layout == "full":
        return [["Họ và tên", "Đơn vị"]] + [[full, "NIC"] for full, *_ in PEOPLE]
    if layout == "three columns":
        return [["Họ", "Tên đệm", "Tên", "Đơn vị"]] + [[f, m, g, "NIC"] for _, f, m, g in PEOPLE]
    if layout.startswith("family and middle"):
        header = layout.split(": ")[1]
        return [[header, "Tên", "Đơn vị"]] + [[f"{f} {m}".strip(), g, "NIC"] for _, f, m, g in PEOPLE]
    if layout == "family | middle and given":
        return [["Họ", "Tên đệm và tên", "Đơn vị"]] + [
            [f, f"{m} {g}".strip(), "NIC"] for _, f, m, g in PEOPLE
        ]
    raise AssertionError(layout)


@pytest.mark.parametrize(
    "layout",
    [
        "full",
        "three columns",
        "family and middle | given: Họ và tên đệm",
        "family and middle | given: Họ đệm",
        "family and middle | given: Họ và chữ đệm",
        "family | middle and given",
    ],
)
def test_vietnamese_name_layouts_keep_every_part(engine: Engine, tmp_path: Path, layout: str) -> None:
    path = write_xlsx(tmp_path / "khach.xlsx", {"Khách mời": _rows(layout)})
    preview, result = do_import(engine, path)
    assert result.counts["new"] == len(PEOPLE), [r.message for r in preview.rows if r.status != "new"]
    with read_session(engine) as s:
        got = {
            (c.full_name, c.family_name, c.middle_name, c.given_name)
            for c in s.execute(select(Contact)).scalars()
        }
    assert got == set(PEOPLE)


def test_western_columns_and_an_honorific_of_its_own(engine: Engine, tmp_path: Path) -> None:
    rows = [
        ["Danh xưng", "First name", "Last name", "Company"],
        ["Dr.", "John", "Smith", "NVIDIA"],
        ["", "Łukasz", "Kowalski", "Samsung"],
        ["PGS.TS.", "An", "Nguyễn Văn", "NIC"],  # a Vietnamese name in English columns
    ]
    path = write_xlsx(tmp_path / "guests.xlsx", {"Guests": rows})
    _, result = do_import(engine, path)
    assert result.counts["new"] == 3
    with read_session(engine) as s:
        got = {
            (c.honorific, c.full_name, c.given_name, c.family_name)
            for c in s.execute(select(Contact)).scalars()
        }
    assert got == {
        ("Dr.", "John Smith", "John", "Smith"),
        ("", "Łukasz Kowalski", "Łukasz", "Kowalski"),
        ("PGS.TS.", "Nguyễn Văn An", "An", "Nguyễn"),  # "Văn": the middle name, as in the full name
    }
