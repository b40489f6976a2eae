"""Probe: how long the window freezes on a team database before Empty trash… asks and before a
list's "Merge the two selected…" opens its dialog.

    python tests/benchmarks/probe_trash_merge_freeze.py make --url SUPERUSER_URL --state S.json \
        [--trashed 4000]
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/probe_trash_merge_freeze.py measure \
        --state S.json [--rounds 5]
    python tests/benchmarks/probe_trash_merge_freeze.py drop --state S.json

``make`` sets up a team database on the PostgreSQL server (a superuser URL on a throwaway
server, as ``.ci/start-postgres`` makes): an owner role, ``ketnoi admin init``, two officers and
a manager, then ``--trashed`` contacts and organisations deleted — nine in ten by officer Lan,
the rest by officer Minh — each delete a row of the history, whose row-level security runs a
function per row; and two contacts to merge, one in three meetings. ``measure`` drives the real
Trash dialog and the real bulk Merge in this process, signed in as Lan (officer: only what she
deleted, never a record a hidden one still points at) and as Hoa (manager): per round it clicks
Empty trash… (the question answered Cancel) and Merge (the dialog answered Cancel) and prints
the medians over the rounds of the longest the UI thread went without running a 5 ms timer
between the click and the question or dialog (the freeze), and the time to it; ``--latency-ms``
makes every query wait, as a far server does. Run it on two
trees (PYTHONPATH=…) to compare the code before and after. ``drop`` removes the database and roles.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import os
import secrets
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path and not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(ROOT))

NAMES = {"lan": "Trần Thị Lan", "minh": "Phạm Văn Minh", "hoa": "Nguyễn Thị Hoa"}
ROLES = {"lan": "officer", "minh": "officer", "hoa": "manager"}


def _cli(url: str, *argv: str, stdin: str | None = None) -> str:
    from app.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, "--db", url])
    finally:
        sys.stdin = old
    if code != 0:
        raise SystemExit(f"ketnoi {' '.join(argv)}: {err.getvalue()}")
    return out.getvalue()


def _url(base: str, user: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(base).set(username=user, password=None, database=database).render_as_string(False)


def make(args: argparse.Namespace) -> None:
    import datetime as dt

    from sqlalchemy import create_engine

    from app import records
    from db.engine import make_engine, unit_of_work

    prefix = f"kp{secrets.token_hex(3)}_"
    owner, database = f"{prefix}owner", f"{prefix}db"
    admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'owner-pw'")
        conn.exec_driver_sql(f"CREATE DATABASE {database} OWNER {owner}")
    admin.dispose()
    urls = {"owner": _url(args.url, owner, database)}
    urls |= {who: _url(args.url, f"{prefix}{who}", database) for who in NAMES}
    Path(args.state).write_text(json.dumps({"url": args.url, "prefix": prefix, "urls": urls}))
    _cli(urls["owner"], "admin", "init", "--role-prefix", prefix)
    for who, role in ROLES.items():
        _cli(urls["owner"], "admin", "add-user", f"{prefix}{who}", "--role", role, "--name", NAMES[who],
             "--password-stdin", stdin="probe password\n")  # fmt: skip
    started = time.monotonic()
    for who, share in (("lan", 0.9), ("minh", 0.1)):
        engine = make_engine(urls[who])
        n = int(args.trashed * share)
        with unit_of_work(engine) as s:
            made = [
                records.create(s, "contact", {"full_name": f"Người thử {who} {i}"})
                if i % 4
                else records.create(s, "organisation", {"name": f"Tổ chức thử {who} {i}"})
                for i in range(n)
            ]
        with unit_of_work(engine) as s:
            for i, record in enumerate(made):
                records.delete(s, "contact" if i % 4 else "organisation", record)
        engine.dispose()
    engine = make_engine(urls["lan"])
    with unit_of_work(engine) as s:  # the two to merge: the one in meetings is kept
        older = records.create(s, "contact", {"full_name": "Phạm Thị Thu Trang"})
        records.create(s, "contact", {"full_name": "Pham Thi Thu Trang", "notes": "ghi chú"})
        for day in range(3):
            records.create(
                s,
                "meeting",
                {
                    "title": f"Làm việc với đoàn Bộ KH&CN {day}",
                    "starts_at": dt.datetime(2026, 11, 20 + day, 9, 0),
                    "attendees": [{"contact_id": older}],
                },
            )
    engine.dispose()
    print(f"made {args.trashed:,} deleted records in {time.monotonic() - started:.0f} s: {args.state}")


def drop(args: argparse.Namespace) -> None:
    from sqlalchemy import create_engine, text

    state = json.loads(Path(args.state).read_text())
    prefix = state["prefix"]
    admin = create_engine(state["url"], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {prefix}db WITH (FORCE)")
        roles = conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
            {"p": prefix.replace("_", r"\_") + "%"},
        ).scalars()
        for role in roles:
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
    admin.dispose()


class Watch:
    """The longest the UI thread went without running a 5 ms timer, between :meth:`begin` and
    :meth:`end`."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.timer.start()
        self.started = self.ended = 0.0

    def begin(self) -> None:
        self.started, self.ended = time.monotonic(), 0.0

    def end(self) -> None:
        if not self.ended:
            self.ended = time.monotonic()

    def wait(self, app: Any, most_s: float = 120.0) -> tuple[float, float]:
        """(freeze, time to the end), both in seconds, once :meth:`end` was called."""
        deadline = time.monotonic() + most_s
        while not self.ended and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        if not self.ended:
            raise SystemExit("no answer in time")
        moments = [self.started, *(t for t in self.ticks if self.started < t < self.ended), self.ended]
        return max(b - a for a, b in itertools.pairwise(moments)), self.ended - self.started


