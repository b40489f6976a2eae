"""Screenshots of Help (shortcut sheet, guide, About → Licences) and the first-run welcome,
over the main window on a 1366×768 screen (not a test). Run under Xvfb with a window manager:

    Xvfb :36 -screen 0 1366x768x24 & DISPLAY=:36 openbox &
    ketnoi demo --db /tmp/x.db
    DISPLAY=:36 python docs/screenshots/take_help_screenshots.py /tmp/x.db en
    DISPLAY=:36 python docs/screenshots/take_help_screenshots.py /tmp/x.db vi

Writes docs/screenshots/help-shortcuts[-vi].png, help-guide[-vi].png, about-licences[-vi].png
and welcome[-vi].png (the welcome over an empty database in a temporary folder).
"""

from __future__ import annotations

import shutil
import sys

from shots import HERE as OUT
from shots import start_app, temp_home


def main(db: str, lang: str) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    tmp = temp_home()
    app = start_app()
    from db.migrate import open_database
    from ui import help_menu, i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.welcome import show_welcome

    i18n.install(app, lang)
    suffix = "" if lang == "en" else f"-{lang}"

    def settle(ms: int = 600) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(name: str) -> None:
        settle()
        app.primaryScreen().grabWindow(0).save(str(OUT / f"{name}{suffix}.png"))
        for widget in app.topLevelWidgets():
            if widget.isVisible() and widget.objectName() not in ("main_window", ""):
                widget.close()
        settle(200)

    shutil.copy(db, tmp / "demo.db")
    settings = Settings(str(tmp / "shots.ini"))
    settings.language = lang
    ctx = AppContext(open_database(f"sqlite:///{tmp / 'demo.db'}"), settings)
    window = MainWindow(ctx)
    window.showMaximized()
    settle(1500)
    help_menu.open_shortcuts(window)
    shoot("help-shortcuts")
    help_menu.open_guide(window)
    shoot("help-guide")
    help_menu.open_about(window)
    about = next(w for w in app.topLevelWidgets() if w.objectName() == "about_dialog")
    about.tabs.setCurrentIndex(1)
    shoot("about-licences")
    window.close()

    empty = AppContext(open_database(f"sqlite:///{tmp / 'empty.db'}"), settings)
    first = MainWindow(empty)
    first.showMaximized()
    settle(1500)
    show_welcome(first)
    shoot("welcome")
    first.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/x.db", sys.argv[2] if len(sys.argv) > 2 else "en")
