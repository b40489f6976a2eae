"""Two people in one name cell ("Ông Nguyễn Văn Tâm; Bà Trần Thị Lụa") were imported silently as
one contact named "Nguyễn Văn Tâm; Bà Trần Thị Lụa" (family Nguyễn, middle "Văn Tâm; Bà Trần
Thị", given Lụa). Such a row is now an error naming the sheet, row and column — which of the
two the row's email and phone belong to only the officer knows — while one person's name
written with a slash, a comma or an honorific alone stays one contact, on the fast path too."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.importing import fastrows as fr
from app.importing import inspect_sheet
from app.importing.messages import text
from app.importing.preview import read_rows
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import do_import, write_xlsx

TWO = [
    "Ông Nguyễn Văn Tâm; Bà Trần Thị Lụa",
    "Nguyễn Văn Tâm và Trần Thị Lụa",
    "Ông Nguyễn Văn Tâm & Bà Trần Thị Lụa",
    "Nguyễn Văn Tâm / Trần Thị Lụa",
    "Nguyễn Văn Tâm\nTrần Thị Lụa",
    "Ông Nguyễn Văn Tâm, Bà Trần Thị Lụa",
    "NGUYỄN VĂN TÂM; TRẦN THỊ LỤA",
    "Mr John Smith & Mrs Jane Smith",
]
ONE = {
    "Ông/Bà Nguyễn Văn Tâm": None,  # (kept as written, as before: one person)
    "Nguyễn Văn Tâm, Giám đốc": None,  # (the position after the comma: handled as before)
    "Nguyễn Văn Tâm / Nguyen Van Tam": None,  # one name written twice
    "Nguyễn, Văn Hùng": None,  # family name first, then the rest
    "Nguyễn Văn Tâm, Trưởng phòng": None,
    "TS. Phạm Quang Huy": "Phạm Quang Huy",
    "Research & Development": None,
}


def _book(tmp_path: Path, names: list[str]) -> Path:
    rows = [[i + 1, n, "Giám đốc", f"p{i}@sokhcn.example.vn"] for i, n in enumerate(names)]
    return write_xlsx(
        tmp_path / "khach.xlsx", {"Khách mời": [["STT", "Họ và tên", "Chức vụ", "Email"], *rows]}
    )


def test_two_people_in_one_name_cell_are_an_error_that_says_so(engine: Engine, tmp_path: Path) -> None:
    book = _book(tmp_path, [*TWO, "Lê Thị Hồng Nhung"])
    pv, _ = do_import(engine, book)
    assert [r.status for r in pv.rows] == ["error"] * len(TWO) + ["new"]
    first = pv.rows[0].messages()[0]
    assert text(first, "en", where=True) == (
        'sheet "Khách mời", row 2, column Họ và tên (B): two people in one cell? ("Ông Nguyễn Văn Tâm" and '
        '"Bà Trần Thị Lụa"): split them into two rows'
    )
    assert "hai người trong một ô?" in text(first, "vi")
    with read_session(engine) as s:
        names = [c.full_name for c in s.exec(select(m.Contact)).all()]
    assert names == ["Lê Thị Hồng Nhung"]  # never a merged name


@pytest.mark.parametrize(("cell", "full_name"), ONE.items())
def test_one_person_stays_one_contact(
    engine: Engine, tmp_path: Path, cell: str, full_name: str | None
) -> None:
    pv, _ = do_import(engine, _book(tmp_path, [cell]))
    assert pv.rows[0].status == "new", pv.rows[0].message_text()
    if full_name is not None:
        assert pv.rows[0].columns["full_name"] == full_name


def test_the_fast_path_leaves_them_to_the_general_path(tmp_path: Path) -> None:
    names = [
        "Lê Thị Hồng Nhung",
        "Nguyễn Văn Tâm và Trần Thị Lụa",
        "Nguyễn Văn Tâm; Trần Thị Lụa",
        "Ngô Minh An",
    ]
    book = _book(tmp_path, names)
    layout = inspect_sheet(book)
    fast = fr.fast_rows(layout)
    assert fast is not None
    answered = [
        fast.row(n + 2, [n + 1, name, "Giám đốc", f"p{n}@sokhcn.example.vn"]) for n, name in enumerate(names)
    ]
    assert [a is fr.FALLBACK for a in answered] == [False, True, True, False]
    quick, _ = read_rows(book, layout, parallel=False)
    general, _ = read_rows(book, layout, parallel=False, fast=False)
    assert quick == general
    assert [r.status for r in quick] == ["new", "error", "error", "new"]
