"""The import matches again what changed since its preview, and says which rows came out
otherwise, in English and Vietnamese; an unchanged database says nothing."""

from __future__ import annotations

from pathlib import Path

from app import records
from app.importing import run_import
from app.importing.messages import text
from db.engine import Engine, unit_of_work
from tests.app.importing.helpers import preview, write_xlsx


def _setup(engine: Engine, tmp_path: Path) -> tuple[int, int, Path]:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF"})
        lan = records.create(
            s, "contact", {"full_name": "Lê Thị Lan", "organisation_id": org, "emails": ["lan@mof.gov.vn"]}
        )
    book = write_xlsx(
        tmp_path / "danh-ba.xlsx",
        {"Danh bạ": [["Họ và tên", "Đơn vị", "Email", "Điện thoại"],
                     ["Lê Thị Lan", "MOF", "lan@mof.gov.vn", "0912 345 678"]]},
    )  # fmt: skip
    return org, lan, book


def test_an_unchanged_database_says_nothing(engine: Engine, tmp_path: Path) -> None:
    _org, _lan, book = _setup(engine, tmp_path)
    pv = preview(engine, book)
    assert [r.status for r in pv.rows] == ["update"]
    assert run_import(engine, [pv]).rematched == []


def test_a_contact_deleted_since_the_preview_is_named_as_imported_anew(
    engine: Engine, tmp_path: Path
) -> None:
    org, lan, book = _setup(engine, tmp_path)
    pv = preview(engine, book)
    with unit_of_work(engine) as s:  # another window, meanwhile
        records.delete(s, "contact", lan)
    result = run_import(engine, [pv])
    assert result.counts["new"] == 1 and result.counts["update"] == 0
    assert [text(m, "en", where=True) for m in result.rematched] == [
        f'sheet "Danh bạ", row 2: the preview matched #{lan}, which was deleted or merged since: '
        '"Lê Thị Lan" was imported as a new record'
    ]
    assert [text(m, "vi", where=True) for m in result.rematched] == [
        f'trang "Danh bạ", dòng 2: bản xem trước khớp với #{lan}, nhưng bản ghi này đã bị xoá hoặc gộp '
        'sau đó: đã nhập "Lê Thị Lan" thành bản ghi mới'
    ]
    assert org  # (still there: the row links to it as previewed)
