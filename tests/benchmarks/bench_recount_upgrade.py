"""Benchmark: migration 0016 (every contact's "Last contacted" counted again) on a big demo.

    python tests/benchmarks/bench_recount_upgrade.py [--scale 100000] [--db DEMO.db] [--wrong 10000]

Builds a demo database of ``--scale`` contacts (``ketnoi demo --scale N``; or copies ``--db``),
puts it back at schema 0015, leaves ``--wrong`` contacts with the kind of date the code before
session 8 left wrong (their meetings deleted by a bare UPDATE: the dates stayed), and times the
upgrade to 0016 alone (Alembic on the file, one transaction) and then the whole opening
(``open_database``: the copy kept before an upgrade, then the migrations), each on a fresh copy.
Prints the dates corrected and the seconds (not in ``run_all.py``).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from alembic import command

from app import demo
from db.migrate import alembic_config, open_database


def build(folder: Path, scale: int) -> Path:
    db = folder / f"k{scale}.db"
    engine = open_database(f"sqlite:///{db}")
    started = time.perf_counter()
    demo.fill(engine, scale=scale)
    print(f"demo --scale {scale:,}: {time.perf_counter() - started:.1f} s", flush=True)
    engine.dispose()
    return db


def make_wrong(db: Path, wrong: int) -> int:
    """Delete meetings by a bare UPDATE until ``wrong`` attendees' dates rest on none; returns
    how many contacts' dates the recount will find to change (at least)."""
    con = sqlite3.connect(db)
    try:
        con.execute("UPDATE alembic_version SET version_num = '0015'")
        ids = [
            r[0]
            for r in con.execute(
                "SELECT m.id FROM meeting m WHERE m.deleted_at IS NULL AND m.confidential = 0 "
                "ORDER BY m.starts_at DESC"
            )
        ]
        hit: set[int] = set()
        for mid in ids:
            if len(hit) >= wrong:
                break
            con.execute("UPDATE meeting SET deleted_at = '2026-01-01 00:00:00.000000' WHERE id = ?", (mid,))
            hit.update(
                r[0]
                for r in con.execute("SELECT contact_id FROM meeting_attendee WHERE meeting_id = ?", (mid,))
            )
        con.commit()
        return len(hit)
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--wrong", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.db:
            base = folder / "base.db"
            shutil.copy(args.db, base)
        else:
            base = build(folder, args.scale)
        touched = make_wrong(base, args.wrong)
        con = sqlite3.connect(base)
        contacts = con.execute("SELECT count(*) FROM contact").fetchone()[0]
        con.close()
        print(f"{contacts:,} contacts; {touched:,} attended a meeting deleted behind the dates' back")
        alone = folder / "alone.db"
        shutil.copy(base, alone)
        started = time.perf_counter()
        command.upgrade(alembic_config(f"sqlite:///{alone}"), "0016")
        took = time.perf_counter() - started
        con = sqlite3.connect(alone)
        fixed = con.execute("SELECT count(*) FROM change WHERE actor = 'Ketnoi upgrade 0016'").fetchone()[0]
        con.close()
        print(f"upgrade 0015 -> 0016 alone: {took:.2f} s, {fixed:,} dates corrected")
        whole = folder / "whole.db"
        shutil.copy(base, whole)
        started = time.perf_counter()
        open_database(f"sqlite:///{whole}").dispose()
        print(f"open_database (copy kept first, then the upgrade): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
