"""Start the desktop app: ``ketnoi`` with no subcommand calls :func:`run`."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db import backup as backups
from db.engine import default_url, describe_url, resolve_url, sqlite_path
from db.migrate import DatabaseError, open_database, quick_check, restore_database
from ui import i18n
from ui.settings import APPLICATION, ORGANISATION, Settings


def run(url: str | None = None, *, settings: Settings | None = None) -> int:
    """Open the database at ``url`` (or the one chosen in Settings) and show the main window."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Ketnoi")
    settings = settings or Settings()
    i18n.install(app, settings.language)  # Settings → Language; default: the system's
    # The CLI passes the resolved default when no --db was given: then the location chosen in
    # Settings wins. An explicit --db or KETNOI_DATABASE_URL (anything else) wins over Settings.
    if settings.database_url and (not url or url == default_url()):
        url = settings.database_url
    target = resolve_url(url)
    # A damaged file is noticed before anything reads its schema (the version may sit on a
    # broken page, and then nothing would open): the latest good backup is offered first.
    problem = quick_check(target)
    if problem and not offer_latest_backup(target, problem, settings):
        return 1
    try:
        engine = open_database(target)
    except DatabaseError as exc:
        QMessageBox.critical(
            None,
            "Ketnoi",
            app.translate("Main", "Ketnoi cannot open the database\n%1\n\n%2")
            .replace("%1", describe_url(target))
            .replace("%2", str(exc)),
        )
        return 1
    except Exception as exc:  # a missing server, a bad URL, a file we may not write
        QMessageBox.critical(
            None,
            "Ketnoi",
            app.translate("Main", "Ketnoi cannot reach the database\n%1\n\n%2")
            .replace("%1", describe_url(target))
            .replace("%2", str(exc)),
        )
        return 1
    from ui.context import AppContext
    from ui.main_window import MainWindow

    ctx = AppContext(engine, settings)
    window = MainWindow(ctx)
    window.show()
    window.live.start(window.live_label)  # colleagues' saves, live (issue 13)
    quit_after(window)
    from ui.welcome import maybe_welcome

    maybe_welcome(window)
    # Today's copy, off the UI thread (a big file takes a second or two to copy).
    ctx.tasks.run(lambda _task: backups.daily(engine), on_error=lambda _exc: None, write=True)
    code = app.exec()
    engine.dispose()
    return int(code)


QUIT_AFTER = "KETNOI_QUIT_AFTER_MS"


def quit_after(window: QWidget, env: dict[str, str] | None = None) -> int | None:
    """``KETNOI_QUIT_AFTER_MS=N``: close the window N ms after it opened, quit, and say so on
    stderr. For smoke tests of a build (tools/smoke_bundle.sh), which has no one to close it."""
    raw = (os.environ if env is None else env).get(QUIT_AFTER, "")
    if not raw.strip().isdigit():
        return None
    ms = int(raw)
    opened = time.monotonic()

    def close() -> None:
        shown = window.isVisible()
        title, width, height = window.windowTitle(), window.width(), window.height()
        window.close()
        QApplication.quit()  # the window closed this early can leave a bundle's loop running
        took = (time.monotonic() - opened) * 1000
        state = "opened" if shown else "NOT shown"
        print(
            f'ketnoi: window {state}: "{title}" {width}x{height}, closed after {took:.0f} ms', file=sys.stderr
        )

    QTimer.singleShot(ms, close)
    return ms


def offer_latest_backup(url: str, problem: str, settings: Settings) -> bool:
    """The database is damaged: say so in one sentence and offer its latest good backup.
    Nothing is written to the damaged file; restoring keeps it aside. True when restored.
    What SQLite found is under Show Details (it means little to most people)."""
    path = sqlite_path(url)
    good = backups.latest_good(path) if path is not None else None
    box = QMessageBox(QMessageBox.Icon.Critical, "Ketnoi", "")
    box.setObjectName("damaged_database")
    text = QApplication.translate(
        "Main", "The database %1 is damaged, so Ketnoi will not write to it."
    ).replace("%1", str(path) if path is not None else describe_url(url))
    box.setDetailedText(problem)
    if good is None:
        box.setText(text + " " + QApplication.translate("Main", "No backup of it was found."))
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    when = settings.fmt_datetime(good.at)
    box.setText(
        text
        + " "
        + QApplication.translate(
            "Main", "Open its latest good backup, from %1? (The damaged file is kept aside.)"
        ).replace("%1", when)
    )
    restore = box.addButton(
        QApplication.translate("Main", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole
    )
    restore.setObjectName("restore_latest")
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        restore_database(url, good.path)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Ketnoi", str(exc))
        return False
    return True


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv[1] if len(sys.argv) > 1 else None))
