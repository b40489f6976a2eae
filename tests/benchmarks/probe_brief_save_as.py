"""Probe: how long the window freezes when a brief's Save as… is pressed, on a big database.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/probe_brief_save_as.py --db k100k.db \
        [--rounds 5] [--latency-ms 0]

Save as… suggests a file name read from the database: the subject's name, and for a meeting the
confidential people and organisations its title might name (app.secret_names: a scan of the
contacts). For a meeting's and a contact's brief on the file given (a 100k demo: ``ketnoi demo
--scale 100000 --db k100k.db``), pressed at once after the dialog opens and again a second after,
it prints the medians over the rounds of: the longest the UI thread went without running a 5 ms
timer between the press and the file dialog (the freeze), and the time to the file dialog. The
file dialog itself is not shown (a stand-in notes the name and cancels). ``--latency-ms`` adds a
wait before each query, as a far team server would (not in ``run_all.py``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    args = parser.parse_args()

    import sqlalchemy as sa
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from db.migrate import open_database
    from ui import briefs, file_dialogs
    from ui.context import AppContext
    from ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv)
    engine = open_database(f"sqlite:///{Path(args.db).resolve()}")
    if args.latency_ms:

        def far(*_a: Any) -> None:
            time.sleep(args.latency_ms / 1000)

        sa.event.listen(engine, "before_cursor_execute", far)
    with engine.connect() as c:
        meeting = c.execute(sa.text("SELECT max(id) FROM meeting")).scalar()
        contact = c.execute(sa.text("SELECT max(id) FROM contact")).scalar()
        contacts = c.execute(sa.text("SELECT count(*) FROM contact")).scalar()
    folder = tempfile.mkdtemp(prefix="probe-save-as-")
    ctx = AppContext(engine, Settings(str(Path(folder) / "ketnoi.ini")))
    asked: list[tuple[float, str]] = []

    def stand_in(_parent: Any, _caption: str, name: str, _filters: str) -> tuple[str, str]:
        asked.append((time.perf_counter(), Path(name).name))
        return "", ""

    file_dialogs.get_save_file_name = stand_in  # type: ignore[assignment]

    def wait(ms: float) -> None:
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    def press(kind: str, subject: int, after_ms: float) -> tuple[float, float, str]:
        dialog = briefs.BriefDialog(ctx, kind, subject)
        dialog.show()
        wait(after_ms)
        asked.clear()
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        start = time.perf_counter()
        ticks.append(start)
        dialog.save_button.click()
        while not asked and time.perf_counter() - start < 60:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        end, name = asked[0]
        marks = [t for t in ticks if t <= end] + [end]
        stall = max(b - a for a, b in itertools.pairwise(marks))
        dialog.close()
        dialog.deleteLater()
        wait(50)
        return stall * 1000, (end - start) * 1000, name

    print(
        f"{args.db}: {contacts:,} contacts; latency {args.latency_ms} ms a query; load {os.getloadavg()[0]:.1f}"
    )
    for kind, subject in (("meeting", meeting), ("contact", contact)):
        for after_ms in (0, 1000):
            runs = [press(kind, subject, after_ms) for _ in range(args.rounds)]
            stalls = sorted(r[0] for r in runs)
            waits = sorted(r[1] for r in runs)
            print(
                f"{kind:8} pressed {after_ms:4.0f} ms after opening: freeze {statistics.median(stalls):7.1f} ms "
                f"({stalls[0]:.1f}–{stalls[-1]:.1f}), file dialog after {statistics.median(waits):7.1f} ms "
                f"({waits[0]:.1f}–{waits[-1]:.1f})  {runs[0][2]}"
            )
    ctx.tasks.wait()
    engine.dispose()


if __name__ == "__main__":
    main()
