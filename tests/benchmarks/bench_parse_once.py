"""Benchmark: finding the header and reading every row of a sheet against one bare calamine read.

    python tests/benchmarks/bench_parse_once.py [--rows 100000] [--rounds 3]

The header search (``inspect_sheet``) and the reading that follows it (``iter_rows``) share one
parse of the sheet (issue 10, item 9): together they should cost about what one bare
python-calamine read of the sheet costs, cells normalised (target ≤ 1.3). Before, the header
search parsed the whole sheet a second time (ratio about 2). Prints CPU times (the ratio holds
when other processes share the cores), medians of alternating rounds, and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1].parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def bare(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    from app.importing.reader import norm

    with CalamineWorkbook.from_path(str(path)) as wb:
        ws = wb.get_sheet_by_index(0)
    return sum(1 for row in ws.iter_rows() for _ in [[norm(v) for v in row]])


def ketnoi(path: Path) -> int:
    from app.importing.reader import forget_parsed, iter_rows
    from app.importing.sheet import inspect_sheet

    forget_parsed()
    layout = inspect_sheet(path)
    return sum(1 for _ in iter_rows(path, layout.sheet))


def cpu(fn: object, path: Path) -> float:
    start = time.process_time()
    fn(path)  # type: ignore[operator]
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import bench_import

    path = Path(tempfile.mkdtemp(prefix="ketnoi-bench-")) / f"contacts-{args.rows}.xlsx"
    bench_import.generate(path, args.rows)
    ratios, times = [], []
    for n in range(args.rounds):
        one = cpu(bare, path)
        both = cpu(ketnoi, path)
        ratios.append(both / one)
        times.append((one, both))
        print(
            f"round {n + 1}: bare calamine read {one:.2f} s CPU, header search + every row {both:.2f} s CPU"
        )
    print(
        f"  RATIO header search + rows / one bare read: median {statistics.median(ratios):.2f} "
        f"(spread {min(ratios):.2f}-{max(ratios):.2f})  (target ≤ 1.3)"
    )
    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
