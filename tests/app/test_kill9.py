"""A process killed (SIGKILL) in the middle of an import, a merge or a bulk delete leaves the
database exactly as it was: every one is one transaction, and SQLite's WAL drops what was not
committed. Each operation runs in a child that stops half-way (after writing rows, before its
commit) and says so; the parent kills it there and compares the whole database, row by row."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.contacted import THROUGH_KEY
from db.engine import unit_of_work
from tests.app.importing.helpers import write_xlsx

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

# The child patches one step of the operation to announce itself and wait to be killed.
CHILD = """
import sys, time
import {module} as target
real = target.{owner}{name}
def stalled(*args, **kwargs):
    result = real(*args, **kwargs)
    print("HALF-WAY", flush=True)
    time.sleep(120)
    return result
{patch}
from app.cli import main
sys.exit(main({argv!r}))
"""


def dump(db: Path) -> list[str]:
    """The whole database as SQL, but for the meetings-started check's mark (``app.contacted``):
    each command stores it, in a transaction of its own, before its work starts, on a database
    that has none yet; it is no part of the work killed half-way."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return [line for line in con.iterdump() if f"'{THROUGH_KEY}'" not in line]
    finally:
        con.close()


def kill_half_way(module: str, owner: str, name: str, argv: list[str], patch: str | None = None) -> str:
    """Run ``ketnoi ARGV`` in a child whose ``module.owner.name`` stops after its work (or as
    ``patch`` says), kill it with SIGKILL there, and return the line it printed at half-way."""
    patch = patch or (
        f"target.{owner}{name} = stalled" if not owner else f"setattr(target.{owner[:-1]}, {name!r}, stalled)"
    )
    code = CHILD.format(module=module, owner=owner, name=name, patch=patch, argv=argv)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if "HALF-WAY" in line:
                break
        else:
            pytest.fail(f"the child ended before half-way (exit {child.wait()})")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    return line


@pytest.fixture
def network(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        ids = {
            "a": records.create(s, "contact", {"full_name": "Nguyễn Văn An", "emails": ["an@nic.gov.vn"]}),
            "b": records.create(s, "contact", {"full_name": "Nguyen Van An", "phones": ["0912345678"]}),
            "o1": records.create(s, "organisation", {"name": "Viện Công nghệ"}),
            "o2": records.create(s, "organisation", {"name": "Viện Vật lý"}),
        }
        records.create(
            s, "meeting", {"title": "Họp", "starts_at": "2026-11-20 09:00", "attendees": [ids["b"]]}
        )
    engine.dispose()
    return ids


def test_sigkill_during_an_import_leaves_the_database_as_it_was(
    network: dict[str, int], db_path: Path, tmp_path: Path
) -> None:
    rows = [["Họ và tên", "Email", "Đơn vị"]] + [
        [f"Khách {n}", f"k{n}@x.vn", f"Công ty {n % 7}"] for n in range(500)
    ]
    sheet = write_xlsx(tmp_path / "guests.xlsx", {"Khách": rows})
    before = dump(db_path)
    kill_half_way(
        "app.importing.commit", "_Writer.", "write_new", ["import", str(sheet), "--db", str(db_path)]
    )
    assert dump(db_path) == before


def test_sigkill_during_a_merge_leaves_the_database_as_it_was(network: dict[str, int], db_path: Path) -> None:
    before = dump(db_path)
    kill_half_way(
        "app.merge",
        "",
        "_move_links",
        ["merge", "contact", str(network["a"]), str(network["b"]), "--db", str(db_path)],
    )
    assert dump(db_path) == before


def test_sigkill_during_a_bulk_delete_leaves_the_database_as_it_was(
    network: dict[str, int], db_path: Path
) -> None:
    before = dump(db_path)
    kill_half_way(
        "app.bulk_edit",
        "",
        "write_history",
        ["org", "delete", str(network["o1"]), str(network["o2"]), "--db", str(db_path)],
    )
    assert dump(db_path) == before
