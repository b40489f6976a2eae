"""An import creates an organisation (or a staff member) only for a row it writes. Reviewer
h109: one row, Phan Thanh Sơn with his e-mail as Ketnoi has it and "Công ty Genetica Việt Nam"
for his organisation (Ketnoi: "Genetica"): "1 skipped (nothing new)", yet "creates 1
organisation: Công ty Genetica Việt Nam", and the import left that organisation with nobody in
it; the same for "Cty ABC" on the second sheet of a workbook."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import count, do_import, preview, write_xlsx

HEADER = ["Họ và tên", "Email", "Đơn vị", "Cán bộ phụ trách"]


def _names(engine: Engine, model: type[m.Organisation] | type[m.Staff]) -> set[str]:
    with read_session(engine) as s:
        return {o.name for o in s.execute(select(model)).scalars()}


def _first(engine: Engine, tmp_path: Path) -> None:
    first = write_xlsx(
        tmp_path / "first.xlsx",
        {"Khách": [HEADER, ["Phan Thanh Sơn", "son@genetica.asia", "Genetica", "Trần Minh Anh"]]},
    )
    do_import(engine, first)


def test_a_row_that_changes_nothing_creates_no_organisation(engine: Engine, tmp_path: Path) -> None:
    _first(engine, tmp_path)
    orgs, staff = _names(engine, m.Organisation), _names(engine, m.Staff)
    again = write_xlsx(
        tmp_path / "orphan.xlsx",
        {
            "Khách": [
                HEADER,
                ["Phan Thanh Sơn", "son@genetica.asia", "Công ty Genetica Việt Nam", "Lê Hồng Nhung"],
            ]
        },
    )
    pv = preview(engine, again)
    assert [r.status for r in pv.rows] == ["skip"]
    assert not pv.context.orgs.pending and not pv.context.staff.pending  # (what "creates …" lists)
    _pv, result = do_import(engine, again)
    assert _names(engine, m.Organisation) == orgs
    assert _names(engine, m.Staff) == staff
    assert not result.counts.get("organisations_created") and not result.counts.get("staff_created")


def test_the_organisation_a_written_row_links_to_is_created(engine: Engine, tmp_path: Path) -> None:
    """Beside the skipped row, a new person at a new organisation: that one is created, not the
    skipped row's; in "overwrite" the skipped row's organisation is written, and so created."""
    _first(engine, tmp_path)
    sheet = write_xlsx(
        tmp_path / "two.xlsx",
        {
            "Khách": [
                HEADER,
                ["Phan Thanh Sơn", "son@genetica.asia", "Công ty Genetica Việt Nam", None],
                ["Mai Thị Thu", "thu@abc.vn", "Cty ABC", None],
            ]
        },
    )
    do_import(engine, sheet)
    assert _names(engine, m.Organisation) == {"Genetica", "Cty ABC"}
    do_import(engine, sheet, on_match="overwrite")
    assert _names(engine, m.Organisation) == {"Genetica", "Cty ABC", "Công ty Genetica Việt Nam"}
    with read_session(engine) as s:
        son = s.execute(select(m.Contact).where(m.Contact.full_name == "Phan Thanh Sơn")).scalar_one()
        assert s.get(m.Organisation, son.organisation_id).name == "Công ty Genetica Việt Nam"


def test_second_sheet_skipped_rows_create_no_organisation(engine: Engine, tmp_path: Path) -> None:
    """Two sheets: the second's row, the first's person again (nothing new in fill), names her
    organisation otherwise ("Cty ABC" for "Công ty ABC"): no "Cty ABC" is created."""
    book = write_xlsx(
        tmp_path / "two_sheets.xlsx",
        {
            "Hà Nội": [HEADER, ["Mai Thị Thu", "thu@abc.vn", "Công ty ABC", None]],
            "TP HCM": [HEADER, ["Mai Thị Thu", "thu@abc.vn", "Cty ABC", None]],
        },
    )
    from app.importing import run_import

    first = preview(engine, book, "Hà Nội")
    second = preview(engine, book, "TP HCM")
    run_import(engine, [first, second])
    assert _names(engine, m.Organisation) == {"Công ty ABC"}
    assert count(engine, m.Contact) == 1
