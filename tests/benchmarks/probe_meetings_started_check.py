"""Probe: the cost of the meetings-started check (``app.contacted.catch_up_quietly``, run by
every command that opens a database, before each brief and every minute in the window) on a
database with no mark yet (not a ratio target, not in ``run_all.py``).

    ketnoi demo --scale 100000 --db k100k.db
    python tests/benchmarks/probe_meetings_started_check.py k100k.db [--checks 10]

Works on a copy of the file with the mark removed (as on every database made before the mark,
and on a new demo), runs the check ``--checks`` times in one process and prints each time, the
first, the median of the others, whether the mark was stored, and the load average. Before the
first check stored the mark when nothing moved (07/12/2026, load 13-14 on two shared cores):
every check 128-260 ms (median 182 ms), the mark never stored; after: the first 360 ms, then
about 1 ms (the same probe at load 19: 966-1966 ms, median 1510 ms, against 1444 ms once and
then 0.7-9.6 ms, median 0.8 ms).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db", type=Path, help="a demo database (ketnoi demo --scale 100000 --db FILE)")
    ap.add_argument("--checks", type=int, default=10)
    args = ap.parse_args()

    from app import contacted
    from db import models as m
    from db.engine import read_session
    from db.migrate import open_database

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "probe.db"
        shutil.copyfile(args.db, copy)
        with closing(sqlite3.connect(copy)) as con, con:
            con.execute("DELETE FROM setting WHERE key = ?", (contacted.THROUGH_KEY,))
        engine = open_database(f"sqlite:///{copy}")
        times = []
        for _ in range(max(args.checks, 2)):
            started = time.perf_counter()
            contacted.catch_up_quietly(engine)
            times.append((time.perf_counter() - started) * 1000)
        with read_session(engine) as s:
            stored = s.get(m.Setting, contacted.THROUGH_KEY) is not None
        engine.dispose()
    print("app from", Path(contacted.__file__).parent)
    print("checks (ms):", " ".join(f"{t:.1f}" for t in times))
    print(f"first {times[0]:.1f} ms; median of the others {statistics.median(times[1:]):.1f} ms")
    print(f"mark stored: {'yes' if stored else 'no'}; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
