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

import sys
from pathlib import Path

from shots import HERE, close, first_staff, open_window, settle, snap, start_app


def main(db: str, out: Path) -> None:
    app = start_app()
    from sqlalchemy import text

    from app import calendars
    from db.migrate import open_database
    from tests.app.mail.test_calendars import _outlook
    from ui.calendar_files import InvitationDialog, _Read

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    staff_id = first_staff(engine)
    with engine.connect() as c:
        email = c.execute(text("SELECT value FROM contact_method WHERE kind = 'email' ORDER BY id")).scalar()
    # An Outlook invitation in which one attendee is a contact of the demo database.
    data = _outlook().replace(b"nhung@genetica.asia", str(email).encode())
    inv = calendars.read_ics(data, "Họp Genetica.ics")
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "vi"):
        ctx, window = open_window(engine, language, staff_id=staff_id)
        settle(app, ctx)
        menu = window.menus["file"]
        bar = window.menuBar()
        menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
        settle(app, ctx)
        snap(app, menu, out / f"calendar-file-menu-{language}.png")
        menu.hide()
        settle(app, ctx)
        with ctx.read() as s:
            plan = calendars.plan_invitation(s, inv)
        dialog = InvitationDialog(_Read(inv, plan), window)
        dialog.show()
        dialog.move(400, 120)
        dialog.raise_()
        dialog.activateWindow()
        settle(app, ctx)
        snap(app, dialog, out / f"calendar-invitation-{language}.png")
        dialog.reject()
        close(app, ctx, window)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0] if args else "demo.db", Path(args[1]) if len(args) > 1 else HERE)
