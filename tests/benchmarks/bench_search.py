"""Benchmark: search at 100,000 contacts against search at 1,000, side by side in one run.

    python tests/benchmarks/bench_search.py [--big 100000] [--small 1000] [--repeat 20]

Builds two databases with the demo generator (``ketnoi demo --scale N``), then times the same
queries on both and prints the ratio per query. An index lookup grows with the number of
matches returned (capped by the limit), not with the table: the ratio stays small, where a
scan of every row would be ~100x.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app import demo
from app.search import search
from db.engine import read_session
from db.migrate import open_database

QUERIES = ("nguyen", "dang", "nguyen nhung", "hoa lac", "genetica", "tuan 12", "0912")


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
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, big = build(folder, args.small), build(folder, args.big)
        # Alternate the two so that load from other processes hits both alike.
        a, b = time_queries(small, args.repeat), time_queries(big, args.repeat)
        a2, b2 = time_queries(small, args.repeat), time_queries(big, args.repeat)
    print(f"\n{'query':<14}{args.small:>10,} contacts{args.big:>12,} contacts{'ratio':>8}")
    ratios = []
    for q in QUERIES:
        s_ms, b_ms = min(a[q], a2[q]) * 1000, min(b[q], b2[q]) * 1000
        ratios.append(b_ms / s_ms)
        print(f"{q:<14}{s_ms:>16.2f} ms{b_ms:>17.2f} ms{b_ms / s_ms:>8.1f}x")
    print(
        f"\nmedian ratio {args.big:,} / {args.small:,} contacts: {statistics.median(ratios):.1f}x "
        f"(data grew {args.big / args.small:.0f}x)"
    )


if __name__ == "__main__":
    main()
