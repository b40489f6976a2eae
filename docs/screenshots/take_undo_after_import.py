"""Screenshots of three small answers (not a test), in English or Vietnamese, at 1366×768 or
1280×720. Run under Xvfb with a window manager:

    Xvfb :43 -screen 0 1366x768x24 & DISPLAY=:43 openbox &
    DISPLAY=:43 python docs/screenshots/take_undo_after_import.py en 1366x768
    DISPLAY=:43 python docs/screenshots/take_undo_after_import.py vi 1280x720

Writes, with the language and size in the name:

* ``undo-after-import-*.png``: Ctrl+Z right after importing 2,000 contacts — "Nothing to undo
  here. The import of “…” (2,000 contacts) is undone in File → Import history." with the Import
  history… button, whole at 1280 px in Vietnamese too, after the pointer crossed the menu bar
  (which used to wipe the message);
* ``import-announced-*.png``: "Import #1: 2,000 new, 0 updated" still there after the pointer
  crossed the menu bar;
* ``import-preview-phones-*.png``: the import preview of an update, phones as people write them.

Everything happens in a temporary folder: the demo database, workbooks written here.
"""

from __future__ import annotations

import sys

from shots import HERE as OUT
from shots import cli, close, first_staff, open_window, settle, snap, start_app, temp_home

PEOPLE = [["Họ và tên", "Chức vụ", "Email", "Điện thoại"]] + [
    [f"Nguyễn Văn Khách {i}", "Chuyên viên", f"khach{i}@vidu.vn", f"024 3825 {i:04d}"] for i in range(1, 2001)
]


def _workbook(path, rows):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _cross_the_menu_bar(app, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    bar = window.menuBar()
    for action in bar.actions()[:4]:
        QTest.mouseMove(bar, bar.actionGeometry(action).center())
        settle(app, None, 0.1)
    QTest.mouseMove(window.centralWidget(), QPoint(400, 300))
    settle(app, None, 0.2)


def main(lang: str, size: str) -> None:
    width, height = (int(v) for v in size.split("x"))
    tail = f"-{lang}-{width}"
    tmp = temp_home()
    db = tmp / "demo.db"
    cli(db)("demo")
    app = start_app()
    from app.importing import run_import
    from db.migrate import open_database
    from tests.app.importing.helpers import preview

    engine = open_database(f"sqlite:///{db}")
    ctx, window = open_window(
        engine, lang, tmp / f"{lang}.ini", staff_id=first_staff(engine), size=(width, height)
    )
    settle(app, ctx, 1.0)
    book = _workbook(tmp / "danh-ba-khach-moi.xlsx", PEOPLE)
    result = run_import(engine, preview(engine, book), actor=ctx.actor())
    ctx.changed.emit("", [])
    ctx.status_message.emit(
        window.tr("Import #%1: %2 new, %3 updated")
        .replace("%1", str(result.batch_id))
        .replace("%2", ctx.fmt_number(result.counts["new"]))
        .replace("%3", "0")
    )  # (the wizard's words; the wizard is not shown here)
    settle(app, ctx, 0.5)
    _cross_the_menu_bar(app, window)
    snap(app, window, OUT / f"import-announced{tail}.png")
    window.act_undo.trigger()
    settle(app, ctx, 0.3)
    _cross_the_menu_bar(app, window)
    snap(app, window, OUT / f"undo-after-import{tail}.png")

    # the preview of an update: the first guest again, with a mobile number added
    from ui.import_wizard import open_import_wizard

    again = _workbook(tmp / "cap-nhat.xlsx", [PEOPLE[0], [*PEOPLE[1][:3], "024 3825 0001; 0912 345 678"]])
    wizard = open_import_wizard(window, ctx, again)
    wizard.resize(min(1300, width - 40), min(700, height - 60))
    wizard.move(20, 20)
    settle(app, ctx, 1.0)
    wizard.next()
    settle(app, ctx, 1.0)
    wizard.next()
    settle(app, ctx, 1.5)
    wizard.preview_page.view.selectRow(0)
    settle(app, ctx, 0.5)
    snap(app, wizard, OUT / f"import-preview-phones{tail}.png")
    wizard.reject()
    settle(app, ctx, 0.3)
    close(app, ctx, window)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en", sys.argv[2] if len(sys.argv) > 2 else "1366x768")
