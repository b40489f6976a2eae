"""The dashboard and a meeting's page as a new officer saw them in their first week (reviewer
h143): English at 1280×720 with "I am" Emily Carter (greeted "Good day, Emily"; the meeting's
page naming "Our staff"), Vietnamese at 1366×768 as the demo's officer.

    DISPLAY=:62 python docs/screenshots/take_first_week.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import cli, close, first_staff, grab, open_window, settle, start_app, temp_home


def main(out: Path) -> None:
    from PySide6.QtCore import Qt
    from sqlalchemy import text

    from app import records
    from db.engine import unit_of_work
    from db.migrate import open_database

    tmp = temp_home()
    db = tmp / "demo.db"
    cli(db)("demo")
    engine = open_database(f"sqlite:///{db}")
    me = first_staff(engine)
    with engine.connect() as c:
        meeting = int(c.execute(text("SELECT min(id) FROM meeting WHERE kind != 'email'")).scalar_one())
    with unit_of_work(engine) as s:
        emily = int(records.create(s, "staff", {"name": "Emily Carter", "email": "emily@nic.gov.vn"}))
        staff = list(records.get(s, "meeting", meeting).get("staff_ids") or [])
        records.update(s, "meeting", meeting, {"staff_ids": [*staff, emily]}, expected_version=None)
    app = start_app()
    for lang, size, who in (("en", (1280, 720), emily), ("vi", (1366, 768), me)):
        ctx, window = open_window(engine, lang, tmp / f"{lang}.ini", staff_id=who, size=size)
        settle(app, ctx, 0.5)
        # as sized by the person (a first start on a laptop's screen is maximised)
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
        window.setGeometry(0, 0, *size)
        settle(app, ctx, 1.5)
        grab(window, out / f"first-week-dashboard-{lang}.png")
        window.navigate("meeting", meeting)
        settle(app, ctx, 1.5)
        grab(window, out / f"first-week-meeting-{lang}.png")
        close(app, ctx, window)
    engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
