"""Reviewer: the Excel export wrote a country as its code ("VN"), where the README promises a
name, never a code. It writes the name in the export's language ("Việt Nam" / "Viet Nam",
"Cộng hòa Séc" / "Czech Republic"), and importing the file into a new database gives the same codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app import records
from app.exporting import export_workbook
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.exporting.test_round_trip import import_all

# a country the importer always knew by name, and rarer ones named from the phone library
COUNTRIES = ["VN", "SG", "CZ", "AT", "BE", "AO", "BR"]


def _countries(path: Path, sheet_index: int) -> list[str]:
    wb = load_workbook(path, read_only=True)
    try:
        rows = list(wb.worksheets[sheet_index].iter_rows(values_only=True))
    finally:
        wb.close()
    col = next(i for i, h in enumerate(rows[0]) if h and "Country" in str(h))
    return [str(r[col]) for r in rows[1:] if r[col] is not None]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_country_exported_by_name_and_read_back(tmp_path: Path, lang: str) -> None:
    one = open_database(f"sqlite:///{tmp_path / 'one.db'}")
    two = open_database(f"sqlite:///{tmp_path / 'two.db'}")
    try:
        with unit_of_work(one) as s:
            for i, code in enumerate(COUNTRIES):
                org = records.create(s, "organisation", {"name": f"Tổ chức {i}", "country": code})
                records.create(
                    s,
                    "contact",
                    {"full_name": f"Nguyễn Văn {chr(65 + i)}", "organisation_id": org, "country": code},
                )
        path = tmp_path / f"export-{lang}.xlsx"
        with read_session(one) as s:
            export_workbook(path, session=s, lang=lang)
        written = _countries(path, 0) + _countries(path, 1)
        assert len(written) == 2 * len(COUNTRIES)
        assert not set(written) & set(COUNTRIES), written  # names, never codes
        assert ("Việt Nam" if lang == "vi" else "Viet Nam") in written
        assert ("Cộng hòa Séc" if lang == "vi" else "Czech Republic") in written
        import_all(two, path)
        with read_session(two) as s:
            got = {o.name: o.country for o in s.exec(select(m.Organisation))}
            people = {c.full_name: c.country for c in s.exec(select(m.Contact))}
        assert got == {f"Tổ chức {i}": code for i, code in enumerate(COUNTRIES)}
        assert people == {f"Nguyễn Văn {chr(65 + i)}": code for i, code in enumerate(COUNTRIES)}
    finally:
        one.dispose()
        two.dispose()
