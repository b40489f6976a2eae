"""Undoing an import made before imports noted the sectors and tags they created (the batch's
``vocabulary_created``) removes those it brought that nothing else uses, as a newer import's
undo does: it left "AI", "Quantum" in the sector filter and the pickers, used by no record. A
sector or tag that was there before it, or that a record saved since uses, stays; and an import
that created none says so, so that its undo never takes a word it only reused. Real workbooks
(openpyxl), real SQLite files."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from app import lists, records
from app.importing.commit import VOCABULARY_KEY
from app.importing.undo import undo_import
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import do_import, write_xlsx


def _offered(engine: Engine) -> tuple[set[str], set[str]]:
    with read_session(engine) as s:
        choices = lists.filter_choices(s)  # what the filter bar and the pickers offer
    return {n for _, n in choices["sector"]}, {n for _, n in choices["tag"]}


def _undo(engine: Engine, batch_id: int) -> dict[str, int]:
    with unit_of_work(engine) as s:
        return undo_import(batch_id, session=s).vocabulary


def test_an_old_imports_undo_removes_the_words_it_brought(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:  # a person's records, before the import
        records.create(s, "organisation", {"name": "Viettel", "sectors": ["Năng lượng"]})
        fpt = records.create(s, "organisation", {"name": "FPT"})
        records.create(s, "contact", {"full_name": "Đỗ Minh Thư", "tags": ["VIP"]})
        records.update(s, "contact", 1, {"tags": []}, expected_version=None)  # "VIP": there, unused
    book = write_xlsx(
        tmp_path / "doi-tac.xlsx",
        {
            "Tổ chức": [
                ["Tên đơn vị", "Lĩnh vực", "Nhãn"],
                ["Công ty Cổ phần Ánh Dương", "AI; Năng lượng", "đối tác; VIP"],
                ["Viettel", "Blockchain", "báo chí"],  # an update: added to its lists
            ]
        },
    )
    batch_id = do_import(engine, book)[1].batch_id
    with unit_of_work(engine) as s:  # as an import made before the note was written left it
        mapping = s.execute(select(m.ImportBatch.mapping).where(m.ImportBatch.id == batch_id)).scalar_one()
        assert mapping.pop(VOCABULARY_KEY)
        s.execute(update(m.ImportBatch).where(m.ImportBatch.id == batch_id).values(mapping=mapping))
    sectors, tags = _offered(engine)
    assert {"AI", "Blockchain", "Năng lượng"} <= sectors and {"đối tác", "báo chí", "VIP"} <= tags
    with unit_of_work(engine) as s:  # a colleague files FPT under "AI", since
        records.update(s, "organisation", fpt, {"sectors": ["AI"]}, expected_version=None)
    assert _undo(engine, batch_id) == {"sector": 1, "tag": 2}
    sectors, tags = _offered(engine)
    assert "Blockchain" not in sectors and not {"đối tác", "báo chí"} & tags
    assert {"AI", "Năng lượng"} <= sectors  # used since; the person's
    assert "VIP" in tags  # there before the import, if unused


def test_an_import_that_created_no_word_takes_none_with_its_undo(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:  # "Năng lượng": in the list, used by nothing now
        org = records.create(s, "organisation", {"name": "Viettel", "sectors": ["Năng lượng"]})
        records.update(s, "organisation", org, {"sectors": []}, expected_version=None)
    book = write_xlsx(
        tmp_path / "to-chuc.xlsx",
        {"Tổ chức": [["Tên đơn vị", "Lĩnh vực"], ["Công ty Cổ phần Ánh Dương", "Năng lượng"]]},
    )
    batch_id = do_import(engine, book)[1].batch_id
    with read_session(engine) as s:
        mapping = s.execute(select(m.ImportBatch.mapping).where(m.ImportBatch.id == batch_id)).scalar_one()
    assert mapping[VOCABULARY_KEY] == {}  # it says it created none
    assert _undo(engine, batch_id) == {}
    assert "Năng lượng" in _offered(engine)[0]
