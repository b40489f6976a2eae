"""Benchmark: the whole import of a 100,000-row contacts workbook against a bare openpyxl read.

    /tmp/kv/bin/python tests/benchmarks/bench_import.py [--rows 100000] [--keep DIR]

Generates a contacts workbook (openpyxl write-only: title row, blank row, Vietnamese headers,
names, organisations cited in several forms, emails, phones written every way, day-first
dates as text and as date cells), then in one run times

1. reading the sheet with openpyxl ``read_only=True`` (every cell value touched), and
2. the whole import: read, find the header, clean, match, commit into a fresh SQLite file,

and prints the ratio (target ≤ 2) of wall-clock and of CPU time (the CPU ratio holds when other
processes share the cores), and peak memory (tracemalloc for Python objects, ``ru_maxrss`` for
the process, which includes the native reader's buffers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
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
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
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


def whole_import(path: Path, db: Path, parallel: bool | None = False) -> dict[str, int]:
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
    """Wall seconds, CPU seconds (this process and its finished worker processes), result."""
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
    parser.add_argument("--parallel", action="store_true", help="also time the import with worker processes")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (median and spread)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ketnoi-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / f"contacts-{args.rows}.xlsx"
    db = folder / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if not book.exists():
        t, _, _ = timed(generate, book, args.rows)
        print(f"generated {book} ({book.stat().st_size / 2**20:.1f} MB) in {t:.1f} s")
    print(f"cores {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}")
    # Side by side, alternating, --rounds times: a bare read, then the whole import into a fresh
    # database. Timings without tracemalloc (it slows Python code several-fold).
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    modes = [False, True] if args.parallel else [False]
    for parallel in modes:
        label = "whole import, " + ("worker processes" if parallel else "one process")
        walls: list[float] = []
        cpus: list[float] = []
        for n in range(args.rounds):
            read_wall, read_cpu, cells = timed(bare_read, book)
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            wall, cpu, counts = timed(whole_import, book, db, parallel)
            walls.append(wall / read_wall)
            cpus.append(cpu / read_cpu)
            print(
                f"round {n + 1}: bare openpyxl read {read_wall:6.2f} s ({cells:,} cells), {label} "
                f"{wall:6.2f} s {counts}; ratio wall {wall / read_wall:.2f} cpu {cpu / read_cpu:.2f}; "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        print(
            f"  RATIO import / bare read over {args.rounds} rounds: wall median {statistics.median(walls):.2f} "
            f"(spread {min(walls):.2f}-{max(walls):.2f}), cpu median {statistics.median(cpus):.2f} "
            f"(spread {min(cpus):.2f}-{max(cpus):.2f})  (target ≤ 2)"
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
