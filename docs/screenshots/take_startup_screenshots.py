"""Screenshots of the start: the window while the database opens, and once it is ready.

    DISPLAY=:41 python docs/screenshots/take_startup_screenshots.py DB [OUT] [--hold SECONDS]

Starts the app as ``ketnoi --db DB`` does (ui.main.run), in English and in Vietnamese, each in
a fresh process with empty settings, and writes startup-opening-<lang>.png (the frame, while
the file is checked) and startup-ready-<lang>.png (the dashboard filled) into OUT (default:
beside this file). The damage check is held for ``--hold`` seconds (default 3) so that the
opening state can be caught on a small file too; on a million-contact file it takes about that
long by itself. With DISPLAY set the whole screen is taken (the window manager's frame too),
else the window offscreen.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
import db.paths  # noqa: F401
from ui import main
from ui.settings import Settings

db, out, lang, hold = sys.argv[1], Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
qapp = QApplication(sys.argv[:1])  # before the timers below; ui.main.run uses this one
settings = Settings(sys.argv[5])
settings.language = lang


start = main.Opening._start


def held_start(opening):
    # the damage check held for `hold` seconds (patched once, before the worker starts)
    if not opening._started:
        import db.migrate

        check = db.migrate.quick_check

        def slow(*args, **kwargs):
            time.sleep(hold)  # what a big file's check costs, on a small one
            return check(*args, **kwargs)

        db.migrate.quick_check = slow
    start(opening)


main.Opening._start = held_start


def shoot(name):
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible())
    if QGuiApplication.platformName() == "offscreen":
        picture = window.grab()
    else:
        picture = window.screen().grabWindow(0)
    picture.save(str(out / name))
    print("wrote", out / name, flush=True)
    return window


def opening():
    shoot(f"startup-opening-{lang}.png")


def ready_when_filled():
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible())
    if not window.is_ready:
        QTimer.singleShot(100, ready_when_filled)
        return
    window.ctx.tasks.wait()
    QTimer.singleShot(800, lambda: (shoot(f"startup-ready-{lang}.png"), window.close()))


QTimer.singleShot(int(hold * 600), opening)
QTimer.singleShot(int(hold * 1000) + 200, ready_when_filled)
raise SystemExit(main.run(db, settings=settings))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("db")
    ap.add_argument("out", nargs="?", default=str(HERE))
    ap.add_argument("--hold", type=float, default=3.0)
    args = ap.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "vi"):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ)
            env.pop("KETNOI_DATABASE_URL", None)
            env.pop("KETNOI_QUIT_AFTER_MS", None)
            env.update(
                KETNOI_DATA_DIR=str(Path(tmp) / "data"), HOME=tmp, XDG_CONFIG_HOME=str(Path(tmp) / "config")
            )
            if not env.get("DISPLAY"):
                env["QT_QPA_PLATFORM"] = "offscreen"
            ini = str(Path(tmp) / "ketnoi.ini")
            db = str(Path(args.db).resolve())
            cmd = [sys.executable, "-c", CHILD, db, str(out), lang, str(args.hold), ini]
            subprocess.run(cmd, check=True, cwd=ROOT, env=env, timeout=300)


if __name__ == "__main__":
    main()
