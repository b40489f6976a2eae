"""The reviewer's race, replayed for real and photographed (English and Vietnamese, 1366×768 and
1280×720): the Actions list shows an action open; ``ketnoi action done`` (another process, as
"Lan") marks it done; within the live poll's two seconds the D key is pressed in the window. The
action stays done and the status bar says who had done it.

    DISPLAY=:81 python docs/screenshots/take_mark_done_as_seen.py [OUT]

Writes mark-done-already-<lang>-<width>.png into OUT (default: beside this file) and prints the
database's status and the status bar's text for each run.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from shots import HERE, ROOT, cli, close, open_window, settle, snap, start_app, temp_home


def main(out: Path) -> None:
    app = start_app()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app import records
    from db.engine import read_session
    from db.migrate import open_database

    sys.path.insert(0, str(ROOT))
    from tests.app.lists.seed import seed_network

    for lang in ("en", "vi"):
        for size in ((1366, 768), (1280, 720)):
            tmp = temp_home()
            db = tmp / "ketnoi.db"
            engine = open_database(f"sqlite:///{db}")
            ids = seed_network(engine)
            aid = ids["a_overdue"]
            ctx, window = open_window(engine, lang, staff_id=ids["me"], size=size)
            settle(app, ctx, 1.0)
            window.show_actions("open")
            settle(app, ctx, 0.5)
            panel = window.views["action"].list
            panel.select_id(aid)
            panel.view.setFocus()
            settle(app, ctx, 0.5)
            os.environ["KETNOI_ACTOR"] = "Lan"
            started = time.monotonic()
            cli(db)("action", "done", str(aid))  # another process
            QTest.keyClick(panel.view, Qt.Key.Key_D)  # before the window has heard of it
            pressed = time.monotonic() - started
            settle(app, ctx, 0.5)
            with read_session(engine) as s:
                status = records.get(s, "action", aid)["status"]
            print(f"{lang} {size}: D {pressed:.2f}s after the CLI started; status {status};")
            print(f"  status bar: {window.statusBar().currentMessage()}")
            snap(app, window, out / f"mark-done-already-{lang}-{size[0]}.png")
            close(app, ctx, window)
            engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
