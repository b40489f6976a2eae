"""Benchmark: what Log meeting's two rules (app.importing.logbook) cost a meetings sheet's preview.

    python tests/benchmarks/bench_meetings_logbook.py [--rows 10000] [--saved 20000] [--rounds 5]

Builds a SQLite file with 300 organisations (one merged into another), 3,000 contacts and
``--saved`` meetings over two years (each with an organisation and two attendees), and a
meetings workbook of ``--rows`` rows over the same two years (titles of their own; about one in
twenty at the time of a saved meeting with its organisation, one in fifty naming the merged
organisation), then times the whole preview (read, clean, match) with the rules and without
them (``logbook.apply`` and ``settle`` replaced by no-ops), alternating, and prints the medians,
their ratio, and the time spent inside the rules (the share of the preview they take: the
alternating medians drift with the load of a shared machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--saved", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from sqlalchemy import insert

    from app import reorg
    from app.importing import inspect_sheet, logbook, preview_import
    from db import models as m
    from db.engine import read_session, unit_of_work
    from db.migrate import open_database
    from db.tables import ATTENDEE, CON, MEET, MEET_ORG, ORG
    from tests.app.importing.helpers import write_xlsx

    rnd = random.Random(82)
    folder = Path(tempfile.mkdtemp(prefix="bench-logbook-"))
    engine = open_database(f"sqlite:///{folder / 'k.db'}")
    start = dt.datetime(2025, 1, 1, 8)
    now = m.utcnow()
    base = {"created_at": now, "updated_at": now, "version": 1}
    with unit_of_work(engine) as s:
        s.execute(
            insert(ORG),
            [{"name": f"Tổ chức {i}", "sort_key": f"to chuc {i}", "aliases": [], **base} for i in range(300)],
        )
        org_ids = [int(i) for i in s.execute(ORG.select().with_only_columns(ORG.c.id)).scalars()]
        s.execute(insert(CON), [{"full_name": f"Người {i}", "sort_key": f"nguoi {i}",
                                 "organisation_id": rnd.choice(org_ids), **base} for i in range(3000)])  # fmt: skip
        con_ids = [int(i) for i in s.execute(CON.select().with_only_columns(CON.c.id)).scalars()]
        saved = []
        for i in range(args.saved):
            at = start + dt.timedelta(days=rnd.randrange(730), hours=rnd.randrange(9))
            saved.append({"title": f"Họp đã ghi {i}", "starts_at": at, "kind": "meeting", **base})
        s.execute(insert(MEET), saved)
        meetings = s.execute(MEET.select().with_only_columns(MEET.c.id, MEET.c.starts_at)).all()
        links = [{"meeting_id": mid, "organisation_id": rnd.choice(org_ids)} for mid, _at in meetings]
        s.execute(insert(MEET_ORG), links)
        s.execute(
            insert(ATTENDEE),
            [{"meeting_id": mid, "contact_id": c, "role": "participant"} for mid, _at in meetings
             for c in rnd.sample(con_ids, 2)],
        )  # fmt: skip
        reorg.succeed(s, org_ids[1], [org_ids[0]], kind="merged", on=dt.date(2025, 6, 1))
    names = {oid: f"Tổ chức {i}" for i, oid in enumerate(org_ids)}
    org_of = {link["meeting_id"]: link["organisation_id"] for link in links}
    rows: list[list[object]] = [["Tiêu đề", "Bắt đầu", "Đơn vị", "Thành phần"]]
    for i in range(args.rows):
        if i % 20 == 0:  # at the time of a saved meeting, with its organisation
            mid, at = meetings[rnd.randrange(len(meetings))]
            org = names[org_of[mid]]
        else:
            at = start + dt.timedelta(days=rnd.randrange(730), hours=rnd.randrange(9), minutes=30)
            org = names[org_ids[1]] if i % 50 == 1 else names[rnd.choice(org_ids)]
        rows.append([f"Cuộc họp {i}", at, org, f"Người {rnd.randrange(3000)}"])
    book = write_xlsx(folder / "hop.xlsx", {"Cuộc họp": rows})

    def once() -> tuple[float, dict[str, int]]:
        with read_session(engine) as s:
            layout = inspect_sheet(book, session=s)
            began = time.perf_counter()
            pv = preview_import(book, layout, session=s, parallel=False)
            took = time.perf_counter() - began
        return took, pv.counts()

    real = (logbook.apply, logbook.settle)
    inside: list[float] = []

    def timed(real_one: Any) -> Any:
        def run(*a: Any) -> None:
            began = time.perf_counter()
            real_one(*a)
            inside[-1] += time.perf_counter() - began

        return run

    times: dict[str, list[float]] = {"with the rules": [], "without": []}
    rules: list[float] = []
    once()  # (warm: imports, caches)
    for _round in range(args.rounds):
        for label, took_list in times.items():
            inside.append(0.0)
            if label == "without":
                logbook.apply, logbook.settle = (lambda *_a: None), (lambda *_a: None)  # type: ignore[assignment]
            else:
                logbook.apply, logbook.settle = timed(real[0]), timed(real[1])  # type: ignore[assignment]
            took, counts = once()
            logbook.apply, logbook.settle = real
            took_list.append(took)
            if label != "without":
                rules.append(inside[-1])
            print(f"  {label}: {took:.3f} s {counts}")
    with_rules, without = (statistics.median(v) for v in times.values())
    spent = statistics.median(rules)
    print(f"{args.rows} rows, {args.saved} meetings saved: preview {with_rules:.3f} s with the rules, "
          f"{without:.3f} s without (×{with_rules / without:.3f}); inside the rules {spent:.3f} s, "
          f"{100 * spent / with_rules:.1f}% of the preview")  # fmt: skip


if __name__ == "__main__":
    main()
