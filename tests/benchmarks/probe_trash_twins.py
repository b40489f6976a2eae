"""Not a ratio: restoring contacts from the trash of a big organisation, asking for each whether a
live contact is the same person (``app.trash.restore_many(..., twins="refuse")``, what View →
Trash does), run with ``PYTHONPATH`` on the tree before and after a change (reviewer h148: 61
restores from the trash of a 20,000-person organisation took 11 s, each reading every live
contact there to compare names in Python).

    python tests/benchmarks/probe_trash_twins.py make --db big.db [--people 20000] [--trashed 61]
    PYTHONPATH=OLD_TREE python tests/benchmarks/probe_trash_twins.py measure --db big.db [--rounds 5]
    PYTHONPATH=NEW_TREE python tests/benchmarks/probe_trash_twins.py measure --db big.db [--rounds 5]

``make`` imports a sheet of ``--people`` contacts at one organisation ("Tập đoàn Lớn"), then a
second of ``--trashed`` more there with no e-mail (asked by name at the organisation, the case
that read every contact there), and undoes the second: those are in the trash. ``measure``
restores them all in one unit of work on a fresh copy of the file, ``--rounds`` times, and
prints each round's seconds and the median (and the load average). Not in ``run_all.py``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE = ("Văn", "Thị", "Minh", "Đức", "Thanh", "Ngọc", "Hữu", "Quốc")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hoa", "Hương", "Lan", "Nam", "Thảo", "Trang", "Yến")
ORG = "Tập đoàn Lớn"


def _name(i: int) -> str:
    return f"{FAMILY[i % 10]} {MIDDLE[(i // 10) % 8]} {GIVEN[(i // 80) % 13]}"


def _sheet(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email", "Đơn vị"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _import(engine: object, path: Path) -> int:
    from app.importing import inspect_sheet, preview_import, run_import
    from db.engine import read_session

    with read_session(engine) as s:  # type: ignore[arg-type]
        layout = inspect_sheet(path, None, session=s)
        pv = preview_import(path, layout, session=s)
    done = run_import(engine, pv)  # type: ignore[arg-type]
    assert done.batch_id is not None
    return done.batch_id


def make(db: Path, people: int, trashed: int) -> None:
    from app.importing import undo_import
    from db.engine import unit_of_work
    from db.migrate import open_database

    engine = open_database(f"sqlite:///{db}")
    with tempfile.TemporaryDirectory() as tmp:
        live = [[_name(i), f"p{i}@lon.vn", ORG] for i in range(people)]
        _import(engine, _sheet(Path(tmp) / "live.xlsx", live))
        # (no e-mail: asked by name at the organisation, the case that read every contact there)
        gone = [[_name(i * 7 + 3) + f" {i}", "", ORG] for i in range(trashed)]
        batch = _import(engine, _sheet(Path(tmp) / "gone.xlsx", gone))
    with unit_of_work(engine) as s:
        undo_import(batch, session=s)
    engine.dispose()
    print(f"{db}: {people} live contacts at {ORG}, {trashed} of it in the trash")


def measure(db: Path, rounds: int) -> None:
    import shutil

    from sqlalchemy import select

    import app
    from app import trash
    from db import models as m
    from db.engine import read_session, unit_of_work
    from db.migrate import open_database

    times, said = [], ""
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            copy = Path(tmp) / "copy.db"  # (each round on a fresh copy: what it restores is written)
            shutil.copyfile(db, copy)
            engine = open_database(f"sqlite:///{copy}")
            with read_session(engine) as s:
                gone = select(m.Contact.id).where(m.Contact.deleted_at.is_not(None))
                ids = [int(i) for i in s.execute(gone).scalars()]
            start = time.perf_counter()
            with unit_of_work(engine) as s:
                done = trash.restore_many(s, [("contact", i) for i in ids], twins="refuse")
            times.append(time.perf_counter() - start)
            said = (
                f"restored {len(done.restored)} of {len(ids)}, {len(done.skipped)} left as a live one's twin"
            )
            engine.dispose()
            copy.unlink()
    load = os.getloadavg()[0]
    print(f"code: {Path(app.__file__).parents[1]}")
    print(said)
    print("rounds: " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"median {statistics.median(times):.2f} s (load {load:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("make", "measure"))
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--trashed", type=int, default=61)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.what == "make":
        make(args.db, args.people, args.trashed)
    else:
        measure(args.db, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
