"""Staff in the export: besides the names in the records' reference columns, the workbook has
a sheet "Cán bộ (Staff)" with every live staff member, which the importer reads first, so a
staff member no record references comes back too, once however often the file is imported."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col, select

from app import records
from app.cli import main
from db import models as m
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import upgrade


def _staff(path: Path) -> list[tuple[str, str]]:
    engine = make_engine(f"sqlite:///{path}")
    try:
        with read_session(engine) as s:
            rows = s.exec(select(m.Staff.name, m.Staff.email).where(col(m.Staff.deleted_at).is_(None)))
            return sorted((str(n), str(e)) for n, e in rows)
    finally:
        engine.dispose()


def _source(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        with unit_of_work(engine) as s:
            anh = records.create(s, "staff", {"name": "Trần Minh Anh", "email": "anh@nic.gov.vn"})
            records.create(s, "staff", {"name": "Phạm Thu Hà", "email": "ha@nic.gov.vn"})  # on nothing
            records.create(s, "contact", {"full_name": "Lê Văn Bình", "owner_id": anh})
    finally:
        engine.dispose()


def test_referenced_staff_come_back_once_however_often_the_export_is_imported(tmp_path: Path) -> None:
    _source(tmp_path / "a.db")
    book = tmp_path / "all.xlsx"
    assert main(["export", str(book), "--db", str(tmp_path / "a.db"), "--lang", "en"]) == 0
    for _ in range(2):
        assert main(["import", str(book), "--db", str(tmp_path / "b.db"), "--lang", "en"]) == 0
        assert ("Trần Minh Anh", "anh@nic.gov.vn") in _staff(tmp_path / "b.db")
        assert [n for n, _ in _staff(tmp_path / "b.db")].count("Trần Minh Anh") == 1


def test_every_staff_member_comes_back_once(tmp_path: Path) -> None:
    _source(tmp_path / "a.db")
    book = tmp_path / "all.xlsx"
    assert main(["export", str(book), "--db", str(tmp_path / "a.db"), "--lang", "en"]) == 0
    for _ in range(2):
        assert main(["import", str(book), "--db", str(tmp_path / "b.db"), "--lang", "en"]) == 0
        assert _staff(tmp_path / "b.db") == _staff(tmp_path / "a.db")
