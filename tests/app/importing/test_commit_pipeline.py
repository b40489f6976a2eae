"""The bulk path of the import's commit (:func:`db.bulkwrite.fts_deferred` with a worker
thread catching up each part's search index and keys while the next part's rows are built,
the e-mails and phones as tuples, no catch-up of the keys new contacts are written with)
writes every table exactly as the row-by-row path does, and the worker never outlives it."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.importing import commit, run_import, undo_import
from db import bulkwrite, clock
from db import models as m
from db.engine import unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import write_xlsx
from tests.app.importing.test_workbook_batch import live, previews
from tests.conftest import PINNED

ROWS = 150


def _sheet(tmp_path: Path) -> Path:
    rows: list[list[Any]] = [["Họ và tên", "Email", "Điện thoại", "Đơn vị", "Nhãn"]]
    for n in range(ROWS):
        emails = "" if n % 11 == 0 else f"k{n}@x.vn" + (f"; k{n}.b@y.vn" if n % 3 == 0 else "")
        phones = "" if n % 13 == 0 else f"09123{n:05d}" + (f", 09887{n:05d}" if n % 4 == 0 else "")
        org = "" if n % 9 == 0 else f"Công ty {n % 7}"  # new organisations: references remapped
        tags = ", ".join(t for t, k in (("VIP", 5), (f"Nhóm {n % 4}", 2)) if n % k == 0)
        rows.append([f"Nguyễn Văn Khách {n}", emails, phones, org, tags])
    return write_xlsx(tmp_path / "guests.xlsx", {"Khách": rows})


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the full-text indexes' own (their segments follow the
    statements that filled them), and what the contacts' index finds."""
    conn = sqlite3.connect(db)
    try:
        names = [
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'fts_%' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        out = {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
        out["schema"] = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        for word in ("khach", "vip", "09887", "k3", "cong"):
            out[f"match {word}"] = conn.execute(
                "SELECT rowid FROM fts_contact WHERE fts_contact MATCH ? ORDER BY rowid", (f'"{word}"*',)
            ).fetchall()
        conn.execute("INSERT INTO fts_contact(fts_contact) VALUES ('integrity-check')")
        out["integrity"] = conn.execute("PRAGMA integrity_check").fetchall()
        return out
    finally:
        conn.close()


def _import(path: Path, db: Path) -> int:
    """``path`` imported into a copy of one empty file (the same database id both ways)."""
    empty = db.parent / "empty.db"
    if not empty.exists():
        open_database(f"sqlite:///{empty}").dispose()
    shutil.copy(empty, db)
    engine = open_database(f"sqlite:///{db}")
    try:
        result = run_import(engine, previews(engine, path))
    finally:
        engine.dispose()
    assert result.batch_id is not None
    return result.batch_id


def test_the_bulk_path_writes_every_table_as_the_row_by_row_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.set_fixed(PINNED, ticking=False)  # the same timestamps both ways (the fixture resets it)
    path = _sheet(tmp_path)
    _import(path, tmp_path / "row-by-row.db")  # 150 rows: below every threshold
    row_by_row = _tables(tmp_path / "row-by-row.db")

    monkeypatch.setattr(bulkwrite, "INDEX_REBUILD_MIN_ROWS", 10)
    monkeypatch.setattr(bulkwrite, "FTS_BULK_MIN_ROWS", 10)
    monkeypatch.setattr(commit, "WRITE_CHUNK", 40)  # four parts: each next one built meanwhile
    alongside: list[tuple[list[str], str]] = []
    real = bulkwrite._alongside

    def spy(session: Any, statements: list[str], params: Any, work: Any) -> None:
        alongside.append((list(statements), threading.current_thread().name))
        real(session, statements, params, work)

    monkeypatch.setattr(bulkwrite, "_alongside", spy)
    _import(path, tmp_path / "bulk.db")
    bulk = _tables(tmp_path / "bulk.db")

    assert [len(s) for s, _ in alongside] == [2, 2, 2, 2]  # per part: its search index, its org keys
    for statements, _ in alongside:
        assert sorted("fts_contact" in s for s in statements) == [False, True]
        assert sorted("org_sort_key" in s for s in statements) == [False, True]
    assert not [t for t in threading.enumerate() if t.name == "ketnoi-catch-up"]
    assert bulk.keys() == row_by_row.keys()
    for name in row_by_row:
        assert bulk[name] == row_by_row[name], name
    assert bulk["integrity"] == [("ok",)]
    contacts = bulk["contact"]
    assert len(contacts) == ROWS and bulk["match khach"] == [(c[0],) for c in contacts]
    two_emails = [r for r in bulk["contact_method"] if r[2] == "email" and r[5] == 1]
    assert len(two_emails) == len([n for n in range(ROWS) if n % 3 == 0 and n % 11])  # the sheet held them


def test_undo_of_a_bulk_import_removes_every_contact(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulkwrite, "INDEX_REBUILD_MIN_ROWS", 10)
    monkeypatch.setattr(bulkwrite, "FTS_BULK_MIN_ROWS", 10)
    monkeypatch.setattr(commit, "WRITE_CHUNK", 40)
    result = run_import(engine, previews(engine, _sheet(tmp_path)))
    assert result.batch_id is not None and len(live(engine, m.Contact)) == ROWS
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    assert live(engine, m.Contact) == [] and live(engine, m.Organisation) == []


def test_a_failing_catch_up_is_raised_after_the_work_and_rolls_everything_back(engine: Engine) -> None:
    done: list[str] = []
    with pytest.raises(sqlite3.OperationalError, match="no such table"), unit_of_work(engine) as s:
        s.execute(text("INSERT INTO tag (name, folded, created_at) VALUES ('a', 'a', '2026-11-23')"))
        bulkwrite._alongside(
            s, ["SELECT 1", "INSERT INTO nowhere VALUES (:i)"], {"i": 1}, lambda: done.append("x")
        )
    assert done == ["x"]  # the work ran to its end all the same
    assert not [t for t in threading.enumerate() if t.name == "ketnoi-catch-up"]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tag")).scalar() == 0


def test_failing_work_waits_for_the_worker_before_it_is_raised(engine: Engine) -> None:
    finished: list[int] = []

    def work() -> None:
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"), unit_of_work(engine) as s:
        # a statement long enough to still run when the work has failed
        slow = (
            "INSERT INTO tag (name, folded, created_at) SELECT 't' || value, 't' || value, '2026-11-23' "
            "FROM (WITH RECURSIVE n(value) AS (SELECT :i UNION ALL SELECT value + 1 FROM n WHERE value < 200000) "
            "SELECT value FROM n)"
        )
        try:
            bulkwrite._alongside(s, [slow], {"i": 1}, work)
        finally:
            # the worker is done: this thread may use the connection (and the rollback will)
            finished.append(s.execute(text("SELECT count(*) FROM tag")).scalar_one())
    assert finished == [200_000]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tag")).scalar() == 0


@pytest.mark.parametrize(
    "value",
    [
        None,
        0,
        -5,
        2**62,
        True,
        False,
        "",
        "it's",
        "Đặng ' \" ;-- x",
        "2026-11-23 09:00:00.000000",
        "1e5",
        "0042",
        " 12 ",
    ],
)
def test_a_shared_column_written_as_a_literal_stores_what_binding_stores(value: Any) -> None:
    literal = bulkwrite._literal(value)
    assert literal is not None
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a TEXT, b NUMERIC, c INTEGER, d REAL, e, f DATETIME, g BOOLEAN)")
    conn.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", (value,) * 7)
    conn.execute(f"INSERT INTO t VALUES ({', '.join([literal] * 7)})")
    bound, written = conn.execute(
        "SELECT " + ", ".join(f"typeof({c}), quote({c})" for c in "abcdefg") + " FROM t"
    )
    assert written == bound


def test_values_without_an_exact_literal_are_bound() -> None:
    assert bulkwrite._literal(1.5) is None  # a float's text could round differently
    assert bulkwrite._literal(b"x") is None
    assert bulkwrite._literal("a\x00b") is None
