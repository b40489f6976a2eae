"""Screenshots of team mode (issue 13): a confidential meeting in the list and on its page,
sharing it, Log meeting's Confidential box, and Settings signed in as the login — English and
Vietnamese.

    ketnoi admin init --db postgresql://OWNER@HOST/DB          # a team database
    ketnoi admin add-user lan --role officer --name "Trần Thị Lan" --db …
    ketnoi demo --db postgresql://lan@HOST/DB
    ketnoi log-meeting --title "…" --at "2026-11-20 14:00" --confidential --db postgresql://lan@HOST/DB
    python docs/screenshots/take_team_screenshots.py postgresql://lan@HOST/DB [OUT] [WIDTHxHEIGHT]

Writes team-<lang>-<shot>.png into OUT (default: beside this file).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def main(url: str, out: Path, width: int, height: int) -> None:
    app = QApplication(sys.argv[:1])
    app.setFont(QFont("Noto Sans", 10))
    from sqlalchemy import text

    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.dialogs.settings import SettingsDialog
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.team import ShareDialog

    engine = open_database(url)
    with engine.connect() as c:
        meeting = int(c.execute(text("SELECT max(id) FROM meeting WHERE confidential")).scalar() or 0)
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "vi"):
        i18n.install(app, language)
        ctx = AppContext(engine, Settings(str(Path(tempfile.mkdtemp()) / "shots.ini")))
        window = MainWindow(ctx)
        window.resize(width, height)
        window.show()

        def settle(ctx: AppContext = ctx) -> None:
            for _ in range(5):
                app.processEvents()
            ctx.tasks.wait()
            app.processEvents()

        settle()
        window.navigate("meeting", meeting)
        settle()
        window.grab().save(str(out / f"team-{language}-confidential-meeting.png"))
        share = ShareDialog(ctx, "meeting", meeting, window)
        share.show()
        settle()
        share.grab().save(str(out / f"team-{language}-share.png"))
        share.reject()
        dialog = LogMeetingDialog(ctx, parent=window)
        dialog.confidential.setChecked(True)
        dialog.show()
        settle()
        dialog.grab().save(str(out / f"team-{language}-log-meeting.png"))
        dialog.confidential.setChecked(False)  # nothing typed: closes without asking
        dialog.reject()
        settings = SettingsDialog(ctx, window)
        settings.show()
        settle()
        settings.grab().save(str(out / f"team-{language}-settings.png"))
        settings.reject()
        window.close()
        settle()
        window.deleteLater()
        settle()


if __name__ == "__main__":
    args = sys.argv[1:]
    size = args[2] if len(args) > 2 else "1366x768"
    w, h = (int(n) for n in size.split("x"))
    main(args[0], Path(args[1]) if len(args) > 1 else HERE, w, h)
