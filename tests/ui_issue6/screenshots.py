"""Screenshots for issue 6 from a demo database (not a test: run it by hand).

    ketnoi demo --db /tmp/d.db
    QT_QPA_PLATFORM=offscreen /tmp/kv/bin/python tests/ui_issue6/screenshots.py /tmp/d.db

Writes docs/screenshots/map.png, map-dark.png, main-vi.png, dashboard-vi.png and
find-duplicates.png (the database is not changed: the map is only looked at).
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


def main(db: str) -> None:
    app = QApplication(sys.argv[:1])
    app.setFont(QFont("Noto Sans", 10))
    from sqlalchemy import text

    sys.path.insert(0, str(ROOT / "docs" / "screenshots"))
    from take_screenshots import dark_palette  # type: ignore[import-not-found]

    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    with engine.connect() as c:
        staff_id = c.execute(text("SELECT min(id) FROM staff")).scalar()

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
    w.find_duplicates()
    dialog = w.duplicates_dialog
    dialog.search()
    settle(ctx)
    dialog.grab().save(str(OUT / "find-duplicates.png"))
    dialog.close()
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
    w.close()
    settle(ctx)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/d.db")
