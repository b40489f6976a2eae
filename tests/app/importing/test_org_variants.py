"""An organisation written three ways in one workbook (its acronym, its full name, "Full name
(ACR)") becomes one organisation whatever the order of the rows."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from db.engine import read_session
from db.migrate import open_database
from db.models import Contact, Organisation
from tests.app.importing.helpers import do_import, write_xlsx

MENTIONS = [
    ("Phạm Văn Bình", "VIN"),
    ("Lê Thị Cúc", "Mạng lưới Đổi mới sáng tạo Việt Nam"),
    ("Hoàng Minh Đức", "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)"),
    ("Vũ Thu Hà", "Viện Hàn lâm KHCN"),
    ("Đỗ Quang Huy", "Viện Hàn lâm KHCN (VAST)"),
    ("Ngô Lan", "VAST"),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_every_order_of_the_rows_gives_the_same_organisations(tmp_path: Path, order: tuple[int, ...]) -> None:
    rows = [MENTIONS[i] for i in order] + [MENTIONS[3 + i] for i in order]
    path = write_xlsx(tmp_path / "k.xlsx", {"Khách": [["Họ và tên", "Đơn vị"], *map(list, rows)]})
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        do_import(engine, path)
        with read_session(engine) as s:
            orgs = {(o.name, o.acronym) for o in s.execute(select(Organisation)).scalars()}
            names = {o.id: o.acronym for o in s.execute(select(Organisation)).scalars()}
            where = {c.full_name: names[c.organisation_id] for c in s.execute(select(Contact)).scalars()}
    finally:
        engine.dispose()
    assert orgs == {("Mạng lưới Đổi mới sáng tạo Việt Nam", "VIN"), ("Viện Hàn lâm KHCN", "VAST")}
    assert where == {name: ("VIN" if n < 3 else "VAST") for n, (name, _) in enumerate(MENTIONS)}


def test_a_workbook_tie_also_joins_a_bare_name_to_an_organisation_already_known(
    engine: Engine, tmp_path: Path
) -> None:
    from app import records
    from db.engine import unit_of_work

    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "VIN"})  # known only by its acronym so far
    rows = [["Họ và tên", "Đơn vị"], ["Lê Thị Cúc", "Mạng lưới Đổi mới sáng tạo Việt Nam"],
            ["Hoàng Minh Đức", "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)"]]  # fmt: skip
    do_import(engine, write_xlsx(tmp_path / "k.xlsx", {"Khách": rows}))
    with read_session(engine) as s:
        assert len(s.execute(select(Organisation)).scalars().all()) == 1
