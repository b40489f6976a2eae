"""Screenshots at laptop sizes, in English and Vietnamese: each view and Log meeting.

    ketnoi demo --db /tmp/demo.db
    python docs/screenshots/take_laptop_screenshots.py /tmp/demo.db [OUT] [WIDTHxHEIGHT]

Writes laptop-<lang>-<view>.png (1366×768 unless another size is given) into OUT (default: beside
this file). Runs offscreen unless DISPLAY is set and QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def main(db: str, out: Path, width: int, height: int) -> None:
    app = QApplication(sys.argv[:1])
    app.setFont(QFont("Noto Sans", 10))
    from sqlalchemy import text

    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.main_window import VIEWS, MainWindow
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    with engine.connect() as c:
        staff_id = c.execute(text("SELECT min(id) FROM staff")).scalar()
        org_id = int(c.execute(text("SELECT min(id) FROM organisation")).scalar() or 0)
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "vi"):
        i18n.install(app, language)
        settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
        settings.staff_id = staff_id
        ctx = AppContext(engine, settings)
        window = MainWindow(ctx)
        window.resize(width, height)
        window.show()

        def settle(ctx: AppContext = ctx) -> None:
            for _ in range(5):
                app.processEvents()
            ctx.tasks.wait()
            app.processEvents()

        settle()
        for row, view in enumerate(VIEWS):
            window.nav.setCurrentRow(row)
            settle()
            window.grab().save(str(out / f"laptop-{language}-{view}.png"))
        dialog = LogMeetingDialog(ctx, organisation_id=org_id, parent=window)
        dialog.show()
        settle()
        dialog.grab().save(str(out / f"laptop-{language}-log-meeting.png"))
        dialog.reject()
        window.close()
        settle()
        window.deleteLater()
        settle()


if __name__ == "__main__":
    args = sys.argv[1:]
    size = args[2] if len(args) > 2 else "1366x768"
    w, h = (int(n) for n in size.split("x"))
    main(args[0] if args else "demo.db", Path(args[1]) if len(args) > 1 else HERE, w, h)
