"""Screenshot of File → Import history while a big import is undone (not a test): the bar counts
the import's records ("Undoing import #1… 8,100 of 20,003 records") beside Cancel undo.

    Xvfb :43 -screen 0 1366x768x24 & DISPLAY=:43 openbox &
    DISPLAY=:43 python docs/screenshots/take_undo_progress.py en
    DISPLAY=:43 python docs/screenshots/take_undo_progress.py vi

Writes docs/screenshots/import-history-undo-progress-<lang>.png. The undo is held at that count
for the picture (the service's progress callback waits), then cancelled: nothing is changed.
Everything happens in a temporary folder: an empty database, a workbook of 20,000 contacts.
"""

from __future__ import annotations

import sys
import threading
import time

from shots import HERE as OUT
from shots import settle, snap, start_app, temp_home

ROWS = 20_000


def main(lang: str) -> None:
    from openpyxl import Workbook

    tmp = temp_home()
    app = start_app()
    from PySide6.QtWidgets import QPushButton

    from app.importing import run_import
    from db.migrate import open_database
    from tests.app.importing.helpers import preview
    from ui import i18n
    from ui.context import AppContext
    from ui.import_wizard import history_dialog
    from ui.settings import Settings

    i18n.install(app, lang)
    engine = open_database(f"sqlite:///{tmp / 'shots.db'}")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email", "Đơn vị"])
    for i in range(ROWS):
        ws.append([f"Nguyễn Văn Khách {i}", f"khach{i}@vidu.vn", f"Viện {i % 3}"])
    wb.save(tmp / "danh-ba-lon.xlsx")
    run_import(engine, preview(engine, tmp / "danh-ba-lon.xlsx"), actor="Trần Minh Quang")

    held, release = threading.Event(), threading.Event()
    real = history_dialog.undo_import

    def held_undo(*args, progress, **kwargs):  # type: ignore[no-untyped-def]
        def report(done: int, total: int) -> None:
            if done >= 8_000 and not held.is_set():
                time.sleep(0.1)  # past the task's throttle: this count is the one shown
                progress(done, total)
                held.set()
                release.wait(30)
                return
            progress(done, total)

        return real(*args, progress=report, **kwargs)

    history_dialog.undo_import = held_undo
    # "Undo import #1 …? This cannot be undone." answered [Undo import]
    history_dialog.answer = lambda box: box.findChild(QPushButton, "import_history_confirm_undo")
    settings = Settings(str(tmp / "shots.ini"))
    ctx = AppContext(engine, settings)
    dialog = history_dialog.ImportHistoryDialog(ctx)
    dialog.resize(960, 460)
    dialog.move(40, 40)
    dialog.show()
    settle(app, ctx, 1.0)
    dialog.view.selectRow(0)
    dialog.undo_button.click()
    held.wait(30)
    settle(app, None, 0.6)
    snap(app, dialog, OUT / f"import-history-undo-progress-{lang}.png")
    dialog.cancel_undo()
    release.set()
    settle(app, ctx, 1.0)
    dialog.close()
    settle(app, ctx, 0.2)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
