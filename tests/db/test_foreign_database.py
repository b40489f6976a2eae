"""Another program's SQLite file is never turned into a Ketnoi database (reviewer: `ketnoi --db
other.db info` wrote some 200 tables, indexes and triggers beside its own table, switched the file
to WAL and made it private, and reported "0 contacts")."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.migrate import DatabaseError, open_database


def _other_program_db(path: Path) -> str:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE foo (x INTEGER)")
    conn.execute("INSERT INTO foo VALUES (42)")
    conn.commit()
    conn.close()
    path.chmod(0o644)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    before = _other_program_db(other)
    with pytest.raises(DatabaseError) as refused:
        open_database(f"sqlite:///{other}")
    said = str(refused.value)
    assert "another program's SQLite database (its tables: foo)" in said and "nothing written" in said
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before  # not one byte changed
    assert other.stat().st_mode & 0o777 == 0o644
    assert not Path(f"{other}-wal").exists() and not Path(f"{other}-shm").exists()


def test_the_cli_says_so_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    before = _other_program_db(other)
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", str(other), "info"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)},
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "is another program's SQLite database (its tables: foo)" in done.stderr
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before


def test_a_new_file_and_a_ketnoi_database_still_open(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    open_database(f"sqlite:///{new}").dispose()  # created
    open_database(f"sqlite:///{new}").dispose()  # and opened again: its own tables are no stranger's
