"""Benchmark: start-up, as whole processes, side by side in alternating rounds.

    python tests/benchmarks/bench_startup.py [--db PATH] [--scale 100000] [--rounds 5] [--json FILE]

* **launch to a visible window**: ``ketnoi --db <100k demo>`` with ``KETNOI_QUIT_AFTER_MS=0``
  against a script that shows a bare PySide6 window; each says on stderr when its window's first
  paint is done (an event filter sees the window's first paint event, then a zero timer — the
  same code on both sides); timed from the process's start to that line. For Ketnoi that is the
  main window's frame — title, saved geometry, menus, toolbar, navigation, "Opening <file>…" —
  shown before the database layer is imported (ui/main.py). Target ≤ 3 (issue 11).
* **launch to a ready window** (no target; for the record): the same Ketnoi process, until the
  view it opens on (the dashboard) is painted with its data read from the database — the file
  checked, opened, the views built (each list's first screen read) and the dashboard's figures
  in — against the same bare window. Then it closes and quits (closing and exiting not counted).
* **CLI start**: ``ketnoi --version`` and ``ketnoi search nguyen`` (on the same database)
  against ``python -c "import sqlalchemy"``. No target in the issue; printed for the record.

The window runs on ``$DISPLAY`` when set (Xvfb: ``Xvfb :39 & DISPLAY=:39``), else offscreen
(said in the output). Each process has its own empty data folder and settings (no welcome, no
saved layout); one untimed warm-up run of each comes first (the day's backup, disk caches,
``.pyc`` files, as an installed copy has them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ratios

ROOT = Path(__file__).resolve().parents[2]
BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.setWindowTitle("bare")
w.resize(1200, 700)


def shown():
    print("bare: window frame painted", file=sys.stderr, flush=True)
    app.quit()


class FirstPaint(QObject):  # as ui.main.when_painted does
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False


first = FirstPaint()
w.installEventFilter(first)
w.show()
app.exec()
"""
SHOWN, READY = "window frame painted", "window ready"


def timed(cmd: list[str], env: dict[str, str], markers: tuple[str, ...] = ()) -> dict[str, float]:
    """Seconds from starting ``cmd`` until each of ``markers`` appears on its stderr (a window:
    closing and exiting are not counted), or with no markers until it exits (``"exit"``)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    took: dict[str, float] = {}
    lines = []
    if markers:
        for line in proc.stderr:
            lines.append(line)
            for marker in markers:
                if marker in line and marker not in took:
                    took[marker] = time.perf_counter() - started
            if len(took) == len(markers):
                break
    rest = proc.stderr.read()
    code = proc.wait(timeout=300)
    if not markers:
        took["exit"] = time.perf_counter() - started
    if code != 0 or len(took) != max(1, len(markers)):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{''.join(lines)[-2000:]}{rest[-2000:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--db", help="an existing demo database (else one is built with demo --scale)")
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args()
    py = sys.executable
    print(ratios.load(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ)
        env.pop("KETNOI_DATABASE_URL", None)
        # As installed: compiled modules are cached (the warm-up run writes any missing .pyc;
        # a shell with PYTHONDONTWRITEBYTECODE=1 would compile every edited module every run).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(
            KETNOI_DATA_DIR=str(folder / "data"), HOME=str(folder), XDG_CONFIG_HOME=str(folder / "config")
        )
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        where = f"DISPLAY={env['DISPLAY']}" if env.get("DISPLAY") else "offscreen (no DISPLAY)"
        db = Path(args.db).resolve() if args.db else folder / "k.db"
        if not args.db:
            started = time.perf_counter()
            subprocess.run(
                [py, "-m", "ui.launcher", "demo", "--db", str(db), "--scale", str(args.scale)],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
            print(f"  demo --scale {args.scale:,}: {time.perf_counter() - started:.0f} s", flush=True)
        window_env = env | {"KETNOI_QUIT_AFTER_MS": "0"}
        sides: dict[str, tuple[list[str], dict[str, str], tuple[str, ...]]] = {
            "bare window": ([py, "-c", BARE_WINDOW], env, (SHOWN,)),
            "ketnoi window": ([py, "-m", "ui.launcher", "--db", str(db)], window_env, (SHOWN, READY)),
            "import sqlalchemy": ([py, "-c", "import sqlalchemy"], env, ()),
            "ketnoi --version": ([py, "-m", "ui.launcher", "--version"], env, ()),
            "ketnoi search": ([py, "-m", "ui.launcher", "search", "nguyen", "--db", str(db)], env, ()),
        }
        for cmd, e, marks in sides.values():  # warm-up: the day's backup, disk caches, .pyc files
            timed(cmd, e, marks)
        runs: dict[str, list[float]] = {}
        for n in range(args.rounds):
            for name, (cmd, e, marks) in sides.items():  # alternating: load from others hits all alike
                for mark, seconds in timed(cmd, e, marks).items():
                    runs.setdefault(name if mark in (SHOWN, "exit") else f"{name} ready", []).append(seconds)
            shown, ready = runs["ketnoi window"][-1], runs["ketnoi window ready"][-1]
            print(
                f"  round {n + 1}/{args.rounds}: bare {runs['bare window'][-1] * 1000:.0f} ms, "
                f"frame {shown * 1000:.0f} ms, ready {ready * 1000:.0f} ms; {ratios.load()}",
                flush=True,
            )
    measures = [
        ratios.measure(
            f"start-up: window visible on {db.name} ÷ bare PySide6 window ({where})",
            runs["bare window"],
            runs["ketnoi window"],
            3.0,
        ),
        ratios.measure(
            f"start-up: window ready (dashboard filled) on {db.name} ÷ bare window",
            runs["bare window"],
            runs["ketnoi window ready"],
            None,
        ),
        ratios.measure(
            "start-up: ketnoi --version ÷ python -c 'import sqlalchemy'",
            runs["import sqlalchemy"],
            runs["ketnoi --version"],
            None,
        ),
        ratios.measure(
            "start-up: ketnoi search nguyen ÷ python -c 'import sqlalchemy'",
            runs["import sqlalchemy"],
            runs["ketnoi search"],
            None,
        ),
    ]
    ratios.show(measures, "bare", "ketnoi")
    ratios.write(args.json, measures)


if __name__ == "__main__":
    main()
