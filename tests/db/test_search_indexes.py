"""Migration 0014: SQLite's full-text tables with FTS5 prefix indexes and the contacts'
name-start index, and a search that reads them without merging every match (issue 11 item 7).
These guard the design, not the timing (tests/benchmarks/bench_search.py measures it)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from app import bulk, records
from app.search import search
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import HEAD_REVISION, alembic_config, open_database, stored_revision
from db.migrations.fts import FTS5_PREFIX, HEAD_CHARS, HEAD_INDEXES
from db.queries import _name_start_query

FTS_TABLES = ("organisation", "contact", "meeting", "action", "attachment", "letter")


def _fts_sql(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'fts\\_%' ESCAPE '\\'"))
        return {name: sql for name, sql in rows if sql and "VIRTUAL TABLE" in sql}


def _has_head_index(engine: Engine) -> bool:
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :n"),
            {"n": HEAD_INDEXES["contact"]},
        ).first()
    return found is not None


def _seed(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        return {
            "an": records.create(s, "contact", {"full_name": "Nguyễn Văn An"}),
            "lan": records.create(s, "contact", {"full_name": "Đặng Thị Lan"}),
            "hoa": records.create(s, "organisation", {"name": "Khu Công nghệ cao Hòa Lạc"}),
        }


def _found(engine: Engine, query: str, kinds: tuple[str, ...] | None = None) -> set[tuple[str, int]]:
    with read_session(engine) as s:
        return {(h.kind, h.id) for h in search(s, query, kinds=kinds)}


def test_every_full_text_table_has_the_prefix_indexes(engine: Engine) -> None:
    sql = _fts_sql(engine)
    assert set(sql) == {f"fts_{t}" for t in FTS_TABLES}
    for name, create in sql.items():
        assert f"prefix='{FTS5_PREFIX}'" in create, name
    assert _has_head_index(engine)


def test_the_first_tier_of_contacts_is_a_range_on_the_name_start_index(engine: Engine) -> None:
    for phrase in ("ngu", "nguyen van", "x" * (HEAD_CHARS + 5)):
        sql, params = _name_start_query("contact", phrase, 60)
        with engine.connect() as conn:
            plan = " | ".join(str(r[3]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql), params))
        assert (
            f"SEARCH t USING INDEX {HEAD_INDEXES['contact']} (deleted_at=? AND <expr>>? AND <expr><?)" in plan
        )
        assert "SCAN t" not in plan and "fts_" not in plan


def test_the_name_start_tier_finds_exactly_the_names_that_start_with_the_query(engine: Engine) -> None:
    long_name = "Nguyễn " + "Hoàng " * 8 + "An"  # longer than the index's HEAD_CHARS
    with unit_of_work(engine) as s:
        ids = {
            name: records.create(s, "contact", {"full_name": name})
            for name in ("Nguyễn Văn An", "Nguyên Thảo", "Ngô Văn Nguyên", "Ngư Bá", long_name, "Nguyễn, Văn")
        }
        records.delete(s, "contact", ids["Ngư Bá"])
    with engine.connect() as conn:

        def start(phrase: str) -> set[int]:
            sql, params = _name_start_query("contact", phrase, 60)
            return {r[0] for r in conn.execute(text(sql), params)}

        assert start("ngu") == {ids["Nguyễn Văn An"], ids["Nguyên Thảo"], ids[long_name], ids["Nguyễn, Văn"]}
        assert start("nguyen van") == {ids["Nguyễn Văn An"]}  # "Nguyễn, Văn" has a comma
        assert start("nguyen " + "hoang " * 8 + "an") == {ids[long_name]}
        assert start("nguyen " + "hoang " * 8 + "b") == set()


def _statements(engine: Engine) -> list[str]:
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    return statements


def test_a_page_of_names_starting_with_the_query_reads_no_other_contact_tier(engine: Engine) -> None:
    # 30 "Nguyễn …" fill a page of 20: no other contact could rank above them, so search asks
    # FTS5 for no "nguyen"* over contacts (which merges every match before any LIMIT) and
    # reads no given names; a page of 40 they cannot fill reads both, as before.
    rows = [{"full_name": f"Nguyễn Văn {chr(65 + i % 26)}{i}"} for i in range(30)]
    rows += [{"full_name": f"Lê Văn Bình {i}", "emails": [f"nguyen{i}@example.vn"]} for i in range(40)]
    with unit_of_work(engine) as s:
        bulk.create_many(s, "contact", bulk.prepare_many("contact", rows), actor="test", history=False)
    statements = _statements(engine)
    with read_session(engine) as s:
        page = search(s, "nguyen", limit=20, kinds=("contact",))
        first = list(statements)
        bigger = search(s, "nguyen", limit=40, kinds=("contact",))
        second = statements[len(first) :]
    names = sorted(f"Nguyễn Văn {chr(65 + i % 26)}{i}" for i in range(30))
    assert [h.title for h in page] == names[:20]
    assert not [st for st in first if "fts_contact" in st or "sort_key >=" in st]
    assert [h.title for h in bigger][:30] == names
    assert len([h for h in bigger if h.title.startswith("Lê Văn Bình")]) == 10  # then the e-mails
    assert [st for st in second if "fts_contact MATCH" in st] and [st for st in second if "sort_key >=" in st]


def test_the_same_holds_for_a_folded_query(engine: Engine) -> None:
    # Typed with its marks, the word also reads the people whose given name has its letters
    # (one range, "d1a1n0g0#": someone called Đặng would rank above the family name); no
    # full-text lookup and no given name that merely starts with it.
    with unit_of_work(engine) as s:
        rows = [{"full_name": f"Đặng Văn {chr(65 + i % 26)}{i}"} for i in range(25)]
        bulk.create_many(s, "contact", bulk.prepare_many("contact", rows), actor="test", history=False)
    ranges: list[object] = []
    event.listen(
        engine,
        "before_cursor_execute",
        lambda _c, _cur, st, params, *_: ranges.append(params) if "sort_key >=" in st else None,
    )
    statements = _statements(engine)
    with read_session(engine) as s:
        hits = search(s, "ĐẶNG", limit=20, kinds=("contact",))
    assert len(hits) == 20 and all(h.title.startswith("Đặng") for h in hits)
    assert not [st for st in statements if "fts_contact" in st]
    assert [p[:2] for p in ranges] == [("d1a1n0g0#", "d1a1n0g0$")]  # type: ignore[index]


@pytest.fixture
def at_0013(db_url: str) -> Iterator[tuple[str, dict[str, int]]]:
    engine = open_database(db_url)
    ids = _seed(engine)
    engine.dispose()
    command.downgrade(alembic_config(db_url), "0013")
    yield db_url, ids


def test_downgrade_to_0013_restores_the_tables_without_prefix_indexes(
    at_0013: tuple[str, dict[str, int]],
) -> None:
    engine = make_engine(at_0013[0])
    try:
        assert stored_revision(engine) == "0013"
        sql = _fts_sql(engine)
        assert set(sql) == {f"fts_{t}" for t in FTS_TABLES}
        assert not any("prefix=" in create for create in sql.values())
        assert not _has_head_index(engine)
        with engine.connect() as conn:  # the rebuilt tables hold the rows and follow new ones
            n = conn.execute(text("SELECT count(*) FROM fts_contact WHERE fts_contact MATCH 'nguyen'"))
            assert n.scalar_one() == 1
    finally:
        engine.dispose()


def test_upgrade_from_0013_fills_the_new_tables(at_0013: tuple[str, dict[str, int]]) -> None:
    url, ids = at_0013
    engine = make_engine(url)
    with unit_of_work(engine) as s:  # written at 0013, through the old tables' triggers
        later = records.create(s, "contact", {"full_name": "Nguyễn Thị Ngọc"})
    engine.dispose()
    engine = open_database(url)
    try:
        assert stored_revision(engine) == HEAD_REVISION  # 0014 and what came after
        assert all(f"prefix='{FTS5_PREFIX}'" in c for c in _fts_sql(engine).values())
        assert _has_head_index(engine)
        assert ("contact", later) in _found(engine, "ngu")
        assert ("contact", later) in _found(engine, "ng ngo")  # 2- and 3-letter prefix entries
        assert ("organisation", ids["hoa"]) in _found(engine, "hoa lac")
        assert ("contact", ids["lan"]) in _found(engine, "đặng")
        with unit_of_work(engine) as s:
            newest = records.create(s, "contact", {"full_name": "Đặng Văn Hùng"})
            records.update(s, "contact", later, {"full_name": "Trần Thị Ngọc"}, expected_version=None)
        assert ("contact", newest) in _found(engine, "dan hu")
        assert ("contact", later) not in _found(engine, "nguyen ngoc")
        assert ("contact", later) in _found(engine, "tra")
    finally:
        engine.dispose()


def test_the_migration_leaves_postgresql_search_as_it_was(pg_empty_url: str) -> None:
    engine = open_database(pg_empty_url)
    ids = _seed(engine)
    engine.dispose()
    command.downgrade(alembic_config(pg_empty_url), "0013")
    engine = make_engine(pg_empty_url)
    try:
        # (this Ketnoi's letters have a column 0018 adds: the schema of 0013 is searched for people)
        assert ("contact", ids["lan"]) in _found(engine, "dang", ("contact", "organisation"))
    finally:
        engine.dispose()
    command.upgrade(alembic_config(pg_empty_url), "head")
    engine = open_database(pg_empty_url)
    try:
        with engine.connect() as conn:
            gin = conn.execute(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix_%_search'"))
            assert {r[0] for r in gin} >= {"ix_contact_search", "ix_organisation_search"}
        assert ("contact", ids["an"]) in _found(engine, "ngu")
        assert ("contact", ids["lan"]) in _found(engine, "đặng")
        assert ("organisation", ids["hoa"]) in _found(engine, "hoa lac")
    finally:
        engine.dispose()


def test_upgrading_an_existing_database_says_so_before_and_after(
    at_0013: tuple[str, dict[str, int]], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    # The CLI shows these WARNING lines on stderr: migration 0014 takes seconds on a big file.
    with caplog.at_level(logging.WARNING, logger="ketnoi.migrate"):
        open_database(f"sqlite:///{tmp_path / 'new.db'}").dispose()
        assert caplog.messages == []  # a new database is made, not upgraded
        open_database(at_0013[0]).dispose()
    before, after = caplog.messages
    assert "Upgrading the database" in before and f"from schema 0013 to {HEAD_REVISION}" in before
    assert "Upgraded" in after and f"to schema {HEAD_REVISION} in" in after and "before-upgrade-0013" in after
