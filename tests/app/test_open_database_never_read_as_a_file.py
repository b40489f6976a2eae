"""A database this process has open is read by SQLite alone (db.engine.held_here): choosing it
to import or attach says so, and the program keeps its lock (reading the file with Python and
closing it would drop SQLite's POSIX locks, as a file dialog did — tests/ui/test_file_dialogs.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app import attachments
from app.errors import UserError
from app.importing import inspect_sheet
from app.importing.errors import ImportFileError
from db.engine import held_here, read_session
from db.migrate import open_database

OTHER_PROGRAM = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1').fetchall(); c.close()"
)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows locks belong to the handle, not the process")
def test_the_open_database_chosen_as_a_spreadsheet_or_attachment_is_refused_unread(tmp_path: Path) -> None:
    db = tmp_path / "ketnoi.db"
    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as session:
            session.execute(text("SELECT count(*) FROM contact")).scalar_one()
        assert held_here(db) and held_here(tmp_path / "." / "ketnoi.db")
        assert not held_here(tmp_path / "other.db")
        with pytest.raises(ImportFileError, match=r"ketnoi\.db is the Ketnoi database open in this program"):
            inspect_sheet(db)
        with pytest.raises(UserError, match="open in this program"):
            attachments.prepare_file(db)
        subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(db)], check=True)
        assert Path(f"{db}-wal").exists(), "the lock was dropped: another program took the WAL away"
    finally:
        engine.dispose()
