"""A backup taken while the clock was ahead (reviewer h118: one command run under a date of
29/02/2028, then back at the real date twelve imports, each with its before-import copy): its name
says 2028, so it was listed as the newest, offered for a damaged database over the day's copies
holding more ("Open its latest good backup, from 29/02/2028 10:00?": 20 contacts back instead of
33), and it held one of the ten before-an-operation places for good, so the oldest real one was
deleted. Such a copy is placed by when its file was written (or with the oldest, when that is
ahead too), always kept, never counted, and said as such."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy.engine import Engine

from app import records
from db import backup as backups
from db import clock
from db.engine import unit_of_work
from tests.cli.inproc import run_cli

REAL_DAY = dt.datetime(2026, 12, 7, 10, 0)
AHEAD_DAY = dt.datetime(2028, 2, 29, 10, 0)


def _add(engine: Engine, name: str) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": name})


def _written_at(path: Path, at: dt.datetime) -> None:
    stamp = clock.utc_of(at).timestamp()  # (naive: the office's wall-clock time, as the clock's now())
    os.utime(path, (stamp, stamp))


def _contacts(path: Path) -> int:
    found = backups.contents(path)
    assert found is not None
    return found.contacts


def _setup(engine: Engine, db_path: Path, *, ahead_written: dt.datetime) -> Path:
    _add(engine, "Nguyễn Thị Hồng Nhung")
    with clock.frozen(AHEAD_DAY, ticking=False):
        ahead = backups.before(engine, "import")
    assert ahead is not None and "20280229" in ahead.name
    _written_at(ahead, ahead_written)
    for i in range(3):  # the day's real work, each import with its copy first
        with clock.frozen(REAL_DAY + dt.timedelta(minutes=10 * (i + 1)), ticking=False):
            _add(engine, f"Trần Văn Bình {i}")
            assert backups.before(engine, "import") is not None
    return ahead


def test_a_copy_named_ahead_is_placed_by_when_it_was_written(engine: Engine, db_path: Path) -> None:
    ahead = _setup(engine, db_path, ahead_written=REAL_DAY + dt.timedelta(minutes=5))
    with clock.frozen(REAL_DAY + dt.timedelta(hours=1), ticking=False):
        listed = backups.listing(db_path)
        good = backups.latest_good(db_path)
    assert [b.ahead for b in listed] == [False, False, False, True]
    assert listed[-1].path == ahead and listed[-1].at == AHEAD_DAY
    assert good is not None and not good.ahead
    assert _contacts(good.path) == 4  # the newest real copy: all four people
    assert _contacts(ahead) == 1


def test_a_copy_whose_file_is_dated_ahead_too_goes_with_the_oldest(engine: Engine, db_path: Path) -> None:
    """(The whole computer's clock was ahead: the file's own time says nothing either.)"""
    ahead = _setup(engine, db_path, ahead_written=AHEAD_DAY)
    with clock.frozen(REAL_DAY + dt.timedelta(hours=1), ticking=False):
        listed = backups.listing(db_path)
    assert listed[-1].path == ahead and listed[-1].ahead
    # a name whose time cannot be (no 30 February) is no copy of Ketnoi's, and breaks no listing
    (backups.folder_for(db_path) / f"{db_path.stem}-20270230-100000-daily.db").write_bytes(b"")
    with clock.frozen(REAL_DAY + dt.timedelta(hours=1), ticking=False):
        assert backups.listing(db_path) == listed


def test_a_copy_named_ahead_takes_no_place_and_is_kept(engine: Engine, db_path: Path) -> None:
    ahead = _setup(engine, db_path, ahead_written=REAL_DAY + dt.timedelta(minutes=5))
    for i in range(backups.RISKY_KEEP):  # ten more operations, each with a different state
        with clock.frozen(REAL_DAY + dt.timedelta(hours=1, minutes=i), ticking=False):
            _add(engine, f"Lê Hoa {i}")
            assert backups.before(engine, "merge") is not None
    with clock.frozen(REAL_DAY + dt.timedelta(hours=2), ticking=False):
        listed = backups.listing(db_path)
    assert ahead.exists()
    real = [b for b in listed if not b.ahead]
    assert len(real) == backups.RISKY_KEEP  # the ten newest real copies, none pushed out by it
    assert {_contacts(b.path) for b in real} == set(range(5, 5 + backups.RISKY_KEEP))


def test_the_command_says_which_copy_was_named_ahead(engine: Engine, db_path: Path) -> None:
    _setup(engine, db_path, ahead_written=REAL_DAY + dt.timedelta(minutes=5))
    engine.dispose()
    with clock.frozen(REAL_DAY + dt.timedelta(hours=1), ticking=False):
        en = run_cli(db_path, "backups")
        vi = run_cli(db_path, "backups", lang="vi_VN.UTF-8")
    assert en.returncode == 0
    lines = en.stdout.splitlines()
    said = [i for i, line in enumerate(lines) if "taken while the computer's clock was ahead" in line]
    assert len(said) == 1
    assert "2028-02-29 10:00:00" in lines[said[0] - 2]  # (its row, then what it holds, then this)
    assert "2028-02-29" in lines[-2 - 2]  # listed last: the line before "restore one" is its note
    assert "được tạo khi đồng hồ máy tính chạy sai" in vi.stdout
