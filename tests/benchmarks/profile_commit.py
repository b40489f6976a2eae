"""Profile of the import's commit step alone: a previewed contacts sheet written into a fresh
SQLite file (``run_import``: one transaction), not a ratio and not in ``run_all.py``.

    python tests/benchmarks/profile_commit.py [--rows 100000] [--rounds 3] [--keep DIR] [--sql] [--digest]

Makes the workbook of ``bench_import.py`` (same generator, kept in ``--keep``), previews it once
against an empty migrated file, then per round copies that empty file and commits a fresh copy
of the preview into it, printing CPU and wall seconds, their medians and the load average.
``--sql`` adds the CPU spent in each SQL statement (summed per statement text), the rest being
Python. Compare two versions of the code by running the script from each checkout in turn.
``--digest`` pins the clock (no tick) and prints, after the last round, a digest of every row
of every table (the full-text indexes' shadow tables included) and one of them all: two
checkouts that write the same database print the same lines.
"""

from __future__ import annotations

import argparse
import collections
import os
import pickle
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the workbook in this folder")
    parser.add_argument("--sql", action="store_true", help="CPU per SQL statement")
    parser.add_argument("--digest", action="store_true", help="clock pinned; print a digest of every table")
    args = parser.parse_args()
    if args.digest:
        import datetime as dt

        from db import clock

        clock.set_fixed(dt.datetime(2026, 11, 23, 9, 0), ticking=False)

    from bench_import import generate
    from sqlalchemy import event

    from app.importing import inspect_sheet, preview_import, run_import
    from db.engine import read_session
    from db.migrate import open_database

    folder = args.keep or Path(tempfile.mkdtemp(prefix="ketnoi-commit-"))
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / f"profile-commit-{args.rows}.xlsx"
    if not book.exists():
        generate(book, args.rows)
    scratch = Path(tempfile.mkdtemp(prefix="ketnoi-commit-db-"))
    empty, db = scratch / "empty.db", scratch / "run.db"
    engine = open_database(f"sqlite:///{empty}")
    with read_session(engine) as session:
        layout = inspect_sheet(book, "Danh bạ", session=session)
        frozen = pickle.dumps(preview_import(book, layout, session=session))
    engine.dispose()

    cpus: list[float] = []
    walls: list[float] = []
    per_sql: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0])
    for n in range(args.rounds):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.copy(empty, db)
        preview = pickle.loads(frozen)  # the commit marks the rows it writes: a fresh copy each round
        engine = open_database(f"sqlite:///{db}")
        per_sql.clear()
        if args.sql:

            @event.listens_for(engine, "before_cursor_execute")
            def before(conn: Any, *_: Any) -> None:
                conn.info["t"] = time.process_time()

            @event.listens_for(engine, "after_cursor_execute")
            def after(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
                entry = per_sql[re.sub(r"\s+", " ", statement)[:100]]
                entry[0] += 1
                entry[1] += time.process_time() - conn.info["t"]

        cpu, wall = time.process_time(), time.perf_counter()
        result = run_import(engine, preview)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        engine.dispose()
        cpus.append(cpu)
        walls.append(wall)
        print(
            f"round {n + 1}: commit {result.counts.get('new', 0):,} new rows: cpu {cpu:.2f} s, "
            f"wall {wall:.2f} s, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        if args.sql:
            total = sum(t for _, t in per_sql.values())
            for statement, (calls, seconds) in sorted(per_sql.items(), key=lambda x: -x[1][1])[:15]:
                print(f"  {seconds:6.2f} s {int(calls):5d}x {statement}")
            print(
                f"  SQL statements {total:.2f} s of {cpu:.2f} s CPU (COMMIT itself is not a statement here)"
            )
    if args.digest:
        print_digest(db)
    print(
        f"median: cpu {statistics.median(cpus):.2f} s (rounds {min(cpus):.2f}-{max(cpus):.2f}), "
        f"wall {statistics.median(walls):.2f} s; load average {os.getloadavg()[0]:.1f}"
    )
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


def print_digest(db: Path) -> None:
    """A digest per table of every row (in the order of its first column) and one of them all."""
    import hashlib
    import sqlite3

    conn = sqlite3.connect(db)
    whole = hashlib.sha256()
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    ).fetchall()
    for (name,) in tables:
        digest, rows = hashlib.sha256(), 0
        # not the database's id: each run of this script makes a new empty file
        where = " WHERE key <> 'database.uuid'" if name == "setting" else ""
        for row in conn.execute(f'SELECT * FROM "{name}"{where} ORDER BY 1'):
            digest.update(repr(row).encode())
            rows += 1
        whole.update(f"{name} {rows} {digest.hexdigest()}".encode())
        if rows:
            print(f"  digest {name}: {rows:,} rows {digest.hexdigest()[:16]}")
    conn.close()
    print(f"digest of every table: {whole.hexdigest()[:16]}")


if __name__ == "__main__":
    raise SystemExit(main())
