"""Start the desktop app: ``ketnoi`` with no subcommand calls :func:`run`."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from db.engine import default_url, describe_url, resolve_url
from db.migrate import DatabaseError, open_database
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
    code = app.exec()
    engine.dispose()
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv[1] if len(sys.argv) > 1 else None))
