"""Screenshot of the question File → Import history → Undo import asks first (not a test):
"Undo import #1 (field-contacts.xlsx, …)? 59 contacts and 12 organisations it created will be
removed. This cannot be undone." with [Undo import] [Cancel], Cancel the default.

    Xvfb :47 -screen 0 1366x768x24 & DISPLAY=:47 openbox &
    DISPLAY=:47 python docs/screenshots/take_import_undo_confirm.py en
    DISPLAY=:47 python docs/screenshots/take_import_undo_confirm.py vi

Writes docs/screenshots/import-undo-confirm-<lang>-1366.png, over the main window at 1366×768.
The question is answered Cancel: nothing is undone. Everything happens in a temporary folder.
"""

from __future__ import annotations

import sys
from typing import Any

from shots import HERE as OUT
from shots import open_window, settle, snap, start_app, temp_home

PEOPLE = 59
UNITS = 12


def main(lang: str) -> None:
    from openpyxl import Workbook

    tmp = temp_home()
    app = start_app()
    from app.importing import run_import
    from db.migrate import open_database
    from tests.app.importing.helpers import preview
    from ui.import_wizard import history_dialog

    engine = open_database(f"sqlite:///{tmp / 'shots.db'}")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email", "Đơn vị"])
    for i in range(PEOPLE):
        ws.append(
            [f"Nguyễn Văn Khách {i + 1}", f"khach{i + 1}@vidu.vn", f"Viện nghiên cứu số {i % UNITS + 1}"]
        )
    wb.save(tmp / "field-contacts.xlsx")
    run_import(engine, preview(engine, tmp / "field-contacts.xlsx"), actor="Trần Minh Quang")

    ctx, window = open_window(engine, lang)
    settle(app, ctx, 1.0)
    asked: list[Any] = []

    def answer(box: Any) -> Any:  # show the question, take the picture, answer Cancel
        box.show()
        settle(app, None, 0.8)
        snap(app, box, OUT / f"import-undo-confirm-{lang}-1366.png")
        asked.append(box.text())
        return box.defaultButton()

    history_dialog.answer = answer
    dialog = history_dialog.ImportHistoryDialog(ctx, window)
    dialog.resize(960, 460)
    dialog.move(200, 120)
    dialog.show()
    settle(app, ctx, 1.0)
    dialog.view.selectRow(0)
    dialog.undo_button.click()
    assert asked, "the question was not asked"
    print(asked[0])
    dialog.close()
    window.close()
    settle(app, ctx, 0.3)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
