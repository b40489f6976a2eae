"""Run every benchmark in this folder, one after the other, and gather their measures.

    python tests/benchmarks/run_all.py [--json FILE] [--only NAME ...] [--big-db PATH]

Each benchmark alternates its two sides at least three times and prints, per measure, the
median of each side, their ratio, the spread of the rounds' own ratios and the load average.
``--json FILE`` writes one list of every measure, each an object with ``name``, ``ratio`` and
``target`` (null where the issue sets none), ``met``, ``spread``, and the load average; plus
one object per script with its wall time. ``--big-db`` reuses a 100k-contact demo database for
the search, lists and start-up benchmarks instead of building one in each (about 45 s each
here). About 20 minutes on a 2-core machine; say the load average when quoting a figure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# script → its arguments (kept to what fits in the time: rounds ≥ 3 everywhere)
BENCHMARKS: dict[str, list[str]] = {
    "bench_search.py": ["--rounds", "3", "--repeat", "10"],
    "bench_import.py": ["--rounds", "3", "--no-tracemalloc"],
    "bench_brief.py": ["--runs", "3"],
    "bench_lists.py": ["--rounds", "3"],
    "bench_startup.py": ["--rounds", "5"],
}
USES_BIG_DB = {"bench_search.py": "--big-db", "bench_lists.py": "--big-db", "bench_startup.py": "--db"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--json", metavar="FILE", help="write every measure as JSON objects")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only these scripts (bench_search.py …)")
    ap.add_argument("--big-db", help="an existing 100k-contact demo database to reuse")
    args = ap.parse_args()
    scripts = [s for s in BENCHMARKS if not args.only or s in args.only or s.removesuffix(".py") in args.only]
    measures: list[dict[str, Any]] = []
    failed: list[str] = []
    started_all = time.perf_counter()
    print(f"load average {os.getloadavg()} on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for script in scripts:
            print(f"\n=== {script} ===", flush=True)
            out = Path(tmp) / f"{script}.json"
            cmd = [sys.executable, str(HERE / script), *BENCHMARKS[script], "--json", str(out)]
            if args.big_db and script in USES_BIG_DB:
                cmd += [USES_BIG_DB[script], str(Path(args.big_db).resolve())]
            started = time.perf_counter()
            done = subprocess.run(cmd, cwd=ROOT, check=False)
            took = time.perf_counter() - started
            if done.returncode != 0 or not out.exists():
                failed.append(script)
                print(f"!!! {script} failed (exit {done.returncode})", flush=True)
            else:
                measures += json.loads(out.read_text(encoding="utf-8"))
            measures.append(
                {"name": f"{script}: wall time (s)", "ratio": None, "target": None, "seconds": round(took, 1)}
            )
    total = time.perf_counter() - started_all
    print(f"\n=== all: {total / 60:.1f} min, load average {os.getloadavg()} ===")
    for m in measures:
        if m.get("ratio") is not None:
            verdict = "" if m["target"] is None else ("ok" if m["ratio"] <= m["target"] else "MISSED")
            target = "—" if m["target"] is None else f"≤ {m['target']}"
            print(f"  {m['ratio']:>8.2f}  {target:<7} {verdict:<7} {m['name']}")
    measures.append(
        {"name": "run_all: wall time (s)", "ratio": None, "target": None, "seconds": round(total, 1)}
    )
    if args.json:
        Path(args.json).write_text(json.dumps(measures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
