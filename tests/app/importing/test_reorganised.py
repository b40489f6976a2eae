"""A contacts sheet naming an organisation merged or renamed by today files the person under its
successor, said at the organisation column; a split one is kept as named, said with what it
became; an organisations sheet's parent column the same (app.importing.reorganised), through the
functions the import wizard calls (preview_import, run_import, undo).

Reviewer: a contacts sheet naming "Bộ Kế hoạch và Đầu tư" (merged into Bộ Tài chính on
01/03/2025) filed its people under the closed ministry, with no word, where the forms, ``ketnoi
contact add`` and a meetings sheet give the successor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app import records, reorg
from app.importing import undo_import
from app.importing.matching import match_rows
from db import models as m
from db.engine import Engine, read_session, unit_of_work
from tests.app.importing.helpers import count, do_import, preview, write_xlsx

HEADER = ["Họ và tên", "Đơn vị", "Email"]


def _setup(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        ids = {
            key: records.create(s, "organisation", {"name": name, "acronym": acronym})
            for key, name, acronym in (
                ("gen", "Genetica", "GEN"),
                ("mof", "Bộ Tài chính", "MOF"),
                ("mpi", "Bộ Kế hoạch và Đầu tư", "MPI"),
                ("mic", "Bộ Thông tin và Truyền thông", "MIC"),
                ("most", "Bộ Khoa học và Công nghệ", "MOST"),
                ("ha", "Hội A", "HA"),
                ("hb", "Hội B", "HB"),
                ("hc", "Hội C", "HC"),
                ("vx", "Viện X", "VX"),
                ("vy", "Viện Y", "VY"),
            )
        }
        # worked at MPI: the reorganisation moved him to MOF
        ids["binh"] = records.create(
            s, "contact", {"full_name": "Lê Văn Bình", "organisation_id": ids["mpi"]}
        )
        reorg.succeed(s, ids["mpi"], [ids["mof"]], kind="merged", on=dt.date(2025, 3, 1))
        reorg.succeed(s, ids["mic"], [ids["most"]], kind="merged", on=dt.date(2025, 3, 1))
        reorg.succeed(s, ids["ha"], [ids["hb"], ids["hc"]], kind="split", on=dt.date(2025, 3, 1))
        reorg.succeed(s, ids["vx"], [ids["vy"]], kind="renamed", on=dt.date(2026, 1, 1))
    return ids


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    return _setup(engine)


def _said(row: Any, lang: str = "en") -> str:
    return str(row.message_text(lang))


def _orgs_of_contacts(engine: Engine) -> dict[str, int | None]:
    with read_session(engine) as s:
        live = s.exec(select(m.Contact).where(m.Contact.deleted_at.is_(None))).all()  # type: ignore[union-attr]
        return {c.full_name: c.organisation_id for c in live}


def test_a_contact_of_a_merged_ministry_is_filed_under_its_successor(
    engine: Engine, ids: dict[str, int], tmp_path: Path
) -> None:
    book = write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": [
        HEADER,
        ["Nguyễn Thị Hoa", "Bộ Kế hoạch và Đầu tư", "hoa@mpi.gov.vn"],
        ["Trần Văn Minh", "MIC", None],
        ["Lê Văn Bình", "MPI", "binh@mof.gov.vn"],  # the one the reorganisation moved: met, not doubled
        ["Phạm Thu Hà", "Hội A", None],  # split: kept as named, said what it became
        ["Đỗ Quang", "Genetica", None],
        ["Hà Phương", "Viện X", None],  # renamed
    ]})  # fmt: skip
    before = count(engine, m.Contact)
    pv, done = do_import(engine, book, kind="contact")
    hoa, minh, binh, ha, quang, phuong = pv.rows
    assert [r.status for r in pv.rows] == ["new", "new", "update", "new", "new", "new"]
    assert binh.match_id == ids["binh"]
    assert _said(hoa) == (
        "Đơn vị (B): Bộ Kế hoạch và Đầu tư (MPI) became Bộ Tài chính on 01/03/2025: "
        "the contact is filed under Bộ Tài chính"
    )
    assert _said(hoa, "vi") == (
        "Đơn vị (B): Bộ Kế hoạch và Đầu tư (MPI) đã trở thành Bộ Tài chính từ ngày 01/03/2025: "
        "liên hệ được ghi thuộc Bộ Tài chính"
    )
    assert "Bộ Thông tin và Truyền thông (MIC) became Bộ Khoa học và Công nghệ on 01/03/2025" in _said(minh)
    assert "the contact is filed under Bộ Tài chính" in _said(binh)
    assert _said(ha) == (
        "Đơn vị (B): Hội A (HA) was split into Hội B, Hội C on 01/03/2025: kept as Hội A (HA); "
        "write the one it was with"
    )
    assert _said(quang) == ""
    assert "Viện X (VX) became Viện Y on 01/01/2026: the contact is filed under Viện Y" in _said(phuong)
    assert [w.code for r in pv.rows for w in r.said_warnings] == [
        "successor_contact", "successor_contact", "successor_contact", "successor_split", "successor_contact"
    ]  # fmt: skip
    assert _orgs_of_contacts(engine) == {
        "Nguyễn Thị Hoa": ids["mof"],
        "Trần Văn Minh": ids["most"],
        "Lê Văn Bình": ids["mof"],
        "Phạm Thu Hà": ids["ha"],
        "Đỗ Quang": ids["gen"],
        "Hà Phương": ids["vy"],
    }
    # imported again: each person met where the first import filed them, none doubled
    again = preview(engine, book, kind="contact")
    assert [r.status for r in again.rows] == ["skip"] * 6
    # undone: what it added goes, Bình stays where the reorganisation moved him
    with unit_of_work(engine) as s:
        undo_import(done.batch_id, session=s)
    assert count(engine, m.Contact) == before
    assert _orgs_of_contacts(engine) == {"Lê Văn Bình": ids["mof"]}


def test_one_still_under_the_old_ministry_is_met_and_moved(
    engine: Engine, ids: dict[str, int], tmp_path: Path
) -> None:
    """A person filed under MPI after its merger (as the import did before): a row naming MPI or
    its successor is that person, filed under the successor (overwrite), not a second one."""
    with unit_of_work(engine) as s:
        kept = records.create(s, "contact", {"full_name": "Vũ Lan", "organisation_id": ids["mpi"]})
    book = write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": [
        HEADER, ["Vũ Lan", "Bộ Tài chính", "lan@mof.gov.vn"], ["Vũ Lan", "MPI", None],
    ]})  # fmt: skip
    pv, _done = do_import(engine, book, kind="contact", on_match="overwrite")
    first, second = pv.rows
    assert first.status == "update" and first.match_id == kept
    assert second.status == "duplicate" and second.duplicate_of == first.row
    assert _orgs_of_contacts(engine)["Vũ Lan"] == ids["mof"]


def test_an_organisations_sheet_whose_parent_was_merged(
    engine: Engine, ids: dict[str, int], tmp_path: Path
) -> None:
    book = write_xlsx(tmp_path / "to-chuc.xlsx", {"Tổ chức": [
        ["Tên tổ chức", "Viết tắt", "Cơ quan chủ quản"],
        ["Cục Phát triển doanh nghiệp", "CPTDN", "Bộ Kế hoạch và Đầu tư"],
        ["Trung tâm Hội B", "TTHB", "HA"],  # split: kept, said
        ["Viện Genetica", "VGEN", "GEN"],
    ]})  # fmt: skip
    pv, done = do_import(engine, book, kind="organisation")
    dept, split, plain = pv.rows
    assert [r.status for r in pv.rows] == ["new", "new", "new"]
    assert _said(dept) == (
        "Cơ quan chủ quản (C): Bộ Kế hoạch và Đầu tư (MPI) became Bộ Tài chính on 01/03/2025: "
        "the parent organisation is Bộ Tài chính"
    )
    assert _said(dept, "vi") == (
        "Cơ quan chủ quản (C): Bộ Kế hoạch và Đầu tư (MPI) đã trở thành Bộ Tài chính từ ngày 01/03/2025: "
        "tổ chức cấp trên được ghi là Bộ Tài chính"
    )
    assert "Hội A (HA) was split into Hội B, Hội C on 01/03/2025: kept as Hội A (HA)" in _said(split)
    assert _said(plain) == ""
    with read_session(engine) as s:
        parents = {o.name: o.parent_id for o in s.exec(select(m.Organisation)).all()}
    assert parents["Cục Phát triển doanh nghiệp"] == ids["mof"]
    assert parents["Trung tâm Hội B"] == ids["ha"]
    assert parents["Viện Genetica"] == ids["gen"]
    with unit_of_work(engine) as s:
        undo_import(done.batch_id, session=s)
    assert count(engine, m.Organisation) == len(ids) - 1  # (the contact of the setup is not one)


def test_said_once_when_matched_again(engine: Engine, ids: dict[str, int], tmp_path: Path) -> None:
    """The wizard matches again after a change of the database (or at the commit): the warning
    is the last run's, not piled up."""
    book = write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": [HEADER, ["Nguyễn Thị Hoa", "MPI", None]]})
    pv = preview(engine, book, kind="contact")
    with unit_of_work(engine) as s:  # the database changes: the next matching runs again
        records.create(s, "organisation", {"name": "Another"})
    with read_session(engine) as s:
        match_rows(s, pv)
    assert [w.code for w in pv.rows[0].said_warnings] == ["successor_contact"]
