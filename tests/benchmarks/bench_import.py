"""Benchmark: the whole import of a 100,000-row contacts workbook against bare reads of it.

    python tests/benchmarks/bench_import.py [--rows 100000] [--keep DIR] [--no-tracemalloc]
        [--rounds 3] [--parallel] [--serial] [--split] [--json FILE]

Generates a contacts workbook (openpyxl write-only: title row, blank row, Vietnamese headers,
names (mostly unique: four words), organisations cited in several forms, emails, phones written
every way, day-first dates as text and as date cells), then in one run times

1. reading the sheet with openpyxl ``read_only=True`` (every cell value touched),
2. reading it with python-calamine (``to_python()``, the reader the import uses), and
3. the whole import: read, find the header, clean, match, commit into a fresh SQLite file,

alternating the three ``--rounds`` times, and prints both ratios of medians (issue 11: import ÷
openpyxl read-only ≤ 0.5, import ÷ calamine read ≤ 5) of wall-clock and of CPU time (the CPU
ratio counts finished worker processes; it holds better when other processes share the cores),
the spread of the rounds' own ratios, the load average, and peak memory (tracemalloc for
Python objects, ``ru_maxrss`` for the process, which includes the native reader's buffers).
``--json FILE`` writes the measures as objects with ``name``, ``ratio`` and ``target``;
``--split`` then times one more import step by step (CPU: opening the fresh database, parse and
header search, reading and cleaning, matching, commit) beside one more bare calamine read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
MIDDLE = "Văn Thị Minh Đức Hồng Thanh Quốc Hữu Ngọc Anh Xuân Thu".split()
GIVEN = "An Bình Châu Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Khoa Lan Long Mai Nam Nhung Phúc Quân Sơn Thảo Trang Tuấn Uyên Yến".split()
ORGS = [
    ("Trung tâm Đổi mới sáng tạo Quốc gia", "NIC"),
    ("Bộ Khoa học và Công nghệ", "MOST"),
    ("Mạng lưới Đổi mới sáng tạo Việt Nam", "VIN"),
    ("FPT Corporation", "FPT"),
    ("Viện AI4LIFE, Đại học Bách khoa Hà Nội", "AI4LIFE"),
] + [(f"Công ty Công nghệ số {i}", "") for i in range(200)]
POSITIONS = ["CEO", "CTO", "Giám đốc", "Phó Giám đốc", "Chuyên viên", "Trưởng phòng", "Research Scientist"]
HEADERS = [
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị",
    "Email",
    "Điện thoại",
    "Ngày gặp gần nhất",
    "Ghi chú",
    "Quốc gia",
    "Nguồn",
]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    from openpyxl import Workbook

    rnd = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh bạ")
    ws.append(["DANH SÁCH ĐẠI BIỂU — dữ liệu thử hiệu năng"])
    ws.append([])
    ws.append(HEADERS)
    for i in range(1, rows + 1):
        # Two middle words, as many Vietnamese names have: about 78,000 different names in
        # 100,000 rows (one middle word gave 4,992, which flattered anything remembering names).
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(MIDDLE + GIVEN)} {rnd.choice(GIVEN)}"
        org, acr = rnd.choice(ORGS)
        org_text = rnd.choice([org, f"{org} ({acr})" if acr else org, acr or org])
        phone_digits = f"9{rnd.randrange(10**7, 10**8)}"
        phone = rnd.choice(
            [
                f"0{phone_digits}",
                f"+84 {phone_digits}",
                f"(+84) {phone_digits[:2]}-{phone_digits[2:5]}-{phone_digits[5:]}",
                f"84{phone_digits}",
            ]
        )
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(700))
        met = rnd.choice([day, day.strftime("%d/%m/%Y"), day.strftime("%d-%m-%Y"), day.isoformat()])
        email = f"user{i}@example{i % 97}.vn"
        ws.append([i, name, rnd.choice(POSITIONS), org_text, email.upper() if i % 10 == 0 else email, phone, met,
                   "Quan tâm sandbox công nghệ sinh học" if i % 3 else None, "Việt Nam", "bench"])  # fmt: skip
    wb.save(path)


def bare_read(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for row in wb["Danh bạ"].iter_rows(values_only=True):
        for _value in row:
            n += 1
    wb.close()
    return n


def calamine_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as wb:
        rows = wb.get_sheet_by_name("Danh bạ").to_python()
    return sum(len(row) for row in rows)


def whole_import(path: Path, db: Path, parallel: bool | None = None) -> dict[str, int]:
    from app.importing import inspect_sheet, preview_import, run_import
    from db.engine import read_session
    from db.migrate import open_database

    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as session:
            layout = inspect_sheet(path, "Danh bạ", session=session)
            preview = preview_import(path, layout, session=session, parallel=parallel)
        result = run_import(engine, preview)
        return result.counts
    finally:
        engine.dispose()


def split_import(path: Path, db: Path) -> dict[str, float]:
    """The whole import once more, its CPU seconds by step (this process only: no workers;
    reading and cleaning with the collector paused, as preview_import runs them)."""
    from app.gcpause import paused_gc
    from app.importing import inspect_sheet, run_import
    from app.importing.matching import match_rows
    from app.importing.preview import Preview, file_sha256, read_rows
    from db.engine import read_session
    from db.migrate import open_database

    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    cpu = time.process_time
    out: dict[str, float] = {}
    start = cpu()
    engine = open_database(f"sqlite:///{db}")  # (whole_import's too: the migrations of a fresh file)
    out["open database"] = cpu() - start
    try:
        with read_session(engine) as session:
            start = cpu()
            layout = inspect_sheet(path, "Danh bạ", session=session)
            out["parse + header search"], start = cpu() - start, cpu()
            with paused_gc():
                rows, read = read_rows(path, layout, parallel=False)
            out["read + clean"], start = cpu() - start, cpu()
            preview = Preview(path, layout, "fill", file_sha256(path), rows, read)
            match_rows(session, preview)
            out["match"], start = cpu() - start, cpu()
        run_import(engine, preview)
        out["commit"] = cpu() - start
    finally:
        engine.dispose()
    return out


def measure(label: str, func, *args):  # type: ignore[no-untyped-def]
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    value = func(*args)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<34} {seconds:8.2f} s   peak Python memory {peak / 2**20:7.1f} MB", flush=True)
    return seconds, peak, value


def timed(func, *args):  # type: ignore[no-untyped-def]
    """Wall seconds, CPU seconds (this process and its finished child processes), result.
    Worker processes started by a forkserver are its children, not ours: with worker processes
    forced, the CPU figure is this process's alone."""
    gc.collect()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu, start = time.process_time(), time.perf_counter()
    value = func(*args)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return wall, cpu, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the workbook and database in this folder")
    parser.add_argument(
        "--no-tracemalloc", action="store_true", help="time without tracemalloc's overhead only"
    )
    parser.add_argument(
        "--parallel", action="store_true", help="also time the import with worker processes forced"
    )
    parser.add_argument(
        "--serial",
        action="store_true",
        help="also time the import with no worker process (everything in this process)",
    )
    parser.add_argument("--json", metavar="FILE", help="write the measures as JSON objects (run_all.py)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (median and spread)")
    parser.add_argument(
        "--split",
        action="store_true",
        help="then one more import, its CPU time by step (read, match, commit)",
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ketnoi-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / f"contacts-{args.rows}-v2.xlsx"  # (v2: names mostly unique; a kept v1 is not reused)
    db = folder / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if not book.exists():
        t, _, _ = timed(generate, book, args.rows)
        print(f"generated {book} ({book.stat().st_size / 2**20:.1f} MB) in {t:.1f} s")
    print(f"cores {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}")
    # Side by side, alternating, --rounds times: the two bare reads, then the whole import into a
    # fresh database. Timings without tracemalloc (it slows Python code several-fold).
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    modes: list[bool | None] = [None] + ([True] if args.parallel else []) + ([False] if args.serial else [])
    out: list[dict[str, object]] = []
    for parallel in modes:
        label = (
            "whole import"
            + {
                None: " (as the app runs it)",
                True: ", worker processes forced",
                False: ", no worker process",
            }[parallel]
        )
        times: dict[str, list[tuple[float, float]]] = {"openpyxl": [], "calamine": [], "import": []}
        loads: list[float] = []
        for n in range(args.rounds):
            o_wall, o_cpu, cells = timed(bare_read, book)
            c_wall, c_cpu, _ = timed(calamine_read, book)
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            wall, cpu, counts = timed(whole_import, book, db, parallel)
            times["openpyxl"].append((o_wall, o_cpu))
            times["calamine"].append((c_wall, c_cpu))
            times["import"].append((wall, cpu))
            loads.append(os.getloadavg()[0])
            brief = {k: counts[k] for k in ("new", "update", "duplicate", "error")}
            print(
                f"round {n + 1}: openpyxl read-only {o_wall:6.2f} s ({cells:,} cells), calamine {c_wall:5.2f} s, "
                f"{label} {wall:6.2f} s (cpu {cpu:.2f} s) {brief}; ÷ openpyxl {wall / o_wall:.2f}, "
                f"÷ calamine {wall / c_wall:.2f}; load {loads[-1]:.1f}",
                flush=True,
            )
        for side, target in (("openpyxl", 0.5), ("calamine", 5.0)):
            for which, i in (("wall", 0), ("cpu", 1)):
                base = statistics.median(t[i] for t in times[side])
                ratio = statistics.median(t[i] for t in times["import"]) / base
                rounds = [a[i] / b[i] for a, b in zip(times["import"], times[side], strict=True)]
                verdict = "ok" if ratio <= target else "MISSED"
                print(
                    f"  RATIO {label} ÷ bare {side} read, {which}: {ratio:.2f} (rounds {min(rounds):.2f}-"
                    f"{max(rounds):.2f}, {args.rounds} rounds, load {min(loads):.1f}-{max(loads):.1f})  "
                    f"target ≤ {target} {verdict}"
                )
                if which == "wall":
                    out.append(
                        {
                            "name": f"import {args.rows:,} rows"
                            + {None: "", True: " (worker processes forced)", False: " (no worker process)"}[
                                parallel
                            ]
                            + f" ÷ bare {'openpyxl read-only' if side == 'openpyxl' else 'python-calamine'} read",
                            "ratio": round(ratio, 3),
                            "target": target,
                            "spread": [round(min(rounds), 3), round(max(rounds), 3)],
                            "import_s": round(statistics.median(t[0] for t in times["import"]), 3),
                            "read_s": round(base, 3),
                            "cpu_ratio": round(
                                statistics.median(t[1] for t in times["import"])
                                / statistics.median(t[1] for t in times[side]),
                                3,
                            ),
                            "load": [round(min(loads), 2), round(max(loads), 2)],
                            "rounds": args.rounds,
                        }
                    )
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.split:
        _, c_cpu, _ = timed(calamine_read, book)
        steps = split_import(book, db)
        shown = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in steps.items())
        print(
            f"CPU by step (one process): {shown}; total {sum(steps.values()):.2f} s; bare calamine read {c_cpu:.2f} s"
        )
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process peak RSS: {rss_after / 1024:.0f} MB (before the import: {rss_before / 1024:.0f} MB)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    if not args.no_tracemalloc:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        measure("bare read (tracemalloc)", bare_read, book)
        measure("whole import (tracemalloc)", whole_import, book, db)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
