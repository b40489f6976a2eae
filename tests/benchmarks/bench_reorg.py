"""How long a reorganisation and its undo take for a large ministry (issue 15 item 4).

    python tests/benchmarks/bench_reorg.py [PEOPLE] [OPEN_ACTIONS]     # default 2000 1000

Builds a temporary SQLite database with one ministry holding PEOPLE contacts and OPEN_ACTIONS
open actions, merges it into another (app.reorg.succeed) and undoes it (app.undo.undo_group),
each in its own unit of work, and prints both times.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app import records, reorg, undo
from db.engine import unit_of_work
from db.migrate import open_database


def main() -> None:
    people = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    actions = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    engine = open_database(f"sqlite:///{tempfile.mkdtemp()}/bench.db")
    with unit_of_work(engine) as s:
        old = records.create(s, "organisation", {"name": "Bộ Kế hoạch và Đầu tư", "acronym": "MPI"})
        new = records.create(s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF"})
        for i in range(people):
            records.create(s, "contact", {"full_name": f"Nguyễn Văn {i}", "organisation_id": old})
        for i in range(actions):
            records.create(s, "action", {"title": f"Việc {i}", "organisation_id": old})
    start = time.perf_counter()
    with unit_of_work(engine) as s:
        group, _ = reorg.succeed(s, old, [new], kind="merged", on=dt.date(2025, 3, 1))
    moved = time.perf_counter() - start
    start = time.perf_counter()
    with unit_of_work(engine) as s:
        undo.undo_group(s, group)
    undone = time.perf_counter() - start
    print(f"{people} people + {actions} open actions: succeed {moved:.2f} s, undo {undone:.2f} s")
    engine.dispose()


if __name__ == "__main__":
    main()
