"""Sectors and tags an import would add, said before it is written (reviewer h95: a sheet's
English "Quantum" and "Policy" were added beside the saved "Lượng tử" and "Chính sách", and 13
organisations then had both, with not a word before)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from app import records
from app.importing.messages import text
from db.engine import unit_of_work
from tests.app.importing.helpers import preview, run_import, write_xlsx

HEADER = ["Tên tổ chức", "Lĩnh vực", "Thẻ"]


def _saved(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        records.create(
            s, "organisation", {"name": "Viện Vật lý", "sectors": ["Lượng tử"], "tags": ["Đối tác"]}
        )


def test_new_sectors_and_tags_are_said_before_the_import_saved_ones_are_not(
    engine: Engine, tmp_path: Path
) -> None:
    _saved(engine)
    rows = [
        HEADER,
        ["Trung tâm Lượng tử VN", "Quantum; lượng tử", "đối tác"],  # "lượng tử": the saved one, folded
        ["Bộ Tài chính", "Policy", "VIP"],
        ["Bộ Tài chính", "Policy", "VIP"],  # (a duplicate row: nothing of it is written)
    ]
    pv = preview(engine, write_xlsx(tmp_path / "orgs.xlsx", {"Organisations": rows}), kind="organisation")
    said = {m.code: m for m in pv.sheet_warnings}
    assert said["new_sectors"].params["names"] == ["Quantum", "Policy"]
    # (no saved tag is "VIP" under another name: said without "would then be there twice")
    assert said["new_tags_only"].params["names"] == ["VIP"]
    assert said["new_sectors"].sheet == "Organisations"
    assert text(said["new_sectors"], "en").startswith("new sectors will be added: Quantum, Policy;")
    assert text(said["new_sectors"], "vi").startswith("sẽ thêm lĩnh vực mới: Quantum, Policy;")
    run_import(engine, pv)  # said, not refused: the person decides


def test_nothing_is_said_when_every_sector_and_tag_is_saved_already(engine: Engine, tmp_path: Path) -> None:
    _saved(engine)
    rows = [HEADER, ["Trung tâm Lượng tử VN", "LƯỢNG TỬ", "Đối tác"]]
    pv = preview(engine, write_xlsx(tmp_path / "orgs.xlsx", {"Organisations": rows}), kind="organisation")
    assert [m.code for m in pv.sheet_warnings if m.code.startswith("new_")] == []
