"""Screenshots of File → Backups… in a window opened read-only on a backup made before schema
0015 (schema 0014: read as it is, db.migrate.DATA_ONLY_REVISIONS) in a really read-only folder,
English and Vietnamese, 1366x768 and 1280x720: "Back up now" and "Restore…" off, the tooltip of
"Back up now" saying why, and "Save a copy…".

    Xvfb :77 -screen 0 1366x768x24 & DISPLAY=:77 openbox &
    DISPLAY=:77 python docs/screenshots/take_read_only_backups.py [OUT]

Writes read-only-backups-<lang>-<width>.png into OUT (default: beside this file).
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, close, first_staff, open_window, settle, snap, start_app, temp_home
from take_read_only import read_only


def older_file(db: Path) -> None:
    """``db`` made by the migrations up to 0014 and filled with the demo data: a backup taken
    before this Ketnoi's schema 0015."""
    from alembic import command

    from app import demo
    from db.engine import make_engine
    from db.migrate import alembic_config

    engine = make_engine(f"sqlite:///{db}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0014")
    demo.fill(engine)
    engine.dispose()
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()


def main(out: Path) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QToolTip

    from db.migrate import read_only_problem
    from db.read_only import open_read_only
    from ui.dialogs.backups import BackupsDialog
    from ui.i18n import install

    tmp = temp_home()
    share = tmp / "usb"
    share.mkdir()
    db = share / "ketnoi-20261120.db"
    older_file(db)
    app = start_app()
    with read_only(share):
        reason = read_only_problem(db)
        assert reason is not None, "the folder is not read-only"
        for width, height in ((1366, 740), (1280, 692)):
            for language in ("en", "vi"):
                install(app, language)
                engine = open_read_only(f"sqlite:///{db}", reason)
                ctx, window = open_window(
                    engine, language, staff_id=first_staff(engine), size=(width, height)
                )
                window.move(0, 0)
                settle(app, ctx, 1.0)
                dialog = BackupsDialog(ctx, window)
                dialog.show()
                dialog.move(200, 140)
                settle(app, ctx, 0.8)
                button = dialog.take_button
                at = button.mapToGlobal(QPoint(button.width() // 2, button.height() // 2))
                QCursor.setPos(at)
                settle(app, ctx, 1.5)
                if not QToolTip.isVisible():
                    QToolTip.showText(at + QPoint(0, 12), button.toolTip(), button)
                    settle(app, None, 0.5)
                snap(app, dialog, out / f"read-only-backups-{language}-{width}.png")
                QToolTip.hideText()
                dialog.close()
                close(app, ctx, window)
                engine.dispose()
    print("left beside the file:", sorted(p.name for p in share.iterdir()))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