def measure(args: argparse.Namespace) -> None:
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
    from sqlalchemy import event

    from db.migrate import open_database
    from ui import trash as trash_ui
    from ui.bulk import BulkActions
    from ui.commands import Commands
    from ui.context import AppContext
    from ui.dialogs import duplicates
    from ui.settings import Settings

    state = json.loads(Path(args.state).read_text())
    app = QApplication.instance() or QApplication(sys.argv)
    watch = Watch()
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        watch.end()
        return QMessageBox.StandardButton.Cancel

    def merge_shown(dialog: Any) -> int:
        asked.append(f"merge: keep #{dialog.survivor_id}, remove #{dialog.other_id}")
        watch.end()
        return int(QDialog.DialogCode.Rejected)

    QMessageBox.question = question  # type: ignore[method-assign,assignment]
    QMessageBox.information = question  # type: ignore[method-assign,assignment]
    duplicates.MergeDialog.exec = merge_shown  # type: ignore[method-assign,assignment]
    print(f"code: {Path(trash_ui.__file__).resolve().parents[1]}; load average "
          f"{Path('/proc/loadavg').read_text().split()[:3]}")  # fmt: skip
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"probe-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    for who in ("lan", "hoa"):
        engine = open_database(state["urls"][who])
        if args.latency_ms:
            event.listen(engine, "before_cursor_execute", lambda *_a: time.sleep(args.latency_ms / 1000))
        ctx = AppContext(engine, Settings(str(folder / f"{who}.ini")))
        window = QWidget()
        commands = Commands(ctx, window)
        ctx.tasks.default_error = commands.error
        dialog = trash_ui.TrashDialog(ctx, window)
        dialog.show()
        deadline = time.monotonic() + 120
        while not dialog.loaded and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        with engine.connect() as c:
            pair = [
                int(i)
                for i in c.exec_driver_sql(
                    "SELECT id FROM contact WHERE full_name IN ('Phạm Thị Thu Trang', 'Pham Thi Thu Trang') "
                    "AND deleted_at IS NULL ORDER BY id DESC"
                ).scalars()
            ]
        bulk = BulkActions(ctx, commands, window)
        found: dict[str, list[tuple[float, float]]] = {"empty trash": [], "merge": []}
        said: dict[str, str] = {}
        for _round in range(args.rounds):
            for name, click in (
                ("empty trash", dialog.empty_button.click),
                ("merge", lambda b=bulk, p=pair: b.merge_two("contact", p)),
            ):
                asked.clear()
                watch.begin()
                click()
                found[name].append(watch.wait(app))
                said[name] = asked[-1]
                while ctx.tasks.busy():
                    app.processEvents()
        print(f"{who} ({ROLES[who]}): {dialog.summary.text()}")
        for name, runs in found.items():
            print(f"  {name} asked: {said[name][:150]!r}")
            freezes, answers = [f for f, _a in runs], [a for _f, a in runs]
            print(
                f"  {name}: frozen {statistics.median(freezes) * 1000:.0f} ms "
                f"({min(freezes) * 1000:.0f}–{max(freezes) * 1000:.0f}), asked after "
                f"{statistics.median(answers) * 1000:.0f} ms ({min(answers) * 1000:.0f}–{max(answers) * 1000:.0f})"
            )
        dialog.close()
        ctx.tasks.wait()
        engine.dispose()
    print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("make")
    p.add_argument("--url", required=True, help="a superuser's URL on a throwaway server")
    p.add_argument("--state", required=True)
    p.add_argument("--trashed", type=int, default=4000)
    p = verbs.add_parser("measure")
    p.add_argument("--state", required=True)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--latency-ms", type=float, default=0.0, help="a wait before each query (a far server)")
    p = verbs.add_parser("drop")
    p.add_argument("--state", required=True)
    args = parser.parse_args()
    {"make": make, "measure": measure, "drop": drop}[args.verb](args)


if __name__ == "__main__":
    main()
