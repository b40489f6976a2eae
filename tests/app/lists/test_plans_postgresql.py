"""Every sortable list column has an index PostgreSQL can walk in the list's order: with sorts
made as costly as the planner allows (``enable_sort = off``), no list query's plan sorts for the
first screen, for every column of :data:`app.lists.SORTABLE` in both directions (the SQLite
plans are checked in test_plans.py). On a small table the planner would rather sort; this asks
whether it could not.

PostgreSQL does not read ``deleted_at IS NULL`` as fixing the first column of SQLite's
``(deleted_at, column)`` indexes: there the partial ``(column, id) WHERE deleted_at IS NULL``
indexes of migration 0012 give the order, ties by id, with no sort at all (not even an
incremental one)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import lists
from db.engine import read_session
from db.migrate import open_database
from tests.app.lists.test_plans import CASES


@pytest.fixture(scope="module")
def pg_engine(pg_template: str) -> Iterator[Engine]:
    """A new database at the newest schema for the module's 42 cases (tests/postgres.py)."""
    from tests import postgres

    with postgres.database(template=pg_template) as url:
        engine = open_database(url)
        yield engine
        engine.dispose()


def _nodes(plan: dict[str, Any]) -> Iterator[str]:
    yield str(plan["Node Type"])
    for child in plan.get("Plans", ()):
        yield from _nodes(child)


@pytest.mark.postgres
@pytest.mark.parametrize(("entity", "column", "desc"), CASES)
def test_no_list_query_needs_a_sort_on_postgresql(
    pg_engine: Engine, entity: str, column: str, desc: bool
) -> None:
    q = lists.default_query(entity).with_(sort=column, descending=desc)
    with read_session(pg_engine) as s:
        s.execute(text("SET LOCAL enable_sort = off"))
        for stmt in [st.limit(201) for st in lists.id_statements(s, q)]:  # the first screen
            sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
            plan = s.execute(text("EXPLAIN (FORMAT JSON) " + sql)).scalar_one()
            nodes = list(_nodes((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]))
            assert not any("Sort" in n for n in nodes), (sql, nodes)
            assert any("Index" in n for n in nodes), (sql, nodes)
