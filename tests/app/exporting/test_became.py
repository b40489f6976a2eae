"""An organisation merged, renamed or split comes out of an export saying what it became, as the
list shows it greyed with "→ successor" (reviewer: the ministries' export listed MPI and MIC,
merged away, as plain rows). The column is the exporter's: imported again, it is not read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from app import records, reorg
from app.exporting import export_workbook
from app.exporting.workbook import BECAME_HEADER
from app.importing import inspect_sheet
from app.importing.fields import IGNORE, LABELS
from db.engine import read_session, unit_of_work


@pytest.mark.parametrize(
    "lang,words",
    [
        ("en", "merged into Bộ Tài chính on 01/03/2025"),
        ("vi", "đã hợp nhất vào Bộ Tài chính từ ngày 01/03/2025"),
    ],
)
def test_a_merged_organisation_says_what_it_became(
    engine: Engine, tmp_path: Path, lang: str, words: str
) -> None:
    with unit_of_work(engine) as s:
        mpi = records.create(
            s, "organisation", {"name": "Bộ Kế hoạch và Đầu tư", "acronym": "MPI", "kind": "ministry"}
        )
        mof = records.create(
            s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF", "kind": "ministry"}
        )
        reorg.succeed(s, mpi, [mof], kind="merged", on=dt.date(2025, 3, 1))
    out = tmp_path / "orgs.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s, lang=lang)
    ws = load_workbook(out)[LABELS["organisation"]]
    header = [c.value for c in ws[1]]
    assert header[-1] == BECAME_HEADER
    by_name = {row[0]: row[-1] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert by_name["Bộ Kế hoạch và Đầu tư"] == words
    assert by_name["Bộ Tài chính"] is None
    layout = inspect_sheet(out, ws.title)
    assert layout.mapping.get(len(header) - 1, IGNORE) == IGNORE  # (not imported back)


def test_no_column_when_nothing_was_reorganised(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Genetica"})
    out = tmp_path / "orgs.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s)
    assert all(BECAME_HEADER not in [c.value for c in ws[1]] for ws in load_workbook(out).worksheets)
