"""Profile of the import's matching step alone (``match_rows``), not a ratio and not in ``run_all.py``.

    python tests/benchmarks/profile_match.py [--rows 100000] [--rounds 3] [--keep DIR]
        [--modes first,again,changed] [--gc] [--profile MODE] [--digest]

Makes the workbook of ``bench_import.py`` (same generator, kept in ``--keep``) and a changed
copy of it (the same people with other positions, phones, dates and notes),
reads and cleans each once, and then per round matches a fresh copy of the cleaned rows
against a copy of a migrated SQLite file:

- ``first``: an empty database (the first import; ``on_match`` fill),
- ``again``: a database that holds the workbook already (every row matches: fill, nothing new),
- ``changed``: the same database, the changed copy with ``on_match`` overwrite (every row an
  update with about eight changes to show).

It prints the CPU seconds of each round, their median and the load average. Each round starts
with the folding memos empty (as in a new process) and, as ``preview_import`` runs it, with the
cyclic garbage collector paused (``--gc`` leaves it on, as ``bench_import.py --split`` times
it). ``--profile MODE`` prints cProfile's top functions for one round of that mode. Compare two
versions of the code by running the script from each checkout in turn; ``--digest`` prints a
digest of what matching decided for every row (status, match, duplicate, placeholder, the
resolved ids, changes, reasons) and of the organisations and staff to be created: two
checkouts that decide alike print the same lines.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import os
import pickle
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SHEET = "Danh bạ"


def _cleaned(book: Path, empty_db: Path) -> bytes:
    """The workbook's layout and cleaned rows, pickled (each round unpickles a fresh copy)."""
    from app.importing import inspect_sheet
    from app.importing.preview import read_rows
    from db.engine import read_session
    from db.migrate import open_database

    engine = open_database(f"sqlite:///{empty_db}")
    try:
        with read_session(engine) as session:
            layout = inspect_sheet(book, SHEET, session=session)
    finally:
        engine.dispose()
    rows, read = read_rows(book, layout, parallel=False)
    return pickle.dumps((layout, rows, read), protocol=pickle.HIGHEST_PROTOCOL)


def _preview(book: Path, cleaned: bytes, on_match: str) -> Any:
    from app.importing.preview import Preview

    layout, rows, read = pickle.loads(cleaned)
    return Preview(book, layout, on_match, "-", rows, read)


def _forget() -> None:
    """The folding memos emptied, as in a new process."""
    import app.vntext as vntext
    from app.importing import resolve

    resolve.fold.cache_clear()
    resolve.split_acronym.cache_clear()
    for memo in ("_FOLDED", "_CLEANED"):
        getattr(vntext, memo, {}).clear()


def _digest(preview: Any) -> str:
    ids = ("organisation_id", "owner_id")
    out = hashlib.sha256()
    for r in preview.rows:
        c = r.columns or {}
        decided = (r.row, r.status, r.match_id, r.duplicate_of, r.new_id, r.refs, [c.get(k) for k in ids],
                   r.changes, list(r.reasons))  # fmt: skip
        out.update(repr(decided).encode())
    ctx = preview.context
    made = ([(k, p.name, p.acronym, p.aliases) for k, p in ctx.orgs.pending.items()],
            sorted(ctx.orgs.mentions.items()), sorted(ctx.staff.pending.items()))  # fmt: skip
    out.update(repr(made).encode())
    return out.hexdigest()[:16]


def _change(book: Path, out: Path, seed: int) -> None:
    """A changed copy of ``book``: the same people (names, organisations, e-mails) with other
    positions, phones, dates and notes, as a team's updated sheet has them. (A copy made with
    another seed gave every e-mail another name: since e-mails and phones shared by people of
    other names join nobody, those rows are other people, not updates.)"""
    import random

    from openpyxl import Workbook
    from python_calamine import CalamineWorkbook

    rnd = random.Random(seed)
    rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Danh bạ").to_python()
    header = next(i for i, r in enumerate(rows) if "Họ và tên" in r)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh bạ")
    for i, cells in enumerate(rows):
        row = list(cells)
        if i > header:
            row[2] = rnd.choice(["CEO", "CTO", "Giám đốc", "Phó Giám đốc", "Chuyên viên", "Trưởng phòng"])
            row[5] = f"09{rnd.randrange(10**7, 10**8)}"
            row[6] = f"{rnd.randrange(1, 29):02d}/{rnd.randrange(1, 13):02d}/2026"
            row[7] = rnd.choice(["Quan tâm AI", "Đã gặp ở Techfest", "Cần gửi thư giới thiệu"])
        ws.append(row)
    wb.save(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the workbooks and databases in this folder")
    parser.add_argument("--modes", default="first,again,changed")
    parser.add_argument("--gc", action="store_true", help="leave the cyclic garbage collector on")
    parser.add_argument("--profile", metavar="MODE", help="cProfile one round of this mode")
    parser.add_argument("--digest", action="store_true", help="print a digest of every row's outcome")
    args = parser.parse_args()

    from bench_import import generate

    from app.importing import run_import
    from app.importing.matching import match_rows
    from db.engine import read_session
    from db.migrate import open_database

    folder = args.keep or Path(tempfile.mkdtemp(prefix="ketnoi-match-"))
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / f"contacts-{args.rows}-v2.xlsx"
    changed = folder / f"contacts-{args.rows}-changed-v2.xlsx"  # (v2: the same people)
    if not book.exists():
        generate(book, args.rows, seed=7)
    if not changed.exists():
        _change(book, changed, seed=11)
    empty_db, full_db = folder / "match-empty.db", folder / "match-full.db"
    for db in (empty_db, full_db):
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    open_database(f"sqlite:///{empty_db}").dispose()
    cleaned = {"book": _cleaned(book, empty_db), "changed": _cleaned(changed, empty_db)}
    shutil.copy(empty_db, full_db)
    engine = open_database(f"sqlite:///{full_db}")
    try:
        with read_session(engine) as session:
            preview = _preview(book, cleaned["book"], "fill")
            match_rows(session, preview)
        run_import(engine, preview)
    finally:
        engine.dispose()

    modes = {
        "first": (empty_db, "book", "fill"),
        "again": (full_db, "book", "fill"),
        "changed": (full_db, "changed", "overwrite"),
    }
    print(f"cores {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}", flush=True)
    for mode in args.modes.split(","):
        source, which, on_match = modes[mode]
        db = folder / f"match-{mode}-round.db"
        shutil.copy(source, db)
        engine = open_database(f"sqlite:///{db}")
        times: list[float] = []
        try:
            for n in range(args.rounds):
                preview = _preview(book if which == "book" else changed, cleaned[which], on_match)
                _forget()
                gc.collect()
                if not args.gc:
                    gc.disable()
                profile = cProfile.Profile() if args.profile == mode and n == 0 else None
                with read_session(engine) as session:
                    start = time.process_time()
                    if profile is not None:
                        profile.enable()
                    match_rows(session, preview)
                    if profile is not None:
                        profile.disable()
                    times.append(time.process_time() - start)
                gc.enable()
                if profile is not None:
                    pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        finally:
            engine.dispose()
            db.unlink()
        counts = {k: v for k, v in preview.counts().items() if isinstance(v, int) and v}
        rounds = " ".join(f"{t:.2f}" for t in times)
        print(
            f"{mode:<8} match CPU median {statistics.median(times):.2f} s (rounds {rounds}; "
            f"{on_match}, {counts}); load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        if args.digest:
            print(f"{mode:<8} digest {_digest(preview)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
