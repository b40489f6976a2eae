"""Screenshots of a database in a read-only folder (a colleague's share, a backup on a read-only
medium), English and Vietnamese, 1366x768: the message at start-up with its "Open read-only"
button, and the window opened read-only on an organisation's page — the write commands off (the
tooltip of Edit says why), "Read-only file" in the status bar, "(read-only)" in the title.

    Xvfb :73 -screen 0 1366x768x24 & DISPLAY=:73 openbox &
    DISPLAY=:73 python docs/screenshots/take_read_only.py [OUT]

The folder is really read-only: chmod 0555, or (as root, where chmod does not stop root) a
read-only bind mount of it, undone at the end. Writes read-only-message-<lang>.png and
read-only-window-<lang>.png into OUT (default: beside this file), and read-only-older-<lang>.png:
the message for such a file of an older schema, which offers to save a copy and open it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from shots import HERE, cli, close, first_staff, grab, open_window, settle, snap, start_app, temp_home


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def main(out: Path) -> None:
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar, QToolTip

    from app import resolve
    from db.migrate import read_only_problem
    from db.read_only import OlderSchemaError, open_read_only
    from ui.i18n import install
    from ui.main import older_copy_box, read_only_box

    tmp = temp_home()
    share = tmp / "share"
    share.mkdir()
    db = share / "ketnoi.db"
    cli(db)("demo")
    app = start_app()
    with read_only(share):
        reason = read_only_problem(db)
        assert reason is not None, "the folder is not read-only"
        for language in ("en", "vi"):
            install(app, language)

            def shoot_box(language: str = language) -> None:
                box = QApplication.activeModalWidget()
                if not isinstance(box, QMessageBox):
                    QTimer.singleShot(50, shoot_box)
                    return
                box.move(290, 200)
                settle(app, None, 0.8)
                grab(box, out / f"read-only-message-{language}.png")  # the box alone
                box.button(QMessageBox.StandardButton.Close).click()

            QTimer.singleShot(0, shoot_box)
            read_only_box(reason)
            engine = open_read_only(f"sqlite:///{db}", reason)
            ctx, window = open_window(engine, language, staff_id=first_staff(engine), size=(1366, 740))
            settle(app, ctx, 1.0)
            window.move(0, 0)  # once framed: the title bar (with "(read-only)") shows
            settle(app, ctx, 0.5)
            with ctx.read() as s:
                viettel = resolve.resolve(s, "organisation", "Viettel")
            window.navigate("organisation", viettel)
            settle(app, ctx, 1.0)
            bar = window.findChild(QToolBar)
            new = window.act_new
            button = bar.widgetForAction(new)
            at = button.mapToGlobal(QPoint(button.width() // 2, button.height() // 2))
            QCursor.setPos(at)  # hovering "New": its tooltip says why it is off
            settle(app, ctx, 1.5)
            if not QToolTip.isVisible():
                QToolTip.showText(at + QPoint(0, 12), new.toolTip(), button)
                settle(app, None, 0.5)
            snap(app, window, out / f"read-only-window-{language}.png")
            QToolTip.hideText()
            close(app, ctx, window)
            engine.dispose()

            def shoot_older(language: str = language) -> None:
                box = QApplication.activeModalWidget()
                if not isinstance(box, QMessageBox):
                    QTimer.singleShot(50, shoot_older)
                    return
                box.move(240, 200)
                settle(app, None, 0.8)
                grab(box, out / f"read-only-older-{language}.png")
                box.button(QMessageBox.StandardButton.Close).click()

            QTimer.singleShot(0, shoot_older)  # a file of an older schema: a copy is what opens
            older_copy_box(OlderSchemaError(db, "0013"))
    print("left beside the file:", sorted(p.name for p in share.iterdir()))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
