"""An output that is no ordinary file (/dev/null, a named pipe) is written into, never replaced.
Found this round: ``ketnoi export-ics -o /dev/null`` renamed its temporary file over /dev/null,
which became a plain file of mode 0600 for the whole machine (run as root); an import's
``--report`` did the same. A named pipe stands in for a device here (no root needed)."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import records
from db.engine import unit_of_work
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli


def _drained(pipe: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:  # (again after an empty open: a writer's open and close is no hang)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and pipe.exists() and stat.S_ISFIFO(pipe.stat().st_mode):
            with pipe.open("rb") as fh:
                data = fh.read()
            if data:
                got.append(data)
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, got


@pytest.mark.parametrize(
    ("args", "starts"),
    [(("export-ics", "-o"), b"BEGIN:VCALENDAR"), (("export-vcard", "-o"), b"BEGIN:VCARD")],
    ids=["ics", "vcard"],
)
def test_a_calendar_or_cards_into_a_pipe_leave_it_a_pipe(
    engine: Engine, db_path: Path, tmp_path: Path, args: tuple[str, str], starts: bytes
) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung"})
    engine.dispose()
    pipe = tmp_path / "out"
    os.mkfifo(pipe)
    reader, got = _drained(pipe)
    done = run_cli(db_path, *args, str(pipe))
    reader.join(timeout=10)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe
    assert got and got[0].startswith(starts)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".ketnoi-")]


def test_an_import_report_into_a_pipe_leaves_it_a_pipe(db_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "lien-he.xlsx"
    write_xlsx(sheet, {"Contacts": [["Họ và tên", "Email"], ["Lê Hoa", "not-an-email"]]})
    pipe = tmp_path / "report"
    os.mkfifo(pipe)
    reader, got = _drained(pipe)
    done = run_cli(db_path, "import", str(sheet), "--dry-run", "--report", str(pipe))
    reader.join(timeout=10)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert got and got[0].startswith(b"PK")  # the workbook, as a zip


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [(("export",), "all.xlsx", b"PK"), (("brief", "contact", "1", "-o"), "brief.pdf", b"%PDF")],
    ids=["export", "brief"],
)
def test_an_export_or_a_brief_into_a_pipe_leave_it_a_pipe(
    engine: Engine, db_path: Path, tmp_path: Path, args: tuple[str, ...], name: str, starts: bytes
) -> None:
    """(Code review: the export, the briefs and the letters renamed their ``.part`` over the file
    chosen too; all four writers now go through app.written.write_whole.)"""
    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung"})
    engine.dispose()
    pipe = tmp_path / name
    os.mkfifo(pipe)
    reader, got = _drained(pipe)
    done = run_cli(db_path, *args, str(pipe))
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert got and got[0].startswith(starts)
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
