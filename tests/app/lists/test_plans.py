"""Issue 11: every list's ids come from an index walk, never a sort of the table, never OFFSET.

EXPLAIN QUERY PLAN over every sortable column of every list, both directions, with no filter
and with the filters a list opens with: no ``USE TEMP B-TREE``, and no OFFSET in the SQL.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import lists
from db.engine import read_session
from tests.app.lists.seed import bulk_contacts, seed_network


@pytest.fixture
def ids(engine: Engine) -> dict[str, Any]:
    return seed_network(engine)


CASES = [
    (entity, column, desc)
    for entity, columns in lists.SORTABLE.items()
    for column in columns
    for desc in (False, True)
]


def _plan(s: Any, stmt: Any) -> tuple[str, list[str]]:
    sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
    return sql, [str(row[-1]) for row in s.execute(text("EXPLAIN QUERY PLAN " + sql))]


@pytest.mark.parametrize(("entity", "column", "desc"), CASES)
def test_no_list_query_sorts_the_table_or_skips_rows(
    engine: Engine, ids: dict[str, Any], entity: str, column: str, desc: bool
) -> None:
    bulk_contacts(engine, 300)
    q = lists.default_query(entity).with_(sort=column, descending=desc)
    with read_session(engine) as s:
        assert lists.sort_column(q) == column
        statements = lists.id_statements(s, q)
        assert statements
        for stmt in [*statements, *(st.limit(201) for st in statements)]:
            sql, plan = _plan(s, stmt)
            # SQLAlchemy's SQLite dialect writes "LIMIT n OFFSET 0": nothing skipped
            assert not re.search(r"OFFSET\s+(?!0\b)", sql, re.IGNORECASE), sql
            assert not any("TEMP B-TREE" in step for step in plan), (sql, plan)
            assert any("INDEX" in step for step in plan), plan  # walked, not scanned


def test_every_sortable_column_is_a_column_of_the_list_table_with_a_live_index(engine: Engine) -> None:
    from sqlalchemy import inspect

    insp = inspect(engine)
    for entity, columns in lists.SORTABLE.items():
        indexed = {
            tuple(ix["column_names"])
            for ix in insp.get_indexes(entity)  # the table is named as the kind
        }
        for key in columns.values():
            assert ("deleted_at", key) in indexed, (entity, key)


def test_ids_are_the_whole_result_in_order_and_page_ids_slices_it(
    engine: Engine, ids: dict[str, Any]
) -> None:
    bulk_contacts(engine, 450)
    q = lists.default_query("contact").with_(sort="organisation")
    with read_session(engine) as s:
        every = lists.ids(s, q)
        assert len(every) == lists.count(s, q) == 455
        assert lists.ids(s, q, limit=3) == every[:3]
        assert lists.page_ids(s, q, offset=200, limit=100) == every[200:300]
        # with an organisation first (by its name), those without one last, both directions
        assert every[0] == ids["hung"] and every[-1] != ids["hung"]
        backwards = lists.ids(s, q.with_(descending=True))
        with_org = [i for i in every if i in {ids["nhung"], ids["dang"], ids["hung"], ids["bao"]}]
        assert backwards[: len(with_org)] == with_org[::-1]
        assert set(backwards) == set(every)


def test_a_column_that_does_not_sort_falls_back_to_the_default(engine: Engine, ids: dict[str, Any]) -> None:
    q = lists.default_query("organisation").with_(sort="sectors")
    assert lists.sort_column(q) == "name"
    with read_session(engine) as s:
        assert lists.ids(s, q) == lists.ids(s, lists.default_query("organisation"))
