"""The note of the sectors and tags an import adds says that one would be there twice only when
it is so, naming the saved one (reviewer h117: into an EMPTY database, "new sectors will be added:
AI; one already saved under another name (“Quantum” for “Lượng tử”) would then be there twice",
an example written into the message; the tags' version named none). Real workbooks, a real
SQLite file, through the preview and ``ketnoi import``, in English and Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from app.importing.messages import text
from app.importing.samenames import saved_as
from db.engine import unit_of_work
from tests.app.importing.helpers import preview, write_xlsx

HEADER = ["Tên tổ chức", "Lĩnh vực", "Thẻ"]


def _book(tmp_path: Path, *rows: list[str]) -> Path:
    return write_xlsx(tmp_path / "orgs.xlsx", {"Organisations": [HEADER, *rows]})


def _saved(engine: Engine, sectors: list[str], tags: list[str]) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Viện Vật lý", "sectors": sectors, "tags": tags})


def test_into_an_empty_database_the_new_names_are_said_and_nothing_more(
    engine: Engine, tmp_path: Path
) -> None:
    pv = preview(engine, _book(tmp_path, ["Viện X", "AI", "VIP"]), kind="organisation")
    said = {m.code: m for m in pv.sheet_warnings}
    assert text(said["new_sectors_only"], "en") == "new sectors will be added: AI"
    assert text(said["new_sectors_only"], "vi") == "sẽ thêm lĩnh vực mới: AI"
    assert text(said["new_tags_only"], "en") == "new tags will be added: VIP"
    assert text(said["new_tags_only"], "vi") == "sẽ thêm thẻ mới: VIP"
    assert "new_sectors" not in said and "new_tags" not in said


def test_a_sector_saved_under_another_name_is_named_with_it(engine: Engine, tmp_path: Path) -> None:
    _saved(engine, ["Lượng tử", "Cybersecurity"], [])
    pv = preview(engine, _book(tmp_path, ["Viện X", "Quantum; AI; Cyber-security", ""]), kind="organisation")
    said = {m.code: m for m in pv.sheet_warnings}
    assert text(said["new_sectors"], "en") == (
        "new sectors will be added: Quantum, AI, Cyber-security; saved already under another name "
        "(as written → as saved): “Quantum” → “Lượng tử”, “Cyber-security” → “Cybersecurity”: each "
        "would then be there twice: write it as saved, or rename the saved one first"
    )
    assert text(said["new_sectors"], "vi") == (
        "sẽ thêm lĩnh vực mới: Quantum, AI, Cyber-security; đã lưu dưới tên khác (tên trong tệp → tên "
        "đã lưu): “Quantum” → “Lượng tử”, “Cyber-security” → “Cybersecurity”: khi đó mỗi lĩnh vực sẽ có "
        "hai lần: hãy ghi đúng tên đã lưu, hoặc đổi tên lĩnh vực đã lưu trước"
    )


def test_a_tag_saved_under_another_name_is_named_with_it(engine: Engine, tmp_path: Path) -> None:
    _saved(engine, [], ["Đối tác", "VIP"])
    pv = preview(engine, _book(tmp_path, ["Viện X", "", "Partners; V.I.P; Báo chí"]), kind="organisation")
    said = {m.code: m for m in pv.sheet_warnings}
    assert said["new_tags"].params["pairs"] == ["“Partners” → “Đối tác”", "“V.I.P” → “VIP”"]
    assert text(said["new_tags"], "vi").startswith(
        "sẽ thêm thẻ mới: Partners, V.I.P, Báo chí; đã lưu dưới tên khác (tên trong tệp → tên đã lưu): "
        "“Partners” → “Đối tác”, “V.I.P” → “VIP”: khi đó mỗi thẻ sẽ có hai lần"
    )


def test_saved_names_of_other_things_are_no_pair(engine: Engine, tmp_path: Path) -> None:
    _saved(engine, ["Lượng tử", "Năng lượng"], ["đối tác chiến lược"])
    pv = preview(engine, _book(tmp_path, ["Viện X", "AI; Robotics", "Đối tác"]), kind="organisation")
    assert {m.code for m in pv.sheet_warnings} >= {"new_sectors_only", "new_tags_only"}
    assert not {m.code for m in pv.sheet_warnings} & {"new_sectors", "new_tags"}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_ketnoi_import_into_an_empty_database_claims_no_twice(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = _book(tmp_path, ["Viện X", "AI", "VIP"])
    assert main(["import", str(path), "--db", str(db_path), "--lang", lang, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert {"en": "new sectors will be added: AI\n", "vi": "sẽ thêm lĩnh vực mới: AI\n"}[lang] in out, out
    assert "Lượng tử" not in out and "Quantum" not in out
    assert {"en": "twice", "vi": "hai lần"}[lang] not in out


def test_same_names_rule() -> None:
    assert saved_as(["Semiconductor", "Bán dẫn", "Trí tuệ nhân tạo", "Space"], ["Semiconductors", "AI"]) == [
        ("Semiconductor", "Semiconductors"),
        ("Bán dẫn", "Semiconductors"),
        ("Trí tuệ nhân tạo", "AI"),
    ]
    assert saved_as(["Glass", "Bus"], ["Glas", "Bu"]) == []  # (no "s" off "ss" nor a short word)
