"""Screenshots of calendars and vCards in the window (issue 14 items 1 and 2), in English and
Vietnamese at 1366×768: the File menu with Import calendar invitation / Export calendar /
Export contacts (vCard), and the dialog an Outlook invitation opens (the meeting it creates,
an attendee matched to a contact, the unknown ones with tick boxes).

    ketnoi demo --db /tmp/demo.db
    python docs/screenshots/take_calendar_files.py /tmp/demo.db [OUT]

Writes calendar-file-menu-<lang>.png and calendar-invitation-<lang>.png into OUT (default:
beside this file): the whole screen when DISPLAY is set (Xvfb + a window manager), else the
dialog alone (offscreen). Nothing is written to the database.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def main(db: str, out: Path) -> None:
    app = QApplication(sys.argv[:1])
    app.setFont(QFont("Noto Sans", 10))
    from sqlalchemy import text

    from app import calendars
    from db.migrate import open_database
    from tests.app.mail.test_calendars import _outlook
    from ui import i18n
    from ui.calendar_files import InvitationDialog, _Read
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    with engine.connect() as c:
        staff_id = c.execute(text("SELECT min(id) FROM staff")).scalar()
        email = c.execute(text("SELECT value FROM contact_method WHERE kind = 'email' ORDER BY id")).scalar()
    # An Outlook invitation in which one attendee is a contact of the demo database.
    data = _outlook().replace(b"nhung@genetica.asia", str(email).encode())
    inv = calendars.read_ics(data, "Họp Genetica.ics")
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "vi"):
        i18n.install(app, language)
        settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
        settings.staff_id = staff_id
        ctx = AppContext(engine, settings)
        window = MainWindow(ctx)
        window.setGeometry(0, 0, 1366, 768)
        window.show()

        def settle(ctx: AppContext = ctx) -> None:
            for _ in range(10):  # the window manager maps and raises windows meanwhile
                app.processEvents()
                time.sleep(0.05)
            ctx.tasks.wait()
            app.processEvents()

        settle()
        menu = window.menus["file"]
        bar = window.menuBar()
        menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
        settle()
        name = out / f"calendar-file-menu-{language}.png"
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            menu.grab().save(str(name))
        else:
            app.primaryScreen().grabWindow(0).save(str(name))
        menu.hide()
        settle()
        with ctx.read() as s:
            plan = calendars.plan_invitation(s, inv)
        dialog = InvitationDialog(_Read(inv, plan), window)
        dialog.show()
        dialog.move(400, 120)
        dialog.raise_()
        dialog.activateWindow()
        settle()
        name = out / f"calendar-invitation-{language}.png"
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            dialog.grab().save(str(name))
        else:
            app.primaryScreen().grabWindow(0).save(str(name))
        dialog.reject()
        window.close()
        settle()
        window.deleteLater()
        settle()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0] if args else "demo.db", Path(args[1]) if len(args) > 1 else HERE)
