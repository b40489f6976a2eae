"""Probe: why the import's commit does not write from a second thread (not a ratio target, not
in ``run_all.py``).

    python tests/benchmarks/probe_writer_thread.py [--rows 100000] [--rounds 3]

sqlite3 releases the interpreter lock inside each step, so SQLite's work could overlap Python
work on the other core. It does for one long statement; but ``executemany`` takes the lock back
for every row, and beside a thread busy in Python it waits up to the switch interval (5 ms) each
time. Times, alternated over ``--rounds``: 100k rows of 13 columns through ``executemany`` alone
and beside a busy Python thread, and the same rows as one ``INSERT … SELECT`` over
``json_each`` (one statement: no stall, but slower than ``executemany`` alone), alone and beside
the thread. Prints each median, the ratio to ``executemany`` alone, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import threading
import time
from collections.abc import Callable

COLUMNS = "abcdefghijklm"


def _table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(COLUMNS)})")
    return conn


def _rows(n: int) -> list[tuple[object, ...]]:
    return [
        (f"Nguyễn Văn {i}", "Nguyễn", "Văn", f"An{i}", "CEO", i % 7, f"nguyen{i}@x.vn", "+84912345678",
         f"k{i:08d}", "2026-11-23 09:00:00.000000", "2026-11-23 09:00:00.000000", None, 1)
        for i in range(n)
    ]  # fmt: skip


def executemany(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    conn.execute("BEGIN")
    sql = f"INSERT INTO t ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    for start in range(0, len(rows), 2000):
        conn.executemany(sql, rows[start : start + 2000])
    conn.execute("COMMIT")


def json_select(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    conn.execute("BEGIN")
    picks = ", ".join(f"value->>{i}" for i in range(len(COLUMNS)))
    sql = f"INSERT INTO t ({', '.join(COLUMNS)}) SELECT {picks} FROM json_each(?)"
    for start in range(0, len(rows), 2000):
        conn.execute(sql, (json.dumps(rows[start : start + 2000], ensure_ascii=False),))
    conn.execute("COMMIT")


def timed(write: Callable[..., None], rows: list[tuple[object, ...]], busy: bool) -> float:
    conn = _table()
    stop = threading.Event()

    def spin() -> None:
        n = 0
        while not stop.is_set():
            n += 1

    spinner = threading.Thread(target=spin)
    if busy:
        spinner.start()
    try:
        start = time.perf_counter()
        write(conn, rows)
        return time.perf_counter() - start
    finally:
        stop.set()
        if busy:
            spinner.join()
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if sqlite3.sqlite_version_info < (3, 38):
        print(f"SQLite {sqlite3.sqlite_version}: no ->> operator; the json side is left out")
    rows = _rows(args.rows)
    sides = [("executemany", executemany, False), ("executemany beside a busy thread", executemany, True)]
    if sqlite3.sqlite_version_info >= (3, 38):
        sides += [("one INSERT … SELECT json_each", json_select, False),
                  ("one INSERT … SELECT json_each beside a busy thread", json_select, True)]  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name, _w, _b in sides}
    loads = [os.getloadavg()[0]]
    for _ in range(args.rounds):
        for name, write, busy in sides:
            times[name].append(timed(write, rows, busy))
        loads.append(os.getloadavg()[0])
    base = statistics.median(times["executemany"])
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:52s} median {median:7.3f} s ({min(values):.3f}-{max(values):.3f}), ÷ executemany alone {median / base:6.1f}"
        )
    print(f"load average {min(loads):.1f}-{max(loads):.1f}; SQLite {sqlite3.sqlite_version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
