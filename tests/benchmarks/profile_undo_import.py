"""Profile of undoing a big import (File → Import history → Undo import): a contacts sheet of
``--rows`` rows imported once into a fresh SQLite file, then, per round, a copy of that file in
which the import is undone (``undo_import``, one transaction), with the time of each step the
service reports through its ``progress`` callback. Not a ratio and not in ``run_all.py``.

    python tests/benchmarks/profile_undo_import.py [--rows 100000] [--rounds 3] [--keep DIR] [--no-progress]

``--no-progress`` undoes without a callback (what reporting progress costs: compare the two
medians). Prints CPU and wall seconds per round, their medians and the load average.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the workbook and the imported file in this folder")
    parser.add_argument("--no-progress", action="store_true", help="undo without a progress callback")
    args = parser.parse_args()

    from bench_import import generate

    from app.importing import inspect_sheet, preview_import, run_import, undo_import
    from db.engine import read_session, unit_of_work
    from db.migrate import open_database

    folder = args.keep or Path(tempfile.mkdtemp(prefix="ketnoi-undo-"))
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / f"profile-commit-{args.rows}.xlsx"
    imported = folder / f"imported-{args.rows}.db"
    if not book.exists():
        generate(book, args.rows)
    if not imported.exists():
        t = time.perf_counter()
        engine = open_database(f"sqlite:///{imported}")
        with read_session(engine) as session:
            layout = inspect_sheet(book, "Danh bạ", session=session)
            preview = preview_import(book, layout, session=session)
        run_import(engine, preview)
        engine.dispose()
        print(f"imported {args.rows:,} rows in {time.perf_counter() - t:.1f} s (once)", flush=True)
    engine = open_database(f"sqlite:///{imported}")
    with read_session(engine) as session:
        from sqlalchemy import func, select

        from db import models as m

        batch = session.execute(select(func.max(m.ImportBatch.id))).scalar_one()
    engine.dispose()

    scratch = Path(tempfile.mkdtemp(prefix="ketnoi-undo-db-"))
    db = scratch / "run.db"
    cpus: list[float] = []
    walls: list[float] = []
    for n in range(args.rounds):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.copy(imported, db)
        engine = open_database(f"sqlite:///{db}")
        seen: list[tuple[float, int, int]] = []
        start = time.perf_counter()

        def progress(
            done: int, total: int, seen: list[tuple[float, int, int]] = seen, start: float = start
        ) -> None:
            seen.append((time.perf_counter() - start, done, total))

        cpu, wall = time.process_time(), time.perf_counter()
        with unit_of_work(engine) as session:
            more = {} if args.no_progress else {"progress": progress}  # (older code: no such argument)
            result = undo_import(batch, session=session, **more)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        engine.dispose()
        cpus.append(cpu)
        walls.append(wall)
        removed = sum(result.deleted.values())
        print(
            f"round {n + 1}: undo of {removed:,} records: cpu {cpu:.2f} s, wall {wall:.2f} s, "
            f"{len(seen)} progress calls, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        if seen and n == 0:
            first = next((s for s in seen if s[1] > 0), seen[0])
            print(f"  first progress with work done at {first[0]:.2f} s ({first[1]:,}/{first[2]:,})")
            gaps = [b[0] - a[0] for a, b in itertools.pairwise(seen)]
            if gaps:
                print(f"  longest gap between two progress calls: {max(gaps):.2f} s")
            for at, done, total in seen[:: max(1, len(seen) // 12)]:
                print(f"  {at:6.2f} s  {done:>9,} / {total:,}")
    print(
        f"median: cpu {statistics.median(cpus):.2f} s (rounds {min(cpus):.2f}-{max(cpus):.2f}), "
        f"wall {statistics.median(walls):.2f} s; load average {os.getloadavg()[0]:.1f}"
    )
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
