"""Load test of a team database (issue 13): WORKERS processes save to overlapping records for
SECONDS through the app's service layer, and nothing is lost.

Each worker loops: read a random record's version (of RECORDS contacts, so saves collide) as a
form opening on it does, wait a moment (a person editing), then ``app.records.update(...,
expected_version=…)`` in one unit of work (writers take turns: the version is checked inside). A save either succeeds or raises ``ConflictError`` (someone saved first);
anything else is an error. At the end, per record:

- final ``version`` == 1 + the number of successful saves (no update was lost or doubled);
- the history holds exactly one ``notes`` row per successful save, with the value that save
  wrote, in version order;
- the last value stored is the last successful save's;

and a listener in this process (``db.live.PgListener``, as the window uses) heard one
notification per successful save.

    createdb ketnoi_load   # an empty database on a PostgreSQL server on loopback
    python tests/benchmarks/load_team.py --url postgresql://ketnoi@127.0.0.1:55432/ketnoi_load

(60 s, 10 processes, 5 records by default; ``--seconds 10`` is what ``tests/db/test_load_team.py``
runs.) The database must hold no contacts but this script's (``source = 'load-test'``).
Exit code 0 when every check holds.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SOURCE = "load-test"


def _worker(url: str, ids: list[int], seconds: float, seed: int, out: Any, start: Any) -> None:
    from sqlalchemy import select

    from app import records
    from app.errors import ConflictError
    from db import models as m
    from db.engine import make_engine, read_session, unit_of_work

    engine = make_engine(url)
    with engine.connect():  # connected before the clock starts
        pass
    start.wait(timeout=300)  # every worker at once, after the imports (seconds each on a busy machine)
    rnd = random.Random(seed)
    saves: list[tuple[int, int, str]] = []  # (record, new version, value)
    conflicts = 0
    errors: Counter[str] = Counter()
    n = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        record = rnd.choice(ids)
        n += 1
        value = f"w{seed}-{n}"
        try:
            with read_session(engine) as s:  # the form opened on the record, as the window reads it
                version = s.execute(select(m.Contact.version).where(m.Contact.id == record)).scalar_one()
            time.sleep(rnd.uniform(0, 0.004))  # the edit: another save may land meanwhile
            with unit_of_work(engine) as s:  # Save (writers take turns: the check is inside)
                new = records.update(
                    s, "contact", record, {"notes": value}, expected_version=version, actor=f"worker {seed}"
                )
            saves.append((record, new, value))
        except ConflictError:
            conflicts += 1
        except Exception as exc:  # anything but a conflict is a failure of the test
            errors[f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"] += 1
    engine.dispose()
    out.put({"seed": seed, "saves": saves, "conflicts": conflicts, "errors": dict(errors), "tries": n})


def run(url: str, *, seconds: float = 60, workers: int = 10, records_n: int = 5) -> dict[str, Any]:
    """Run the load and check it; returns figures and ``problems`` (empty when all held)."""
    from sqlalchemy import func, select

    from app import records
    from db import models as m
    from db.engine import unit_of_work
    from db.live import PgListener
    from db.migrate import open_database

    engine = open_database(url)
    with unit_of_work(engine) as s:
        others = s.execute(select(func.count()).where(m.Contact.source != SOURCE)).scalar_one()
        if others:
            raise SystemExit(f"{url}: holds {others} contacts of its own; use an empty database")
        ids = [
            records.create(s, "contact", {"full_name": f"Người Thử Tải {i}", "source": SOURCE})
            for i in range(records_n)
        ]
    heard: list[dict[str, Any]] = []
    states: list[str] = []
    listener = None
    if engine.dialect.name == "postgresql":
        listener = PgListener(engine.url, heard.extend, states.append).start()
        deadline = time.monotonic() + 10
        while listener.state != "connected" and time.monotonic() < deadline:
            time.sleep(0.05)

    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    start = ctx.Barrier(workers + 1)
    procs = [ctx.Process(target=_worker, args=(url, ids, seconds, i, queue, start)) for i in range(workers)]
    for p in procs:
        p.start()
    try:
        start.wait(timeout=120)
    except threading.BrokenBarrierError:
        for p in procs:
            p.kill()
        raise SystemExit("the workers did not start (see their errors above)") from None
    started = time.monotonic()
    results = [queue.get(timeout=seconds + 120) for _ in procs]
    elapsed = time.monotonic() - started
    for p in procs:
        p.join(30)

    problems: list[str] = []
    saves = [s for r in results for s in r["saves"]]
    conflicts = sum(r["conflicts"] for r in results)
    errors: Counter[str] = Counter()
    for r in results:
        errors.update(r["errors"])
    if errors:
        problems.append(f"errors other than conflicts: {dict(errors)}")
    problems += _check(engine, ids, saves)
    if listener is not None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _heard(heard, ids) < len(saves):
            time.sleep(0.1)
        listener.stop()
        if _heard(heard, ids) != len(saves):
            problems.append(f"notifications heard {_heard(heard, ids)}, successful saves {len(saves)}")
    engine.dispose()
    tries = sum(r["tries"] for r in results)
    return {
        "database": engine.dialect.name,
        "workers": workers,
        "records": records_n,
        "seconds": round(elapsed, 1),
        "attempts": tries,
        "saves": len(saves),
        "saves_per_s": round(len(saves) / elapsed, 1),
        "conflicts": conflicts,
        "errors": sum(errors.values()),
        "notifications": _heard(heard, ids) if listener is not None else None,
        "listener_states": states,
        "problems": problems,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def _check(engine: Any, ids: list[int], saves: list[tuple[int, int, str]]) -> list[str]:
    """Per record: version == 1 + successful saves; the history holds each save's value once,
    in version order; the stored value is the last save's."""
    from sqlalchemy import select

    from db import models as m
    from db.engine import unit_of_work

    problems: list[str] = []
    per_record = Counter(rec for rec, _v, _x in saves)
    by_version = {(rec, v): x for rec, v, x in saves}
    if len(by_version) != len(saves):
        problems.append("two successful saves produced the same version of a record")
    with unit_of_work(engine) as s:
        for rec in ids:
            row = s.get(m.Contact, rec)
            assert row is not None
            if row.version != 1 + per_record[rec]:
                problems.append(f"contact {rec}: version {row.version}, successful saves {per_record[rec]}")
            hist = s.execute(
                select(m.Change.new)
                .where(m.Change.entity == "contact", m.Change.entity_id == rec, m.Change.field == "notes")
                .order_by(m.Change.id)
            ).scalars()
            wrote = list(hist)
            expected = [by_version[(rec, v)] for v in range(2, row.version + 1) if (rec, v) in by_version]
            if wrote != expected:
                problems.append(
                    f"contact {rec}: history {len(wrote)} rows, saves {len(expected)} (or order differs)"
                )
            if per_record[rec] and row.notes != by_version.get((rec, row.version)):
                problems.append(f"contact {rec}: stored notes {row.notes!r} are not the last save's")
    return problems


def _heard(heard: list[dict[str, Any]], ids: list[int]) -> int:
    return sum(
        1
        for h in heard
        if h.get("kind") == "contact" and h.get("op") == "u" and set(h.get("ids") or ()) <= set(ids)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("KETNOI_TEST_POSTGRES_URL"), help="an empty database")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--records", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.url:
        parser.error("--url (or KETNOI_TEST_POSTGRES_URL) is required")
    from db.engine import resolve_url

    figures = run(resolve_url(args.url), seconds=args.seconds, workers=args.workers, records_n=args.records)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for k, v in figures.items():
            print(f"{k:>16}: {v}")
    return 1 if figures["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
