"""A restore killed midway (reviewer h32, finding 8): the hidden full copy it prepared,
``.NAME.restoring``, is removed at the next opening of the database and by prune, once it is
clearly no restore's under way; and a restore says it is done as soon as the backup is in place,
before the schema upgrade that follows."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.cli import main
from db import backup as backups
from db.migrate import open_database


def _leftover(db: Path, age_s: float) -> Path:
    prepared = db.with_name(f".{db.name}.restoring")
    prepared.write_bytes(b"SQLite format 3\x00" + b"\0" * 40_000)
    journal = prepared.with_name(prepared.name + "-journal")
    journal.write_bytes(b"\0" * 512)
    then = time.time() - age_s  # noqa: TID251 (file times are the system's)
    for f in (prepared, journal):
        os.utime(f, (then, then))
    return prepared


def test_the_next_opening_removes_a_killed_restores_copy_but_not_one_under_way(tmp_path: Path) -> None:
    db = tmp_path / "rs.db"
    open_database(f"sqlite:///{db}").dispose()
    fresh = _leftover(db, 5)  # a restore under way (seconds old): left alone
    open_database(f"sqlite:///{db}").dispose()
    assert fresh.exists()
    old = _leftover(db, 3600)
    open_database(f"sqlite:///{db}").dispose()
    assert not old.exists() and not old.with_name(old.name + "-journal").exists()


def test_prune_removes_it_too(tmp_path: Path) -> None:
    db = tmp_path / "rs.db"
    open_database(f"sqlite:///{db}").dispose()
    old = _leftover(db, 3600)
    gone = backups.prune(db)
    assert old in gone and not old.exists()


def test_a_restore_says_it_is_done_before_the_upgrade_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "rs.db"
    assert main(["org", "add", "--name", "NIC", "--db", str(db)]) == 0
    copy = backups.take(db, "manual")
    assert copy is not None
    capsys.readouterr()

    def stopped(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt  # stopped during the upgrade that follows the copy

    monkeypatch.setattr("db.migrate.open_database", stopped)
    assert main(["restore", str(copy), "--db", str(db)]) == 130
    out = capsys.readouterr().out
    assert out.startswith(f"Restored {db} from {copy}.\nWhat it replaced is kept in ")
