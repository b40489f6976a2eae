"""A first big import builds the contacts' plain indexes once at the end
(:func:`db.bulkwrite.indexes_deferred`): the rows, keys and search come out as row by row, a
kill -9 while the indexes are dropped leaves the file as it was, and undo removes the rows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.importing import run_import, undo_import
from db import bulkwrite
from db import models as m
from db.engine import unit_of_work
from tests.app.importing.helpers import write_xlsx
from tests.app.importing.test_workbook_batch import live, previews
from tests.app.test_kill9 import dump, kill_half_way

ROWS = 150


def _sheet(tmp_path: Path) -> Path:
    rows = [["Họ và tên", "Email", "Điện thoại", "Đơn vị"]] + [
        [f"Nguyễn Văn Khách {n}", f"k{n}@x.vn", f"09123{n:05d}", f"Công ty {n % 7}"] for n in range(ROWS)
    ]
    return write_xlsx(tmp_path / "guests.xlsx", {"Khách": rows})


def _state(engine: Engine) -> dict[str, object]:
    with engine.connect() as conn:
        q = lambda sql: conn.execute(text(sql)).all()  # noqa: E731
        return {
            "integrity": q("PRAGMA integrity_check"),
            "indexes": q("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"),
            "contacts": q(
                "SELECT c.full_name, c.sort_key, c.org_sort_key, c.email_sort_key, c.phone_sort_key, "
                "c.search_text, o.name FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id "
                "ORDER BY c.id"
            ),
            "by_name": q("SELECT full_name FROM contact WHERE deleted_at IS NULL ORDER BY sort_key, id"),
            "search": q("SELECT count(*) FROM fts_contact WHERE fts_contact MATCH 'khach'"),
            "plan": [
                r[-1]
                for r in q(
                    "EXPLAIN QUERY PLAN SELECT id FROM contact WHERE deleted_at IS NULL ORDER BY sort_key"
                )
            ],
        }


def _imported(engine: Engine, path: Path) -> tuple[int, dict[str, object]]:
    result = run_import(engine, previews(engine, path))
    assert result.batch_id is not None
    return result.batch_id, _state(engine)


def test_a_first_big_import_gives_what_the_row_by_row_path_gives(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _sheet(tmp_path)
    row_by_row_batch, row_by_row = _imported(engine, path)  # below the threshold: indexes kept
    with unit_of_work(engine) as s:
        undo_import(row_by_row_batch, session=s)
    with unit_of_work(engine) as s:  # an empty table again, as a first import finds it
        for table in ("contact_method", "contact", "organisation"):
            s.execute(text(f"DELETE FROM {table}"))
    monkeypatch.setattr(bulkwrite, "INDEX_REBUILD_MIN_ROWS", 100)
    monkeypatch.setattr(bulkwrite, "FTS_BULK_MIN_ROWS", 100)  # the key triggers caught up once too
    dropped: list[str] = []
    real = bulkwrite.indexes_deferred

    def spy(session, table, rows):  # type: ignore[no-untyped-def]
        found = session.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'index'")).scalar_one()
        dropped.append(table)
        with real(session, table, rows):
            inside = session.execute(
                text("SELECT count(*) FROM sqlite_master WHERE type = 'index'")
            ).scalar_one()
            assert inside < found  # the table's plain indexes are gone meanwhile
            yield

    import contextlib

    monkeypatch.setattr(bulkwrite, "indexes_deferred", contextlib.contextmanager(spy))
    batch, deferred = _imported(engine, path)
    assert dropped == ["contact", "contact_method"]
    assert deferred == row_by_row
    assert deferred["integrity"] == [("ok",)] and deferred["search"] == [(ROWS,)]
    assert any("ix_contact_live_sort" in str(p) for p in deferred["plan"])  # type: ignore[attr-defined]
    with unit_of_work(engine) as s:
        undo_import(batch, session=s)
    assert live(engine, m.Contact) == []


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_while_the_indexes_are_dropped_leaves_the_file_as_it_was(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    path = _sheet(tmp_path)
    engine.dispose()
    before = dump(db_path)
    # the child stops inside the block that has dropped the indexes, says how many are left
    patch = """
import db.bulkwrite
from sqlalchemy import text
db.bulkwrite.INDEX_REBUILD_MIN_ROWS = db.bulkwrite.FTS_BULK_MIN_ROWS = 100
def stalled(self, *args, **kwargs):
    real(self, *args, **kwargs)
    left = self.session.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('contact', 'contact_method')")
    ).scalar_one()
    print("HALF-WAY", left, flush=True)
    time.sleep(120)
target._Writer._write_new = stalled
"""
    argv = ["import", str(path), "--db", str(db_path)]
    line = kill_half_way("app.importing.commit", "_Writer.", "_write_new", argv, patch=patch)
    assert line.split() == ["HALF-WAY", "0"]  # killed while the contacts had no index
    assert dump(db_path) == before
