"""Screenshots of the stakeholder map, the Vietnamese UI and duplicates from a demo database
(not a test: run it by hand).

    ketnoi demo --db /tmp/d.db
    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_map_and_vietnamese_screenshots.py /tmp/d.db

Writes docs/screenshots/map.png, map-dark.png, main-vi.png, dashboard-vi.png,
find-duplicates-vi.png and merge-vi.png (from a copy of the database with two duplicates added).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main(original: str) -> None:
    import shutil

    db = str(Path(tempfile.mkdtemp()) / "demo.db")  # a copy: two duplicates are added to it
    shutil.copy(original, db)
    app = QApplication(sys.argv[:1])
    from ui import gui_gc

    gui_gc.install(app)  # as the app: the cyclic collector on the GUI thread only
    app.setFont(QFont("Noto Sans", 10))
    from sqlalchemy import text

    sys.path.insert(0, str(ROOT / "docs" / "screenshots"))
    from take_screenshots import dark_palette  # type: ignore[import-not-found]

    from app import records
    from db.engine import unit_of_work
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    with engine.connect() as c:
        staff_id = c.execute(text("SELECT min(id) FROM staff")).scalar()
        sarah = c.execute(text("SELECT id FROM contact WHERE full_name = 'Sarah Chen'")).scalar()
        email = c.execute(
            text("SELECT value FROM contact_method WHERE contact_id = :i AND kind = 'email'"), {"i": sarah}
        ).scalar()
    with unit_of_work(engine) as s:  # what an import of an old spreadsheet leaves behind
        records.create(s, "contact", {"full_name": "Vo Thi Lan Anh", "position": "Truong ban"})
        records.create(s, "contact", {"full_name": "Chen, Sarah", "emails": [email]})

    def window_for(language: str) -> tuple[MainWindow, AppContext]:
        i18n.install(app, language)
        settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
        settings.staff_id = staff_id
        settings.language = language
        ctx = AppContext(engine, settings)
        w = MainWindow(ctx)
        w.resize(1360, 840)
        w.show()
        return w, ctx

    def settle(ctx: AppContext) -> None:
        for _ in range(3):
            app.processEvents()
            ctx.tasks.wait()
            app.processEvents()

    w, ctx = window_for("en")
    w.nav.setCurrentRow(w.nav.count() - 1)
    settle(ctx)
    w.grab().save(str(OUT / "map.png"))
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    settle(ctx)
    w.map_view.refresh()
    settle(ctx)
    w.grab().save(str(OUT / "map-dark.png"))
    w.close()
    app.setPalette(app.style().standardPalette())

    w, ctx = window_for("vi")
    settle(ctx)
    w.grab().save(str(OUT / "dashboard-vi.png"))
    w.nav.setCurrentRow(2)
    settle(ctx)
    w.grab().save(str(OUT / "main-vi.png"))
    w.act_duplicates.trigger()  # Tools → Find duplicates…
    dialog = w.duplicates_dialog
    dialog.search()
    settle(ctx)
    dialog.grab().save(str(OUT / "find-duplicates-vi.png"))
    from ui.dialogs.merge_dialog import MergeDialog

    pair = dialog.selected_pair()
    merge = MergeDialog(ctx, w.commands, *pair, parent=dialog)
    merge.show()
    settle(ctx)
    merge.grab().save(str(OUT / "merge-vi.png"))
    merge.reject()
    dialog.close()
    w.close()
    settle(ctx)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/d.db")
