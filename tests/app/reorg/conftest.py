"""The reorganisation and post tests run on SQLite and, when KETNOI_TEST_POSTGRES_URL is set,
on PostgreSQL too (a database of its own per test, tests/postgres.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from db.migrate import open_database


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, db_url: str) -> Iterator[Engine]:
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else db_url
    eng = open_database(url)
    yield eng
    eng.dispose()
