"""The preview lists the organisations to be created with the variants folded into each; the
user splits a wrong fold or joins two before committing, and the commit does as chosen."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app.importing import folds, run_import
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import preview, write_xlsx

ROWS = [
    ["Họ và tên", "Đơn vị"],
    ["Nguyễn Văn An", "VIN"],
    ["Trần Thị Bình", "Mạng lưới Đổi mới sáng tạo Việt Nam"],
    ["Lê Văn Cường", "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)"],
    ["Phạm Thu Dung", "Viện Vật lý"],
    ["Hoàng Minh Em", "Institute of Physics"],
]


def orgs(engine: Engine) -> list[str]:
    with read_session(engine) as s:
        stmt = select(m.Organisation.name).where(col(m.Organisation.deleted_at).is_(None))
        return sorted(s.exec(stmt).all())


def test_folds_list_every_variant(engine: Engine, tmp_path: Path) -> None:
    pv = preview(engine, write_xlsx(tmp_path / "a.xlsx", {"Khách": ROWS}))
    listed = {f.label: f for f in folds.folds(pv)}
    vin = listed["Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)"]
    assert vin.folded and set(vin.variants) == {
        "VIN", "Mạng lưới Đổi mới sáng tạo Việt Nam", "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)"
    } and vin.rows == 3  # fmt: skip
    assert not listed["Viện Vật lý"].folded and listed["Institute of Physics"].rows == 1


def test_split_a_wrong_fold_and_join_two(engine: Engine, tmp_path: Path) -> None:
    pv = preview(engine, write_xlsx(tmp_path / "a.xlsx", {"Khách": ROWS}))
    with read_session(engine) as s:
        folds.split(s, pv, "VIN")  # say "VIN" here is another organisation
        folds.join(s, pv, "Institute of Physics", "Viện Vật lý")
    labels = {f.label: f for f in folds.folds(pv)}
    assert set(labels) == {"VIN", "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)", "Viện Vật lý"}
    assert labels["Viện Vật lý"].rows == 2 and labels["VIN"].variants == ("VIN",)
    assert run_import(engine, pv).batch_id is not None  # the commit matches again: the choices hold
    assert orgs(engine) == ["Mạng lưới Đổi mới sáng tạo Việt Nam", "VIN", "Viện Vật lý"]
    with read_session(engine) as s:
        em = s.exec(select(m.Contact).where(m.Contact.full_name == "Hoàng Minh Em")).one()
        iop = s.exec(select(m.Organisation).where(m.Organisation.name == "Viện Vật lý")).one()
        assert em.organisation_id == iop.id


def test_reset_gives_the_automatic_folds_back(engine: Engine, tmp_path: Path) -> None:
    pv = preview(engine, write_xlsx(tmp_path / "a.xlsx", {"Khách": ROWS}))
    before = folds.folds(pv)
    with read_session(engine) as s:
        folds.split(s, pv, "VIN")
        assert folds.folds(pv) != before
        folds.reset(s, pv)
    assert folds.folds(pv) == before


def test_the_organisations_created_are_listed_in_vietnamese_dictionary_order(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.importing import folds
    from tests.app.importing.helpers import preview, write_xlsx

    names = ["Viện Vật lý", "Đại học Bách khoa Hà Nội", "Công ty Ánh Dương", "Dự án Xanh", "Bộ Tài chính"]
    rows = [["Họ và tên", "Đơn vị"]] + [[f"Người {i}", n] for i, n in enumerate(names)]
    pv = preview(engine, write_xlsx(tmp_path / "o.xlsx", {"S": rows}))
    # d before đ, and đ before v (a casefold sort put "Đại học" after "Viện")
    assert [f.label for f in folds.folds(pv)] == [
        "Bộ Tài chính", "Công ty Ánh Dương", "Dự án Xanh", "Đại học Bách khoa Hà Nội", "Viện Vật lý"
    ]  # fmt: skip
