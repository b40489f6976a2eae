"""Screenshots of the import wizard for the docs (not a test).

    ketnoi demo --db /tmp/x.db
    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_import_screenshots.py /tmp/x.db [tests/data/field-contacts.xlsx]

Writes docs/screenshots/import-file.png, import-mapping.png, import-preview.png and
import-commit.png. The import is committed into a copy of the database, never the file given.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "screenshots"


def main(db: str, workbook: str) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from ui import gui_gc

    gui_gc.install(app)  # as the app: the cyclic collector on the GUI thread only
    app.setFont(QFont("Noto Sans", 10))
    from db.migrate import open_database
    from ui.context import AppContext
    from ui.import_wizard import open_import_wizard
    from ui.settings import Settings

    # Work on a copy: the demo database stays as it was.
    tmp = Path(tempfile.mkdtemp())
    shutil.copy(db, tmp / "demo.db")
    engine = open_database(f"sqlite:///{tmp / 'demo.db'}")
    ctx = AppContext(engine, Settings(str(tmp / "shots.ini")))
    wizard = open_import_wizard(None, ctx, Path(workbook).resolve())
    wizard.resize(1040, 700)

    def settle() -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: None if wizard.busy() else loop.quit())
        timer.start(20)
        loop.exec()
        timer.stop()
        for _ in range(5):
            app.processEvents()

    settle()
    wizard.file_page.select_sheet("Danh bạ")
    wizard.grab().save(str(OUT / "import-file.png"))
    wizard.next()
    settle()
    wizard.grab().save(str(OUT / "import-mapping.png"))
    wizard.next()
    settle()
    page = wizard.preview_page
    # The end of the sheet: the duplicate and the errors below the last new rows.
    page.view.scrollToBottom()
    settle()
    wizard.grab().save(str(OUT / "import-preview.png"))
    wizard.next()  # writes into the copy of the demo database
    settle()
    wizard.grab().save(str(OUT / "import-commit.png"))
    wizard.accept()
    settle()
    engine.dispose()


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "/tmp/x.db",
        sys.argv[2] if len(sys.argv) > 2 else str(ROOT / "tests" / "data" / "field-contacts.xlsx"),
    )
