"""A restore while another window saves (reviewer: the copy of what a restore replaces and the
copy of the backup into the live file were two steps, each under its own lock; a save committed
between them was in neither, and was lost without a word).

Now both copies are taken under one hold of the database's write lock: the other window's save
is in the ``before-restore`` copy, or it waits and is written into the restored database; one
that waits longer than a save waits is refused as busy, in words, with nothing changed."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from app import records
from db import backup as backups
from db import engine as dbengine
from db.engine import Engine, make_engine, unit_of_work
from db.migrate import DatabaseError, restore_database


def _names(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {str(r[0]) for r in con.execute("SELECT name FROM organisation")}
    finally:
        con.close()


def _new_org(engine: Engine, name: str) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": name})


def test_a_save_from_another_window_during_a_restore_is_kept_somewhere(
    engine: Engine, db_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new_org(engine, "Bộ Y tế")
    backup = backups.take(db_path, "manual")
    assert backup is not None
    _new_org(engine, "Viettel")  # after the backup: in the before-restore copy only

    other_window = make_engine(db_url)  # a second window: its own engine and connections
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def save_in_the_other_window() -> None:
        try:
            _new_org(other_window, "Saved meanwhile")
            outcome["saved"] = True
        except BaseException as exc:  # reported by the test below
            outcome["error"] = exc
        finally:
            finished.set()

    real_prune = backups.prune
    writer = threading.Thread(target=save_in_the_other_window)

    def prune_then_let_the_other_window_save(db_file: Path, kept: Sequence[Path] = ()) -> list[Path]:
        gone = real_prune(db_file, kept)
        if not writer.is_alive() and not finished.is_set():
            # The before-restore copy has just been written: the other window saves now. It
            # either gets in at once (the restore does not hold the lock) or waits for it.
            writer.start()
            finished.wait(1.5)
        return gone

    monkeypatch.setattr(backups, "prune", prune_then_let_the_other_window_save)
    try:
        replaced = restore_database(db_url, backup)
        writer.join(timeout=30)
    finally:
        other_window.dispose()
    assert outcome == {"saved": True}
    assert replaced is not None and "before-restore" in replaced.name
    assert "Viettel" in _names(replaced)
    # the save is where the user can find it: in the copy of what the restore replaced, or in
    # the restored database (it waited for the restore and was written after it)
    in_copy = "Saved meanwhile" in _names(replaced)
    in_restored = "Saved meanwhile" in _names(db_path)
    assert in_copy or in_restored
    assert _names(db_path) - {"Saved meanwhile"} == {"Bộ Y tế"}


def test_a_restore_waits_for_a_save_under_way_then_says_busy_and_changes_nothing(
    engine: Engine, db_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new_org(engine, "Bộ Y tế")
    backup = backups.take(db_path, "manual")
    assert backup is not None
    _new_org(engine, "Viettel")
    monkeypatch.setattr(dbengine, "BUSY_TIMEOUT_S", 0.5)
    holder = sqlite3.connect(db_path)  # another program in the middle of a long save
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError, match="holding the database") as caught:
            restore_database(db_url, backup)
    finally:
        holder.rollback()
        holder.close()
    assert "Nothing was changed" in str(caught.value)
    assert _names(db_path) == {"Bộ Y tế", "Viettel"}
    assert not [b for b in backups.listing(db_path) if b.reason == "before-restore"]
    assert not list(db_path.parent.glob(f".{db_path.name}.restoring*"))
