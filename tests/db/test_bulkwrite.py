"""A bulk insert on SQLite replaces per-row triggers by one statement; the result is the same."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, insert, text

from app.entities import prepare_contact, prepare_organisation
from db import bulkwrite
from db import models as m
from db.clock import utcnow
from db.engine import unit_of_work


def _base() -> dict[str, Any]:
    now = utcnow()
    return {"created_at": now, "updated_at": now, "version": 1, "deleted_at": None}


def _triggers(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())


def _contacts(orgs: list[int] | list[None], count: int) -> list[dict[str, Any]]:
    rows = []
    for i in range(count):
        cols = dict(prepare_contact(None, {"full_name": f"Nguyễn Văn Thử {i}"}, None).columns)
        cols["organisation_id"] = orgs[i % 3] if i % 4 else None
        rows.append({**_base(), **cols})
    return rows


@pytest.mark.parametrize("count", [5, bulkwrite.FTS_BULK_MIN_ROWS + 10])
def test_sort_keys_and_search_as_the_row_triggers_keep_them(engine: Engine, count: int) -> None:
    before = _triggers(engine)
    assert {"contact_org_sort_ai", "fts_contact_ai"} <= before.keys()
    with unit_of_work(engine) as session:
        org_rows = [
            {**_base(), **prepare_organisation(None, {"name": name}, None).columns}
            for name in ("Bộ Khoa học và Công nghệ", "Zeta Corp", "Đại học Bách khoa")
        ]
        orgs = bulkwrite.insert_rows(session, m.Organisation.__table__, org_rows)
        ids = bulkwrite.insert_rows(session, m.Contact.__table__, _contacts(orgs, count))
    assert len(ids) == count
    assert _triggers(engine) == before  # put back exactly as they were
    with engine.connect() as conn:
        wrong = conn.execute(
            text(
                "SELECT count(*) FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id "
                "WHERE c.org_sort_key IS NOT o.sort_key"
            )
        ).scalar_one()
        keyed = conn.execute(text("SELECT count(*) FROM contact WHERE org_sort_key IS NOT NULL")).scalar_one()
        found = conn.execute(
            text("SELECT count(*) FROM fts_contact WHERE fts_contact MATCH 'thu'")
        ).scalar_one()
    assert wrong == 0
    assert keyed == sum(1 for i in range(count) if i % 4)
    assert found == count


def test_a_rolled_back_bulk_insert_keeps_the_triggers(engine: Engine) -> None:
    before = _triggers(engine)
    with pytest.raises(RuntimeError), unit_of_work(engine) as session:
        bulkwrite.insert_rows(session, m.Contact.__table__, _contacts([None, None, None], 1200))
        raise RuntimeError("stop")
    assert _triggers(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM contact")).scalar_one() == 0


def test_only_the_known_trigger_shape_is_deferred() -> None:
    sql = (
        "CREATE TRIGGER t_ai AFTER INSERT ON t WHEN new.a IS NOT NULL BEGIN "
        "UPDATE t SET k = (SELECT o.k FROM o WHERE o.id = new.a) WHERE id = new.id; END"
    )
    assert bulkwrite._catch_up(sql, "t") == (
        'UPDATE "t" SET k = (SELECT o.k FROM o WHERE o.id = t.a) WHERE id >= :i AND (t.a IS NOT NULL)'
    )
    reads_itself = sql.replace("FROM o WHERE", "FROM t o WHERE")
    assert bulkwrite._catch_up(reads_itself, "t") is None
    two_statements = sql.replace("WHERE id = new.id; END", "WHERE id = new.id; DELETE FROM x; END")
    assert bulkwrite._catch_up(two_statements, "t") is None
    assert bulkwrite._catch_up(sql, "other") is None


def _method_keys(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(text("SELECT id, email_sort_key, phone_sort_key FROM contact ORDER BY id"))
        ]


def test_a_bulk_insert_of_contact_methods_leaves_the_keys_the_row_triggers_leave(engine: Engine) -> None:
    """Both ways on the same database (the row triggers through SQLAlchemy's own executemany,
    then the deferred path after a rollback): new first methods, methods that come after
    existing ones, one placed before an existing first, a key someone set by hand (left alone
    unless a new method comes first), and contacts with none."""
    table = m.ContactMethod.__table__
    with unit_of_work(engine) as session:
        ids = bulkwrite.insert_rows(session, m.Contact.__table__, _contacts([None, None, None], 400))
        session.execute(
            insert(table),
            [
                {"contact_id": c, "kind": "email", "value": f"old{c}@x.vn", "label": "", "position": 1}
                for c in ids[:200]
            ],
        )
        session.execute(text("UPDATE contact SET email_sort_key = 'by hand' WHERE id % 7 = 0"))
    rows: list[dict[str, Any]] = []
    for n, c in enumerate(ids[:380]):
        for pos in range(3):
            kind = "email" if (n + pos) % 2 else "phone"
            place = 0 if n % 5 == 0 else pos + 1  # a fifth come before an existing first
            rows.append(
                {"contact_id": c, "kind": kind, "value": f"v{n}-{pos}", "label": "", "position": place}
            )
    assert len(rows) >= bulkwrite.FTS_BULK_MIN_ROWS
    before = _triggers(engine)

    class Undo(Exception):
        pass

    with pytest.raises(Undo), unit_of_work(engine) as session:
        session.execute(insert(table), rows)  # SQLAlchemy's executemany: the row triggers
        by_triggers = [
            tuple(r)
            for r in session.execute(
                text("SELECT id, email_sort_key, phone_sort_key FROM contact ORDER BY id")
            )
        ]
        raise Undo()
    with unit_of_work(engine) as session:
        dropped: list[str] = []
        session.connection().connection.driver_connection.set_trace_callback(  # type: ignore[union-attr]
            lambda sql: dropped.append(sql) if sql.startswith("DROP TRIGGER") else None
        )
        bulkwrite.executemany(session, table, rows)
        session.connection().connection.driver_connection.set_trace_callback(None)  # type: ignore[union-attr]
    assert sorted(dropped) == [
        'DROP TRIGGER "contact_method_email_key_ai"',
        'DROP TRIGGER "contact_method_phone_key_ai"',
    ]
    assert _method_keys(engine) == by_triggers
    assert _triggers(engine) == before
    # both cases occur: a key set by hand kept (its first method is older) and one replaced
    assert any(k == "by hand" for _i, k, _p in by_triggers)
    assert any(i % 7 == 0 and k != "by hand" for i, k, _p in by_triggers)


def _indexes(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return dict(
            conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact'")
            ).all()
        )


def _insert_deferred(engine: Engine, count: int, *, fail: bool = False) -> list[str]:
    """Insert ``count`` contacts with the indexes deferred; the DROP INDEX statements run."""
    dropped: list[str] = []
    with unit_of_work(engine) as session:
        raw = session.connection().connection.driver_connection
        raw.set_trace_callback(lambda sql: dropped.append(sql) if sql.startswith("DROP INDEX") else None)  # type: ignore[union-attr]
        with bulkwrite.indexes_deferred(session, "contact", count):
            bulkwrite.insert_rows(session, m.Contact.__table__, _contacts([None, None, None], count))
            if fail:
                raise RuntimeError("stop")
        raw.set_trace_callback(None)  # type: ignore[union-attr]
    return dropped


def test_a_first_bulk_insert_builds_the_plain_indexes_once(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulkwrite, "INDEX_REBUILD_MIN_ROWS", 100)
    before = _indexes(engine)
    assert len(before) >= 10
    dropped = _insert_deferred(engine, 150)
    # every plain index of contact dropped and made again exactly as it was
    assert len(dropped) == sum(1 for sql in before.values() if sql and not sql.startswith("CREATE UNIQUE"))
    assert _indexes(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT id FROM contact WHERE deleted_at IS NULL ORDER BY sort_key LIMIT 5"
                )
            )
        )
        assert "ix_contact_live_sort" in plan
    # a table already holding more rows than the insert keeps its indexes row by row
    assert _insert_deferred(engine, 120) == []
    assert _indexes(engine) == before


def test_a_failed_bulk_insert_keeps_the_indexes(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulkwrite, "INDEX_REBUILD_MIN_ROWS", 100)
    before = _indexes(engine)
    with pytest.raises(RuntimeError):
        _insert_deferred(engine, 150, fail=True)
    assert _indexes(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM contact")).scalar_one() == 0


def test_a_json_column_keeps_0_and_false_apart_in_one_batch(engine: Engine) -> None:
    # 0 == False and 1 == True are one dict key: converted once per value, a batch wrote the
    # history of an influence changed to 1 as "true" when a flag set to True came first
    values = [False, 0, True, 1, None, 1.5, "1", [1, True], 0, False]
    rows = [
        {
            "entity": "contact",
            "entity_id": 1,
            "op": "import",
            "field": "f",
            "old": None,
            "new": v,
            "at": utcnow(),
        }
        for v in values
    ]
    with unit_of_work(engine) as session:
        bulkwrite.executemany(session, m.Change.__table__, rows, same={"actor": "", "group_id": "g"})
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT CAST(new AS TEXT) FROM change ORDER BY id")).scalars().all()
    assert stored == ["false", "0", "true", "1", "null", "1.5", '"1"', "[1, true]", "0", "false"]


def test_a_column_of_one_type_converts_each_distinct_value_once() -> None:
    calls: list[Any] = []

    def proc(value: Any) -> str:
        calls.append(value)
        return f"<{value}>"

    assert bulkwrite._convert([3, None, 3, 4, None], proc) == ["<3>", "<None>", "<3>", "<4>", "<None>"]
    assert sorted(calls, key=str) == [3, 4, None]
