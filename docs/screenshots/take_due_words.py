"""Screenshots of Log meeting's follow-up due box (reviewer h143): a date refused, said in words
under the box, and words typed ("next friday", "thứ sáu tuần sau") with the date they became.

    ketnoi demo --db /tmp/demo.db
    python docs/screenshots/take_due_words.py /tmp/demo.db en 1280x720 [OUT]
    python docs/screenshots/take_due_words.py /tmp/demo.db vi 1366x768 [OUT]

Writes due-refused-<lang>.png and due-words-<lang>.png into OUT (default: beside this file): the
whole screen under Xvfb (run it at the size named) with a window manager, else the dialog alone.
Nothing is saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, close, first_staff, open_window, settle, snap, start_app


def _type(widget: object, text: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _enter(widget: object) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))


def main(db: str, language: str, size: tuple[int, int], out: Path) -> None:
    app = start_app()
    from sqlalchemy import text

    from db.migrate import open_database
    from ui.dialogs.log_meeting import LogMeetingDialog

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    staff_id = first_staff(engine)
    with engine.connect() as c:
        org = dict(c.execute(text("SELECT name, id FROM organisation")).all())
    out.mkdir(parents=True, exist_ok=True)
    ctx, window = open_window(engine, language, staff_id=staff_id, size=size)
    settle(app, ctx)
    dialog = LogMeetingDialog(ctx, organisation_id=org["Bộ Khoa học và Công nghệ"], parent=window)
    dialog.title.setText("Làm việc với Bộ KH&CN về chương trình đổi mới sáng tạo")
    dialog.location.setText("113 Trần Duy Hưng, Hà Nội")
    fu = dialog.followups
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    settle(app, ctx)
    fu.what.setText("Gửi biên bản cho Bộ" if language == "vi" else "Send the minutes to MOST")
    fu.due.setFocus()
    settle(app, ctx)
    _type(fu.due, "30/02/2027")
    _enter(fu.due)
    settle(app, ctx)
    snap(app, dialog, out / f"due-refused-{language}.png")
    _type(fu.due, "thứ sáu tuần sau" if language == "vi" else "next friday")  # replaces the text refused
    _enter(fu.due)  # read, and the follow-up added with it
    fu.what.setText("Xác nhận ngày họp hội đồng" if language == "vi" else "Confirm the board's date")
    settle(app, ctx)
    snap(app, dialog, out / f"due-words-{language}.png")
    dialog._confirmed_discard = True
    dialog.reject()
    close(app, ctx, window)


if __name__ == "__main__":
    args = sys.argv[1:]
    width, height = (int(n) for n in (args[2] if len(args) > 2 else "1366x768").split("x"))
    main(
        args[0], args[1] if len(args) > 1 else "en", (width, height), Path(args[3]) if len(args) > 3 else HERE
    )
