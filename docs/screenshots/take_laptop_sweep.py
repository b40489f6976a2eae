"""What a programme officer sees on a laptop, every main page and dialog, to look for text cut
off or overlapping (not a test). Under Xvfb with a window manager, one screen size per run:

    Xvfb :71 -screen 0 1366x768x24 & DISPLAY=:71 openbox &
    DISPLAY=:71 python docs/screenshots/take_laptop_sweep.py 1366x768 [OUT]
    Xvfb :72 -screen 0 1280x720x24 & DISPLAY=:72 openbox &
    DISPLAY=:72 python docs/screenshots/take_laptop_sweep.py 1280x720 [OUT]

In a temporary folder: ``ketnoi demo``, then an import of field-contacts.xlsx made with no one
chosen under Settings → I am (Import history's "No name recorded"). Writes, in English and in
Vietnamese, ``sweep-<lang>-<width>-<page>.png`` into OUT (default /tmp/ketnoi-sweep): the
whole screen for the window's views and a record's page beside each list, the dialog alone for
each dialog (Log meeting, Settings, Import history, an organisation's History, Letters, the
import wizard's file, mapping, preview and commit pages).
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import ROOT, cli, close, first_staff, grab, open_window, settle, snap, start_app, temp_home

WORKBOOK = ROOT / "tests" / "data" / "field-contacts.xlsx"


def _wizard_pages(app, window, ctx, out: Path, tail: str, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    from ui.import_wizard import open_import_wizard

    wizard = open_import_wizard(window, ctx, WORKBOOK)
    wizard.resize(min(1100, width - 40), min(700, height - 60))
    wizard.move(20, 20)
    settle(app, ctx, 1.0)
    grab(wizard, out / f"sweep-{tail}-import-file.png")
    for page in ("mapping", "preview", "commit"):  # the commit page: imported (again) here
        wizard.next()
        settle(app, ctx, 1.5)
        grab(wizard, out / f"sweep-{tail}-import-{page}.png")
    wizard.accept()
    settle(app, ctx, 0.3)


def main(size: str, out: Path) -> None:
    width, height = (int(v) for v in size.split("x"))
    tmp = temp_home()
    db = tmp / "demo.db"
    cli(db)("demo")
    app = start_app()
    from app.importing import run_import
    from db.migrate import open_database
    from tests.app.importing.helpers import preview
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.dialogs.settings import SettingsDialog
    from ui.import_wizard.history_dialog import ImportHistoryDialog
    from ui.main_window import VIEWS

    engine = open_database(f"sqlite:///{db}")
    run_import(engine, preview(engine, WORKBOOK), actor="")  # no one chosen under "I am"
    staff = first_staff(engine)
    with engine.connect() as c:
        from sqlalchemy import text

        org_id = int(c.execute(text("SELECT min(id) FROM organisation")).scalar() or 0)
        pages = {  # the ministry a reorganisation merged into; the first of the others
            "organisation": int(
                c.execute(text("SELECT id FROM organisation WHERE acronym = 'MOF'")).scalar_one()
            ),
            **{
                e: int(c.execute(text(f"SELECT min(id) FROM {e}")).scalar_one())
                for e in ("contact", "meeting", "action")
            },
        }
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "vi"):
        tail = f"{lang}-{width}"
        ctx, window = open_window(engine, lang, tmp / f"{lang}.ini", staff_id=staff, size=(width, height))
        settle(app, ctx, 1.0)
        for row, view in enumerate(VIEWS):
            window.nav.setCurrentRow(row)
            settle(app, ctx, 0.5)
            snap(app, window, out / f"sweep-{tail}-{view}.png")
        for entity, record_id in pages.items():  # a record's page beside its list
            window.navigate(entity, record_id)
            settle(app, ctx, 0.8)
            snap(app, window, out / f"sweep-{tail}-{entity}-page.png")
        window.navigate("organisation", pages["organisation"])
        settle(app, ctx, 0.5)
        window.act_history.trigger()  # a reorganisation's long change, names before and after
        settle(app, ctx, 1.0)
        grab(window.history_dialog, out / f"sweep-{tail}-history.png")
        window.history_dialog.close()
        window.open_letters()
        settle(app, ctx, 1.0)
        grab(window.letters_dialog, out / f"sweep-{tail}-letters.png")
        window.letters_dialog.close()
        for name, dialog in (
            ("log-meeting", LogMeetingDialog(ctx, organisation_id=org_id, parent=window)),
            ("settings", SettingsDialog(ctx, window)),
            ("import-history", ImportHistoryDialog(ctx, window)),
        ):
            dialog.show()
            settle(app, ctx, 0.8)
            grab(dialog, out / f"sweep-{tail}-{name}.png")
            dialog.reject()
        _wizard_pages(app, window, ctx, out, tail, width, height)
        close(app, ctx, window)
    engine.dispose()


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "1366x768",
        Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/ketnoi-sweep"),
    )
