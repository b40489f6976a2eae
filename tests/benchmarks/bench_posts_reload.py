"""What one read of the Posts… dialog costs at scale (its list: the organisation's name and
posts_of with every holder), against an empty read session on the same file.

    python tests/benchmarks/bench_posts_reload.py --db /tmp/k100k.db [--rounds 3] [--json FILE]

The database is copied to a temporary file first (nothing is written to it); into the copy go
2,000 posts across the organisations, each with three holders one after the other, and the
measured organisation gets 20 posts (60 holdings). Each round times ``--repeat`` reads of each
side, alternating; the median per read is reported with the load average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ratios import load, measure


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--db", required=True, help="a demo database (ketnoi demo --scale 100000)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args()

    from sqlalchemy import select, text

    from app import posts, records
    from db import models as m
    from db.engine import read_session, unit_of_work
    from db.migrate import open_database

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "posts.db"
        shutil.copy(args.db, db)
        engine = open_database(f"sqlite:///{db}")
        with unit_of_work(engine) as s:
            orgs = list(s.execute(select(m.Organisation.id).order_by(m.Organisation.id)).scalars())
            people = list(s.execute(select(m.Contact.id).order_by(m.Contact.id).limit(6000)).scalars())
            org = orgs[0]
            n = 0
            for i in range(2020):
                where = org if i < 20 else orgs[1 + i % (len(orgs) - 1)]
                post = posts.add_post(s, where, f"Post {i}", rank=i % 50 + 1)
                for k in range(3):
                    who = people[n % len(people)]
                    n += 1
                    posts.assign(s, post, who, starts_on=dt.date(2020 + k, 1, 1))
        contacts = engine.connect().execute(text("select count(*) from contact")).scalar()
        today = dt.date(2026, 12, 5)

        def empty() -> None:
            with read_session(engine) as s:
                s.execute(text("select 1")).scalar()

        def dialog_read() -> None:
            with read_session(engine) as s:
                records.label(s, "organisation", org)
                rows = posts.posts_of(s, org, today)
            assert len(rows) == 20 and sum(len(r.holdings) for r in rows) == 60

        base: list[float] = []
        subject: list[float] = []
        for _ in range(args.rounds):
            for side, out in ((empty, base), (dialog_read, subject)):
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    side()
                    times.append(time.perf_counter() - t)
                out.append(statistics.median(times))
        engine.dispose()
    result = measure("posts dialog read vs empty read", base, subject, None, contacts=contacts)
    print(load())
    print(
        f"{contacts} contacts, 2,020 posts: one Posts… read {result['subject_ms']:.2f} ms "
        f"(empty read session {result['base_ms']:.2f} ms; ratio {result['ratio']}, spread {result['spread']})"
    )
    if args.json:
        Path(args.json).write_text(json.dumps([result], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
