"""Undo puts the sectors and tags back as they were: those an import or a save created go with
its undo when nothing else uses them (reviewer: after File → Import history → Undo import of
field-contacts.xlsx into a Vietnamese demo database, "AI", "Quantum", "Cybersecurity" and
"Policy" stayed in the sector filter and the pickers, used by no record); one a record saved
since uses stays. Real SQLite files, the real workbook, the CLI in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import lists, records
from app.cli import main
from app.undo import undo_group
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import SAMPLE

IMPORTED = {"AI", "Quantum", "Cybersecurity", "Policy"}  # the workbook's, not the Vietnamese demo's


def _vocabulary(engine: Engine) -> tuple[set[str], set[str]]:
    with read_session(engine) as s:
        choices = lists.filter_choices(s)  # what the filter bar and the pickers offer
    return {n for _, n in choices["sector"]}, {n for _, n in choices["tag"]}


def _import_into_demo(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Engine:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    capsys.readouterr()
    return open_database(f"sqlite:///{db}")


def test_undoing_an_import_removes_the_sectors_it_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.db"
    engine = _import_into_demo(db, monkeypatch, capsys)
    sectors, _tags = _vocabulary(engine)
    assert sectors >= IMPORTED  # the Vietnamese demo has "Trí tuệ nhân tạo", not "AI"
    with read_session(engine) as s:
        batch_id = s.execute(select(m.ImportBatch.id)).scalar_one()
    assert main(["undo-import", str(batch_id), "--db", str(db)]) == 0
    sectors, tags = _vocabulary(engine)
    assert not sectors & IMPORTED
    assert "Trí tuệ nhân tạo" in sectors and "đối tác chiến lược" in tags  # the demo's stay
    engine.dispose()


def test_a_sector_the_import_created_that_a_record_saved_since_uses_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.db"
    engine = _import_into_demo(db, monkeypatch, capsys)
    with read_session(engine) as s:
        batch_id = s.execute(select(m.ImportBatch.id)).scalar_one()
        # an organisation the import did not touch
        org = (
            s.execute(
                select(m.Organisation.id)
                .where(m.Organisation.import_batch_id.is_(None))
                .order_by(m.Organisation.id.desc())
            )
            .scalars()
            .first()
        )
        assert org is not None
        had = records.snapshot(s, "organisation", org)["sectors"]
    with unit_of_work(engine) as s:  # a colleague files it under "Quantum" after the import
        records.update(s, "organisation", org, {"sectors": [*had, "Quantum"]}, expected_version=None)
    assert main(["undo-import", str(batch_id), "--db", str(db)]) == 0
    sectors, _tags = _vocabulary(engine)
    assert "Quantum" in sectors
    assert not sectors & (IMPORTED - {"Quantum"})
    with read_session(engine) as s:
        assert "Quantum" in records.snapshot(s, "organisation", org)["sectors"]
    engine.dispose()


def test_undoing_a_save_that_typed_a_new_sector_removes_it_and_redo_gives_it_back(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica", "sectors": ["Công nghệ sinh học"]})
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        records.update(
            s, "organisation", org, {"sectors": ["Công nghệ sinh học", "Hydrogen"]},
            expected_version=None, group_id=group,
        )  # fmt: skip
    assert _vocabulary(engine)[0] == {"Công nghệ sinh học", "Hydrogen"}
    with unit_of_work(engine) as s:
        undone = undo_group(s, group)
    assert _vocabulary(engine)[0] == {"Công nghệ sinh học"}
    with unit_of_work(engine) as s:
        undo_group(s, undone.group_id)  # redo
    assert _vocabulary(engine)[0] == {"Công nghệ sinh học", "Hydrogen"}
    with read_session(engine) as s:
        assert records.snapshot(s, "organisation", org)["sectors"] == ["Công nghệ sinh học", "Hydrogen"]


def test_undoing_the_creation_of_a_record_with_new_words_removes_them_and_redo_gives_them_back(
    engine: Engine,
) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Bộ Tài chính", "sectors": ["Fintech"], "tags": ["VIP"]})
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        org = records.create(
            s, "organisation", {"name": "Genetica", "sectors": ["Fintech", "Biotech"], "tags": ["VIP", "mới"]},
            group_id=group,
        )  # fmt: skip
    assert _vocabulary(engine) == ({"Fintech", "Biotech"}, {"VIP", "mới"})
    with unit_of_work(engine) as s:
        undone = undo_group(s, group)
    assert _vocabulary(engine) == ({"Fintech"}, {"VIP"})  # the other organisation's stay
    with unit_of_work(engine) as s:
        undo_group(s, undone.group_id)  # redo
    assert _vocabulary(engine) == ({"Fintech", "Biotech"}, {"VIP", "mới"})
    with read_session(engine) as s:
        back = records.snapshot(s, "organisation", org)
        assert sorted(back["sectors"]) == ["Biotech", "Fintech"] and sorted(back["tags"]) == ["VIP", "mới"]
