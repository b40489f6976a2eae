"""Screenshots at laptop sizes, in English and Vietnamese: each view and Log meeting.

    ketnoi demo --db /tmp/demo.db
    python docs/screenshots/take_laptop_screenshots.py /tmp/demo.db [OUT] [WIDTHxHEIGHT]

Writes laptop-<lang>-<view>.png (1366×768 unless another size is given) into OUT (default: beside
this file). Runs offscreen when DISPLAY is not set; each picture is the window alone. Qt's
offscreen screen is 800 px wide and a window is fitted to it: give it the laptop's screen, e.g.
``QT_QPA_PLATFORM=offscreen:configfile=screen.json`` with ``{"screens": [{"name": "laptop",
"x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}``,
or run it under Xvfb at that size.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, close, first_staff, grab, open_window, settle, start_app


def main(db: str, out: Path, width: int, height: int) -> None:
    app = start_app()
    from sqlalchemy import text

    from db.migrate import open_database
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.main_window import VIEWS

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    staff_id = first_staff(engine)
    with engine.connect() as c:
        org_id = int(c.execute(text("SELECT min(id) FROM organisation")).scalar() or 0)
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "vi"):
        ctx, window = open_window(engine, language, staff_id=staff_id, size=(width, height), at_origin=False)
        settle(app, ctx, 0)
        for row, view in enumerate(VIEWS):
            window.nav.setCurrentRow(row)
            settle(app, ctx, 0.3)  # laid out again after the view's rows came (the map's legend)
            grab(window, out / f"laptop-{language}-{view}.png")
        dialog = LogMeetingDialog(ctx, organisation_id=org_id, parent=window)
        dialog.show()
        settle(app, ctx, 0)
        grab(dialog, out / f"laptop-{language}-log-meeting.png")
        dialog.reject()
        close(app, ctx, window)


if __name__ == "__main__":
    args = sys.argv[1:]
    size = args[2] if len(args) > 2 else "1366x768"
    w, h = (int(n) for n in size.split("x"))
    main(args[0] if args else "demo.db", Path(args[1]) if len(args) > 1 else HERE, w, h)
