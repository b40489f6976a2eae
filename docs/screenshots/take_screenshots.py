"""Take the README screenshots from a demo database.

    ketnoi demo --db /tmp/demo.db
    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_screenshots.py /tmp/demo.db

Writes dashboard.png, organisation.png, log-meeting.png and actions.png beside this file. The
window is 1360×840: Qt's offscreen screen is 800 px wide and would squeeze it, so without a
DISPLAY (or with a bare ``QT_QPA_PLATFORM=offscreen``) the script gives Qt an offscreen screen of
1920×1200 (``offscreen:configfile=…``); under Xvfb, give it a screen at least that big.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if os.environ.get("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "") == "offscreen":
    _screen = Path(tempfile.mkdtemp()) / "screen.json"
    _screen.write_text(
        '{"screens": [{"name": "big", "x": 0, "y": 0, "width": 1920, "height": 1200, '
        '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def type_into(widget: object, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))  # type: ignore[arg-type]


def dark_palette() -> QPalette:
    """A dark system theme, as a desktop in dark mode would hand it to Qt."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f22",
        QPalette.ColorRole.AlternateBase: "#28282c",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#35353a",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb2ff",
        QPalette.ColorRole.PlaceholderText: "#9a9aa0",
        QPalette.ColorRole.Mid: "#4a4a50",
        QPalette.ColorRole.ToolTipBase: "#35353a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#77777d"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#77777d"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#77777d"))
    return p


def main(db: str, dark: bool = False) -> None:
    app = QApplication(sys.argv[:1])
    from ui import gui_gc

    gui_gc.install(app)  # as the app: the cyclic collector on the GUI thread only
    app.setFont(QFont("Noto Sans", 10))
    suffix = ""
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        suffix = "-dark"
    from sqlalchemy import text

    from db.migrate import open_database
    from ui.context import AppContext
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.main_window import MainWindow
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    with engine.connect() as c:
        staff_id = c.execute(text("SELECT min(id) FROM staff")).scalar()
        org_id = c.execute(
            text(
                "SELECT o.id FROM organisation o ORDER BY "
                "(SELECT count(*) FROM action a WHERE a.organisation_id = o.id "
                " AND a.status IN ('open', 'in_progress', 'waiting')) DESC, "
                "(SELECT count(*) FROM meeting_organisation m WHERE m.organisation_id = o.id) DESC "
                "LIMIT 1"
            )
        ).scalar()
    settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
    settings.staff_id = staff_id
    ctx = AppContext(engine, settings)
    window = MainWindow(ctx)
    window.resize(1360, 840)
    window.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        ctx.tasks.wait()
        app.processEvents()

    settle()
    window.grab().save(str(HERE / f"dashboard{suffix}.png"))
    window.navigate("organisation", int(org_id))
    settle()
    window.grab().save(str(HERE / f"organisation{suffix}.png"))
    window.show_actions("open")
    settle()
    window.grab().save(str(HERE / f"actions{suffix}.png"))

    dialog = LogMeetingDialog(ctx, organisation_id=int(org_id), parent=window)
    dialog.show()
    settle()
    type_into(dialog.title, "Làm việc về chương trình tín dụng tính toán AI")
    dialog.location.setText("Hòa Lạc")
    dialog.attendees.input.setFocus()
    for name in ("nguyen", "le"):
        type_into(dialog.attendees.input, name)
        QApplication.sendEvent(
            dialog.attendees.input,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        )
    dialog.agenda.setPlainText(
        "1. Kết quả đợt 1\n2. Tiêu chí chọn start-up đợt 2\n3. Lịch làm việc với NVIDIA"
    )
    dialog.minutes.setPlainText("NIC trình bày kết quả đợt 1: 5 start-up nhận tín dụng tính toán.")
    dialog.decisions.setPlainText("Mở đợt 2 vào tháng 1; NIC gửi danh sách đề cử trước 15/12.")
    dialog.followups.what.setText("Gửi danh sách đề cử start-up đợt 2")
    dialog.followups.quick_pick("week")
    dialog.followups.add_current()
    dialog.followups.what.setText("Send programme terms in English")
    dialog.followups.who.setCurrentIndex(dialog.followups.who.count() - 2)
    dialog.followups.quick_pick("day")
    dialog.followups.add_current()
    type_into(dialog.attendees.input, "hong nh")
    settle()
    dialog.grab().save(str(HERE / f"log-meeting{suffix}.png"))
    import ui.widgets

    ui.widgets.confirm_discard = lambda *_a: True  # (closed without "Discard what you typed?")
    dialog.reject()
    window.close()
    settle()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--dark"]
    main(args[0] if args else "demo.db", dark="--dark" in sys.argv)
