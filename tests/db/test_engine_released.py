"""A database Ketnoi has let go is released: its engine, with its pool and statement cache, is
freed once nothing uses it (a window switching to another database, a restore, each command in
the test process). The moved-file guard's listener on the engine's dialect held the engine for
good, because SQLAlchemy's mappers keep each dialect in their caches: every engine ever opened
stayed alive (41 engines and ~800,000 objects after 41 window tests; the test workers' last
collection then outlasted their shutdown and was interrupted)."""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pytest

from app import records
from app.errors import DatabaseMoved
from db.engine import unit_of_work
from db.migrate import open_database


def _used_and_let_go(path: Path) -> weakref.ref[object]:
    engine = open_database(f"sqlite:///{path}")
    with unit_of_work(engine) as s:  # (the ORM's mapper caches see the engine's dialect)
        new = records.create(s, "organisation", {"name": "Viện Hàn lâm"})
    with unit_of_work(engine) as s:
        assert records.get(s, "organisation", new)["name"] == "Viện Hàn lâm"
    engine.dispose()
    return weakref.ref(engine)


def test_an_engine_let_go_is_freed(tmp_path: Path) -> None:
    gone = [_used_and_let_go(tmp_path / f"k{i}.db") for i in range(3)]
    gc.collect()
    assert [ref() is None for ref in gone] == [True, True, True]


def test_the_moved_file_guard_still_refuses_while_the_engine_is_used(tmp_path: Path) -> None:
    """(The guard holds the engine weakly now: it must still work for as long as it is used.)"""
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    try:
        with unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "Before"})
        engine.dispose()  # the next unit of work opens a new connection: the guard's moment
        gc.collect()
        os.rename(db, tmp_path / "moved.db")
        with pytest.raises(DatabaseMoved), unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "After"})
    finally:
        engine.dispose()
