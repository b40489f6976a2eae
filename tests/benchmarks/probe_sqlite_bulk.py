"""Probe: what SQLite's own settings could still take off the import's commit (not a ratio
target, not in ``run_all.py``).

    python tests/benchmarks/probe_sqlite_bulk.py --db IMPORTED.db [--rounds 3]

``IMPORTED.db``: a database a 100k-row import wrote (``bench_import.py --keep DIR`` leaves
``DIR/bench.db``). Its contacts are copied into scratch files in the same folder, and each
measure alternates its variants over ``--rounds`` (median, spread, load average):

1. the contacts' indexes built again (the commit drops and builds them around a big insert)
   with ``PRAGMA threads`` 0 and 2: SQLite's sorter may use helper threads;
2. the contacts' full-text table filled by one statement, as the commit does, with the options
   Ketnoi uses (``prefix='2 3'``) and without prefix indexes, with ``detail=none`` and with
   ``columnsize=0`` (each would change the stored schema);
3. COMMIT of the contacts written in WAL mode with the automatic checkpoint (as the app runs)
   and without it, and the checkpoint run afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

FTS = "CREATE VIRTUAL TABLE f USING fts5(search_text, content='contact', content_rowid='id', tokenize='unicode61 remove_diacritics 2'{})"
FTS_OPTIONS = {
    "prefix 2 3 (as Ketnoi)": ", prefix='2 3'",
    "no prefix indexes": "",
    "prefix 2 3, detail=none": ", prefix='2 3', detail=none",
    "prefix 2 3, columnsize=0": ", prefix='2 3', columnsize=0",
}


def _fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _indexes(src: Path, scratch: Path, threads: int) -> float:
    shutil.copy(src, scratch)
    conn = sqlite3.connect(scratch, isolation_level=None)
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name IN ('contact', 'contact_method') "
        "AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute(f"PRAGMA threads={threads}")
    conn.execute("PRAGMA cache_size=-131072")
    conn.execute("BEGIN")
    start = time.perf_counter()
    for _name, sql in found:
        conn.execute(sql)
    took = time.perf_counter() - start
    conn.execute("COMMIT")
    conn.close()
    return took


def _fts(texts: list[tuple[int, str]], scratch: Path, option: str) -> float:
    _fresh(scratch)
    conn = sqlite3.connect(scratch, isolation_level=None)
    conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, search_text TEXT)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO contact VALUES (?, ?)", texts)
    conn.execute("COMMIT")
    conn.execute(FTS.format(option))
    conn.execute("BEGIN")
    start = time.process_time()
    conn.execute("INSERT INTO f (rowid, search_text) SELECT id, search_text FROM contact")
    conn.execute("COMMIT")
    took = time.process_time() - start
    conn.close()
    return took


def _commit(rows: list[tuple[object, ...]], scratch: Path, auto: int) -> tuple[float, float]:
    _fresh(scratch)
    conn = sqlite3.connect(scratch, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-131072")
    conn.execute(f"PRAGMA wal_autocheckpoint={auto}")
    width = len(rows[0])
    conn.execute(f"CREATE TABLE contact ({', '.join(f'c{i}' for i in range(width))})")
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO contact VALUES ({', '.join('?' * width)})", rows)
    start = time.perf_counter()
    conn.execute("COMMIT")
    commit = time.perf_counter() - start
    start = time.perf_counter()
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    checkpoint = time.perf_counter() - start
    conn.close()
    return commit, checkpoint


def _report(label: str, times: list[float], base: float | None = None) -> float:
    median = statistics.median(times)
    ratio = f", {median / base:.2f}x the first" if base else ""
    print(f"  {label:<32} {median:6.3f} s (rounds {min(times):.3f}-{max(times):.3f}){ratio}")
    return median


def _rounds(rounds: int, variants: dict[str, Callable[[], float]]) -> None:
    times: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(rounds):
        for label, run in variants.items():  # alternated within each round
            times[label].append(run())
    base = None
    for label, values in times.items():
        median = _report(label, values, base)
        base = base or median


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    scratch = args.db.with_name("probe-sqlite-bulk.db")
    src = sqlite3.connect(args.db)
    texts = src.execute("SELECT id, search_text FROM contact").fetchall()
    rows = src.execute("SELECT * FROM contact").fetchall()
    src.close()
    print(f"{len(rows):,} contacts; cores {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}")
    try:
        print("1. the contacts' indexes built, wall:")
        _rounds(args.rounds, {f"PRAGMA threads={n}": partial(_indexes, args.db, scratch, n) for n in (0, 2)})
        print("2. the full-text table filled by one statement, CPU:")
        _rounds(args.rounds, {k: partial(_fts, texts, scratch, o) for k, o in FTS_OPTIONS.items()})
        print("3. COMMIT of the contacts, wall:")
        with_auto: list[float] = []
        without: list[tuple[float, float]] = []
        for _ in range(args.rounds):
            with_auto.append(_commit(rows, scratch, 1000)[0])
            without.append(_commit(rows, scratch, 0))
        _report("automatic checkpoint (the app)", with_auto)
        _report("no automatic checkpoint", [c for c, _ in without])
        _report("  then the checkpoint", [k for _, k in without])
    finally:
        _fresh(scratch)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
