"""The bulk path of the import's commit (:func:`db.bulkwrite.fts_deferred`: the sheet's
search index and organisation keys caught up by one statement each after all its parts, the e-mails and phones as
tuples, no catch-up of the e-mail and phone keys new contacts are written with, the columns
every row shares as literals) writes every table exactly as the row-by-row path does."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
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
    caught_up: list[str] = []

    @event.listens_for(Engine, "before_cursor_execute")
    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.startswith(('INSERT INTO "fts_', 'UPDATE "contact" SET')):
            caught_up.append(
                statement.rsplit("SET", maxsplit=1)[-1].split("=", maxsplit=1)[0].strip()
                if "SET" in statement
                else "fts"
            )

    try:
        _import(path, tmp_path / "bulk.db")
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    bulk = _tables(tmp_path / "bulk.db")

    # the search index and the organisation keys once for the four parts (one statement each
    # over every new contact); no e-mail or phone key catch-up
    assert sorted(caught_up) == ["fts", "org_sort_key"], caught_up
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
