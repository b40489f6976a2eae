"""The two reads Log meeting's reviewer fixes rest on, on both databases: a ministry's units'
people first (app.lists.find_contacts, one recursive query) and the successor a meeting dated on
or after a reorganisation names (app.reorg.successors_on, following a merger then a renaming)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine

from app import lists, records, reorg
from db.engine import read_session, unit_of_work
from db.migrate import open_database


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_units_people_first_and_successors_on_a_day(
    backend: str, engine: Engine, request: pytest.FixtureRequest
) -> None:
    eng = open_database(request.getfixturevalue("pg_url")) if backend == "postgresql" else engine
    try:
        with unit_of_work(eng) as s:
            other = records.create(s, "organisation", {"name": "Anti-Scam"})
            most = records.create(s, "organisation", {"name": "Bộ Ví dụ"})
            vu = records.create(s, "organisation", {"name": "Vụ Ví dụ", "parent_id": most})
            records.create(s, "contact", {"full_name": "Đỗ Ngọc Giang", "organisation_id": other})
            records.create(s, "contact", {"full_name": "Hồ Đức Giang", "organisation_id": vu})
            mpi = records.create(s, "organisation", {"name": "Bộ Kế hoạch và Đầu tư"})
            mof = records.create(s, "organisation", {"name": "Bộ Tài chính"})
            renamed = records.create(s, "organisation", {"name": "Bộ Tài chính mới"})
            reorg.succeed(s, mpi, [mof], kind="merged", on=dt.date(2025, 3, 1), actor="t")
            reorg.succeed(s, mof, [renamed], kind="renamed", on=dt.date(2026, 1, 1), actor="t")
        with read_session(eng) as s:
            found = lists.find_contacts(s, "giang", first_organisations=[most])
            assert [c["full_name"] for c in found] == ["Hồ Đức Giang", "Đỗ Ngọc Giang"]

            def now(day: dt.date) -> list[str]:
                return [link.name for link in reorg.successors_on(s, [mpi], day).get(mpi, [])]

            assert now(dt.date(2025, 2, 28)) == []
            assert now(dt.date(2025, 3, 1)) == ["Bộ Tài chính"]
            assert now(dt.date(2026, 12, 6)) == ["Bộ Tài chính mới"]
    finally:
        if eng is not engine:
            eng.dispose()
