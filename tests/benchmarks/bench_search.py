"""Benchmark: search at 100,000 contacts against search at 1,000, side by side in one run.

    python tests/benchmarks/bench_search.py [--big 100000] [--small 1000] [--repeat 20]
        [--rounds 3] [--big-db PATH] [--small-db PATH] [--json FILE]

Builds two databases with the demo generator (``ketnoi demo --scale N``), then times the same
queries on both and prints the ratio per query. An index lookup grows with the number of
matches returned (capped by the limit), not with the table: the ratio stays small, where a
scan of every row would be ~100x. The two sides alternate ``--rounds`` times; each round
takes the median of ``--repeat`` calls per query. Target (issue 11): "nguyen", "ngu" and
"đặng" at 100k ÷ 1k ≤ 1.5 (a common family name: thousands of matches at 100k).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ratios

from app import demo
from app.search import search
from db.engine import read_session
from db.migrate import open_database

QUERIES = ("nguyen", "ngu", "đặng", "dang", "nguyen nhung", "hoa lac", "genetica", "tuan 12", "0912")
TARGETS = {"nguyen": 1.5, "ngu": 1.5, "đặng": 1.5}


def build(folder: Path, n: int) -> str:
    url = f"sqlite:///{folder / f'k{n}.db'}"
    engine = open_database(url)
    started = time.perf_counter()
    demo.fill(engine, scale=n, today=None)
    print(f"  demo --scale {n:>7,}: {time.perf_counter() - started:6.1f} s", flush=True)
    engine.dispose()
    return url


def time_queries(url: str, repeat: int) -> dict[str, float]:
    engine = open_database(url)
    out: dict[str, float] = {}
    with read_session(engine) as s:
        search(s, "warm up")
        for q in QUERIES:
            runs = []
            for _ in range(repeat):
                t = time.perf_counter()
                search(s, q, limit=20)
                runs.append(time.perf_counter() - t)
            out[q] = statistics.median(runs)
    engine.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", type=int, default=100_000)
    ap.add_argument("--small", type=int, default=1_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--big-db", help="an existing database for the big side")
    ap.add_argument("--small-db", help="an existing database for the small side")
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args()
    print(ratios.load(), flush=True)

    def url(given: str | None, folder: Path, n: int) -> str:
        return f"sqlite:///{Path(given).resolve()}" if given else build(folder, n)

    runs: dict[str, dict[str, list[float]]] = {q: {"small": [], "big": []} for q in QUERIES}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, big = url(args.small_db, folder, args.small), url(args.big_db, folder, args.big)
        for n in range(args.rounds):  # alternating, so that load from others hits both alike
            for side, u in (("small", small), ("big", big)):
                for q, t in time_queries(u, args.repeat).items():
                    runs[q][side].append(t)
            print(f"  round {n + 1}/{args.rounds}, {ratios.load()}", flush=True)
    sizes = f"{args.big:,} ÷ {args.small:,} contacts" if not args.big_db else "big ÷ small database"
    measures = [
        ratios.measure(f"search {q!r}: {sizes}", runs[q]["small"], runs[q]["big"], TARGETS.get(q))
        for q in QUERIES
    ]
    ratios.show(measures, "small", "big")
    ratios.write(args.json, measures)


if __name__ == "__main__":
    main()
